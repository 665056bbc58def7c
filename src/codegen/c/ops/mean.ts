/** C emitter for MEAN → runtime/kernels/mean.c (float32); integer means are reduce_common.c sums. */
import type { MeanParams } from '../../../kernels/mean.js';
import { defineEmitter } from '../context.js';
import { planParams, quantParams, REDUCE_COMMON, SUFFIX } from './reduce-common.js';

export const meanC = defineEmitter<MeanParams>({
  op: 'MEAN',
  sources: (p) => (p.dtype === 'float32' ? ['kernels/mean.c', REDUCE_COMMON] : [REDUCE_COMMON]),
  emit(p, ctx) {
    const io = `${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}`;
    if (p.dtype === 'float32') return { code: `tf_mean_f32(${planParams(p, ctx, p.output)}, ${io});` };
    // The prepared multiplier already divides by the count (QuantizedMeanOrSum's folding).
    const params = quantParams(p, ctx, p.output);
    return { code: `tf_reduce_sum_${SUFFIX[p.dtype]}(${params}, ${io}, ${ctx.scratch});` };
  },
});

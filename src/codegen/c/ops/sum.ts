/** C emitter for SUM → runtime/kernels/reduce_common.c (tf_reduce_sum_*). */
import type { SumParams } from '../../../kernels/sum.js';
import { defineEmitter } from '../context.js';
import { planParams, quantParams, REDUCE_COMMON, SUFFIX } from './reduce-common.js';

export const sumC = defineEmitter<SumParams>({
  op: 'SUM',
  sources: () => [REDUCE_COMMON],
  emit(p, ctx) {
    const io = `${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}`;
    if (p.dtype === 'float32') return { code: `tf_reduce_sum_f32(${planParams(p, ctx, p.output)}, ${io});` };
    const params = quantParams(p, ctx, p.output);
    return { code: `tf_reduce_sum_${SUFFIX[p.dtype]}(${params}, ${io}, ${ctx.scratch});` };
  },
});

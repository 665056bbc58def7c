/** C emitter for HARD_SWISH → runtime/kernels/hard_swish.c (float32); int8 as a table of results. */
import { type HardSwishParams, hardSwish } from '../../../kernels/hard-swish.js';
import { defineEmitter } from '../context.js';
import { ELEMENTWISE_COMMON, int8LutCall } from './elementwise-common.js';

export const hardSwishC = defineEmitter<HardSwishParams>({
  op: 'HARD_SWISH',
  sources: (p) => [p.dtype === 'int8' ? ELEMENTWISE_COMMON : 'kernels/hard_swish.c'],
  emit(p, ctx) {
    if (p.dtype === 'int8') return { code: int8LutCall(ctx, hardSwish, p) };
    return { code: `tf_hard_swish_f32(${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}, ${p.count});` };
  },
});

/** C emitter for RSQRT → runtime/kernels/rsqrt.c (float32); int8 as a table of results. */
import { type RsqrtParams, rsqrt } from '../../../kernels/rsqrt.js';
import { defineEmitter } from '../context.js';
import { ELEMENTWISE_COMMON, int8LutCall } from './elementwise-common.js';

export const rsqrtC = defineEmitter<RsqrtParams>({
  op: 'RSQRT',
  sources: (p) => [p.dtype === 'int8' ? ELEMENTWISE_COMMON : 'kernels/rsqrt.c'],
  emit(p, ctx) {
    if (p.dtype === 'int8') return { code: int8LutCall(ctx, rsqrt, p) };
    return { code: `tf_rsqrt_f32(${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}, ${p.count});` };
  },
});

/** C emitter for RSQRT → runtime/kernels/rsqrt.c */
import type { RsqrtParams } from '../../../kernels/rsqrt.js';
import { defineEmitter } from '../context.js';

export const rsqrtC = defineEmitter<RsqrtParams>({
  op: 'RSQRT',
  sources: () => ['kernels/rsqrt.c'],
  emit(p, ctx) {
    const io = `${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}`;
    if (p.dtype === 'float32') return { code: `tf_rsqrt_f32(${io}, ${p.count});` };
    const params = ctx.params('tf_rsqrt_q_t', {
      count: p.count,
      input_offset: p.inputOffset,
      output_offset: p.outputOffset,
      multiplier: p.multiplier,
      shift: p.shift,
    });
    return { code: `tf_rsqrt_s8(${params}, ${io});` };
  },
});

/** C emitter for ABS → runtime/kernels/abs.c */
import type { AbsParams } from '../../../kernels/abs.js';
import { defineEmitter } from '../context.js';

export const absC = defineEmitter<AbsParams>({
  op: 'ABS',
  sources: () => ['kernels/abs.c'],
  emit(p, ctx) {
    const io = `${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}`;
    if (p.dtype === 'float32') return { code: `tf_abs_f32(${io}, ${p.count});` };
    if (!p.quantized) return { code: `tf_abs_s16_raw(${io}, ${p.count});` };
    const params = ctx.params('tf_abs_q_t', {
      count: p.count,
      input_offset: p.inputOffset,
      output_offset: p.outputOffset,
      needs_rescale: p.needsRescale ? 1 : 0,
      multiplier: p.multiplier,
      shift: p.shift,
    });
    return { code: `tf_abs_${p.dtype === 'int8' ? 's8' : 's16'}(${params}, ${io});` };
  },
});

/** C emitter for ABS → runtime/kernels/abs.c; int8 as a table of results. */
import { type AbsParams, abs } from '../../../kernels/abs.js';
import { defineEmitter } from '../context.js';
import { ELEMENTWISE_COMMON, int8LutCall } from './elementwise-common.js';

export const absC = defineEmitter<AbsParams>({
  op: 'ABS',
  sources: (p) => [p.dtype === 'int8' ? ELEMENTWISE_COMMON : 'kernels/abs.c'],
  emit(p, ctx) {
    if (p.dtype === 'int8') return { code: int8LutCall(ctx, abs, p) };
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
    return { code: `tf_abs_s16(${params}, ${io});` };
  },
});

/** C emitter for LEAKY_RELU → runtime/kernels/leaky_relu.c (int8 as a table of results). */
import { type LeakyReluParams, leakyRelu } from '../../../kernels/leaky-relu.js';
import { cFloat, defineEmitter } from '../context.js';
import { ELEMENTWISE_COMMON, int8LutCall } from './elementwise-common.js';

export const leakyReluC = defineEmitter<LeakyReluParams>({
  op: 'LEAKY_RELU',
  sources: (p) => [p.dtype === 'int8' ? ELEMENTWISE_COMMON : 'kernels/leaky_relu.c'],
  emit(p, ctx) {
    if (p.dtype === 'int8') return { code: int8LutCall(ctx, leakyRelu, p) };
    const io = `${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}`;
    if (p.dtype === 'float32') return { code: `tf_leaky_relu_f32(${io}, ${p.count}, ${cFloat(p.alpha)});` };
    const params = ctx.params('tf_leaky_relu_q_t', {
      count: p.count,
      input_zero_point: p.inputZeroPoint,
      output_zero_point: p.outputZeroPoint,
      identity_multiplier: p.identityMultiplier,
      identity_shift: p.identityShift,
      alpha_multiplier: p.alphaMultiplier,
      alpha_shift: p.alphaShift,
      out_min: p.outMin,
      out_max: p.outMax,
    });
    return { code: `tf_leaky_relu_s16(${params}, ${io});` };
  },
});

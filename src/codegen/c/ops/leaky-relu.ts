/** C emitter for LEAKY_RELU → runtime/kernels/leaky_relu.c */
import type { LeakyReluParams } from '../../../kernels/leaky-relu.js';
import { cFloat, defineEmitter } from '../context.js';
import { dtypeSuffix } from './elementwise-common.js';

export const leakyReluC = defineEmitter<LeakyReluParams>({
  op: 'LEAKY_RELU',
  sources: () => ['kernels/leaky_relu.c'],
  emit(p, ctx) {
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
    return { code: `tf_leaky_relu_${dtypeSuffix(p.dtype)}(${params}, ${io});` };
  },
});

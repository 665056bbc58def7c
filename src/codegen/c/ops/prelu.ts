/** C emitter for PRELU → runtime/kernels/prelu.c */
import type { PreluParams } from '../../../kernels/prelu.js';
import { defineEmitter } from '../context.js';
import { dtypeSuffix, ELEMENTWISE_COMMON, planInit, plannedBinaryCall } from './elementwise-common.js';

export const preluC = defineEmitter<PreluParams>({
  op: 'PRELU',
  sources: () => ['kernels/prelu.c', ELEMENTWISE_COMMON],
  emit(p, ctx) {
    const binary = { input1: p.input, input2: p.alpha, output: p.output, plan: p.plan };
    if (p.dtype === 'float32') return { code: plannedBinaryCall(ctx, 'tf_prelu_f32', binary) };
    const params = ctx.params('tf_prelu_q_t', {
      plan: planInit(ctx, p.plan),
      input_offset: p.inputOffset,
      alpha_offset: p.alphaOffset,
      output_offset: p.outputOffset,
      identity_multiplier: p.identityMultiplier,
      identity_shift: p.identityShift,
      alpha_multiplier: p.alphaMultiplier,
      alpha_shift: p.alphaShift,
    });
    const args = `${ctx.tensor(p.input)}, ${ctx.tensor(p.alpha)}, ${ctx.tensor(p.output)}`;
    return { code: `tf_prelu_${dtypeSuffix(p.dtype)}(${params}, ${args});` };
  },
});

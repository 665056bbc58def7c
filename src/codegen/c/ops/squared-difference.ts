/** C emitter for SQUARED_DIFFERENCE → runtime/kernels/squared_difference.c */
import type { SquaredDifferenceParams } from '../../../kernels/squared-difference.js';
import { defineEmitter } from '../context.js';
import { dtypeSuffix, ELEMENTWISE_COMMON, planInit, plannedBinaryCall } from './elementwise-common.js';

export const squaredDifferenceC = defineEmitter<SquaredDifferenceParams>({
  op: 'SQUARED_DIFFERENCE',
  sources: () => ['kernels/squared_difference.c', ELEMENTWISE_COMMON],
  emit(p, ctx) {
    const fn = `tf_squared_difference_${dtypeSuffix(p.dtype)}`;
    if (p.dtype === 'float32' || p.dtype === 'int32') return { code: plannedBinaryCall(ctx, fn, p) };
    const params = ctx.params('tf_squared_difference_q_t', {
      plan: planInit(ctx, p.plan),
      left_shift: p.leftShift,
      input1_offset: p.input1Offset,
      input1_multiplier: p.input1Multiplier,
      input1_shift: p.input1Shift,
      input2_offset: p.input2Offset,
      input2_multiplier: p.input2Multiplier,
      input2_shift: p.input2Shift,
      output_offset: p.outputOffset,
      output_multiplier: p.outputMultiplier,
      output_shift: p.outputShift,
    });
    const args = `${ctx.tensor(p.input1)}, ${ctx.tensor(p.input2)}, ${ctx.tensor(p.output)}`;
    return { code: `${fn}(${params}, ${args});` };
  },
});

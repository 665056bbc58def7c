/** C emitter for EQUAL → runtime/kernels/equal.c, and the factory of the other comparisons' emitters. */
import type { ComparisonParams } from '../../../kernels/equal.js';
import { type COpEmitter, defineEmitter } from '../context.js';
import { dtypeSuffix, ELEMENTWISE_COMMON, planInit, plannedBinaryCall } from './elementwise-common.js';

/** A comparison op's emitter: `tf_<name>_<dtype>`, with scaling constants for int8/int16. */
export function comparisonEmitter(op: string, name: string): COpEmitter<ComparisonParams> {
  return defineEmitter<ComparisonParams>({
    op,
    sources: () => ['kernels/equal.c', ELEMENTWISE_COMMON],
    emit(p, ctx) {
      const fn = `tf_${name}_${dtypeSuffix(p.dtype)}`;
      if (!p.scaled) return { code: plannedBinaryCall(ctx, fn, p) };
      const params = ctx.params('tf_comparison_q_t', {
        plan: planInit(ctx, p.plan),
        left_shift: p.leftShift,
        input1_offset: p.input1Offset,
        input1_multiplier: p.input1Multiplier,
        input1_shift: p.input1Shift,
        input2_offset: p.input2Offset,
        input2_multiplier: p.input2Multiplier,
        input2_shift: p.input2Shift,
      });
      const args = `${ctx.tensor(p.input1)}, ${ctx.tensor(p.input2)}, ${ctx.tensor(p.output)}`;
      return { code: `${fn}(${params}, ${args});` };
    },
  });
}

export const equalC = comparisonEmitter('EQUAL', 'equal');

/** C emitter for MUL → runtime/kernels/mul.c */
import type { MulParams } from '../../../kernels/mul.js';
import { cInt, defineEmitter } from '../context.js';
import { dtypeSuffix, ELEMENTWISE_COMMON, floatRange, planInit } from './elementwise-common.js';

export const mulC = defineEmitter<MulParams>({
  op: 'MUL',
  sources: () => ['kernels/mul.c', ELEMENTWISE_COMMON],
  emit(p, ctx) {
    const plan = planInit(ctx, p.plan);
    const params =
      p.dtype === 'float32'
        ? ctx.params('tf_mul_f_t', { plan, ...floatRange(p.actMin, p.actMax) })
        : ctx.params('tf_mul_q_t', {
            plan,
            input1_offset: p.input1Offset,
            input2_offset: p.input2Offset,
            output_offset: p.outputOffset,
            output_multiplier: p.outputMultiplier,
            output_shift: p.outputShift,
            act_min: cInt(p.actMin),
            act_max: cInt(p.actMax),
          });
    const args = `${ctx.tensor(p.input1)}, ${ctx.tensor(p.input2)}, ${ctx.tensor(p.output)}`;
    return { code: `tf_mul_${dtypeSuffix(p.dtype)}(${params}, ${args});` };
  },
});

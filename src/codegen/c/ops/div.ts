/** C emitter for DIV → runtime/kernels/div.c */
import type { DivParams } from '../../../kernels/div.js';
import { cInt, defineEmitter } from '../context.js';
import { dtypeSuffix, ELEMENTWISE_COMMON, floatRange, planInit } from './elementwise-common.js';

export const divC = defineEmitter<DivParams>({
  op: 'DIV',
  sources: () => ['kernels/div.c', ELEMENTWISE_COMMON],
  emit(p, ctx) {
    const plan = planInit(ctx, p.plan);
    const params =
      p.dtype === 'float32'
        ? ctx.params('tf_div_f_t', { plan, ...floatRange(p.actMin, p.actMax) })
        : ctx.params('tf_div_q_t', {
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
    return { code: `tf_div_${dtypeSuffix(p.dtype)}(${params}, ${args});` };
  },
});

/** C emitter for ADD → runtime/kernels/add.c (also SUB's kernels, see sub.ts). */
import type { AddSubParams } from '../../../kernels/add.js';
import { cInt, defineEmitter, type EmitContext } from '../context.js';
import { dtypeSuffix, ELEMENTWISE_COMMON, floatRange, planInit } from './elementwise-common.js';

export const ADD_SUB_SOURCES = ['kernels/add.c', ELEMENTWISE_COMMON];

/** The call of `tf_<op>_<dtype>` with the params its dtype takes. */
export function addSubCode(ctx: EmitContext, p: AddSubParams, op: 'add' | 'sub'): string {
  const plan = planInit(ctx, p.plan);
  const params = p.quant
    ? ctx.params('tf_add_sub_q_t', {
        plan,
        left_shift: p.quant.leftShift,
        input1_offset: p.quant.input1Offset,
        input1_multiplier: p.quant.input1Multiplier,
        input1_shift: p.quant.input1Shift,
        input2_offset: p.quant.input2Offset,
        input2_multiplier: p.quant.input2Multiplier,
        input2_shift: p.quant.input2Shift,
        output_offset: p.quant.outputOffset,
        output_multiplier: p.quant.outputMultiplier,
        output_shift: p.quant.outputShift,
        act_min: p.actMin,
        act_max: p.actMax,
      })
    : p.dtype === 'float32'
      ? ctx.params('tf_add_sub_f_t', { plan, ...floatRange(p.actMin, p.actMax) })
      : ctx.params('tf_add_sub_i_t', { plan, act_min: cInt(p.actMin), act_max: cInt(p.actMax) });
  const args = `${ctx.tensor(p.input1)}, ${ctx.tensor(p.input2)}, ${ctx.tensor(p.output)}`;
  return `tf_${op}_${dtypeSuffix(p.dtype)}(${params}, ${args});`;
}

export const addC = defineEmitter<AddSubParams>({
  op: 'ADD',
  sources: () => ADD_SUB_SOURCES,
  emit: (p, ctx) => ({ code: addSubCode(ctx, p, 'add') }),
});

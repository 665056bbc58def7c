/** C emitter for ADD → runtime/kernels/add.c (also SUB's kernels, see sub.ts). */
import type { AddSubParams, AddSubQuant } from '../../../kernels/add.js';
import { multiplyByQuantizedMultiplierSmallerThanOneExp as mulSmall } from '../../../quant/fixed-point.js';
import { cInt, defineEmitter, type EmitContext } from '../context.js';
import { dtypeSuffix, ELEMENTWISE_COMMON, floatRange, planInit } from './elementwise-common.js';

export const ADD_SUB_SOURCES = ['kernels/add.c', ELEMENTWISE_COMMON];

/**
 * An int8 input's common-scale value for each stored value v (index v + 128), computed as the
 * TS kernel does, times `sign`: the C loop looks both inputs up instead of rescaling them per
 * element, and SUB adds the negated second input (never INT32_MIN, so negation is exact).
 */
export function rescaleTable(q: AddSubQuant, input: 1 | 2, sign = 1): number[] {
  const [offset, multiplier, shift] =
    input === 1
      ? [q.input1Offset, q.input1Multiplier, q.input1Shift]
      : [q.input2Offset, q.input2Multiplier, q.input2Shift];
  return Array.from({ length: 256 }, (_, i) => {
    const v = mulSmall((offset + i - 128) * 2 ** q.leftShift, multiplier, shift);
    return v === 0 ? 0 : sign * v;
  });
}

function quantParams(
  ctx: EmitContext,
  p: AddSubParams,
  q: AddSubQuant,
  plan: string,
  op: 'add' | 'sub',
): string {
  const table = (input: 1 | 2, sign: number) =>
    p.dtype === 'int8' ? ctx.table(`input${input}_table`, 'int32_t', rescaleTable(q, input, sign)) : 'NULL';
  return ctx.params('tf_add_sub_q_t', {
    plan,
    left_shift: q.leftShift,
    input1_offset: q.input1Offset,
    input1_multiplier: q.input1Multiplier,
    input1_shift: q.input1Shift,
    input2_offset: q.input2Offset,
    input2_multiplier: q.input2Multiplier,
    input2_shift: q.input2Shift,
    output_offset: q.outputOffset,
    output_multiplier: q.outputMultiplier,
    output_shift: q.outputShift,
    act_min: p.actMin,
    act_max: p.actMax,
    input1_table: table(1, 1),
    input2_table: table(2, op === 'sub' ? -1 : 1),
  });
}

/** The call of `tf_<op>_<dtype>` with the params its dtype takes. */
export function addSubCode(ctx: EmitContext, p: AddSubParams, op: 'add' | 'sub'): string {
  const plan = planInit(ctx, p.plan);
  const params = p.quant
    ? quantParams(ctx, p, p.quant, plan, op)
    : p.dtype === 'float32'
      ? ctx.params('tf_add_sub_f_t', { plan, ...floatRange(p.actMin, p.actMax) })
      : ctx.params('tf_add_sub_i_t', { plan, act_min: cInt(p.actMin), act_max: cInt(p.actMax) });
  const args = `${ctx.tensor(p.input1)}, ${ctx.tensor(p.input2)}, ${ctx.tensor(p.output)}`;
  // int8 SUB is int8 ADD over a negated second table.
  const fn = p.dtype === 'int8' ? 'add' : op;
  return `tf_${fn}_${dtypeSuffix(p.dtype)}(${params}, ${args});`;
}

export const addC = defineEmitter<AddSubParams>({
  op: 'ADD',
  sources: () => ADD_SUB_SOURCES,
  emit: (p, ctx) => ({ code: addSubCode(ctx, p, 'add') }),
});

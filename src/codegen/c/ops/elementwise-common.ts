/**
 * What the element-wise C emitters share: the broadcast plan as const tables for
 * runtime/kernels/elementwise_common.h, kernel-name suffixes per dtype, and emitters for the
 * plain unary and binary shapes of op.
 */
import type { BroadcastPlan, UnaryParams } from '../../../kernels/common/elementwise.js';
import { type COpEmitter, cFloat, defineEmitter, type EmitContext } from '../context.js';

export const ELEMENTWISE_COMMON = 'kernels/elementwise_common.c';

/** Mirrors TF_BCAST_MAX_RANK: the walker's odometer size. */
const MAX_RANK = 6;

/** Kernel-name suffix of each dtype (`tf_add_s8`, `tf_cast_f32_u8`, ...). */
export const DTYPE_SUFFIX: Record<string, string> = {
  int8: 's8',
  uint8: 'u8',
  int16: 's16',
  int32: 's32',
  uint32: 'u32',
  int64: 's64',
  float32: 'f32',
  bool: 'b8',
};

export function dtypeSuffix(dtype: string): string {
  const s = DTYPE_SUFFIX[dtype];
  if (!s) throw new Error(`no element-wise C kernel for dtype ${dtype}`);
  return s;
}

/** The fields of a `tf_bcast_plan_t`: the plan's dims and strides as this op's const tables. */
export function planFields(ctx: EmitContext, plan: BroadcastPlan): Record<string, string | number> {
  const rank = plan.dims.length;
  if (rank < 1 || rank > MAX_RANK) throw new Error(`broadcast plan of rank ${rank} (1..${MAX_RANK})`);
  return {
    rank,
    dims: ctx.table('dims', 'int32_t', plan.dims),
    strides: ctx.table('strides', 'int32_t', plan.strides.flat()),
  };
}

/** A `tf_bcast_plan_t` initializer, for the `plan` field of a kernel's params. */
export function planInit(ctx: EmitContext, plan: BroadcastPlan): string {
  const fields = Object.entries(planFields(ctx, plan)).map(([k, v]) => `.${k} = ${v}`);
  return `{ ${fields.join(', ')} }`;
}

/** Float activation limits as C literals (infinities included). */
export function floatRange(actMin: number, actMax: number): { act_min: string; act_max: string } {
  return { act_min: cFloat(actMin), act_max: cFloat(actMax) };
}

/** An emitter of a float32-only unary op: `fn(input, output, count)` in `source`. */
export function unaryFloatEmitter(op: string, fn: string, source: string): COpEmitter<UnaryParams> {
  return defineEmitter<UnaryParams>({
    op,
    sources: () => [source],
    emit: (p, ctx) => ({ code: `${fn}(${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}, ${p.count});` }),
  });
}

/** The plan-only params of a binary op whose arithmetic needs no constants. */
export interface PlannedBinary {
  input1: number;
  input2: number;
  output: number;
  plan: BroadcastPlan;
}

/** `fn(&params, input1, input2, output)` with a `tf_bcast_plan_t` as the whole params. */
export function plannedBinaryCall(ctx: EmitContext, fn: string, p: PlannedBinary): string {
  const params = ctx.params('tf_bcast_plan_t', planFields(ctx, p.plan));
  return `${fn}(${params}, ${ctx.tensor(p.input1)}, ${ctx.tensor(p.input2)}, ${ctx.tensor(p.output)});`;
}

/**
 * What the element-wise C emitters share: the broadcast plan as const tables for
 * runtime/kernels/elementwise_common.h, kernel-name suffixes per dtype, and emitters for the
 * plain unary and binary shapes of op.
 */
import type { Graph } from '../../../graph/graph.js';
import { TensorStore } from '../../../interpreter/tensor-store.js';
import type { BroadcastPlan, UnaryParams } from '../../../kernels/common/elementwise.js';
import type { Kernel } from '../../../kernels/types.js';
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

/**
 * The results of an int8 unary kernel for all 256 inputs (index x + 128), from the TS kernel's
 * own eval: the C side (tf_lut_s8) is then bit-exact by construction and one load per element.
 */
export function int8Table<P extends UnaryParams>(kernel: Kernel<P>, p: P): Int8Array {
  const scratch = { tensors: [0, 1].map((index) => ({ index, bytes: 256 })) } as unknown as Graph;
  const store = new TensorStore(scratch);
  store.i8(0).set(Int8Array.from({ length: 256 }, (_, i) => i - 128));
  kernel.eval({ ...p, input: 0, output: 1, count: 256 }, store);
  return store.i8(1);
}

/** `tf_lut_s8` over this op's table of int8 results. */
export function int8LutCall<P extends UnaryParams>(ctx: EmitContext, kernel: Kernel<P>, p: P): string {
  const lut = ctx.table('lut', 'int8_t', int8Table(kernel, p));
  return `tf_lut_s8(${lut}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}, ${p.count});`;
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

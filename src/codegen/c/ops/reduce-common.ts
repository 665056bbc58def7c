/** Shared parts of the reduction emitters (MEAN, SUM, REDUCE_*) → runtime/kernels/reduce_common.c */
import { UnsupportedOperatorError } from '../../../errors.js';
import type { QuantizedSumParams, ReducePlan } from '../../../kernels/common/reduce.js';
import type { EmitContext } from '../context.js';

export const REDUCE_COMMON = 'kernels/reduce_common.c';

/** TF_REDUCE_MAX_DIMS of reduce_common.h. */
const MAX_DIMS = 8;

export interface CollapsedDims {
  shape: number[];
  /** Output index step per dimension, 0 for reduced ones. */
  outStrides: number[];
}

/**
 * The plan's dimensions without unit ones, neighbours of the same kind (both reduced or both
 * kept) merged: the same row-major walk with fewer, longer loops. Never empty.
 */
export function collapseDims(plan: ReducePlan): CollapsedDims {
  const shape: number[] = [];
  const outStrides: number[] = [];
  for (let d = plan.inputShape.length - 1; d >= 0; d--) {
    const n = plan.inputShape[d];
    if (n === 1) continue;
    const reduced = plan.outStrides[d] === 0;
    if (shape.length > 0 && reduced === (outStrides[0] === 0)) {
      shape[0] *= n;
    } else {
      shape.unshift(n);
      outStrides.unshift(plan.outStrides[d]);
    }
  }
  return shape.length > 0 ? { shape, outStrides } : { shape: [1], outStrides: [1] };
}

const pad = (xs: number[]): string =>
  `{${[...xs, ...new Array<number>(MAX_DIMS - xs.length).fill(0)].join(', ')}}`;

/** The tf_reduce_plan_t initializer fields of a plan. */
export function planFields(
  plan: ReducePlan,
  ctx: EmitContext,
  output: number,
): Record<string, string | number> {
  const dims = collapseDims(plan);
  if (dims.shape.length > MAX_DIMS) {
    throw new UnsupportedOperatorError([
      {
        index: ctx.opIndex,
        opcode: ctx.graph.ops[ctx.opIndex]?.opcode ?? '?',
        dtype: ctx.graph.tensors[output].dtype,
        reason: `the C reduction walks ${MAX_DIMS} alternating reduced/kept axes, this one has ${dims.shape.length}`,
      },
    ]);
  }
  return {
    rank: dims.shape.length,
    shape: pad(dims.shape),
    out_strides: pad(dims.outStrides),
    input_count: plan.inputCount,
    output_count: plan.outputCount,
    reduce_count: plan.reduceCount,
  };
}

const braces = (fields: Record<string, string | number>): string =>
  `{${Object.entries(fields)
    .map(([k, v]) => `.${k} = ${v}`)
    .join(', ')}}`;

/** `&params` of a float reduction (tf_reduce_plan_t). */
export function planParams(plan: ReducePlan, ctx: EmitContext, output: number): string {
  return ctx.params('tf_reduce_plan_t', planFields(plan, ctx, output));
}

/** `&params` of an integer reduction (tf_reduce_q_t). */
export function quantParams(p: ReducePlan & QuantizedSumParams, ctx: EmitContext, output: number): string {
  return ctx.params('tf_reduce_q_t', {
    plan: braces(planFields(p, ctx, output)),
    input_zero_point: p.inputZeroPoint,
    output_zero_point: p.outputZeroPoint,
    multiplier: p.multiplier,
    shift: p.shift,
  });
}

export const SUFFIX = { int8: 's8', int16: 's16', float32: 'f32' } as const;

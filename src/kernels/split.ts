// Reproduces TFLM SPLIT (micro/kernels/split.cc): equal parts along a constant axis.
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  constantInts,
  copyAlongAxis,
  type ElementWidth,
  elements,
  movedWidth,
  normalizeAxis,
  sizeBetween,
} from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

/** Prepared data of SPLIT and SPLIT_V. */
export interface SplitParams {
  width: ElementWidth;
  input: number;
  outputs: number[];
  /** Product of the dimensions before the axis. */
  outerSize: number;
  /** Elements each output takes per outer step (its axis size times the inner size). */
  copySizes: number[];
}

/** The constant split axis, normalised against the input's rank. */
export function splitAxis(ctx: PrepareContext, axisTensor: GraphTensor, input: GraphTensor): number {
  const values = constantInts(ctx, axisTensor, 'axis');
  if (values.length !== 1) ctx.fail(`axis has ${values.length} elements, expected 1`);
  return normalizeAxis(ctx, values[0], input.shape.length);
}

/** Checks every output against the input off the axis and sums their axis sizes. */
export function prepareSplit(ctx: PrepareContext, input: GraphTensor, axis: number): SplitParams {
  if (ctx.op.outputs.length < 1) ctx.fail('needs at least one output');
  const outputs = ctx.op.outputs.map((_, i) => ctx.output(i));
  const width = movedWidth(ctx, input, outputs[0]);
  let total = 0;
  for (const t of outputs) {
    if (t.dtype !== input.dtype) ctx.fail(`output ${t.dtype} and input ${input.dtype} differ`);
    const fits =
      t.shape.length === input.shape.length && t.shape.every((d, i) => i === axis || d === input.shape[i]);
    if (!fits) ctx.fail(`output [${t.shape}] does not match input [${input.shape}] off axis ${axis}`);
    total += t.shape[axis];
  }
  if (total !== input.shape[axis])
    ctx.fail(`outputs sum to ${total} along axis ${axis}, input has ${input.shape[axis]}`);
  const inner = sizeBetween(input.shape, axis + 1, input.shape.length);
  return {
    width,
    input: input.index,
    outputs: outputs.map((t) => t.index),
    outerSize: sizeBetween(input.shape, 0, axis),
    copySizes: outputs.map((t) => t.shape[axis] * inner),
  };
}

export function evalSplit(p: SplitParams, store: TensorStore): void {
  const outs = p.outputs.map((t) => elements(store, t, p.width));
  copyAlongAxis(elements(store, p.input, p.width), outs, p.outerSize, p.copySizes, false);
}

function prepare(ctx: PrepareContext): SplitParams {
  const input = ctx.input(1);
  const axis = splitAxis(ctx, ctx.input(0), input);
  const num = ctx.op.options.numSplits as number;
  if (num !== ctx.op.outputs.length) ctx.fail(`num_splits ${num} but ${ctx.op.outputs.length} outputs`);
  const p = prepareSplit(ctx, input, axis);
  if (p.copySizes.some((n) => n !== p.copySizes[0])) ctx.fail('outputs are not equal parts of the input');
  return p;
}

export const split = defineKernel({ op: 'SPLIT', prepare, eval: evalSplit });

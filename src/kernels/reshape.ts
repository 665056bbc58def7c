// Reproduces TFLM RESHAPE (micro/kernels/reshape.cc, reshape_common.cc): a byte copy, skipped in place.
import type { GraphTensor } from '../graph/graph.js';
import { elementCount } from '../tflite/verify.js';
import { constantInts, evalView, movedWidth, type ViewParams } from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

/** The requested shape: the constant shape input, else options.newShape, else the output's shape. */
function requestedShape(ctx: PrepareContext, output: GraphTensor): number[] {
  const shapeTensor = ctx.optionalInput(1);
  if (shapeTensor?.data) return constantInts(ctx, shapeTensor, 'shape');
  const fromOptions = ctx.op.options.newShape as number[] | null | undefined;
  if (!shapeTensor && fromOptions && fromOptions.length > 0) return [...fromOptions];
  return [...output.shape];
}

/** Resolves the one allowed -1 so the element count matches the input's. */
function resolveStretch(ctx: PrepareContext, shape: number[], inputCount: number): number[] {
  const stretch = shape.indexOf(-1);
  if (stretch < 0) return shape;
  if (shape.indexOf(-1, stretch + 1) >= 0) ctx.fail(`shape [${shape}] has more than one -1`);
  const known = elementCount(shape.filter((_, i) => i !== stretch));
  const resolved = [...shape];
  resolved[stretch] = known === 0 ? 0 : Math.trunc(inputCount / known);
  return resolved;
}

function prepare(ctx: PrepareContext): ViewParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (ctx.op.inputs.length > 2) ctx.fail(`expects 1 or 2 inputs, got ${ctx.op.inputs.length}`);
  movedWidth(ctx, input, output);
  let requested = requestedShape(ctx, output);
  // Legacy converters wrote [0] for a scalar when the shape came from the options.
  if (ctx.op.inputs.length === 1 && requested.length === 1 && requested[0] === 0) requested = [];
  const inputCount = elementCount(input.shape);
  const shape = resolveStretch(ctx, requested, inputCount);
  if (elementCount(shape) !== inputCount)
    ctx.fail(`shape [${shape}] does not hold the ${inputCount} elements of input [${input.shape}]`);
  if (output.bytes !== input.bytes)
    ctx.fail(`output [${output.shape}] and input [${input.shape}] differ in size`);
  return { input: input.index, output: output.index, shape };
}

export const reshape = defineKernel({ op: 'RESHAPE', prepare, eval: evalView, alias: 'view' });

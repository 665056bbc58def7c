// Reproduces TFLM REVERSE_V2 (micro/kernels/reverse.cc, reference/reverse.h): reverses the listed axes.
import {
  type AxisMapParams,
  constantInts,
  evalAxisMaps,
  movedWidth,
  normalizeAxis,
  sameShape,
  stridesOf,
} from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

// TFLM rejects axes that are not contiguous at eval time; reversing any set of axes is the same
// operation, so tinyforge accepts them all.
function prepare(ctx: PrepareContext): AxisMapParams {
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  const width = movedWidth(ctx, input, output);
  const axisTensor = ctx.input(1);
  if (axisTensor.shape.length !== 1) ctx.fail('axis must be a vector');
  const rank = input.shape.length;
  const axes = constantInts(ctx, axisTensor, 'axis').map((a) => normalizeAxis(ctx, a, rank));
  if (!sameShape(input.shape, output.shape))
    ctx.fail(`output [${output.shape}] differs from input [${input.shape}]`);
  return {
    width,
    input: input.index,
    output: output.index,
    inputStrides: stridesOf(input.shape),
    sourceIndex: input.shape.map((n, i) =>
      Array.from({ length: n }, (_, k) => (axes.includes(i) ? n - 1 - k : k)),
    ),
  };
}

export const reverseV2 = defineKernel({ op: 'REVERSE_V2', prepare, eval: evalAxisMaps });

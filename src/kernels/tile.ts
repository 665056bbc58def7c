// TILE has no TFLM kernel; reproduces TFLite's reference Tile (lite/kernels/tile.cc): repeats the input per axis.
import {
  type AxisMapParams,
  constantInts,
  evalAxisMaps,
  movedWidth,
  sameShape,
  stridesOf,
} from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

function prepare(ctx: PrepareContext): AxisMapParams {
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  const width = movedWidth(ctx, input, output);
  const multiples = constantInts(ctx, ctx.input(1), 'multiples');
  if (multiples.length !== input.shape.length)
    ctx.fail(`multiples [${multiples}] need one value per input dimension (${input.shape.length})`);
  if (multiples.some((m) => m < 0)) ctx.fail(`negative multiples [${multiples}]`);
  const expected = input.shape.map((d, i) => d * multiples[i]);
  if (!sameShape(expected, output.shape)) ctx.fail(`output [${output.shape}] should be [${expected}]`);
  return {
    width,
    input: input.index,
    output: output.index,
    inputStrides: stridesOf(input.shape),
    sourceIndex: expected.map((n, i) => Array.from({ length: n }, (_, k) => k % input.shape[i])),
  };
}

export const tile = defineKernel({ op: 'TILE', prepare, eval: evalAxisMaps });

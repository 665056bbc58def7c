// Reproduces TFLM MIRROR_PAD (micro/kernels/mirror_pad.cc): REFLECT and SYMMETRIC padding.
import {
  type AxisMapParams,
  constantInts,
  evalAxisMaps,
  movedWidth,
  sameShape,
  stridesOf,
} from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

/** TFLM's GetInputDimension: offset 1 reflects without repeating the edge, 0 repeats it. */
function inputIndex(padded: number, left: number, size: number, offset: number): number {
  if (padded < left) {
    const original = left + offset - 1;
    return original - Math.min(padded, original - offset);
  }
  const inside = padded - left;
  if (inside < size) return inside;
  const original = size - (1 + offset);
  return original - Math.min(inside - size, original);
}

function prepare(ctx: PrepareContext): AxisMapParams {
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  const width = movedWidth(ctx, input, output);
  const paddingTensor = ctx.input(1);
  const rank = input.shape.length;
  if (paddingTensor.shape.length !== 2 || paddingTensor.shape[0] !== rank)
    ctx.fail(`paddings [${paddingTensor.shape}] must be [${rank}, 2]`);
  const pads = constantInts(ctx, paddingTensor, 'paddings');
  const offset = ctx.op.options.mode === 'REFLECT' ? 1 : 0;
  input.shape.forEach((size, i) => {
    const [l, r] = [pads[2 * i], pads[2 * i + 1]];
    if (l < 0 || r < 0 || l > size - offset || r > size - offset)
      ctx.fail(`paddings ${l}, ${r} do not fit ${ctx.op.options.mode} padding of a dimension of ${size}`);
  });
  const expected = input.shape.map((d, i) => d + pads[2 * i] + pads[2 * i + 1]);
  if (!sameShape(expected, output.shape)) ctx.fail(`output [${output.shape}] should be [${expected}]`);
  return {
    width,
    input: input.index,
    output: output.index,
    inputStrides: stridesOf(input.shape),
    sourceIndex: expected.map((n, i) =>
      Array.from({ length: n }, (_, k) => inputIndex(k, pads[2 * i], input.shape[i], offset)),
    ),
  };
}

export const mirrorPad = defineKernel({ op: 'MIRROR_PAD', prepare, eval: evalAxisMaps });

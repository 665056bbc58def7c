// Reproduces TFLM BROADCAST_TO (micro/kernels/broadcast_to.cc, reference/broadcast_to.h): up to 5-D.
import {
  type AxisMapParams,
  constantInts,
  evalAxisMaps,
  extendShape,
  movedWidth,
  sameShape,
  stridesOf,
} from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

const MAX_RANK = 5;

function prepare(ctx: PrepareContext): AxisMapParams {
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  const width = movedWidth(ctx, input, output);
  const shapeTensor = ctx.input(1);
  if (shapeTensor.shape.length !== 1) ctx.fail('shape must be a vector');
  const shape = constantInts(ctx, shapeTensor, 'shape');
  if (shape.length > MAX_RANK) ctx.unsupported(`rank ${shape.length} (at most ${MAX_RANK})`);
  if (!sameShape(shape, output.shape)) ctx.fail(`output [${output.shape}] differs from shape [${shape}]`);
  if (input.shape.length > shape.length)
    ctx.fail(`input [${input.shape}] has more dimensions than [${shape}]`);
  const extended = extendShape(input.shape, shape.length);
  extended.forEach((d, i) => {
    if (d !== 1 && d !== shape[i]) ctx.fail(`input [${input.shape}] does not broadcast to [${shape}]`);
  });
  return {
    width,
    input: input.index,
    output: output.index,
    inputStrides: stridesOf(extended),
    sourceIndex: shape.map((n, i) => Array.from({ length: n }, (_, k) => (extended[i] === 1 ? 0 : k))),
  };
}

export const broadcastTo = defineKernel({ op: 'BROADCAST_TO', prepare, eval: evalAxisMaps });

// Reproduces TFLM EXPAND_DIMS (micro/kernels/expand_dims.cc): inserts a size-1 dimension; a byte copy, skipped in place.
import { constantInts, evalView, movedWidth, sameShape, type ViewParams } from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

function prepare(ctx: PrepareContext): ViewParams {
  const input = ctx.input(0);
  const axisTensor = ctx.input(1);
  const output = ctx.output(0);
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs, got ${ctx.op.inputs.length}`);
  movedWidth(ctx, input, output);
  if (axisTensor.shape.length > 1) ctx.fail('axis must be a scalar or a 1-element vector');
  const values = constantInts(ctx, axisTensor, 'axis');
  if (values.length !== 1) ctx.fail(`axis has ${values.length} elements, expected 1`);
  const rank = input.shape.length;
  const axis = values[0] < 0 ? values[0] + rank + 1 : values[0];
  if (axis < 0 || axis > rank) ctx.fail(`axis ${values[0]} is out of range for rank ${rank}`);
  const shape = [...input.shape.slice(0, axis), 1, ...input.shape.slice(axis)];
  if (!sameShape(shape, output.shape))
    ctx.fail(`output [${output.shape}] is not input [${input.shape}] expanded at ${axis}`);
  return { input: input.index, output: output.index, shape };
}

export const expandDims = defineKernel({ op: 'EXPAND_DIMS', prepare, eval: evalView, alias: 'view' });

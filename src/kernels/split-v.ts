// Reproduces TFLM SPLIT_V (micro/kernels/split_v.cc): parts of the given sizes along a constant axis.
import { constantInts } from './common/shape.js';
import { evalSplit, prepareSplit, type SplitParams, splitAxis } from './split.js';
import { defineKernel, type PrepareContext } from './types.js';

function prepare(ctx: PrepareContext): SplitParams {
  if (ctx.op.inputs.length !== 3) ctx.fail(`expects 3 inputs, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const axis = splitAxis(ctx, ctx.input(2), input);
  const p = prepareSplit(ctx, input, axis);
  const sizes = ctx.input(1);
  // TFLM sizes the parts from the output shapes; a constant size_splits must agree (-1 = the rest).
  if (sizes.data) {
    const declared = constantInts(ctx, sizes, 'size_splits');
    const actual = ctx.op.outputs.map((t) => ctx.graph.tensors[t].shape[axis]);
    const agrees = declared.length === actual.length && declared.every((d, i) => d === -1 || d === actual[i]);
    if (!agrees) ctx.fail(`size_splits [${declared}] do not match the output sizes [${actual}]`);
  }
  return p;
}

export const splitV = defineKernel({ op: 'SPLIT_V', prepare, eval: evalSplit });

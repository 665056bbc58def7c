// Reproduces TFLM SLICE (micro/kernels/slice.cc, reference/slice.h) as a unit-stride strided slice.
import { constantInts, movedWidth, sameShape } from './common/shape.js';
import { evalStridedSlice, padSlice, type StridedSliceParams } from './strided-slice.js';
import { defineKernel, type PrepareContext } from './types.js';

const MAX_RANK = 5;

function prepare(ctx: PrepareContext): StridedSliceParams {
  if (ctx.op.inputs.length !== 3) ctx.fail(`expects 3 inputs, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  const width = movedWidth(ctx, input, output);
  const rank = input.shape.length;
  if (rank > MAX_RANK) ctx.unsupported(`rank ${rank} (at most ${MAX_RANK})`);
  const begin = constantInts(ctx, ctx.input(1), 'begin');
  const size = constantInts(ctx, ctx.input(2), 'size');
  if (begin.length !== rank || size.length !== rank)
    ctx.fail(`begin and size need ${rank} values, got ${begin.length} and ${size.length}`);
  const stop = begin.map((b, i) => {
    const dim = input.shape[i];
    if (b < 0 || b > dim) ctx.fail(`begin ${b} is out of range for dimension ${i} of size ${dim}`);
    const n = size[i] === -1 ? dim - b : size[i];
    if (n < 0 || n > dim - b) ctx.fail(`size ${size[i]} does not fit dimension ${i} from ${b}`);
    return b + n;
  });
  const sliced = stop.map((e, i) => e - begin[i]);
  if (!sameShape(sliced, output.shape))
    ctx.fail(`the slice has shape [${sliced}] but the output is [${output.shape}]`);
  const ones = begin.map(() => 1);
  return {
    width,
    input: input.index,
    output: output.index,
    ...padSlice([...input.shape], begin, stop, ones),
  };
}

export const slice = defineKernel({ op: 'SLICE', prepare, eval: evalStridedSlice });

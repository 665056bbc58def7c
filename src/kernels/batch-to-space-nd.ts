// Reproduces TFLM BATCH_TO_SPACE_ND (micro/kernels/batch_to_space_nd.cc, reference/batch_to_space_nd.h): 3-D NHC or 4-D NHWC.
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import { constantInts, type ElementWidth, elements, movedWidth, sameShape } from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

/** Prepared data of BATCH_TO_SPACE_ND and SPACE_TO_BATCH_ND (shapes as 4-D NHWC, 3-D gets W = 1). */
export interface BatchSpaceParams {
  width: ElementWidth;
  input: number;
  output: number;
  inputShape: number[];
  outputShape: number[];
  blockH: number;
  blockW: number;
  /** Crops (BATCH_TO_SPACE_ND) or paddings (SPACE_TO_BATCH_ND) before the first row and column. */
  top: number;
  left: number;
}

/** NHC -> NH1C, as ExtendShapeBatchToSpace does. */
const to4d = (s: number[]): number[] => (s.length === 4 ? [...s] : [s[0], s[1], 1, s[2]]);

/** Block shape and [before, after] amounts per spatial axis, padded with a unit W axis for 3-D. */
function readBlockArgs(
  ctx: PrepareContext,
  input: GraphTensor,
  what: string,
): { block: number[]; amounts: number[] } {
  const rank = input.shape.length;
  if (rank !== 3 && rank !== 4) ctx.unsupported(`rank ${rank} (3-D NHC or 4-D NHWC only)`);
  const block = constantInts(ctx, ctx.input(1), 'block_shape');
  const amounts = constantInts(ctx, ctx.input(2), what);
  if (block.length !== rank - 2 || amounts.length !== 2 * (rank - 2))
    ctx.fail(`block_shape [${block}] and ${what} [${amounts}] do not fit rank ${rank}`);
  if (block.some((b) => b < 1)) ctx.fail(`block_shape [${block}] must be positive`);
  if (amounts.some((a) => a < 0)) ctx.fail(`negative ${what} [${amounts}]`);
  return rank === 4 ? { block, amounts } : { block: [block[0], 1], amounts: [...amounts, 0, 0] };
}

/** Checks the blocks against the 4-D input shape and returns the 4-D output shape they give. */
export type BatchSpaceShape = (
  ctx: PrepareContext,
  input: number[],
  block: number[],
  amounts: number[],
) => number[];

/** Prepare of BATCH_TO_SPACE_ND (`what` is 'crops') and SPACE_TO_BATCH_ND ('paddings'). */
export function prepareBatchSpace(
  ctx: PrepareContext,
  what: string,
  outputShape: BatchSpaceShape,
): BatchSpaceParams {
  if (ctx.op.inputs.length !== 3) ctx.fail(`expects 3 inputs, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  // TFLM runs float32 and int8; every fixed-width dtype moves the same way.
  const width = movedWidth(ctx, input, output);
  const { block, amounts } = readBlockArgs(ctx, input, what);
  const inputShape = to4d(input.shape);
  const expected = outputShape(ctx, inputShape, block, amounts);
  if (output.shape.length !== input.shape.length || !sameShape(to4d(output.shape), expected))
    ctx.fail(`output [${output.shape}] does not match input [${input.shape}] with these blocks and ${what}`);
  return {
    width,
    input: input.index,
    output: output.index,
    inputShape,
    outputShape: expected,
    blockH: block[0],
    blockW: block[1],
    top: amounts[0],
    left: amounts[2],
  };
}

const croppedShape: BatchSpaceShape = (ctx, [n, h, w, c], [bh, bw], amounts) => {
  if (n % (bh * bw) !== 0) ctx.fail(`batch ${n} is not a multiple of the block size ${bh * bw}`);
  return [n / (bh * bw), h * bh - amounts[0] - amounts[1], w * bw - amounts[2] - amounts[3], c];
};

function evalBatchToSpace(p: BatchSpaceParams, store: TensorStore): void {
  const input = elements(store, p.input, p.width);
  const out = elements(store, p.output, p.width);
  const [inN, inH, inW, depth] = p.inputShape;
  const [outN, outH, outW] = p.outputShape;
  for (let inB = 0; inB < inN; inB++) {
    const outB = inB % outN;
    const spatial = Math.floor(inB / outN);
    for (let inY = 0; inY < inH; inY++) {
      const outY = inY * p.blockH + Math.floor(spatial / p.blockW) - p.top;
      if (outY < 0 || outY >= outH) continue;
      for (let inX = 0; inX < inW; inX++) {
        const outX = inX * p.blockW + (spatial % p.blockW) - p.left;
        if (outX < 0 || outX >= outW) continue;
        const src = ((inB * inH + inY) * inW + inX) * depth;
        out.set(input.subarray(src, src + depth), ((outB * outH + outY) * outW + outX) * depth);
      }
    }
  }
}

export const batchToSpaceNd = defineKernel({
  op: 'BATCH_TO_SPACE_ND',
  prepare: (ctx) => prepareBatchSpace(ctx, 'crops', croppedShape),
  eval: evalBatchToSpace,
});

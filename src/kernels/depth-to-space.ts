// Reproduces TFLM DEPTH_TO_SPACE (micro/kernels/depth_to_space.cc, reference/depth_to_space.h): NHWC.
import type { TensorStore } from '../interpreter/tensor-store.js';
import { type ElementWidth, elements, movedWidth, sameShape } from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

/** Prepared data of DEPTH_TO_SPACE and SPACE_TO_DEPTH: the NHWC shape of the deep side. */
export interface BlockShuffleParams {
  width: ElementWidth;
  input: number;
  output: number;
  block: number;
  batch: number;
  /** Height, width and depth of the shallow, spatially larger side. */
  height: number;
  widthPx: number;
  depth: number;
}

/** The 4-D input and output and a block size > 0; names the side with block² × depth channels. */
export function prepareBlockShuffle(ctx: PrepareContext, deepIsInput: boolean): BlockShuffleParams {
  if (ctx.op.inputs.length !== 1) ctx.fail(`expects 1 input, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  const width = movedWidth(ctx, input, output);
  if (input.shape.length !== 4) ctx.fail(`input [${input.shape}] must be 4-D (NHWC)`);
  const block = ctx.op.options.blockSize as number;
  if (!(block > 0)) ctx.fail(`block size ${block} must be positive`);
  const deep = deepIsInput ? input : output;
  const shallow = deepIsInput ? output : input;
  const [b, h, w, d] = shallow.shape;
  const expected = [b, h / block, w / block, d * block * block];
  if (!expected.every(Number.isInteger))
    ctx.fail(`[${shallow.shape}] is not divisible into ${block}x${block} blocks`);
  const got = deepIsInput ? [deep.shape, shallow.shape] : [shallow.shape, deep.shape];
  if (deep.shape.length !== 4 || !sameShape(deep.shape, expected))
    ctx.fail(`input [${got[0]}] and output [${got[1]}] do not match block size ${block}`);
  return {
    width,
    input: input.index,
    output: output.index,
    block,
    batch: b,
    height: h,
    widthPx: w,
    depth: d,
  };
}

/**
 * Visits every shallow-side element with its deep-side index; `toShallow` picks the direction.
 * The deep channel is (h % block * block + w % block) * depth + d, as in the reference.
 */
export function shuffleBlocks(p: BlockShuffleParams, store: TensorStore, toShallow: boolean): void {
  const input = elements(store, p.input, p.width);
  const out = elements(store, p.output, p.width);
  const { block, height, widthPx, depth } = p;
  const deepW = widthPx / block;
  const deepD = depth * block * block;
  let s = 0;
  for (let b = 0; b < p.batch; b++) {
    for (let h = 0; h < height; h++) {
      for (let w = 0; w < widthPx; w++) {
        const deepBase =
          ((b * (height / block) + Math.floor(h / block)) * deepW + Math.floor(w / block)) * deepD +
          ((h % block) * block + (w % block)) * depth;
        for (let d = 0; d < depth; d++, s++) {
          if (toShallow) out[s] = input[deepBase + d];
          else out[deepBase + d] = input[s];
        }
      }
    }
  }
}

export const depthToSpace = defineKernel({
  op: 'DEPTH_TO_SPACE',
  prepare: (ctx) => prepareBlockShuffle(ctx, true),
  eval: (p, store) => shuffleBlocks(p, store, true),
});

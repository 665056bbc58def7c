// Reproduces TFLM SPACE_TO_BATCH_ND (micro/kernels/space_to_batch_nd.cc, reference/space_to_batch_nd.h): 3-D NHC or 4-D NHWC.
import type { TensorStore } from '../interpreter/tensor-store.js';
import { type BatchSpaceParams, type BatchSpaceShape, prepareBatchSpace } from './batch-to-space-nd.js';
import { elements, fillElements } from './common/shape.js';
import { defineKernel } from './types.js';

const paddedShape: BatchSpaceShape = (ctx, [n, h, w, c], [bh, bw], amounts) => {
  const [paddedH, paddedW] = [h + amounts[0] + amounts[1], w + amounts[2] + amounts[3]];
  if (paddedH % bh !== 0 || paddedW % bw !== 0)
    ctx.fail(`padded size ${paddedH}x${paddedW} is not a multiple of the block ${bh}x${bw}`);
  return [n * bh * bw, paddedH / bh, paddedW / bw, c];
};

/**
 * Padding is written as zero bytes for every dtype: TFLM memsets with SpaceToBatchParams'
 * output_offset, which its micro kernel never sets (zeroed persistent memory), so even int8 with a
 * non-zero zero point pads with 0.
 */
function evalSpaceToBatch(p: BatchSpaceParams, store: TensorStore): void {
  const input = elements(store, p.input, p.width);
  const out = elements(store, p.output, p.width);
  const [inN, inH, inW, depth] = p.inputShape;
  const [outN, outH, outW] = p.outputShape;
  for (let outB = 0; outB < outN; outB++) {
    const inB = outB % inN;
    const shiftW = Math.floor(outB / inN) % p.blockW;
    const shiftH = Math.floor(Math.floor(outB / inN) / p.blockW);
    for (let outY = 0; outY < outH; outY++) {
      const inY = outY * p.blockH + shiftH - p.top;
      for (let outX = 0; outX < outW; outX++) {
        const inX = outX * p.blockW + shiftW - p.left;
        const dst = ((outB * outH + outY) * outW + outX) * depth;
        if (inY < 0 || inY >= inH || inX < 0 || inX >= inW) fillElements(out, 0, dst, dst + depth);
        else {
          const src = ((inB * inH + inY) * inW + inX) * depth;
          out.set(input.subarray(src, src + depth), dst);
        }
      }
    }
  }
}

export const spaceToBatchNd = defineKernel({
  op: 'SPACE_TO_BATCH_ND',
  prepare: (ctx) => prepareBatchSpace(ctx, 'paddings', paddedShape),
  eval: evalSpaceToBatch,
});

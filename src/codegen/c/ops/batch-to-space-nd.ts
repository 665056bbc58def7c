/** C emitter for BATCH_TO_SPACE_ND → tf_mapped_copy (runtime/kernels/shape_common.c) */
import type { BatchSpaceParams } from '../../../kernels/batch-to-space-nd.js';
import { defineEmitter } from '../context.js';
import { mappedCopyCode, SHAPE_COMMON } from './shape-copy.js';

/**
 * Every output pixel has one source: input batch (shiftY * blockW + shiftX) * outN + outB at row
 * (outY + top) / blockH and column (outX + left) / blockW, where the shifts are the remainders.
 * Each output axis contributes its own part of that input offset, so three small tables do it.
 */
export const batchToSpaceNdC = defineEmitter<BatchSpaceParams>({
  op: 'BATCH_TO_SPACE_ND',
  sources: () => [SHAPE_COMMON],
  emit(p, ctx) {
    const [, inH, inW, depth] = p.inputShape;
    const [outN, outH, outW] = p.outputShape;
    const image = inH * inW * depth;
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    const batch = range(outN).map((b) => b * image);
    const rows = range(outH).map((y) => {
      const at = y + p.top;
      return (at % p.blockH) * p.blockW * outN * image + Math.floor(at / p.blockH) * inW * depth;
    });
    const columns = range(outW).map((x) => {
      const at = x + p.left;
      return (at % p.blockW) * outN * image + Math.floor(at / p.blockW) * depth;
    });
    return { code: mappedCopyCode(ctx, p.width, p.input, p.output, [batch, rows, columns], depth) };
  },
});

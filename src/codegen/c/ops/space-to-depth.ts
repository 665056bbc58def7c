/** C emitter for SPACE_TO_DEPTH → tf_strided_copy (runtime/kernels/shape_common.c) */
import type { BlockShuffleParams } from '../../../kernels/depth-to-space.js';
import { defineEmitter } from '../context.js';
import { SHAPE_COMMON, stridedCopyCode } from './shape-copy.js';

/**
 * The deep output seen as [batch, H/block, W/block, block, block, depth] (its channel split into
 * the block row, block column and depth) reads the shallow input through six affine axes.
 */
export const spaceToDepthC = defineEmitter<BlockShuffleParams>({
  op: 'SPACE_TO_DEPTH',
  sources: () => [SHAPE_COMMON],
  emit(p, ctx) {
    const { block, depth, height, widthPx } = p;
    const axes = [
      { count: p.batch, step: height * widthPx * depth },
      { count: height / block, step: block * widthPx * depth },
      { count: widthPx / block, step: block * depth },
      { count: block, step: widthPx * depth },
      { count: block, step: depth },
      { count: depth, step: 1 },
    ];
    return { code: stridedCopyCode(ctx, p.width, p.input, p.output, axes, 0) };
  },
});

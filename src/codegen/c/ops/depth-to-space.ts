/** C emitter for DEPTH_TO_SPACE → tf_strided_copy (runtime/kernels/shape_common.c) */
import type { BlockShuffleParams } from '../../../kernels/depth-to-space.js';
import { defineEmitter } from '../context.js';
import { SHAPE_COMMON, stridedCopyCode } from './shape-copy.js';

/**
 * The shallow output seen as [batch, H/block, block, W/block, block, depth] reads the deep input
 * at channel (h % block * block + w % block) * depth + d: six affine axes.
 */
export const depthToSpaceC = defineEmitter<BlockShuffleParams>({
  op: 'DEPTH_TO_SPACE',
  sources: () => [SHAPE_COMMON],
  emit(p, ctx) {
    const { block, depth } = p;
    const [deepH, deepW, deepD] = [p.height / block, p.widthPx / block, depth * block * block];
    const axes = [
      { count: p.batch, step: deepH * deepW * deepD },
      { count: deepH, step: deepW * deepD },
      { count: block, step: block * depth },
      { count: deepW, step: deepD },
      { count: block, step: depth },
      { count: depth, step: 1 },
    ];
    return { code: stridedCopyCode(ctx, p.width, p.input, p.output, axes, 0) };
  },
});

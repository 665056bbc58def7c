/** C emitter for TILE → tf_strided_copy when its index maps are affine, else tf_mapped_copy. */
import type { AxisMapParams } from '../../../kernels/common/shape.js';
import { defineEmitter } from '../context.js';
import { axisMapCode, SHAPE_COMMON } from './shape-copy.js';

export const tileC = defineEmitter<AxisMapParams>({
  op: 'TILE',
  sources: () => [SHAPE_COMMON],
  emit: (p, ctx) => ({ code: axisMapCode(ctx, p) }),
});

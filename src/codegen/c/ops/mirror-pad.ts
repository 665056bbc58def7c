/** C emitter for MIRROR_PAD → tf_strided_copy when its index maps are affine, else tf_mapped_copy. */
import type { AxisMapParams } from '../../../kernels/common/shape.js';
import { defineEmitter } from '../context.js';
import { axisMapCode, SHAPE_COMMON } from './shape-copy.js';

export const mirrorPadC = defineEmitter<AxisMapParams>({
  op: 'MIRROR_PAD',
  sources: () => [SHAPE_COMMON],
  emit: (p, ctx) => ({ code: axisMapCode(ctx, p) }),
});

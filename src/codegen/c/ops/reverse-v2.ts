/** C emitter for REVERSE_V2 → tf_strided_copy when its index maps are affine, else tf_mapped_copy. */
import type { AxisMapParams } from '../../../kernels/common/shape.js';
import { defineEmitter } from '../context.js';
import { axisMapCode, SHAPE_COMMON } from './shape-copy.js';

export const reverseV2C = defineEmitter<AxisMapParams>({
  op: 'REVERSE_V2',
  sources: () => [SHAPE_COMMON],
  emit: (p, ctx) => ({ code: axisMapCode(ctx, p) }),
});

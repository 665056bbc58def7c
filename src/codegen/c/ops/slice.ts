/** C emitter for SLICE → tf_strided_copy: SLICE is prepared as a unit-stride strided slice. */
import type { StridedSliceParams } from '../../../kernels/strided-slice.js';
import { defineEmitter } from '../context.js';
import { SHAPE_COMMON } from './shape-copy.js';
import { sliceCode } from './strided-slice.js';

export const sliceC = defineEmitter<StridedSliceParams>({
  op: 'SLICE',
  sources: () => [SHAPE_COMMON],
  emit: (p, ctx) => ({ code: sliceCode(ctx, p) }),
});

/** C emitter for STRIDED_SLICE → tf_strided_copy (runtime/kernels/shape_common.c) */
import { stridesOf } from '../../../kernels/common/shape.js';
import type { StridedSliceParams } from '../../../kernels/strided-slice.js';
import { defineEmitter, type EmitContext } from '../context.js';
import { type CopyAxis, SHAPE_COMMON, stridedCopyCode } from './shape-copy.js';

/** The reference's five loops as copy axes: per axis, how many indices and the input step. */
export function sliceCode(ctx: EmitContext, p: StridedSliceParams): string {
  const strides = stridesOf(p.inputShape);
  const axes: CopyAxis[] = p.start.map((first, d) => {
    const [stop, stride] = [p.stop[d], p.stride[d]];
    const span = stride > 0 ? stop - first : first - stop;
    return { count: Math.max(0, Math.ceil(span / Math.abs(stride))), step: stride * strides[d] };
  });
  const offset = p.start.reduce((s, first, d) => s + first * strides[d], 0);
  return stridedCopyCode(ctx, p.width, p.input, p.output, axes, offset);
}

export const stridedSliceC = defineEmitter<StridedSliceParams>({
  op: 'STRIDED_SLICE',
  sources: () => [SHAPE_COMMON],
  emit: (p, ctx) => ({ code: sliceCode(ctx, p) }),
});

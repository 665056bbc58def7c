/** C emitter for TRANSPOSE → tf_strided_copy: the output in order, the input by permuted strides. */
import type { TransposeParams } from '../../../kernels/transpose.js';
import { defineEmitter } from '../context.js';
import { SHAPE_COMMON, stridedCopyCode } from './shape-copy.js';

export const transposeC = defineEmitter<TransposeParams>({
  op: 'TRANSPOSE',
  sources: () => [SHAPE_COMMON],
  emit(p, ctx) {
    const axes = p.outputShape.map((count, d) => ({ count, step: p.inputStrides[d] }));
    return { code: stridedCopyCode(ctx, p.width, p.input, p.output, axes, 0) };
  },
});

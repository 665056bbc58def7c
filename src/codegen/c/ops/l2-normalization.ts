/** C emitter for L2_NORMALIZATION → runtime/kernels/l2_normalization.c */
import type { L2NormParams } from '../../../kernels/l2-normalization.js';
import { defineEmitter } from '../context.js';

export const l2NormalizationC = defineEmitter<L2NormParams>({
  op: 'L2_NORMALIZATION',
  sources: () => ['kernels/l2_normalization.c'],
  emit(p, ctx) {
    const params = ctx.params('tf_l2_normalization_t', {
      outer_size: p.outerSize,
      depth: p.depth,
      input_zero_point: p.inputZeroPoint,
    });
    const fn = p.dtype === 'int8' ? 'tf_l2_normalization_s8' : 'tf_l2_normalization_f32';
    return { code: `${fn}(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});` };
  },
});

/** C emitter for CUMSUM → runtime/kernels/cumsum.c */
import type { CumsumParams } from '../../../kernels/cumsum.js';
import { defineEmitter } from '../context.js';

export const cumsumC = defineEmitter<CumsumParams>({
  op: 'CUMSUM',
  sources: () => ['kernels/cumsum.c'],
  emit(p, ctx) {
    const params = ctx.params('tf_cumsum_t', {
      before: p.before,
      depth: p.depth,
      after: p.after,
      exclusive: p.exclusive ? 1 : 0,
      reverse: p.reverse ? 1 : 0,
      input_offset: p.inputOffset,
      output_offset: p.outputOffset,
      input_multiplier: p.inputMultiplier,
      input_shift: p.inputShift,
      output_multiplier: p.outputMultiplier,
      output_shift: p.outputShift,
    });
    const fn = p.dtype === 'int8' ? 'tf_cumsum_s8' : 'tf_cumsum_f32';
    return { code: `${fn}(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});` };
  },
});

/** C emitter for REDUCE_MAX → runtime/kernels/reduce_common.c (tf_reduce_max_*). */
import type { ExtremeParams } from '../../../kernels/common/reduce.js';
import { defineEmitter } from '../context.js';
import { planParams, REDUCE_COMMON, SUFFIX } from './reduce-common.js';

/** REDUCE_MAX / REDUCE_MIN: `tf_reduce_${kind}_s8 | _f32`; the init value is the kernel's own. */
export function extremeEmitter(op: 'REDUCE_MAX' | 'REDUCE_MIN', kind: 'max' | 'min') {
  return defineEmitter<ExtremeParams>({
    op,
    sources: () => [REDUCE_COMMON],
    emit(p, ctx) {
      const params = planParams(p, ctx, p.output);
      const fn = `tf_reduce_${kind}_${SUFFIX[p.dtype]}`;
      return { code: `${fn}(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});` };
    },
  });
}

export const reduceMaxC = extremeEmitter('REDUCE_MAX', 'max');

/** C emitter for ARG_MAX → runtime/kernels/arg_max.c (also ARG_MIN's kernels). */
import type { ArgMinMaxParams } from '../../../kernels/arg-max.js';
import { defineEmitter } from '../context.js';

/** ARG_MAX / ARG_MIN: `tf_arg_${kind}_s8 | _f32` over outer x axis x inner lines. */
export function argMinMaxEmitter(op: 'ARG_MAX' | 'ARG_MIN', kind: 'max' | 'min') {
  return defineEmitter<ArgMinMaxParams>({
    op,
    sources: () => ['kernels/arg_max.c'],
    emit(p, ctx) {
      const params = ctx.params('tf_arg_min_max_t', {
        outer_size: p.outerSize,
        axis_size: p.axisSize,
        inner_size: p.innerSize,
      });
      const fn = `tf_arg_${kind}_${p.dtype === 'int8' ? 's8' : 'f32'}`;
      return { code: `${fn}(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});` };
    },
  });
}

export const argMaxC = argMinMaxEmitter('ARG_MAX', 'max');

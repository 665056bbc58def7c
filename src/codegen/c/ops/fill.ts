/** C emitter for FILL → tf_fill_elements (runtime/kernels/shape_common.c): the value is read at run time. */
import type { FillParams } from '../../../kernels/fill.js';
import { defineEmitter } from '../context.js';
import { isEmpty, NOTHING_TO_MOVE, SHAPE_COMMON } from './shape-copy.js';

export const fillC = defineEmitter<FillParams>({
  op: 'FILL',
  sources: () => [SHAPE_COMMON],
  emit(p, ctx) {
    if (isEmpty(ctx, p.output)) return { code: NOTHING_TO_MOVE };
    const count = ctx.graph.tensors[p.output].bytes / p.width;
    return {
      code: `tf_fill_elements(${ctx.tensor(p.output)}, ${ctx.tensor(p.value)}, ${p.width}, ${count});`,
    };
  },
});

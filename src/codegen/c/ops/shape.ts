/** C emitter for SHAPE: the dimensions are known when generating, so a constant table is copied. */
import type { ShapeParams } from '../../../kernels/shape.js';
import { defineEmitter } from '../context.js';
import { isEmpty, NOTHING_TO_MOVE } from './shape-copy.js';

export const shapeC = defineEmitter<ShapeParams>({
  op: 'SHAPE',
  sources: () => [],
  emit(p, ctx) {
    if (isEmpty(ctx, p.output)) return { code: NOTHING_TO_MOVE };
    const type = p.int64 ? 'int64_t' : 'int32_t';
    const dims = ctx.table('dims', type, p.dims);
    return { code: `memcpy(${ctx.tensor(p.output)}, ${dims}, sizeof ${dims});` };
  },
});

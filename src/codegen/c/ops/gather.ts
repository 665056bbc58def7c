/** C emitter for GATHER → runtime/kernels/gather.c */
import type { GatherParams } from '../../../kernels/gather.js';
import { defineEmitter } from '../context.js';
import { isEmpty, NOTHING_TO_MOVE } from './shape-copy.js';

export const gatherC = defineEmitter<GatherParams>({
  op: 'GATHER',
  sources: () => ['kernels/gather.c'],
  emit(p, ctx) {
    if (isEmpty(ctx, p.output)) return { code: NOTHING_TO_MOVE };
    const params = ctx.params('tf_gather_t', {
      width: p.width,
      batch_size: p.batchSize,
      outer_size: p.outerSize,
      axis_size: p.axisSize,
      inner_size: p.innerSize,
      coord_size: p.coordSize,
      coords_int64: p.coordsInt64 ? 1 : 0,
    });
    const args = `${ctx.tensor(p.input)}, ${ctx.tensor(p.coords)}, ${ctx.tensor(p.output)}`;
    return { code: `tf_gather(${params}, ${args});` };
  },
});

/** C emitter for SPACE_TO_BATCH_ND → runtime/kernels/space_to_batch_nd.c */
import type { BatchSpaceParams } from '../../../kernels/batch-to-space-nd.js';
import { defineEmitter } from '../context.js';
import { isEmpty, NOTHING_TO_MOVE } from './shape-copy.js';

export const spaceToBatchNdC = defineEmitter<BatchSpaceParams>({
  op: 'SPACE_TO_BATCH_ND',
  sources: () => ['kernels/space_to_batch_nd.c'],
  emit(p, ctx) {
    if (isEmpty(ctx, p.output)) return { code: NOTHING_TO_MOVE };
    const params = ctx.params('tf_space_to_batch_nd_t', {
      width: p.width,
      in_shape: `{${p.inputShape.join(', ')}}`,
      out_shape: `{${p.outputShape.join(', ')}}`,
      block_h: p.blockH,
      block_w: p.blockW,
      top: p.top,
      left: p.left,
    });
    return { code: `tf_space_to_batch_nd(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});` };
  },
});

/** C emitter for ZEROS_LIKE: all-zero bytes for every dtype (int8 too, not the zero point). */
import type { ZerosLikeParams } from '../../../kernels/zeros-like.js';
import { defineEmitter } from '../context.js';
import { isEmpty, NOTHING_TO_MOVE } from './shape-copy.js';

export const zerosLikeC = defineEmitter<ZerosLikeParams>({
  op: 'ZEROS_LIKE',
  sources: () => [],
  emit(p, ctx) {
    if (isEmpty(ctx, p.output)) return { code: NOTHING_TO_MOVE };
    return { code: `memset(${ctx.tensor(p.output)}, 0, ${ctx.graph.tensors[p.output].bytes});` };
  },
});

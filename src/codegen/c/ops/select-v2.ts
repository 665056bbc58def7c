/** C emitter for SELECT_V2 → runtime/kernels/select_v2.c */
import type { SelectParams } from '../../../kernels/select-v2.js';
import { defineEmitter } from '../context.js';
import { dtypeSuffix, ELEMENTWISE_COMMON, planFields } from './elementwise-common.js';

export const selectV2C = defineEmitter<SelectParams>({
  op: 'SELECT_V2',
  sources: () => ['kernels/select_v2.c', ELEMENTWISE_COMMON],
  emit(p, ctx) {
    const params = ctx.params('tf_bcast_plan_t', planFields(ctx, p.plan));
    const args = [p.condition, p.x, p.y, p.output].map((t) => ctx.tensor(t)).join(', ');
    return { code: `tf_select_v2_${dtypeSuffix(p.dtype)}(${params}, ${args});` };
  },
});

/** C emitter for LOGICAL_NOT → runtime/kernels/logical_not.c */
import type { UnaryParams } from '../../../kernels/common/elementwise.js';
import { defineEmitter } from '../context.js';

export const logicalNotC = defineEmitter<UnaryParams>({
  op: 'LOGICAL_NOT',
  sources: () => ['kernels/logical_not.c'],
  emit: (p, ctx) => ({
    code: `tf_logical_not_b8(${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}, ${p.count});`,
  }),
});

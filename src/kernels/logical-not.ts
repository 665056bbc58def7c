// Reproduces TFLM reference LOGICAL_NOT: elementwise.cc LogicalNotEval (bool).
import { prepareUnary } from './common/elementwise.js';
import { defineKernel } from './types.js';

export const logicalNot = defineKernel({
  op: 'LOGICAL_NOT',
  alias: 'in-place',
  prepare: (ctx) => prepareUnary(ctx, ['bool']),
  eval: (p, store) => {
    const x = store.u8(p.input);
    const out = store.u8(p.output);
    for (let i = 0; i < p.count; i++) out[i] = x[i] === 0 ? 1 : 0;
  },
});

// Reproduces TFLM reference LOGICAL_AND: logical.cc LogicalImpl (bool, 4D broadcasting).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { type BinaryOperands, binaryOperands, forEachRun, sameDTypeOperands } from './common/elementwise.js';
import { defineKernel, type Kernel } from './types.js';

export type LogicalParams = BinaryOperands;

/** LOGICAL_AND (`or` false) or LOGICAL_OR (`or` true) on bool tensors; any non-zero byte is true. */
export function logicalKernel(op: string, or: boolean): Kernel<LogicalParams> {
  return defineKernel({
    op,
    alias: 'in-place',
    prepare: (ctx) => binaryOperands(ctx, sameDTypeOperands(ctx, ['bool']).inputs, 4),
    eval: (p: LogicalParams, store: TensorStore) => {
      const a = store.u8(p.input1);
      const b = store.u8(p.input2);
      const out = store.u8(p.output);
      forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
        for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
          const x = a[i1] !== 0;
          const y = b[i2] !== 0;
          out[o + k] = (or ? x || y : x && y) ? 1 : 0;
        }
      });
    },
  });
}

export const logicalAnd = logicalKernel('LOGICAL_AND', false);

// Reproduces TFLM reference FLOOR_DIV: floor_div.cc + reference/floor_div.h (float32: floor(a / b), 4D broadcasting).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { type BinaryOperands, binaryOperands, forEachRun, sameDTypeOperands } from './common/elementwise.js';
import { defineKernel, type Kernel } from './types.js';

export type FloatBinaryParams = BinaryOperands;

/**
 * A float32-only binary kernel over BroadcastBinaryFunction4DSlow. TFLM fails the invoke when a
 * FLOOR_DIV denominator is 0; here the float result (an infinity or NaN) is stored instead.
 */
export function floatBinaryKernel(
  op: string,
  fn: (a: number, b: number) => number,
): Kernel<FloatBinaryParams> {
  return defineKernel({
    op,
    alias: 'in-place',
    prepare: (ctx) => binaryOperands(ctx, sameDTypeOperands(ctx, ['float32']).inputs, 4),
    eval: (p: FloatBinaryParams, store: TensorStore) => {
      const a = store.f32(p.input1);
      const b = store.f32(p.input2);
      const out = store.f32(p.output);
      forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
        for (let k = 0; k < n; k++, i1 += s1, i2 += s2) out[o + k] = fn(a[i1], b[i2]);
      });
    },
  });
}

export const floorDiv = floatBinaryKernel('FLOOR_DIV', (a, b) => Math.floor(Math.fround(a / b)));

// Reproduces TFLM reference L2_POOL_2D: l2_pool_2d.cc with reference/pooling.h L2Pool (float32 only, as TFLM).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { clampFloat, forEachWindow, type PoolParams, preparePool } from './average-pool-2d.js';
import { defineKernel } from './types.js';

function evalL2Pool(p: PoolParams, store: TensorStore): void {
  const input = store.f32(p.input);
  const output = store.f32(p.output);
  forEachWindow(p, (outBase, window) => {
    const count = window.length;
    for (let c = 0; c < p.depth; c++) {
      let sumSquares = 0;
      for (const i of window) {
        const v = input[i + c];
        sumSquares = Math.fround(sumSquares + Math.fround(v * v));
      }
      const l2 = Math.fround(Math.sqrt(Math.fround(sumSquares / count)));
      output[outBase + c] = clampFloat(l2, p.actMin, p.actMax);
    }
  });
}

export const l2Pool2d = defineKernel<PoolParams>({
  op: 'L2_POOL_2D',
  prepare: (ctx) => preparePool(ctx, ['float32']),
  eval: evalL2Pool,
});

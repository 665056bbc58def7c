// Reproduces TFLM reference MAX_POOL_2D: pooling_common.cc PoolingPrepare with reference/pooling.h MaxPool (float32) and integer_ops/pooling.h MaxPool (int8, int16).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { clampFloat, forEachWindow, type PoolParams, preparePool } from './average-pool-2d.js';
import { defineKernel } from './types.js';

const FLOAT_LOWEST = -3.4028234663852886e38;

function evalFloat(p: PoolParams, input: Float32Array, output: Float32Array): void {
  forEachWindow(p, (outBase, window) => {
    for (let c = 0; c < p.depth; c++) {
      let max = FLOAT_LOWEST;
      for (const i of window) if (max < input[i + c]) max = input[i + c];
      output[outBase + c] = clampFloat(max, p.actMin, p.actMax);
    }
  });
}

function evalInteger(
  p: PoolParams,
  lowest: number,
  input: Int8Array | Int16Array,
  output: Int8Array | Int16Array,
): void {
  forEachWindow(p, (outBase, window) => {
    for (let c = 0; c < p.depth; c++) {
      let max = lowest;
      for (const i of window) if (max < input[i + c]) max = input[i + c];
      output[outBase + c] = Math.min(Math.max(max, p.actMin), p.actMax);
    }
  });
}

function evalMaxPool(p: PoolParams, store: TensorStore): void {
  if (p.dtype === 'float32') evalFloat(p, store.f32(p.input), store.f32(p.output));
  else if (p.dtype === 'int8') evalInteger(p, -128, store.i8(p.input), store.i8(p.output));
  else evalInteger(p, -32768, store.i16(p.input), store.i16(p.output));
}

export const maxPool2d = defineKernel<PoolParams>({
  op: 'MAX_POOL_2D',
  prepare: (ctx) => preparePool(ctx, ['float32', 'int8', 'int16']),
  eval: evalMaxPool,
});

// Reproduces TFLM reference MEAN: reduce_common.cc EvalMeanHelper with reference/reduce.h Mean (float32; the 4D H,W special case sums in the same order) and integer-only QuantizedMeanOrSum (int8, int16).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  evalQuantizedMeanOrSum,
  type MeanOrSumParams,
  meanOrSumScratchBytes,
  prepareMeanOrSum,
  sumFloat,
} from './common/reduce.js';
import { defineKernel } from './types.js';

export type MeanParams = MeanOrSumParams;

function evalMean(p: MeanParams, store: TensorStore): void {
  if (p.dtype !== 'float32') {
    evalQuantizedMeanOrSum(p, store);
    return;
  }
  const out = store.f32(p.output);
  sumFloat(p, store.f32(p.input), out);
  if (p.reduceCount === 0) return;
  const n = Math.fround(p.reduceCount);
  for (let o = 0; o < p.outputCount; o++) out[o] = out[o] / n;
}

export const mean = defineKernel<MeanParams>({
  op: 'MEAN',
  prepare: (ctx) => prepareMeanOrSum(ctx, true),
  eval: evalMean,
  scratchBytes: meanOrSumScratchBytes,
});

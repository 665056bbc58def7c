// Reproduces TFLM reference SUM: reduce_common.cc EvalSumHelper with reference/reduce.h ReduceGeneric (float32) and integer-only QuantizedMeanOrSum with compute_sum (int8, int16).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  evalQuantizedMeanOrSum,
  type MeanOrSumParams,
  meanOrSumScratchBytes,
  prepareMeanOrSum,
  sumFloat,
} from './common/reduce.js';
import { defineKernel } from './types.js';

export type SumParams = MeanOrSumParams;

function evalSum(p: SumParams, store: TensorStore): void {
  if (p.dtype === 'float32') sumFloat(p, store.f32(p.input), store.f32(p.output));
  else evalQuantizedMeanOrSum(p, store);
}

export const sum = defineKernel<SumParams>({
  op: 'SUM',
  prepare: (ctx) => prepareMeanOrSum(ctx, false),
  eval: evalSum,
  scratchBytes: meanOrSumScratchBytes,
});

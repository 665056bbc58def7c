// Reproduces TFLM reference MEAN: reduce_common.cc EvalMeanHelper with reference/reduce.h Mean (float32; the 4D H,W special case sums in the same order) and integer-only QuantizedMeanOrSum (int8, int16).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  checkReduceTensors,
  evalQuantizedSum,
  MAX_REDUCE_RANK,
  planReduction,
  prepareQuantizedSum,
  type QuantizedSumParams,
  type ReduceDType,
  type ReducePlan,
  sumFloat,
} from './common/reduce.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface MeanParams extends ReducePlan, QuantizedSumParams {
  dtype: ReduceDType;
  input: number;
  output: number;
}

const NO_QUANT: QuantizedSumParams = { inputZeroPoint: 0, outputZeroPoint: 0, multiplier: 0, shift: 0 };

function prepare(ctx: PrepareContext): MeanParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  const dtype = checkReduceTensors(ctx, input, output, ['float32', 'int8', 'int16'], MAX_REDUCE_RANK);
  const plan = planReduction(ctx, input, ctx.input(1), output);
  const quant = dtype === 'float32' ? NO_QUANT : prepareQuantizedSum(ctx, input, output, plan, true);
  return { dtype, input: input.index, output: output.index, ...plan, ...quant };
}

function evalMean(p: MeanParams, store: TensorStore): void {
  if (p.dtype !== 'float32') {
    const view = p.dtype === 'int8' ? store.i8.bind(store) : store.i16.bind(store);
    evalQuantizedSum(p, p, p.dtype, view(p.input), view(p.output));
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
  prepare,
  eval: evalMean,
  // The int32 sum per output element that QuantizedMeanOrSum accumulates in.
  scratchBytes: (p) => (p.dtype === 'float32' ? 0 : 4 * p.outputCount),
});

// Reproduces TFLM reference SUM: reduce_common.cc EvalSumHelper with reference/reduce.h ReduceGeneric (float32) and integer-only QuantizedMeanOrSum with compute_sum (int8, int16).
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

export interface SumParams extends ReducePlan, QuantizedSumParams {
  dtype: ReduceDType;
  input: number;
  output: number;
}

const NO_QUANT: QuantizedSumParams = { inputZeroPoint: 0, outputZeroPoint: 0, multiplier: 0, shift: 0 };

function prepare(ctx: PrepareContext): SumParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  const dtype = checkReduceTensors(ctx, input, output, ['float32', 'int8', 'int16'], MAX_REDUCE_RANK);
  const plan = planReduction(ctx, input, ctx.input(1), output);
  const quant = dtype === 'float32' ? NO_QUANT : prepareQuantizedSum(ctx, input, output, plan, false);
  return { dtype, input: input.index, output: output.index, ...plan, ...quant };
}

function evalSum(p: SumParams, store: TensorStore): void {
  if (p.dtype === 'float32') {
    sumFloat(p, store.f32(p.input), store.f32(p.output));
    return;
  }
  const view = p.dtype === 'int8' ? store.i8.bind(store) : store.i16.bind(store);
  evalQuantizedSum(p, p, p.dtype, view(p.input), view(p.output));
}

export const sum = defineKernel<SumParams>({
  op: 'SUM',
  prepare,
  eval: evalSum,
  // The int32 sum per output element that QuantizedMeanOrSum accumulates in.
  scratchBytes: (p) => (p.dtype === 'float32' ? 0 : 4 * p.outputCount),
});

/**
 * Axis resolution, index mapping and the shared arithmetic of the reduction kernels (MEAN, SUM,
 * REDUCE_MAX, REDUCE_MIN, REDUCE_PROD), following TFLM's reduce_common.cc and reference/reduce.h:
 * every input element is visited in row-major order and folded into the output element whose
 * index skips the reduced dimensions (ReducedOutputOffset), so float sums accumulate in that order.
 */
import type { GraphTensor } from '../../graph/graph.js';
import type { TensorStore } from '../../interpreter/tensor-store.js';
import {
  clamp,
  INT_RANGES,
  multiplyByQuantizedMultiplier,
  quantizeMultiplier,
} from '../../quant/fixed-point.js';
import { elementCount } from '../../tflite/verify.js';
import { defineKernel, type PrepareContext } from '../types.js';
import { tensorScale, tensorZeroPoint } from './fc-params.js';

/** TFLM's MEAN/SUM keep their iteration index in a stack array of this many dimensions. */
export const MAX_REDUCE_RANK = 5;

export interface ReducePlan {
  inputShape: number[];
  /** Resolved axes: negatives wrapped, duplicates dropped, in the order given. */
  axes: number[];
  /** Per input dimension, how far the output index moves per step (0 for reduced dimensions). */
  outStrides: number[];
  outputCount: number;
  /** Input elements folded into each output element. */
  reduceCount: number;
  inputCount: number;
}

/** The constant int32 values of an axis (or similar) tensor. */
export function constantInt32s(ctx: PrepareContext, t: GraphTensor, what: string): number[] {
  if (t.dtype !== 'int32') ctx.fail(`${what} must be int32, got ${t.dtype}`);
  if (!t.data) ctx.unsupported(`a non-constant ${what} tensor`);
  const view = new DataView(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  return Array.from({ length: elementCount(t.shape) }, (_, i) => view.getInt32(4 * i, true));
}

/** ResolveAxis: wraps negative axes, drops duplicates; a scalar input reduces nothing. */
export function resolveAxes(ctx: PrepareContext, rank: number, values: readonly number[]): number[] {
  if (rank === 0) return [];
  const axes: number[] = [];
  for (const v of values) {
    const a = v < 0 ? v + rank : v;
    if (a < 0 || a >= rank) ctx.fail(`axis ${v} is out of range for rank ${rank}`);
    if (!axes.includes(a)) axes.push(a);
  }
  return axes;
}

/** Plans a reduction of input over the axes in axisTensor; output must hold the reduced elements. */
export function planReduction(
  ctx: PrepareContext,
  input: GraphTensor,
  axisTensor: GraphTensor,
  output: GraphTensor,
): ReducePlan {
  const shape = input.shape;
  const axes = resolveAxes(ctx, shape.length, constantInt32s(ctx, axisTensor, 'axis'));
  const outStrides = new Array<number>(shape.length).fill(0);
  let outputCount = 1;
  let reduceCount = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (axes.includes(d)) {
      reduceCount *= shape[d];
    } else {
      outStrides[d] = outputCount;
      outputCount *= shape[d];
    }
  }
  if (elementCount(output.shape) !== outputCount)
    ctx.fail(`output [${output.shape}] does not hold the ${outputCount} reduced elements of [${shape}]`);
  return {
    inputShape: [...shape],
    axes,
    outStrides,
    outputCount,
    reduceCount,
    inputCount: elementCount(shape),
  };
}

/** Calls visit(inputIndex, outputIndex) for every input element in row-major order. */
export function forEachReduced(plan: ReducePlan, visit: (inIndex: number, outIndex: number) => void): void {
  const { inputShape: shape, outStrides } = plan;
  const idx = new Array<number>(shape.length).fill(0);
  let out = 0;
  for (let i = 0; i < plan.inputCount; i++) {
    visit(i, out);
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d]++;
      out += outStrides[d];
      if (idx[d] < shape[d]) break;
      out -= outStrides[d] * shape[d];
      idx[d] = 0;
    }
  }
}

export type ReduceDType = 'float32' | 'int8' | 'int16';

/** Requantization of QuantizedMeanOrSum (integer-only form). */
export interface QuantizedSumParams {
  inputZeroPoint: number;
  outputZeroPoint: number;
  multiplier: number;
  shift: number;
}

/**
 * Folds 1/count into a quantized multiplier as QuantizedMeanOrSum does for MEAN: shift by
 * floor(log2(count)) (at most 32, and keeping shift - s >= -31), then divide in 64-bit.
 */
export function foldCountIntoMultiplier(multiplier: number, shift: number, count: number) {
  let log2 = 0;
  while (2 ** (log2 + 1) <= count) log2++;
  const s = Math.min(log2, 32, 31 + shift);
  const folded = (BigInt(multiplier) << BigInt(s)) / BigInt(count);
  return { multiplier: Number(BigInt.asIntN(32, folded)), shift: shift - s };
}

/** Multiplier for MEAN/SUM on int8/int16: double(input_scale) / double(output_scale). */
export function prepareQuantizedSum(
  ctx: PrepareContext,
  input: GraphTensor,
  output: GraphTensor,
  plan: ReducePlan,
  isMean: boolean,
): QuantizedSumParams {
  const q = quantizeMultiplier(tensorScale(ctx, input) / tensorScale(ctx, output));
  const folded =
    isMean && plan.reduceCount > 0 ? foldCountIntoMultiplier(q.multiplier, q.shift, plan.reduceCount) : q;
  return {
    inputZeroPoint: tensorZeroPoint(input),
    outputZeroPoint: tensorZeroPoint(output),
    multiplier: folded.multiplier,
    shift: folded.shift,
  };
}

/**
 * QuantizedMeanOrSum: int32 sums per output (the scratch), minus zero point * count, rescaled
 * and clamped. An empty input leaves every output 0, as TFLM returns before rescaling.
 */
export function evalQuantizedSum(
  plan: ReducePlan,
  q: QuantizedSumParams,
  dtype: 'int8' | 'int16',
  input: Int8Array | Int16Array,
  output: Int8Array | Int16Array,
): void {
  const sums = new Int32Array(plan.outputCount);
  output.fill(0, 0, plan.outputCount);
  if (plan.inputCount === 0) return;
  forEachReduced(plan, (i, o) => {
    sums[o] = (sums[o] + input[i]) | 0;
  });
  const [lo, hi] = INT_RANGES[dtype];
  const offset = q.inputZeroPoint * plan.reduceCount;
  for (let o = 0; o < plan.outputCount; o++) {
    const shifted = (sums[o] - offset) | 0;
    const v = multiplyByQuantizedMultiplier(shifted, q.multiplier, q.shift) + q.outputZeroPoint;
    output[o] = clamp(v, lo, hi);
  }
}

/** Prepared data of MEAN and SUM. */
export interface MeanOrSumParams extends ReducePlan, QuantizedSumParams {
  dtype: ReduceDType;
  input: number;
  output: number;
}

const NO_QUANT: QuantizedSumParams = { inputZeroPoint: 0, outputZeroPoint: 0, multiplier: 0, shift: 0 };

/** Prepare of MEAN (`isMean`) and SUM over float32, int8 and int16. */
export function prepareMeanOrSum(ctx: PrepareContext, isMean: boolean): MeanOrSumParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  const dtype = checkReduceTensors(ctx, input, output, ['float32', 'int8', 'int16'], MAX_REDUCE_RANK);
  const plan = planReduction(ctx, input, ctx.input(1), output);
  const quant = dtype === 'float32' ? NO_QUANT : prepareQuantizedSum(ctx, input, output, plan, isMean);
  return { dtype, input: input.index, output: output.index, ...plan, ...quant };
}

/** QuantizedMeanOrSum of int8/int16 MEAN and SUM. */
export function evalQuantizedMeanOrSum(p: MeanOrSumParams, store: TensorStore): void {
  const view = p.dtype === 'int8' ? store.i8.bind(store) : store.i16.bind(store);
  evalQuantizedSum(p, p, p.dtype as 'int8' | 'int16', view(p.input), view(p.output));
}

/** The int32 sum per output element that QuantizedMeanOrSum accumulates in. */
export function meanOrSumScratchBytes(p: MeanOrSumParams): number {
  return p.dtype === 'float32' ? 0 : 4 * p.outputCount;
}

/** Float sum per output in input order (ReduceGeneric / Mean's temp_sum), in single precision. */
export function sumFloat(plan: ReducePlan, input: Float32Array, output: Float32Array): void {
  output.fill(0, 0, plan.outputCount);
  forEachReduced(plan, (i, o) => {
    output[o] = input[i] + output[o];
  });
}

/** ReduceGeneric with a max/min reducer: init value, then (in > cur) ? in : cur (or <). */
export function reduceExtreme(
  plan: ReducePlan,
  isMax: boolean,
  init: number,
  input: Float32Array | Int8Array,
  output: Float32Array | Int8Array,
): void {
  output.fill(init, 0, plan.outputCount);
  if (plan.inputCount === 0) return;
  if (isMax) {
    forEachReduced(plan, (i, o) => {
      if (input[i] > output[o]) output[o] = input[i];
    });
  } else {
    forEachReduced(plan, (i, o) => {
      if (input[i] < output[o]) output[o] = input[i];
    });
  }
}

/** Dtype and rank checks every reduction shares; returns the dtype. */
export function checkReduceTensors(
  ctx: PrepareContext,
  input: GraphTensor,
  output: GraphTensor,
  allowed: readonly ReduceDType[],
  maxRank: number,
): ReduceDType {
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs (input, axis), got ${ctx.op.inputs.length}`);
  if (!(allowed as readonly string[]).includes(input.dtype)) ctx.unsupported(`input dtype ${input.dtype}`);
  if (output.dtype !== input.dtype) ctx.fail(`input ${input.dtype} and output ${output.dtype} differ`);
  if (input.shape.length > maxRank) ctx.unsupported(`input rank ${input.shape.length} above ${maxRank}`);
  return input.dtype as ReduceDType;
}

const FLOAT_MAX = 3.4028234663852886e38;

export interface ExtremeParams extends ReducePlan {
  dtype: 'float32' | 'int8';
  input: number;
  output: number;
  /** numeric_limits<T>::lowest() for max, max() for min. */
  init: number;
}

/** REDUCE_MAX / REDUCE_MIN (EvalMinMaxHelper): float32, and int8 with unchanged quantization. */
export function defineExtremeReduction(op: 'REDUCE_MAX' | 'REDUCE_MIN', isMax: boolean) {
  return defineKernel<ExtremeParams>({
    op,
    prepare(ctx) {
      const input = ctx.input(0);
      const output = ctx.output(0);
      const dtype = checkReduceTensors(ctx, input, output, ['float32', 'int8'], Infinity) as
        | 'float32'
        | 'int8';
      if (dtype === 'int8') {
        if (tensorScale(ctx, input) !== tensorScale(ctx, output))
          ctx.fail('int8 input and output scales must be equal');
        if (tensorZeroPoint(input) !== tensorZeroPoint(output))
          ctx.fail('int8 input and output zero points must be equal');
      }
      const plan = planReduction(ctx, input, ctx.input(1), output);
      const limit = dtype === 'int8' ? (isMax ? -128 : 127) : isMax ? -FLOAT_MAX : FLOAT_MAX;
      return { dtype, input: input.index, output: output.index, ...plan, init: limit };
    },
    eval(p, store) {
      const view = p.dtype === 'int8' ? store.i8.bind(store) : store.f32.bind(store);
      reduceExtreme(p, isMax, p.init, view(p.input), view(p.output));
    },
  });
}

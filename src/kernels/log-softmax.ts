// Reproduces TFLM reference LOG_SOFTMAX: log_softmax.cc with reference/log_softmax.h (float32, int8 via gemmlowp exp and log with output scale 16/256, zero point 127).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  INT32_MIN,
  multiplyByQuantizedMultiplier,
  quantizeMultiplier,
  roundingDivideByPOT,
} from '../quant/fixed-point.js';
import {
  calculateInputRadius,
  expOnNegativeValues,
  logXForXGreaterThanOrEqualTo1,
  preprocessSoftmaxScaling,
} from '../quant/gemmlowp.js';
import { elementCount } from '../tflite/verify.js';
import { tensorScale, tensorZeroPoint } from './common/fc-params.js';
import { ACCUMULATION_INTEGER_BITS, maxAndExpSum } from './softmax.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface LogSoftmaxParams {
  dtype: 'float32' | 'int8';
  input: number;
  output: number;
  outerSize: number;
  depth: number;
  inputMultiplier: number;
  inputShift: number;
  /** Maps a Q5.26 log-sum back to an input difference (a right shift as shift <= 0). */
  reverseScalingDivisor: number;
  reverseScalingShift: number;
  diffMin: number;
}

/** Kept in sync with reference/log_softmax.h: Q5.26 differences, Q12.19 sums, Q4 output. */
const INPUT_INTEGER_BITS = 5;
const OUTPUT_INTEGER_BITS = 4;

function prepare(ctx: PrepareContext): LogSoftmaxParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (input.dtype !== output.dtype) ctx.fail(`input ${input.dtype} and output ${output.dtype} differ`);
  if (input.dtype !== 'float32' && input.dtype !== 'int8') ctx.unsupported(`log-softmax of ${input.dtype}`);
  if (input.shape.length < 1 || input.shape.join() !== output.shape.join())
    ctx.fail(`input [${input.shape}] and output [${output.shape}] must have one shape`);
  const depth = input.shape[input.shape.length - 1];
  const size = elementCount(input.shape);
  const base = { input: input.index, output: output.index, outerSize: depth ? size / depth : 0, depth };
  if (input.dtype === 'float32') {
    const none = {
      inputMultiplier: 0,
      inputShift: 0,
      reverseScalingDivisor: 0,
      reverseScalingShift: 0,
      diffMin: 0,
    };
    return { dtype: 'float32', ...base, ...none };
  }
  if (tensorScale(ctx, output) !== 16 / 256 || tensorZeroPoint(output) !== 127)
    ctx.fail('int8 log-softmax needs output scale 16/256 and zero point 127');
  const q = preprocessSoftmaxScaling(1, tensorScale(ctx, input), INPUT_INTEGER_BITS);
  // (1 << (31 - shift)) is an int in TFLM: shift 0 wraps to -2^31 there too.
  const reverse = quantizeMultiplier((1 << (31 - q.shift)) / q.multiplier);
  return {
    dtype: 'int8',
    ...base,
    inputMultiplier: q.multiplier,
    inputShift: q.shift,
    reverseScalingDivisor: reverse.multiplier,
    reverseScalingShift: reverse.shift,
    diffMin: -calculateInputRadius(INPUT_INTEGER_BITS, q.shift),
  };
}

function evalFloat(p: LogSoftmaxParams, store: TensorStore): void {
  const f = Math.fround;
  const x = store.f32(p.input);
  const y = store.f32(p.output);
  for (let i = 0; i < p.outerSize; i++) {
    const row = i * p.depth;
    let max = -3.4028234663852886e38;
    for (let c = 0; c < p.depth; c++) if (max < x[row + c]) max = x[row + c];
    let sum = 0;
    for (let c = 0; c < p.depth; c++) sum = f(sum + f(Math.exp(f(x[row + c] - max))));
    const logSum = f(Math.log(sum));
    for (let c = 0; c < p.depth; c++) y[row + c] = f(x[row + c] - max) - logSum;
  }
}

function evalInt8(p: LogSoftmaxParams, store: TensorStore): void {
  const x = store.i8(p.input);
  const y = store.i8(p.output);
  const toQ5 = (diff: number): number => multiplyByQuantizedMultiplier(diff, p.inputMultiplier, p.inputShift);
  const scaledExp = (diff: number): number => expOnNegativeValues(toQ5(diff), INPUT_INTEGER_BITS);
  for (let i = 0; i < p.outerSize; i++) {
    const row = i * p.depth;
    const { max, sum } = maxAndExpSum(x, row, p.depth, p.diffMin, scaledExp);
    const logSum = logXForXGreaterThanOrEqualTo1(sum, INPUT_INTEGER_BITS, ACCUMULATION_INTEGER_BITS);
    const shiftedLogSum = (logSum + INT32_MIN) | 0;
    const adjustedDiffMin = Math.max(
      p.diffMin - 1,
      multiplyByQuantizedMultiplier(shiftedLogSum, p.reverseScalingDivisor, p.reverseScalingShift),
    );
    for (let c = 0; c < p.depth; c++) {
      const diff = x[row + c] - max;
      if (diff <= adjustedDiffMin) {
        y[row + c] = -128;
        continue;
      }
      const out =
        roundingDivideByPOT((toQ5(diff) - logSum) | 0, 31 - INPUT_INTEGER_BITS - OUTPUT_INTEGER_BITS) + 127;
      y[row + c] = Math.min(Math.max(out, -128), 127);
    }
  }
}

export const logSoftmax = defineKernel({
  op: 'LOG_SOFTMAX',
  prepare,
  eval(p: LogSoftmaxParams, store: TensorStore) {
    if (p.dtype === 'float32') evalFloat(p, store);
    else evalInt8(p, store);
  },
});

// Reproduces TFLM reference LOGISTIC: logistic_common.cc with integer_ops/logistic.h (int8 via gemmlowp Q4.27, int16 via the sigmoid table) and reference/logistic.h (float32).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { multiplyByQuantizedMultiplier, roundingDivideByPOT } from '../quant/fixed-point.js';
import { fixedLogistic, logisticInt16 } from '../quant/gemmlowp.js';
import { elementCount } from '../tflite/verify.js';
import { tensorZeroPoint } from './common/fc-params.js';
import { INT8_INPUT_INTEGER_BITS, int8InputScaling, int16InputScaling } from './common/sigmoid-params.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface LogisticParams {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  output: number;
  size: number;
  inputZeroPoint: number;
  inputMultiplier: number;
  inputShift: number;
  inputRadius: number;
}

function prepare(ctx: PrepareContext): LogisticParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (input.dtype !== output.dtype) ctx.fail(`input ${input.dtype} and output ${output.dtype} differ`);
  if (input.dtype !== 'float32' && input.dtype !== 'int8' && input.dtype !== 'int16')
    ctx.unsupported(`logistic of ${input.dtype}`);
  const size = elementCount(input.shape);
  if (size !== elementCount(output.shape))
    ctx.fail(`input [${input.shape}] and output [${output.shape}] differ`);
  const base = { dtype: input.dtype, input: input.index, output: output.index, size, inputZeroPoint: 0 };
  if (input.dtype === 'float32') return { ...base, inputMultiplier: 0, inputShift: 0, inputRadius: 0 };
  if (input.dtype === 'int8' && tensorZeroPoint(output) !== -128)
    ctx.fail('int8 output zero point must be -128');
  const s = input.dtype === 'int8' ? int8InputScaling(ctx, input) : int16InputScaling(ctx, input, output, 0);
  return {
    ...base,
    inputZeroPoint: tensorZeroPoint(input),
    inputMultiplier: s.multiplier,
    inputShift: s.shift,
    inputRadius: s.radius,
  };
}

/** The float logistic TFLM uses: saturate above ~16.6, exp(x) below -9. */
export function logisticFloat(v: number): number {
  const f = Math.fround;
  if (v > f(16.619047164916992)) return 1;
  if (v < -9) return f(Math.exp(v));
  return f(1 / f(1 + f(Math.exp(-v))));
}

/** One int8 element (the C backend tabulates it over all 256 inputs). */
export function logisticInt8(p: LogisticParams, x: number): number {
  const input = x - p.inputZeroPoint;
  if (input <= -p.inputRadius) return -128;
  if (input >= p.inputRadius) return 127;
  const q4 = multiplyByQuantizedMultiplier(input, p.inputMultiplier, p.inputShift);
  const q23 = roundingDivideByPOT(fixedLogistic(q4, INT8_INPUT_INTEGER_BITS), 23);
  return Math.min(Math.max(q23 - 128, -128), 127);
}

function evalInt8(p: LogisticParams, store: TensorStore): void {
  const x = store.i8(p.input);
  const y = store.i8(p.output);
  for (let i = 0; i < p.size; i++) y[i] = logisticInt8(p, x[i]);
}

export const logistic = defineKernel({
  op: 'LOGISTIC',
  prepare,
  eval(p: LogisticParams, store: TensorStore) {
    if (p.dtype === 'int8') return evalInt8(p, store);
    if (p.dtype === 'int16') {
      const x = store.i16(p.input);
      const y = store.i16(p.output);
      for (let i = 0; i < p.size; i++) y[i] = logisticInt16(x[i], p.inputMultiplier, p.inputShift);
      return;
    }
    const x = store.f32(p.input);
    const y = store.f32(p.output);
    for (let i = 0; i < p.size; i++) y[i] = logisticFloat(x[i]);
  },
  alias: 'in-place',
});

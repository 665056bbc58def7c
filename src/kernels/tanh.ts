// Reproduces TFLM reference TANH: tanh.cc with integer_ops/tanh.h (int8 via gemmlowp Q4.27, int16 via the sigmoid table) and reference/tanh.h (float32).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { multiplyByQuantizedMultiplier, roundingDivideByPOT } from '../quant/fixed-point.js';
import { fixedTanh, tanhInt16 } from '../quant/gemmlowp.js';
import { elementCount } from '../tflite/verify.js';
import { tensorZeroPoint } from './common/fc-params.js';
import { INT8_INPUT_INTEGER_BITS, int8InputScaling, int16InputScaling } from './common/sigmoid-params.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface TanhParams {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  output: number;
  size: number;
  inputZeroPoint: number;
  inputMultiplier: number;
  inputShift: number;
  inputRadius: number;
}

/** TFLM assumes (and does not check) an int8 output of scale 1/128 and zero point 0. */
function prepare(ctx: PrepareContext): TanhParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (input.dtype !== output.dtype) ctx.fail(`input ${input.dtype} and output ${output.dtype} differ`);
  if (input.dtype !== 'float32' && input.dtype !== 'int8' && input.dtype !== 'int16')
    ctx.unsupported(`tanh of ${input.dtype}`);
  const size = elementCount(input.shape);
  if (size !== elementCount(output.shape))
    ctx.fail(`input [${input.shape}] and output [${output.shape}] differ`);
  const base = { dtype: input.dtype, input: input.index, output: output.index, size, inputZeroPoint: 0 };
  if (input.dtype === 'float32') return { ...base, inputMultiplier: 0, inputShift: 0, inputRadius: 0 };
  const s = input.dtype === 'int8' ? int8InputScaling(ctx, input) : int16InputScaling(ctx, input, output, 1);
  return {
    ...base,
    inputZeroPoint: tensorZeroPoint(input),
    inputMultiplier: s.multiplier,
    inputShift: s.shift,
    inputRadius: s.radius,
  };
}

/** One int8 element (the C backend tabulates it over all 256 inputs). */
export function tanhInt8(p: TanhParams, x: number): number {
  const input = x - p.inputZeroPoint;
  if (input <= -p.inputRadius) return -128;
  if (input >= p.inputRadius) return 127;
  const q4 = multiplyByQuantizedMultiplier(input, p.inputMultiplier, p.inputShift);
  const q24 = roundingDivideByPOT(fixedTanh(q4, INT8_INPUT_INTEGER_BITS), 24);
  return Math.min(Math.max(q24, -128), 127);
}

function evalInt8(p: TanhParams, store: TensorStore): void {
  const x = store.i8(p.input);
  const y = store.i8(p.output);
  for (let i = 0; i < p.size; i++) y[i] = tanhInt8(p, x[i]);
}

export const tanh = defineKernel({
  op: 'TANH',
  prepare,
  eval(p: TanhParams, store: TensorStore) {
    if (p.dtype === 'int8') return evalInt8(p, store);
    if (p.dtype === 'int16') {
      const x = store.i16(p.input);
      const y = store.i16(p.output);
      for (let i = 0; i < p.size; i++) y[i] = tanhInt16(x[i], p.inputMultiplier, p.inputShift);
      return;
    }
    const x = store.f32(p.input);
    const y = store.f32(p.output);
    for (let i = 0; i < p.size; i++) y[i] = Math.tanh(x[i]);
  },
  alias: 'in-place',
});

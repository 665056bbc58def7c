// Reproduces TFLM reference RELU: activations_common.cc (CalculateReluOpData, ReluQuantized for int8/int16, ReluFloat).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  INT_RANGES,
  multiplyByQuantizedMultiplier,
  quantizeMultiplier,
  roundHalfAway,
} from '../quant/fixed-point.js';
import { prepareTypedUnary, quantParams } from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface ReluParams {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  output: number;
  count: number;
  /** Float limits (RELU: 0 and +Infinity) or, quantized, the output clamp in output units. */
  actMin: number;
  actMax: number;
  inputOffset: number;
  outputOffset: number;
  outputMultiplier: number;
  outputShift: number;
}

/**
 * Prepare shared by RELU and RELU_N1_TO_1: quantized, the input is rescaled to the output scale
 * and clamped to [lower, upper] quantized with the output's parameters (roundf in float).
 */
export function prepareReluRange(ctx: PrepareContext, lower: number, upper: number): ReluParams {
  const base = prepareTypedUnary(ctx, ['float32', 'int8', 'int16'] as const);
  const { dtype } = base;
  const [input, output] = [ctx.input(0), ctx.output(0)];
  if (dtype === 'float32')
    return {
      ...base,
      actMin: lower,
      actMax: upper,
      inputOffset: 0,
      outputOffset: 0,
      outputMultiplier: 0,
      outputShift: 0,
    };
  const qi = quantParams(ctx, input);
  const qo = quantParams(ctx, output);
  if (dtype === 'int16' && (qi.zeroPoint !== 0 || qo.zeroPoint !== 0))
    ctx.fail('int16 needs zero points of 0');
  const { multiplier, shift } = quantizeMultiplier(qi.scale / qo.scale);
  const [tMin, tMax] = INT_RANGES[dtype];
  const quantize = (v: number) => qo.zeroPoint + roundHalfAway(Math.fround(v / qo.scale));
  return {
    ...base,
    actMin: Math.max(tMin, quantize(lower)),
    actMax: upper === Number.POSITIVE_INFINITY ? tMax : Math.min(tMax, quantize(upper)),
    inputOffset: qi.zeroPoint,
    outputOffset: qo.zeroPoint,
    outputMultiplier: multiplier,
    outputShift: shift,
  };
}

/** ReluQuantized: requantize to the output scale, then clamp. Float: clamp only. */
export function evalReluRange(p: ReluParams, store: TensorStore): void {
  const { actMin, actMax, count } = p;
  if (p.dtype === 'float32') {
    const x = store.f32(p.input);
    const out = store.f32(p.output);
    for (let i = 0; i < count; i++) {
      const v = x[i];
      // biome-ignore lint/complexity/useMathMinMax: TFLM's comparisons keep -0 and NaN, Math.max does not
      out[i] = v < actMin ? actMin : v > actMax ? actMax : v;
    }
    return;
  }
  const x = p.dtype === 'int8' ? store.i8(p.input) : store.i16(p.input);
  const out = p.dtype === 'int8' ? store.i8(p.output) : store.i16(p.output);
  const { inputOffset, outputOffset, outputMultiplier: m, outputShift: sh } = p;
  for (let i = 0; i < count; i++) {
    const r = outputOffset + multiplyByQuantizedMultiplier(x[i] - inputOffset, m, sh);
    out[i] = Math.min(Math.max(r, actMin), actMax);
  }
}

export const relu = defineKernel({
  op: 'RELU',
  alias: 'in-place',
  prepare: (ctx) => prepareReluRange(ctx, 0, Number.POSITIVE_INFINITY),
  eval: evalReluRange,
});

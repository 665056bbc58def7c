// Reproduces TFLM reference RSQRT: elementwise.cc (RsqrtEvalQuantized with GetInvSqrtQuantizedMultiplierExp for int8, 1 / sqrt for float32).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { multiplyByQuantizedMultiplier, quantizeMultiplier } from '../quant/fixed-point.js';
import { prepareTypedUnary, quantParams, type UnaryParams } from './common/elementwise.js';
import { invSqrtQuantizedMultiplier } from './l2-normalization.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface RsqrtParams extends UnaryParams {
  dtype: 'float32' | 'int8';
  inputOffset: number;
  outputOffset: number;
  /** 1 / (sqrt(input_scale) * output_scale) as a quantized multiplier. */
  multiplier: number;
  shift: number;
}

function prepare(ctx: PrepareContext): RsqrtParams {
  const base = prepareTypedUnary(ctx, ['float32', 'int8'] as const);
  if (base.dtype === 'float32') return { ...base, inputOffset: 0, outputOffset: 0, multiplier: 0, shift: 0 };
  const qi = quantParams(ctx, ctx.input(0));
  const qo = quantParams(ctx, ctx.output(0));
  const { multiplier, shift } = quantizeMultiplier(1 / (Math.sqrt(qi.scale) * qo.scale));
  return { ...base, inputOffset: qi.zeroPoint, outputOffset: qo.zeroPoint, multiplier, shift };
}

/**
 * TFLM fails the invoke when an int8 input lies below the zero point; here such values are
 * treated like an input of 1 (GetInvSqrtQuantizedMultiplierExp's handling of inputs <= 1).
 */
function evalRsqrt(p: RsqrtParams, store: TensorStore): void {
  if (p.dtype === 'float32') {
    const x = store.f32(p.input);
    const out = store.f32(p.output);
    for (let i = 0; i < p.count; i++) out[i] = Math.fround(1 / Math.fround(Math.sqrt(x[i])));
    return;
  }
  const x = store.i8(p.input);
  const out = store.i8(p.output);
  const kShift = 20;
  for (let i = 0; i < p.count; i++) {
    const value = x[i] - p.inputOffset;
    if (value === 0) {
      out[i] = 127;
      continue;
    }
    const inv = invSqrtQuantizedMultiplier(value);
    const data = multiplyByQuantizedMultiplier(1, inv.multiplier, inv.shift + kShift);
    const r = multiplyByQuantizedMultiplier(data, p.multiplier, p.shift - kShift) + p.outputOffset;
    out[i] = Math.min(Math.max(r, -128), 127);
  }
}

export const rsqrt = defineKernel({ op: 'RSQRT', alias: 'in-place', prepare, eval: evalRsqrt });

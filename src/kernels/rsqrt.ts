// Reproduces TFLM reference RSQRT: elementwise.cc (RsqrtEvalQuantized with GetInvSqrtQuantizedMultiplierExp for int8, 1 / sqrt for float32).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  INT32_MAX,
  multiplyByQuantizedMultiplier,
  quantizeMultiplier,
  roundingDivideByPOT,
  saturatingRoundingDoublingHighMul as srdhm,
} from '../quant/fixed-point.js';
import { prepareUnary, quantParams, type UnaryParams } from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface RsqrtParams extends UnaryParams {
  dtype: 'float32' | 'int8';
  inputOffset: number;
  outputOffset: number;
  /** 1 / (sqrt(input_scale) * output_scale) as a quantized multiplier. */
  multiplier: number;
  shift: number;
}

/** Rescale<3> from 6 or 9 integer bits: a saturating left shift of the raw value. */
function saturatingShiftLeft(x: number, exponent: number): number {
  const limit = 2 ** (31 - exponent) - 1;
  if (x > limit) return INT32_MAX;
  if (x < -limit) return -INT32_MAX - 1;
  return x * 2 ** exponent;
}

/** GetInvSqrtQuantizedMultiplierExp(input, kReverseShift): Newton-Raphson in Q3.28. */
export function invSqrtMultiplier(input: number): [number, number] {
  if (input <= 1) return [INT32_MAX, 0];
  let shift = 11;
  let x = input;
  while (x >= 1 << 29) {
    x = Math.trunc(x / 4);
    shift++;
  }
  const pairs = ((Math.clz32(x) - 1) >> 1) - 1;
  shift -= pairs;
  x <<= 2 * pairs;
  const halfInput = roundingDivideByPOT(x >> 1, 1);
  const halfThree = (1 << 28) + (1 << 27);
  let y = 1 << 28;
  for (let i = 0; i < 5; i++) {
    const y3 = saturatingShiftLeft(srdhm(srdhm(y, y), y), 6);
    y = saturatingShiftLeft((srdhm(halfThree, y) - srdhm(halfInput, y3)) | 0, 3);
  }
  let inv = srdhm(y, 1518500250);
  if (shift < 0) {
    inv = (inv << -shift) | 0;
    shift = 0;
  }
  return [inv, -shift];
}

function prepare(ctx: PrepareContext): RsqrtParams {
  const base = prepareUnary(ctx, ['float32', 'int8']);
  const dtype = ctx.input(0).dtype as RsqrtParams['dtype'];
  if (dtype === 'float32')
    return { ...base, dtype, inputOffset: 0, outputOffset: 0, multiplier: 0, shift: 0 };
  const qi = quantParams(ctx, ctx.input(0));
  const qo = quantParams(ctx, ctx.output(0));
  const { multiplier, shift } = quantizeMultiplier(1 / (Math.sqrt(qi.scale) * qo.scale));
  return { ...base, dtype, inputOffset: qi.zeroPoint, outputOffset: qo.zeroPoint, multiplier, shift };
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
    const [inv, invShift] = invSqrtMultiplier(value);
    const data = multiplyByQuantizedMultiplier(1, inv, invShift + kShift);
    const r = multiplyByQuantizedMultiplier(data, p.multiplier, p.shift - kShift) + p.outputOffset;
    out[i] = Math.min(Math.max(r, -128), 127);
  }
}

export const rsqrt = defineKernel({ op: 'RSQRT', alias: 'in-place', prepare, eval: evalRsqrt });

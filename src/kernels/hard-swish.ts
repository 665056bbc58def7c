// Reproduces TFLM reference HARD_SWISH: hard_swish_common.cc + reference/hard_swish.h (int8 16-bit fixed-point path, float32).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { quantizeMultiplier, roundingDivideByPOT } from '../quant/fixed-point.js';
import { prepareTypedUnary, quantParams } from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface HardSwishParams {
  dtype: 'float32' | 'int8';
  input: number;
  output: number;
  count: number;
  inputZeroPoint: number;
  outputZeroPoint: number;
  /** Q0.15 multipliers and their exponents (left shift when positive). */
  reluishMultiplier: number;
  reluishExponent: number;
  outputMultiplier: number;
  outputExponent: number;
}

/** DownScaleInt32ToInt16Multiplier: the Q0.31 multiplier rounded to Q0.15. */
export function downScaleToInt16(m: number): number {
  return m >= 2147483647 - 32768 ? 32767 : (m + 32768) >> 16;
}

/** gemmlowp SaturatingRoundingDoublingHighMul on int16 values. */
export function srdhm16(a: number, b: number): number {
  if (a === -32768 && b === -32768) return 32767;
  const ab = a * b;
  return Math.trunc((ab + (ab >= 0 ? 1 << 14 : 1 - (1 << 14))) / 32768);
}

/** SaturatingDoublingHighMul on int16: like srdhm16 but truncating toward zero. */
export function sdhm16(a: number, b: number): number {
  if (a === -32768 && b === -32768) return 32767;
  return Math.trunc((a * b) / 32768);
}

function saturatingLeftShift16(v: number, amount: number): number {
  return Math.min(Math.max(v * 2 ** amount, -32768), 32767);
}

function prepare(ctx: PrepareContext): HardSwishParams {
  const base = prepareTypedUnary(ctx, ['float32', 'int8'] as const);
  const { dtype } = base;
  const [input, output] = [ctx.input(0), ctx.output(0)];
  if (dtype === 'float32')
    return {
      ...base,
      inputZeroPoint: 0,
      outputZeroPoint: 0,
      reluishMultiplier: 0,
      reluishExponent: 0,
      outputMultiplier: 0,
      outputExponent: 0,
    };
  const qi = quantParams(ctx, input);
  const qo = quantParams(ctx, output);
  const f32 = Math.fround;
  const hiresInputScale = f32(f32(1 / 128) * qi.scale);
  const reluishScale = f32(3 / 32768);
  const out = quantizeMultiplier(f32(hiresInputScale / qo.scale));
  if (out.shift > 0) ctx.fail('the output multiplier needs a left shift (output scale too small)');
  const reluish = quantizeMultiplier(f32(hiresInputScale / reluishScale));
  return {
    ...base,
    inputZeroPoint: qi.zeroPoint,
    outputZeroPoint: qo.zeroPoint,
    reluishMultiplier: downScaleToInt16(reluish.multiplier),
    reluishExponent: reluish.shift,
    outputMultiplier: downScaleToInt16(out.multiplier),
    outputExponent: out.shift,
  };
}

/** One int8 element, in int16 fixed point exactly as reference_ops::HardSwish<int8_t>. */
function hardSwishInt8(p: HardSwishParams, x: number): number {
  const hires = (x - p.inputZeroPoint) * 128;
  const preshiftOutput = srdhm16(hires, p.outputMultiplier);
  let reluish = hires;
  if (p.reluishExponent > 0) reluish = saturatingLeftShift16(reluish, p.reluishExponent - 1);
  reluish = srdhm16(reluish, p.reluishMultiplier);
  if (p.reluishExponent > 0) reluish = saturatingLeftShift16(reluish, 1);
  if (p.reluishExponent < 0) reluish = roundingDivideByPOT(reluish, -p.reluishExponent);
  reluish = (reluish + 32768) >> 1;
  const preshift = sdhm16(reluish, preshiftOutput);
  // output_value is an int16_t, so adding the zero point wraps before the int8 clamp.
  const v = ((roundingDivideByPOT(preshift, -p.outputExponent) + p.outputZeroPoint) << 16) >> 16;
  return Math.min(Math.max(v, -128), 127);
}

function evalHardSwish(p: HardSwishParams, store: TensorStore): void {
  if (p.dtype === 'int8') {
    const x = store.i8(p.input);
    const out = store.i8(p.output);
    for (let i = 0; i < p.count; i++) out[i] = hardSwishInt8(p, x[i]);
    return;
  }
  const f32 = Math.fround;
  const x = store.f32(p.input);
  const out = store.f32(p.output);
  for (let i = 0; i < p.count; i++) {
    const v = x[i];
    const t = f32(v + 3);
    // std::min(6, std::max(0, t)) compares exactly like this (a NaN becomes 0).
    // biome-ignore lint/complexity/useMathMinMax: Math.max/min would keep a NaN
    const clamped = 0 < t ? (t < 6 ? t : 6) : 0;
    out[i] = f32(f32(v * clamped) / 6);
  }
}

export const hardSwish = defineKernel({ op: 'HARD_SWISH', alias: 'in-place', prepare, eval: evalHardSwish });

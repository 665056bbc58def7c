/**
 * TFLM's fixed-point arithmetic (tensorflow/lite/kernels/internal/common.h and
 * quantization_util.cc, default double-rounding build): the only implementation in the TS code,
 * mirrored by runtime/quant.h. All values are int32 unless a name says otherwise.
 */

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
const TWO_POW_31 = 2147483648;
const TWO_POW_15 = 32768;

/** Rounds half away from zero, as std::round / TfLiteRound do. */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** frexp: x = m * 2^e with 0.5 <= |m| < 1 (m = 0, e = 0 for x = 0). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e -= 1;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e += 1;
  }
  return [m, e];
}

export interface QuantizedMultiplier {
  multiplier: number;
  shift: number;
}

/** QuantizeMultiplier: a positive real multiplier as (int32 fixed-point at bit 31, shift). */
export function quantizeMultiplier(real: number): QuantizedMultiplier {
  if (real === 0) return { multiplier: 0, shift: 0 };
  const [q, e] = frexp(real);
  let shift = e;
  let fixed = roundHalfAway(q * TWO_POW_31);
  if (fixed === TWO_POW_31) {
    fixed /= 2;
    shift += 1;
  }
  if (shift < -31) {
    shift = 0;
    fixed = 0;
  }
  return { multiplier: fixed, shift };
}

/** QuantizeMultiplierSmallerThanOneExp: as quantizeMultiplier, for 0 < real < 1. */
export function quantizeMultiplierSmallerThanOneExp(real: number): QuantizedMultiplier {
  return quantizeMultiplier(real);
}

/** QuantizeMultiplierGreaterThanOne: multiplier and a left shift >= 0. */
export function quantizeMultiplierGreaterThanOne(real: number): QuantizedMultiplier {
  return quantizeMultiplier(real);
}

/** Wraps a number to int32 the way a C cast of a two's-complement value does. */
export function wrapInt32(x: number): number {
  return x | 0;
}

/**
 * SaturatingRoundingDoublingHighMul(a, b): high 32 bits of 2ab, rounded (nudge) and truncated
 * toward zero. Computed exactly without BigInt by splitting b into 16-bit halves.
 */
export function saturatingRoundingDoublingHighMul(a: number, b: number): number {
  if (a === INT32_MIN && b === INT32_MIN) return INT32_MAX;
  const bHi = b >> 16; // signed high half
  const bLo = b & 0xffff;
  const p = a * bHi; // |p| < 2^46, exact
  const nudgeAndLow = a * bLo + (a * b >= 0 ? 0x40000000 : 1 - 0x40000000); // |.| < 2^48, exact
  // total = p * 2^16 + nudgeAndLow; divide by 2^31 truncating toward zero.
  const pLo = ((p % TWO_POW_15) + TWO_POW_15) % TWO_POW_15;
  const pHi = (p - pLo) / TWO_POW_15;
  const r = pLo * 65536 + nudgeAndLow;
  const rFloor = Math.floor(r / TWO_POW_31);
  let q = pHi + rFloor;
  const negative = p * 65536 + nudgeAndLow < 0;
  if (negative && r - rFloor * TWO_POW_31 !== 0) q += 1;
  return q | 0;
}

/** RoundingDivideByPOT: x / 2^exponent rounded half away from zero (0 <= exponent <= 31). */
export function roundingDivideByPOT(x: number, exponent: number): number {
  if (exponent === 0) return x;
  const mask = exponent >= 31 ? 0x7fffffff : (1 << exponent) - 1;
  const remainder = x & mask;
  const threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/** MultiplyByQuantizedMultiplier for int32 x (double rounding). shift > 0 is a left shift. */
export function multiplyByQuantizedMultiplier(x: number, multiplier: number, shift: number): number {
  const left = Math.max(shift, 0);
  const right = shift > 0 ? 0 : -shift;
  return roundingDivideByPOT(saturatingRoundingDoublingHighMul(Math.imul(x, 2 ** left), multiplier), right);
}

/** MultiplyByQuantizedMultiplierSmallerThanOneExp (left_shift <= 0). */
export function multiplyByQuantizedMultiplierSmallerThanOneExp(
  x: number,
  multiplier: number,
  leftShift: number,
): number {
  return roundingDivideByPOT(saturatingRoundingDoublingHighMul(x, multiplier), -leftShift);
}

/** MultiplyByQuantizedMultiplierGreaterThanOne (left_shift >= 0). */
export function multiplyByQuantizedMultiplierGreaterThanOne(
  x: number,
  multiplier: number,
  leftShift: number,
): number {
  return saturatingRoundingDoublingHighMul(Math.imul(x, 2 ** leftShift), multiplier);
}

/**
 * The int64-input MultiplyByQuantizedMultiplier used by 16x8 kernels: the multiplier is reduced
 * to 16 bits and applied with one rounding shift. x is an int64 accumulator (|x| < 2^47).
 */
export function multiplyByQuantizedMultiplierInt64(x: bigint, multiplier: number, shift: number): number {
  const reduced = multiplier < 0x7fff0000 ? (multiplier + (1 << 15)) >> 16 : 0x7fff;
  const totalShift = BigInt(15 - shift);
  const v = x * BigInt(reduced) + (1n << (totalShift - 1n));
  return Number(BigInt.asIntN(32, v >> totalShift));
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : Math.min(x, hi);
}

export const INT_RANGES = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  int32: [INT32_MIN, INT32_MAX],
} as const;

export type IntDType = keyof typeof INT_RANGES;

export function saturateCast(x: number, dtype: IntDType): number {
  const [lo, hi] = INT_RANGES[dtype];
  return clamp(x, lo, hi);
}

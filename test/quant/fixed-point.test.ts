/** src/quant/fixed-point.ts against straightforward BigInt definitions, on edge values. */
import { describe, expect, it } from 'vitest';
import {
  INT32_MAX,
  INT32_MIN,
  multiplyByQuantizedMultiplier,
  multiplyByQuantizedMultiplierInt64,
  quantizeMultiplier,
  roundHalfAway,
  roundingDivideByPOT,
  saturateCast,
  saturatingRoundingDoublingHighMul,
} from '../../src/quant/fixed-point.js';
import { seededRandom } from '../../src/run/inputs.js';

/** gemmlowp's definition: (a*b + nudge) / 2^31 truncated toward zero, saturating INT32_MIN². */
function srdhmRef(a: number, b: number): number {
  if (a === INT32_MIN && b === INT32_MIN) return INT32_MAX;
  const ab = BigInt(a) * BigInt(b);
  const nudge = ab >= 0n ? 1n << 30n : 1n - (1n << 30n);
  return Number(BigInt.asIntN(32, (ab + nudge) / (1n << 31n)));
}

/** Round-half-away-from-zero division by 2^e, defined on exact rationals. */
function rdbpotRef(x: number, e: number): number {
  const d = 2 ** e;
  const q = Math.trunc(x / d);
  const r = Math.abs(x - q * d);
  // `+ 0` folds Math.trunc's -0 into 0, as integer arithmetic has no -0.
  return (2 * r >= d ? q + Math.sign(x) : q) + 0;
}

const EDGES = [
  0,
  1,
  -1,
  2,
  -2,
  3,
  -3,
  1 << 15,
  -(1 << 15),
  (1 << 30) - 1,
  1 << 30,
  -(1 << 30),
  INT32_MAX,
  INT32_MIN,
  INT32_MAX - 1,
  INT32_MIN + 1,
];

describe('fixed-point arithmetic', () => {
  it('saturatingRoundingDoublingHighMul equals the definition on edges and 100k random pairs', () => {
    for (const a of EDGES)
      for (const b of EDGES)
        expect(saturatingRoundingDoublingHighMul(a, b), `${a}*${b}`).toBe(srdhmRef(a, b));
    const r = seededRandom(7);
    for (let i = 0; i < 100_000; i++) {
      const a = (Math.floor(r() * 2 ** 32) | 0) >> Math.floor(r() * 31);
      const b = Math.floor(r() * 2 ** 32) | 0;
      if (saturatingRoundingDoublingHighMul(a, b) !== srdhmRef(a, b)) expect([a, b]).toBe('equal');
    }
  });

  it('INT32_MIN × INT32_MIN saturates to INT32_MAX', () => {
    expect(saturatingRoundingDoublingHighMul(INT32_MIN, INT32_MIN)).toBe(INT32_MAX);
    expect(saturatingRoundingDoublingHighMul(INT32_MIN, INT32_MAX)).toBe(-INT32_MAX);
  });

  it('roundingDivideByPOT rounds ties away from zero for every exponent 0..31', () => {
    expect(roundingDivideByPOT(5, 1)).toBe(3);
    expect(roundingDivideByPOT(-5, 1)).toBe(-3);
    expect(roundingDivideByPOT(6, 2)).toBe(2);
    expect(roundingDivideByPOT(-6, 2)).toBe(-2);
    expect(roundingDivideByPOT(INT32_MIN, 31)).toBe(-1);
    expect(roundingDivideByPOT(INT32_MAX, 31)).toBe(1);
    for (let e = 0; e <= 31; e++)
      for (const x of EDGES) expect(roundingDivideByPOT(x, e), `${x}>>${e}`).toBe(rdbpotRef(x, e));
  });

  it('multiplyByQuantizedMultiplier over shifts -31..+30 equals the two-step definition', () => {
    const r = seededRandom(11);
    for (let shift = -31; shift <= 30; shift++) {
      for (let i = 0; i < 200; i++) {
        const x = (Math.floor(r() * 2 ** 32) | 0) >> Math.floor(r() * 31);
        const m = (1 << 30) + Math.floor(r() * (1 << 30));
        const left = Math.max(shift, 0);
        const wrapped = Number(BigInt.asIntN(32, BigInt(x) << BigInt(left)));
        const expected = rdbpotRef(srdhmRef(wrapped, m), shift > 0 ? 0 : -shift);
        expect(multiplyByQuantizedMultiplier(x, m, shift)).toBe(expected);
      }
    }
  });

  it('the int64 (16x8) variant uses a 16-bit multiplier and one rounding shift', () => {
    // 1000 * 0.5 with multiplier 2^30 (0.5) and shift 0: exact.
    expect(multiplyByQuantizedMultiplierInt64(1000n, 1 << 30, 0)).toBe(500);
    // Ties round up (towards +inf) in this variant: -3 * 0.5 = -1.5 -> -1.
    expect(multiplyByQuantizedMultiplierInt64(-3n, 1 << 30, 0)).toBe(-1);
    expect(multiplyByQuantizedMultiplierInt64(3n, 1 << 30, 0)).toBe(2);
    // Multipliers at or above 0x7FFF0000 are capped to 0x7FFF.
    expect(multiplyByQuantizedMultiplierInt64(1n << 20n, INT32_MAX, 0)).toBe(
      Number(((1n << 20n) * 0x7fffn + (1n << 14n)) >> 15n),
    );
    expect(multiplyByQuantizedMultiplierInt64(-(1n << 40n), 1 << 30, -10)).toBe(-(2 ** 29));
  });

  it('quantizeMultiplier: frexp into [0.5, 1), round-half-away, 2^31 carry, tiny flushed to zero', () => {
    expect(quantizeMultiplier(0)).toEqual({ multiplier: 0, shift: 0 });
    expect(quantizeMultiplier(0.5)).toEqual({ multiplier: 1 << 30, shift: 0 });
    expect(quantizeMultiplier(1)).toEqual({ multiplier: 1 << 30, shift: 1 });
    expect(quantizeMultiplier(0.75)).toEqual({ multiplier: 0x60000000, shift: 0 });
    // 1 - 2^-40 rounds up to 2^31 at 31 fraction bits: halved with the shift bumped.
    expect(quantizeMultiplier(1 - 2 ** -40)).toEqual({ multiplier: 1 << 30, shift: 1 });
    expect(quantizeMultiplier(2 ** -40)).toEqual({ multiplier: 0, shift: 0 });
    expect(quantizeMultiplier(3e-3).shift).toBe(-8);
  });

  it('roundHalfAway and saturateCast', () => {
    expect([roundHalfAway(0.5), roundHalfAway(-0.5), roundHalfAway(1.5), roundHalfAway(-2.5)]).toEqual([
      1, -1, 2, -3,
    ]);
    expect([
      saturateCast(200, 'int8'),
      saturateCast(-200, 'int8'),
      saturateCast(70000, 'int16'),
      saturateCast(-1, 'uint8'),
    ]).toEqual([127, -128, 32767, 0]);
  });
});

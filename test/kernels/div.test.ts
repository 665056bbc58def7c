import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { countLeadingSignBits, roundingDivideByPotWide } from '../../src/kernels/div.js';
import { roundingDivideByPOT } from '../../src/quant/fixed-point.js';
import { oneOverOnePlusXForXIn01 } from '../../src/quant/gemmlowp.js';
import { graphOf, randomInts, runOp, type TensorDef } from './elementwise-support.js';

const i8 = (shape: number[], values: number[] | undefined, scale: number, zp = 0): TensorDef => ({
  dtype: 'int8',
  shape,
  values,
  quant: { scale, zeroPoint: zp },
});

describe('DIV fixed-point helpers', () => {
  it('computes 1 / (1 + x) in Q0.31 to within a few units', () => {
    for (const x of [0, 0.25, 0.5, 0.75, 0.999]) {
      const raw = oneOverOnePlusXForXIn01(Math.round(x * 2 ** 31));
      expect(Math.abs(raw - 2 ** 31 / (1 + x))).toBeLessThan(8);
    }
  });

  it('counts leading sign bits like __builtin_clrsb', () => {
    expect([0, 1, -1, -2, 255, -256, 2147483647, -2147483648].map(countLeadingSignBits)).toEqual([
      31, 30, 31, 30, 23, 23, 0, 0,
    ]);
  });

  it('divides by powers of two like gemmlowp up to 31 and like x86-64 beyond', () => {
    for (const x of [5, -5, 6, -6, 1 << 20, -(1 << 20) - 1, 2147483647, -2147483648])
      for (const e of [0, 1, 2, 7, 30, 31])
        expect(roundingDivideByPotWide(x, e)).toBe(roundingDivideByPOT(x, e));
    // exponent 32: the 64-bit mask is all ones and the 32-bit shift count wraps to 0.
    expect(roundingDivideByPotWide(5, 32)).toBe(6);
    expect(roundingDivideByPotWide(-5, 32)).toBe(-5);
  });
});

describe('DIV int8', () => {
  it('divides exactly representable quotients exactly', () => {
    const out = runOp(
      'DIV',
      [i8([6], [10, -12, 127, 100, 0, -128], 1), i8([6], [2, 3, 1, -4, 1, -1], 1)],
      i8([6], undefined, 1),
    );
    expect(out).toEqual([5, -4, 127, -25, 0, 127]);
  });

  it('keeps the TFLM x86-64 result where the final shift exceeds 31 (0 / 5 gives one step)', () => {
    // headroom(0) = 31 and 1/5 has 2 bits over unit, so the right shift is 31 + 2 - 1 = 32.
    expect(runOp('DIV', [i8([1], [0], 1), i8([1], [5], 1)], i8([1], undefined, 1))).toEqual([1]);
  });

  it('applies zero points, broadcasting and RELU, also in place', () => {
    const ins = [i8([2, 2], [11, -9, 21, 3], 0.5, 1), i8([2], [3, 5], 0.25, 1)];
    // a' = [10, -10, 20, 2] (x0.5), b' = [2, 4] (x0.25) -> real [10, -5, 20, 1] -> /0.5 + zp 2
    const opts = { options: { fusedActivationFunction: 'RELU' as const } };
    const expected = [22, 2, 42, 4];
    expect(runOp('DIV', ins, i8([2, 2], undefined, 0.5, 2), opts)).toEqual(expected);
    expect(runOp('DIV', ins, i8([2, 2], undefined, 0.5, 2), { ...opts, inPlace: true })).toEqual(expected);
  });

  it('stays within one step of the real quotient on random data', () => {
    const a = randomInts(80, -128, 127, 11);
    const b = randomInts(80, -128, 127, 12).map((v) => (v === -3 ? 5 : v));
    // Scales with a real multiplier of 100 keep every final shift within 31 bits.
    const out = runOp('DIV', [i8([80], a, 0.05, 0), i8([80], b, 0.1, -3)], i8([80], undefined, 0.005, -1));
    out.forEach((v, i) => {
      const real = (0.05 * a[i]) / (0.1 * (b[i] + 3));
      expect(Math.abs(v - Math.min(127, Math.max(-128, -1 + real / 0.005)))).toBeLessThanOrEqual(1);
    });
  });
});

describe('DIV float32 / int32', () => {
  it('divides floats in single precision and int32 truncating toward zero', () => {
    const f = runOp(
      'DIV',
      [
        { dtype: 'float32', shape: [3], values: [1, -7, 10] },
        { dtype: 'float32', shape: [3], values: [3, 2, 0.1] },
      ],
      { dtype: 'float32', shape: [3] },
    );
    expect(f).toEqual([Math.fround(1 / 3), -3.5, Math.fround(10 / Math.fround(0.1))]);
    const i = runOp(
      'DIV',
      [
        { dtype: 'int32', shape: [4], values: [7, -7, 7, -7] },
        { dtype: 'int32', shape: [4], values: [2, 2, -2, -2] },
      ],
      { dtype: 'int32', shape: [4] },
    );
    expect(i).toEqual([3, -3, -3, 3]);
  });

  it('reports int16 as unsupported (TFLM divides float32, int32 and int8 only)', () => {
    const t: TensorDef = { dtype: 'int16', shape: [2], quant: { scale: 1, zeroPoint: 0 } };
    expect(() => new Interpreter(graphOf('DIV', [t, t], t))).toThrow(UnsupportedOperatorError);
  });
});

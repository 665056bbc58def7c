import { describe, expect, it } from 'vitest';
import { INT32_MAX, INT32_MIN } from '../../src/quant/fixed-point.js';
import {
  calculateInputRadius,
  checkedLog2,
  expOnNegativeValues,
  fixedLogistic,
  fixedTanh,
  getReciprocal,
  logisticInt16,
  logXForXGreaterThanOrEqualTo1,
  lutLookupInt16,
  lutPopulateInt16,
  oneMinusXOverOnePlusXForXIn01,
  oneOverOnePlusXForXIn01,
  preprocessSoftmaxScaling,
  rescale,
  roundingHalfSum,
  SIGMOID_TABLE_UINT16,
  saturatingRoundingMultiplyByPOT,
  tanhInt16,
} from '../../src/quant/gemmlowp.js';

const toQ = (x: number, intBits: number): number => Math.round(x * 2 ** (31 - intBits));
const fromQ = (raw: number, intBits: number): number => raw / 2 ** (31 - intBits);

describe('gemmlowp primitives', () => {
  it('multiplies by powers of two with saturation upward and rounding downward', () => {
    expect(saturatingRoundingMultiplyByPOT(3, 2)).toBe(12);
    expect(saturatingRoundingMultiplyByPOT(1 << 29, 2)).toBe(INT32_MAX);
    expect(saturatingRoundingMultiplyByPOT(-(1 << 29) - 1, 2)).toBe(INT32_MIN);
    expect(saturatingRoundingMultiplyByPOT(6, -2)).toBe(2); // 1.5 -> 2
    expect(saturatingRoundingMultiplyByPOT(-6, -2)).toBe(-2); // -1.5 -> -2
    expect(rescale(1 << 20, 12, 0)).toBe(INT32_MAX);
    expect(rescale(INT32_MAX, 0, 12)).toBe(1 << 19);
  });

  it('halves sums rounding half away from zero without overflow', () => {
    expect(roundingHalfSum(3, 4)).toBe(4);
    expect(roundingHalfSum(-3, -4)).toBe(-4);
    expect(roundingHalfSum(INT32_MAX, INT32_MAX)).toBe(INT32_MAX);
  });
});

describe('gemmlowp exp, tanh, logistic', () => {
  it('exp_on_negative_values is exact at 0 and accurate below', () => {
    expect(expOnNegativeValues(0, 5)).toBe(INT32_MAX);
    for (const x of [-0.001, -0.25, -1, -2.5, -7.75, -15.9]) {
      expect(fromQ(expOnNegativeValues(toQ(x, 5), 5), 0)).toBeCloseTo(Math.exp(x), 6);
    }
  });

  it('exp_on_negative_values is zero below -32 for wide formats', () => {
    expect(expOnNegativeValues(toQ(-33, 6), 6)).toBe(0);
  });

  it('1/(1+x) and (1-x)/(1+x) on (0, 1) are accurate', () => {
    for (const x of [0.01, 0.3, 0.5, 0.99]) {
      expect(fromQ(oneOverOnePlusXForXIn01(toQ(x, 0)), 0)).toBeCloseTo(1 / (1 + x), 7);
      expect(fromQ(oneMinusXOverOnePlusXForXIn01(toQ(x, 0)), 0)).toBeCloseTo((1 - x) / (1 + x), 7);
    }
  });

  it('tanh and logistic have their exact points and are accurate elsewhere', () => {
    expect(fixedTanh(0, 4)).toBe(0);
    expect(fixedLogistic(0, 4)).toBe(1 << 30);
    for (const x of [-7.5, -1, -0.1, 0.2, 1.5, 7.9]) {
      expect(fromQ(fixedTanh(toQ(x, 4), 4), 0)).toBeCloseTo(Math.tanh(x), 6);
      expect(fromQ(fixedLogistic(toQ(x, 4), 4), 0)).toBeCloseTo(1 / (1 + Math.exp(-x)), 6);
    }
  });

  it('tanh is odd and logistic(x) + logistic(-x) = 1 up to one step', () => {
    const x = toQ(1.25, 4);
    expect(fixedTanh(-x, 4)).toBe(-fixedTanh(x, 4));
    expect(Math.abs(fixedLogistic(x, 4) + fixedLogistic(-x, 4) - INT32_MAX)).toBeLessThanOrEqual(1);
  });
});

describe('GetReciprocal and log', () => {
  it('returns 1/x as Q0.31 with the bits above one', () => {
    const r = getReciprocal(toQ(2.5, 12), 12);
    // 2.5 = 2^1 * 1.25, so the result is 1/1.25 = 0.8 with one bit over unit: 0.8 / 2 = 1/2.5.
    expect(r.numBitsOverUnit).toBe(1);
    expect(fromQ(r.raw, 0)).toBeCloseTo(0.8, 8);
  });

  it('log(x) for x >= 1 is accurate', () => {
    for (const x of [1, 1.5, 4, 100, 3000]) {
      expect(fromQ(logXForXGreaterThanOrEqualTo1(toQ(x, 12), 5, 12), 5)).toBeCloseTo(Math.log(x), 5);
    }
  });
});

describe('TFLM quantization helpers', () => {
  it('CalculateInputRadius floors the largest representable difference', () => {
    // 15 * 2^27 / 2^20
    expect(calculateInputRadius(4, 20, 31)).toBe(1920);
    expect(calculateInputRadius(5, 24)).toBe(Math.floor((31 * 2 ** 26) / 2 ** 24));
  });

  it('PreprocessSoftmaxScaling gives beta * scale * 2^26 as a multiplier and left shift', () => {
    const q = preprocessSoftmaxScaling(1, 0.125, 5);
    expect(q).toEqual({ multiplier: 1 << 30, shift: 24 });
  });

  it('CheckedLog2 rounds log2 and tells powers of two', () => {
    expect(checkedLog2(2 ** -12)).toEqual({ log2: -12, isPowerOfTwo: true });
    expect(checkedLog2(0.0003)).toEqual({ log2: -12, isPowerOfTwo: false });
  });
});

describe('int16 look-up tables', () => {
  it('LUTLookup interpolates on the low 7 bits', () => {
    const lut = Array.from({ length: 513 }, (_, i) => (i - 256) * 128);
    expect(lutLookupInt16(0, lut)).toBe(0);
    expect(lutLookupInt16(100, lut)).toBe(100);
    expect(lutLookupInt16(-32768, lut)).toBe(-32768);
  });

  it('LUTPopulate samples exp on [-10, 0] in Q0.15', () => {
    const range = 65535;
    const lut = lutPopulateInt16(Math.fround(10 / range), 32767, Math.fround(2 / range), 0, (x) =>
      Math.fround(Math.exp(x)),
    );
    expect(lut[512]).toBe(32767);
    // Entries are biased by half the interpolation error at the segment midpoint.
    expect(Math.abs(lut[0] - Math.exp(-10) * 32768)).toBeLessThanOrEqual(1);
    expect(lut[256]).toBeCloseTo(Math.exp(-5) * 32768, -1);
  });

  it('the sigmoid table starts at one half and ends at one', () => {
    expect(SIGMOID_TABLE_UINT16).toHaveLength(256);
    expect(SIGMOID_TABLE_UINT16[0]).toBe(32768);
    expect(SIGMOID_TABLE_UINT16[255]).toBe(65535);
  });

  it('int16 logistic and tanh hit their exact points and saturate', () => {
    expect(logisticInt16(0, 0, 0)).toBe(16384);
    expect(tanhInt16(0, 0, 0)).toBe(0);
    // With a left shift of 1 (Q2.13 inputs) the extremes fall off the table and saturate.
    expect(logisticInt16(32767, 0, 1)).toBe(32767);
    expect(logisticInt16(-32768, 0, 1)).toBe(1);
    expect(tanhInt16(32767, 0, 1)).toBe(32767);
    expect(tanhInt16(-32768, 0, 1)).toBe(-32767);
  });

  it('int16 logistic and tanh of Q3.12 inputs are within 2^-13 of the real functions', () => {
    for (const x of [-6, -1.5, -0.25, 0.125, 1, 3.75]) {
      const q = Math.round(x * 4096);
      expect(Math.abs(logisticInt16(q, 0, 0) / 32768 - 1 / (1 + Math.exp(-q / 4096)))).toBeLessThan(2 ** -13);
      expect(Math.abs(tanhInt16(q, 0, 0) / 32768 - Math.tanh(q / 4096))).toBeLessThan(2 ** -13);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import type { DType } from '../../src/tflite/schema.js';
import { opInterpreter, randomFloats, randomInts, runUnary } from './fc-group-support.js';

type Q = { scale: number; zeroPoint: number } | undefined;

const logistic = (dtype: DType, inQ: Q, outQ: Q, values: number[]) =>
  runUnary('LOGISTIC', dtype, inQ, outQ, values);

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

describe('LOGISTIC int8', () => {
  const out8 = { scale: 1 / 256, zeroPoint: -128 };

  it('maps the zero point to exactly one half and saturates outside the input radius', () => {
    expect(logistic('int8', { scale: 0.1, zeroPoint: 10 }, out8, [10, 127, -128])).toEqual([0, 127, -128]);
  });

  it('is within one step of the float logistic', () => {
    const inQ = { scale: 0.05, zeroPoint: -3 };
    const values = randomInts(64, -128, 127, 11);
    const out = logistic('int8', inQ, out8, values);
    values.forEach((q, i) => {
      expect(Math.abs(out[i] - (sigmoid((q + 3) * 0.05) * 256 - 128))).toBeLessThanOrEqual(1);
    });
  });

  it('needs output zero point -128', () => {
    expect(() =>
      opInterpreter('LOGISTIC', [{ dtype: 'int8', shape: [2], quant: { scale: 0.1, zeroPoint: 0 } }], {
        dtype: 'int8',
        shape: [2],
        quant: { scale: 1 / 256, zeroPoint: 0 },
      }),
    ).toThrow(KernelPrepareError);
  });
});

describe('LOGISTIC int16', () => {
  const out16 = { scale: 2 ** -15, zeroPoint: 0 };

  it('takes the exact path for a 2^-12 input scale', () => {
    expect(logistic('int16', { scale: 2 ** -12, zeroPoint: 0 }, out16, [0])).toEqual([16384]);
  });

  it('is within 2^-13 of the float logistic for power-of-two and general input scales', () => {
    for (const scale of [2 ** -12, 0.001]) {
      const values = randomInts(32, -32768, 32767, 12);
      const out = logistic('int16', { scale, zeroPoint: 0 }, out16, values);
      values.forEach((q, i) => {
        expect(Math.abs(out[i] / 32768 - sigmoid(q * scale))).toBeLessThan(2 ** -13);
      });
    }
  });

  it('needs zero points 0 and an output scale of 2^-15', () => {
    const make = (inZp: number, outScale: number) => () =>
      opInterpreter(
        'LOGISTIC',
        [{ dtype: 'int16', shape: [2], quant: { scale: 2 ** -12, zeroPoint: inZp } }],
        { dtype: 'int16', shape: [2], quant: { scale: outScale, zeroPoint: 0 } },
      );
    expect(make(1, 2 ** -15)).toThrow(KernelPrepareError);
    expect(make(0, 2 ** -14)).toThrow(KernelPrepareError);
  });
});

describe('LOGISTIC float32', () => {
  it('follows TFLM: 1 above ~16.62, exp(x) below -9, 1/(1+exp(-x)) between', () => {
    const values = [20, 16.5, 0, -8.9, -9.5, ...randomFloats(8, -5, 5, 13)];
    const out = logistic('float32', undefined, undefined, values);
    expect(out[0]).toBe(1);
    expect(out[4]).toBe(Math.fround(Math.exp(Math.fround(-9.5))));
    values.forEach((v, i) => {
      expect(out[i]).toBeCloseTo(sigmoid(v), 6);
    });
  });

  it('reports int32 as unsupported', () => {
    expect(() =>
      opInterpreter('LOGISTIC', [{ dtype: 'int32', shape: [1] }], { dtype: 'int32', shape: [1] }),
    ).toThrow(UnsupportedOperatorError);
  });
});

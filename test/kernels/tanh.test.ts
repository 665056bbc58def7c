import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import type { DType } from '../../src/tflite/schema.js';
import { opInterpreter, randomFloats, randomInts, runUnary } from './fc-group-support.js';

type Q = { scale: number; zeroPoint: number } | undefined;

const tanh = (dtype: DType, inQ: Q, outQ: Q, values: number[]) => runUnary('TANH', dtype, inQ, outQ, values);

describe('TANH int8', () => {
  const out8 = { scale: 1 / 128, zeroPoint: 0 };

  it('maps the zero point to 0 and saturates outside the input radius', () => {
    expect(tanh('int8', { scale: 0.1, zeroPoint: -20 }, out8, [-20, 127, -128])).toEqual([0, 127, -128]);
  });

  it('is within one step of the float tanh', () => {
    const values = randomInts(64, -128, 127, 21);
    const out = tanh('int8', { scale: 0.03, zeroPoint: 5 }, out8, values);
    values.forEach((q, i) => {
      expect(Math.abs(out[i] - Math.tanh((q - 5) * 0.03) * 128)).toBeLessThanOrEqual(1);
    });
  });
});

describe('TANH int16', () => {
  const out16 = { scale: 2 ** -15, zeroPoint: 0 };

  it('is exact at 0 and within 2^-13 of the float tanh for POT (shift 0 and 1) and general scales', () => {
    for (const scale of [2 ** -12, 2 ** -11, 0.0007]) {
      const values = [0, ...randomInts(32, -32768, 32767, 22)];
      const out = tanh('int16', { scale, zeroPoint: 0 }, out16, values);
      expect(out[0]).toBe(0);
      values.forEach((q, i) => {
        expect(Math.abs(out[i] / 32768 - Math.tanh(q * scale))).toBeLessThan(2 ** -13);
      });
    }
  });

  it('needs zero points 0', () => {
    expect(() =>
      opInterpreter('TANH', [{ dtype: 'int16', shape: [2], quant: { scale: 2 ** -12, zeroPoint: 0 } }], {
        dtype: 'int16',
        shape: [2],
        quant: { scale: 2 ** -15, zeroPoint: 2 },
      }),
    ).toThrow(KernelPrepareError);
  });
});

describe('TANH float32', () => {
  it('computes tanh in float32', () => {
    const values = randomFloats(16, -6, 6, 23);
    const out = tanh('float32', undefined, undefined, values);
    values.forEach((v, i) => {
      expect(out[i]).toBe(Math.fround(Math.tanh(v)));
    });
  });

  it('rejects mixed dtypes and reports uint8 as unsupported', () => {
    expect(() =>
      opInterpreter('TANH', [{ dtype: 'float32', shape: [1] }], { dtype: 'int8', shape: [1] }),
    ).toThrow(KernelPrepareError);
    expect(() =>
      opInterpreter('TANH', [{ dtype: 'uint8', shape: [1], quant: { scale: 1, zeroPoint: 0 } }], {
        dtype: 'uint8',
        shape: [1],
        quant: { scale: 1, zeroPoint: 0 },
      }),
    ).toThrow(UnsupportedOperatorError);
  });
});

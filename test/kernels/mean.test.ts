import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { multiplyByQuantizedMultiplier, quantizeMultiplier } from '../../src/quant/fixed-point.js';
import { randomInts } from './elementwise-support.js';
import { lcgFloats, prepareError, runOp } from './pool-reduce-support.js';

const axis = (values: number[]) => ({ dtype: 'int32' as const, shape: [values.length], data: values });

describe('MEAN float32', () => {
  it('averages over H,W of a 4D tensor keeping dims (the TFLM special case)', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const { outputs } = runOp(
      'MEAN',
      [{ dtype: 'float32', shape: [1, 2, 3, 2], values }, axis([1, 2])],
      [{ dtype: 'float32', shape: [1, 1, 1, 2] }],
      { keepDims: true },
    );
    expect(outputs[0]).toEqual([6, 7]);
  });

  it('handles negative and duplicate axes without keep_dims', () => {
    const values = [1, 2, 3, 4, 5, 6];
    const { outputs } = runOp(
      'MEAN',
      [{ dtype: 'float32', shape: [2, 3], values }, axis([-1, 1])],
      [{ dtype: 'float32', shape: [2] }],
    );
    expect(outputs[0]).toEqual([2, 5]);
  });

  it('matches a double-precision mean over non-adjacent axes', () => {
    const shape = [2, 3, 4, 5];
    const values = lcgFloats(120, 10);
    const { outputs } = runOp(
      'MEAN',
      [{ dtype: 'float32', shape, values }, axis([0, 2])],
      [{ dtype: 'float32', shape: [3, 5] }],
    );
    for (let j = 0; j < 3; j++) {
      for (let l = 0; l < 5; l++) {
        let s = 0;
        for (let i = 0; i < 2; i++) for (let k = 0; k < 4; k++) s += values[((i * 3 + j) * 4 + k) * 5 + l];
        expect(outputs[0][j * 5 + l]).toBeCloseTo(s / 8, 5);
      }
    }
  });

  it('sums in single precision in input order', () => {
    // 2^24 + 1 + 1 in float32 stays 2^24 when added one at a time.
    const { outputs } = runOp(
      'MEAN',
      [{ dtype: 'float32', shape: [3], values: [16777216, 1, 1] }, axis([0])],
      [{ dtype: 'float32', shape: [] }],
    );
    expect(outputs[0]).toEqual([Math.fround(16777216 / 3)]);
  });
});

describe('MEAN int8', () => {
  it('folds 1/count into the multiplier and rounds twice, as TFLM does', () => {
    // scale ratio 1 -> (2^30, shift 1); count 4 folds to (2^30, shift -1):
    // SRDHM(101, 2^30) = 51 (50.5 rounded up), then 51 / 2 -> 26 (the exact mean is 25.25).
    const q = { scale: 0.5, zeroPoint: 0 };
    const { outputs, interp } = runOp(
      'MEAN',
      [{ dtype: 'int8', shape: [1, 2, 2, 1], values: [10, 20, 30, 41], quant: q }, axis([1, 2])],
      [{ dtype: 'int8', shape: [1, 1, 1, 1], quant: q }],
      { keepDims: true },
    );
    expect(outputs[0]).toEqual([26]);
    const p = interp.ops[0];
    expect(p.prepared).toMatchObject({ multiplier: 2 ** 30, shift: -1, reduceCount: 4 });
    expect(p.kernel.scratchBytes?.(p.prepared)).toBe(4);
  });

  it('requantizes between different scales and zero points', () => {
    // ratio 0.1f/0.2f = 0.5 -> (2^30, 0); count 3 -> (floor(2^31/3), -1).
    // sum 25 - (-10 * 3) = 55; SRDHM(55, 715827882) = 18; 18 / 2 = 9; + 5 = 14.
    const { outputs, interp } = runOp(
      'MEAN',
      [
        { dtype: 'int8', shape: [1, 3], values: [0, 5, 20], quant: { scale: 0.1, zeroPoint: -10 } },
        axis([1]),
      ],
      [{ dtype: 'int8', shape: [1], quant: { scale: 0.2, zeroPoint: 5 } }],
    );
    expect(outputs[0]).toEqual([14]);
    expect(interp.ops[0].prepared).toMatchObject({ multiplier: 715827882, shift: -1 });
  });

  it('saturates at the int8 limits', () => {
    const { outputs } = runOp(
      'MEAN',
      [
        { dtype: 'int8', shape: [2, 2], values: [127, 127, -128, -128], quant: { scale: 1, zeroPoint: 0 } },
        axis([1]),
      ],
      [{ dtype: 'int8', shape: [2], quant: { scale: 0.25, zeroPoint: 0 } }],
    );
    expect(outputs[0]).toEqual([127, -128]);
  });

  it('agrees with the integer formula over several axes of a 5D tensor', () => {
    const shape = [2, 3, 2, 4, 3];
    const values = randomInts(144, -128, 127, 3);
    const inQ = { scale: 0.05, zeroPoint: -7 };
    const outQ = { scale: 0.03, zeroPoint: 12 };
    const { outputs } = runOp(
      'MEAN',
      [{ dtype: 'int8', shape, values, quant: inQ }, axis([4, 1, -4])],
      [{ dtype: 'int8', shape: [2, 2, 4], quant: outQ }],
    );
    const base = quantizeMultiplier(Math.fround(0.05) / Math.fround(0.03));
    const mult = Number((BigInt(base.multiplier) << 3n) / 9n);
    for (let a = 0; a < 2; a++) {
      for (let c = 0; c < 2; c++) {
        for (let d = 0; d < 4; d++) {
          let s = 0;
          for (let b = 0; b < 3; b++)
            for (let e = 0; e < 3; e++) s += values[(((a * 3 + b) * 2 + c) * 4 + d) * 3 + e];
          const v = multiplyByQuantizedMultiplier(s + 7 * 9, mult, base.shift - 3) + 12;
          const o = (a * 2 + c) * 4 + d;
          expect(outputs[0][o]).toBe(Math.max(-128, Math.min(127, v)));
          const real = ((s + 63) / 9) * Math.fround(0.05);
          expect(Math.abs(outputs[0][o] - (real / Math.fround(0.03) + 12))).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});

describe('MEAN int16', () => {
  it('averages with the same integer path', () => {
    // (-5 - 6) * (2^30 / 2^31) = -5.5 -> SRDHM gives -5; -5 / 2 -> -3 (exact mean -2.75).
    const q = { scale: 1, zeroPoint: 0 };
    const { outputs, interp } = runOp(
      'MEAN',
      [{ dtype: 'int16', shape: [2, 4], values: [1000, 2001, -3000, 7, -5, -6, 0, 0], quant: q }, axis([1])],
      [{ dtype: 'int16', shape: [2], quant: q }],
    );
    expect(outputs[0]).toEqual([2, -3]);
    expect(interp.ops[0].kernel.scratchBytes?.(interp.ops[0].prepared)).toBe(8);
  });

  it('saturates at the int16 limits', () => {
    const { outputs } = runOp(
      'MEAN',
      [{ dtype: 'int16', shape: [2], values: [32767, 32767], quant: { scale: 1, zeroPoint: 0 } }, axis([0])],
      [{ dtype: 'int16', shape: [1], quant: { scale: 0.5, zeroPoint: 0 } }],
    );
    expect(outputs[0]).toEqual([32767]);
  });
});

describe('MEAN prepare', () => {
  it('rejects an output that cannot hold the reduced elements', () => {
    const e = prepareError(
      'MEAN',
      [{ dtype: 'float32', shape: [2, 3], values: [0, 0, 0, 0, 0, 0] }, axis([1])],
      [{ dtype: 'float32', shape: [3] }],
    );
    expect(e).toBeInstanceOf(KernelPrepareError);
  });

  it('rejects an axis out of range', () => {
    const e = prepareError(
      'MEAN',
      [{ dtype: 'float32', shape: [2, 3], values: [0, 0, 0, 0, 0, 0] }, axis([2])],
      [{ dtype: 'float32', shape: [2] }],
    );
    expect(e).toBeInstanceOf(KernelPrepareError);
  });

  it('reports int32 input and a non-constant axis as unsupported', () => {
    const e1 = prepareError(
      'MEAN',
      [{ dtype: 'int32', shape: [2], values: [0, 0] }, axis([0])],
      [{ dtype: 'int32', shape: [1] }],
    );
    expect(e1).toBeInstanceOf(UnsupportedOperatorError);
    const e2 = prepareError(
      'MEAN',
      [
        { dtype: 'float32', shape: [2], values: [0, 0] },
        { dtype: 'int32', shape: [1], values: [0] },
      ],
      [{ dtype: 'float32', shape: [1] }],
    );
    expect(e2).toBeInstanceOf(UnsupportedOperatorError);
  });

  it('requires quantization on int8 tensors', () => {
    const e = prepareError(
      'MEAN',
      [{ dtype: 'int8', shape: [2], values: [0, 0] }, axis([0])],
      [{ dtype: 'int8', shape: [1] }],
    );
    expect(e).toBeInstanceOf(KernelPrepareError);
  });
});

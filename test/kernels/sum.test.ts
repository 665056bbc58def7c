import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { multiplyByQuantizedMultiplier, quantizeMultiplier } from '../../src/quant/fixed-point.js';
import { randomInts } from './elementwise-support.js';
import { lcgFloats, prepareError, runOp } from './pool-reduce-support.js';

const axis = (values: number[]) => ({ dtype: 'int32' as const, shape: [values.length], data: values });

describe('SUM float32', () => {
  it('sums the rows and columns of a matrix', () => {
    const values = [1, 2, 3, 4, 5, 6];
    const rows = runOp(
      'SUM',
      [{ dtype: 'float32', shape: [2, 3], values }, axis([1])],
      [{ dtype: 'float32', shape: [2, 1] }],
      { keepDims: true },
    );
    expect(rows.outputs[0]).toEqual([6, 15]);
    const all = runOp(
      'SUM',
      [{ dtype: 'float32', shape: [2, 3], values }, axis([0, -1])],
      [{ dtype: 'float32', shape: [] }],
    );
    expect(all.outputs[0]).toEqual([21]);
  });

  it('matches a double-precision sum', () => {
    const values = lcgFloats(60, 3);
    const { outputs } = runOp(
      'SUM',
      [{ dtype: 'float32', shape: [3, 4, 5], values }, axis([1])],
      [{ dtype: 'float32', shape: [3, 5] }],
    );
    for (let i = 0; i < 3; i++) {
      for (let k = 0; k < 5; k++) {
        let s = 0;
        for (let j = 0; j < 4; j++) s += values[(i * 4 + j) * 5 + k];
        expect(outputs[0][i * 5 + k]).toBeCloseTo(s, 5);
      }
    }
  });
});

describe('SUM int8 / int16', () => {
  it('rescales the zero-point-corrected sum without dividing', () => {
    // ratio 0.5f / 1.0f -> (2^30, 0): (1 + 2 + 3 + 4) - 4 * (-2) = 18 -> 9, + zero point 3 = 12.
    const { outputs, interp } = runOp(
      'SUM',
      [{ dtype: 'int8', shape: [4], values: [1, 2, 3, 4], quant: { scale: 0.5, zeroPoint: -2 } }, axis([0])],
      [{ dtype: 'int8', shape: [1], quant: { scale: 1, zeroPoint: 3 } }],
    );
    expect(outputs[0]).toEqual([12]);
    expect(interp.ops[0].prepared).toMatchObject({ multiplier: 2 ** 30, shift: 0 });
    expect(interp.ops[0].kernel.scratchBytes?.(interp.ops[0].prepared)).toBe(4);
  });

  it('saturates int8 sums', () => {
    const q = { scale: 1, zeroPoint: 0 };
    const { outputs } = runOp(
      'SUM',
      [{ dtype: 'int8', shape: [2, 3], values: [100, 100, 100, -100, -100, -100], quant: q }, axis([1])],
      [{ dtype: 'int8', shape: [2], quant: q }],
    );
    expect(outputs[0]).toEqual([127, -128]);
  });

  it('agrees with the integer formula for int16', () => {
    const values = randomInts(24, -32768, 32767, 5);
    const { outputs } = runOp(
      'SUM',
      [{ dtype: 'int16', shape: [2, 3, 4], values, quant: { scale: 0.001, zeroPoint: 0 } }, axis([0, 2])],
      [{ dtype: 'int16', shape: [3], quant: { scale: 0.01, zeroPoint: 0 } }],
    );
    const q = quantizeMultiplier(Math.fround(0.001) / Math.fround(0.01));
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let i = 0; i < 2; i++) for (let k = 0; k < 4; k++) s += values[(i * 3 + j) * 4 + k];
      const v = multiplyByQuantizedMultiplier(s, q.multiplier, q.shift);
      expect(outputs[0][j]).toBe(Math.max(-32768, Math.min(32767, v)));
    }
  });

  it('reports int32 as unsupported', () => {
    const e = prepareError(
      'SUM',
      [{ dtype: 'int32', shape: [2], values: [1, 2] }, axis([0])],
      [{ dtype: 'int32', shape: [1] }],
    );
    expect(e).toBeInstanceOf(UnsupportedOperatorError);
  });
});

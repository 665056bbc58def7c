import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { randomInts } from './elementwise-support.js';
import { prepareError, runOp } from './pool-reduce-support.js';

const axis = (v: number) => ({ dtype: 'int32' as const, shape: [1], data: [v] });

describe('ARG_MAX', () => {
  it('returns the first index of the maximum (float32)', () => {
    const { outputs } = runOp(
      'ARG_MAX',
      [{ dtype: 'float32', shape: [2, 3], values: [1, 5, 5, -1, -3, -2] }, axis(1)],
      [{ dtype: 'int32', shape: [2] }],
    );
    expect(outputs[0]).toEqual([1, 0]);
  });

  it('takes a negative axis and keeps a leading NaN (nothing compares greater)', () => {
    const { outputs } = runOp(
      'ARG_MAX',
      [{ dtype: 'float32', shape: [3, 2], values: [Number.NaN, 0, 1, 4, 2, 3] }, axis(-2)],
      [{ dtype: 'int32', shape: [2] }],
    );
    expect(outputs[0]).toEqual([0, 1]);
  });

  it('finds the class of an int8 [1,1,2,5] tensor along the last axis', () => {
    const values = randomInts(10, -128, 127, 4);
    const q = { scale: 0.1, zeroPoint: -3 };
    const { outputs } = runOp(
      'ARG_MAX',
      [{ dtype: 'int8', shape: [1, 1, 2, 5], values, quant: q }, axis(3)],
      [{ dtype: 'int32', shape: [1, 1, 2] }],
    );
    for (let r = 0; r < 2; r++) {
      const row = values.slice(r * 5, r * 5 + 5);
      expect(outputs[0][r]).toBe(row.indexOf(Math.max(...row)));
    }
  });

  it('reports int64 output and int16 input as unsupported, a bad axis as an error', () => {
    const e1 = prepareError(
      'ARG_MAX',
      [{ dtype: 'float32', shape: [2], values: [0, 1] }, axis(0)],
      [{ dtype: 'int64', shape: [] }],
      { outputType: 'int64' },
    );
    expect(e1).toBeInstanceOf(UnsupportedOperatorError);
    const e2 = prepareError(
      'ARG_MAX',
      [{ dtype: 'int16', shape: [2], values: [0, 1] }, axis(0)],
      [{ dtype: 'int32', shape: [] }],
    );
    expect(e2).toBeInstanceOf(UnsupportedOperatorError);
    const e3 = prepareError(
      'ARG_MAX',
      [{ dtype: 'float32', shape: [2], values: [0, 1] }, axis(1)],
      [{ dtype: 'int32', shape: [] }],
    );
    expect(e3).toBeInstanceOf(KernelPrepareError);
  });
});

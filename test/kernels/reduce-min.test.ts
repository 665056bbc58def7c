import { describe, expect, it } from 'vitest';
import { randomInts } from './elementwise-support.js';
import { runOp } from './pool-reduce-support.js';

const axis = (values: number[]) => ({ dtype: 'int32' as const, shape: [values.length], data: values });
const FLT_MAX = 3.4028234663852886e38;

describe('REDUCE_MIN', () => {
  it('takes the minimum over an axis (float32), starting from FLT_MAX', () => {
    const { outputs } = runOp(
      'REDUCE_MIN',
      [{ dtype: 'float32', shape: [3, 2], values: [1, -5, 3, Infinity, Infinity, Infinity] }, axis([1])],
      [{ dtype: 'float32', shape: [3] }],
    );
    expect(outputs[0]).toEqual([-5, 3, FLT_MAX]);
  });

  it('takes the minimum of int8 over the leading axis', () => {
    const values = randomInts(12, -128, 127, 11);
    const q = { scale: 0.5, zeroPoint: -128 };
    const { outputs } = runOp(
      'REDUCE_MIN',
      [{ dtype: 'int8', shape: [3, 4], values, quant: q }, axis([0])],
      [{ dtype: 'int8', shape: [4], quant: q }],
    );
    for (let k = 0; k < 4; k++) {
      expect(outputs[0][k]).toBe(Math.min(values[k], values[4 + k], values[8 + k]));
    }
  });
});

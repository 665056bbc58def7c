import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { prepareError, runOp } from './pool-reduce-support.js';

const pool = (padding: 'SAME' | 'VALID', act = 'NONE') => ({
  padding,
  filterHeight: 2,
  filterWidth: 2,
  strideH: 2,
  strideW: 2,
  fusedActivationFunction: act,
});

describe('L2_POOL_2D', () => {
  it('takes the root mean square of each window', () => {
    const { outputs } = runOp(
      'L2_POOL_2D',
      [{ dtype: 'float32', shape: [1, 2, 4, 1], values: [3, 4, 1, 1, 0, 0, -1, -1] }],
      [{ dtype: 'float32', shape: [1, 1, 2, 1] }],
      pool('VALID'),
    );
    expect(outputs[0]).toEqual([Math.fround(Math.sqrt(25 / 4)), 1]);
  });

  it('divides by the in-bounds count of SAME windows and clamps with RELU6', () => {
    const { outputs } = runOp(
      'L2_POOL_2D',
      [{ dtype: 'float32', shape: [1, 1, 3, 1], values: [30, 40, 2] }],
      [{ dtype: 'float32', shape: [1, 1, 2, 1] }],
      pool('SAME', 'RELU6'),
    );
    expect(outputs[0]).toEqual([6, 2]);
  });

  it('reports int8 as unsupported, as TFLM has no quantized L2 pool', () => {
    const q = { scale: 0.1 };
    const e = prepareError(
      'L2_POOL_2D',
      [{ dtype: 'int8', shape: [1, 2, 2, 1], values: [0, 0, 0, 0], quant: q }],
      [{ dtype: 'int8', shape: [1, 1, 1, 1], quant: q }],
      pool('VALID'),
    );
    expect(e).toBeInstanceOf(UnsupportedOperatorError);
  });
});

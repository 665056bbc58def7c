import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { randomInts } from './elementwise-support.js';
import { prepareError, runOp } from './pool-reduce-support.js';

const axis = (values: number[]) => ({ dtype: 'int32' as const, shape: [values.length], data: values });
const FLT_MAX = 3.4028234663852886e38;

describe('REDUCE_MAX', () => {
  it('takes the maximum over an axis (float32)', () => {
    const { outputs } = runOp(
      'REDUCE_MAX',
      [{ dtype: 'float32', shape: [2, 3], values: [1, -5, 3, -1, -2, -0.5] }, axis([-1])],
      [{ dtype: 'float32', shape: [2] }],
    );
    expect(outputs[0]).toEqual([3, -0.5]);
  });

  it('starts from lowest(): -inf inputs give -FLT_MAX, NaN is skipped', () => {
    const { outputs } = runOp(
      'REDUCE_MAX',
      [{ dtype: 'float32', shape: [2, 2], values: [-Infinity, -Infinity, Number.NaN, 2] }, axis([1])],
      [{ dtype: 'float32', shape: [2] }],
    );
    expect(outputs[0]).toEqual([-FLT_MAX, 2]);
  });

  it('takes the maximum of int8 over two axes', () => {
    const values = randomInts(24, -128, 127, 9);
    const q = { scale: 0.1, zeroPoint: 4 };
    const { outputs, interp } = runOp(
      'REDUCE_MAX',
      [{ dtype: 'int8', shape: [2, 3, 4], values, quant: q }, axis([0, 2])],
      [{ dtype: 'int8', shape: [1, 3, 1], quant: q }],
      { keepDims: true },
    );
    for (let j = 0; j < 3; j++) {
      let m = -128;
      for (let i = 0; i < 2; i++) for (let k = 0; k < 4; k++) m = Math.max(m, values[(i * 3 + j) * 4 + k]);
      expect(outputs[0][j]).toBe(m);
    }
    expect(interp.ops[0].kernel.scratchBytes?.(interp.ops[0].prepared) ?? 0).toBe(0);
  });

  it('fails when int8 quantization changes and reports int16 as unsupported', () => {
    const e1 = prepareError(
      'REDUCE_MAX',
      [{ dtype: 'int8', shape: [2], values: [0, 0], quant: { scale: 0.1, zeroPoint: 0 } }, axis([0])],
      [{ dtype: 'int8', shape: [1], quant: { scale: 0.2, zeroPoint: 0 } }],
    );
    expect(e1).toBeInstanceOf(KernelPrepareError);
    const e2 = prepareError(
      'REDUCE_MAX',
      [{ dtype: 'int8', shape: [2], values: [0, 0], quant: { scale: 0.1, zeroPoint: 0 } }, axis([0])],
      [{ dtype: 'int8', shape: [1], quant: { scale: 0.1, zeroPoint: 1 } }],
    );
    expect(e2).toBeInstanceOf(KernelPrepareError);
    const e3 = prepareError(
      'REDUCE_MAX',
      [{ dtype: 'int16', shape: [2], values: [0, 0], quant: { scale: 1 } }, axis([0])],
      [{ dtype: 'int16', shape: [1], quant: { scale: 1 } }],
    );
    expect(e3).toBeInstanceOf(UnsupportedOperatorError);
  });
});

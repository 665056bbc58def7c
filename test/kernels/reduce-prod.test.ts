import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { randomInts } from './elementwise-support.js';
import { prepareError, runOp } from './pool-reduce-support.js';

const axis = (values: number[]) => ({ dtype: 'int32' as const, shape: [values.length], data: values });

describe('REDUCE_PROD float32', () => {
  it('multiplies along an axis', () => {
    const { outputs } = runOp(
      'REDUCE_PROD',
      [{ dtype: 'float32', shape: [2, 3], values: [1, 2, 3, 4, 5, 6] }, axis([-1])],
      [{ dtype: 'float32', shape: [2] }],
    );
    expect(outputs[0]).toEqual([6, 120]);
  });
});

describe('REDUCE_PROD int8 / int16', () => {
  it('rescales every step by input_scale / sqrt(output_scale) for two factors', () => {
    // scaling 0.5 / sqrt(0.25) = 1: 4 * 6 = 24 (real 2 * 3 = 6 = 24 * 0.25).
    const { outputs, interp } = runOp(
      'REDUCE_PROD',
      [
        { dtype: 'int8', shape: [2, 2], values: [5, 7, 1, 3], quant: { scale: 0.5, zeroPoint: 1 } },
        axis([1]),
      ],
      [{ dtype: 'int8', shape: [2], quant: { scale: 0.25, zeroPoint: 0 } }],
    );
    expect(outputs[0]).toEqual([24, 0]);
    expect(interp.ops[0].prepared).toMatchObject({ multiplier: 2 ** 30, shift: 1 });
  });

  it('saturates and stays near the real product over three factors', () => {
    const values = randomInts(12, -20, 20, 2);
    const inQ = { scale: 0.1, zeroPoint: 0 };
    const outQ = { scale: 0.01, zeroPoint: 0 };
    const { outputs } = runOp(
      'REDUCE_PROD',
      [{ dtype: 'int8', shape: [4, 3], values, quant: inQ }, axis([1])],
      [{ dtype: 'int8', shape: [4], quant: outQ }],
    );
    for (let r = 0; r < 4; r++) {
      const real = values.slice(r * 3, r * 3 + 3).reduce((a, v) => a * v * 0.1, 1);
      const want = Math.max(-128, Math.min(127, real / 0.01));
      expect(Math.abs(outputs[0][r] - want)).toBeLessThanOrEqual(2);
    }
  });

  it('reports int32 as unsupported', () => {
    const e = prepareError(
      'REDUCE_PROD',
      [{ dtype: 'int32', shape: [2], values: [1, 2] }, axis([0])],
      [{ dtype: 'int32', shape: [1] }],
    );
    expect(e).toBeInstanceOf(UnsupportedOperatorError);
  });
});

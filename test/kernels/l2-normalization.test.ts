import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { invSqrtQuantizedMultiplier } from '../../src/kernels/l2-normalization.js';
import { prepareError, runOp } from './pool-reduce-support.js';

const outQ = { scale: 1 / 128, zeroPoint: 0 };

describe('invSqrtQuantizedMultiplier', () => {
  it('approximates 1/sqrt(x) as multiplier * 2^shift / 2^31', () => {
    for (const x of [2, 3, 25, 1000, 16359, 123456, 1 << 28, 2 ** 31 - 1]) {
      const { multiplier, shift } = invSqrtQuantizedMultiplier(x);
      expect(shift).toBeLessThanOrEqual(0);
      const approx = (multiplier / 2 ** 31) * 2 ** shift;
      expect(Math.abs(approx * Math.sqrt(x) - 1)).toBeLessThan(1e-5);
    }
  });

  it('treats 0 and 1 as 1', () => {
    expect(invSqrtQuantizedMultiplier(0)).toEqual({ multiplier: 2 ** 31 - 1, shift: 0 });
    expect(invSqrtQuantizedMultiplier(1)).toEqual({ multiplier: 2 ** 31 - 1, shift: 0 });
  });
});

describe('L2_NORMALIZATION', () => {
  it('normalizes float32 rows (TFLM l2norm_test data)', () => {
    const row = [-1.1, 0.6, 0.7, 1.2, -0.7, 0.1];
    const { outputs } = runOp(
      'L2_NORMALIZATION',
      [{ dtype: 'float32', shape: [3, 6], values: [...row, ...row, ...row.map((v) => v * 10)] }],
      [{ dtype: 'float32', shape: [3, 6] }],
    );
    const want = [-0.55, 0.3, 0.35, 0.6, -0.35, 0.05];
    outputs[0].forEach((v, i) => {
      expect(v).toBeCloseTo(want[i % 6], 6);
    });
  });

  it('divides by epsilon instead of a zero norm', () => {
    const { outputs } = runOp(
      'L2_NORMALIZATION',
      [{ dtype: 'float32', shape: [1, 3], values: [0, 0, 0] }],
      [{ dtype: 'float32', shape: [1, 3] }],
    );
    expect(outputs[0]).toEqual([0, 0, 0]);
  });

  it('reproduces the int8 results of TFLM l2norm_test (input zero point -1)', () => {
    const inQ = { scale: 4 / 255, zeroPoint: -1 };
    const row = [-71, 37, 44, 76, -46, 5];
    const { outputs } = runOp(
      'L2_NORMALIZATION',
      [{ dtype: 'int8', shape: [2, 6], values: [...row, -1, -1, -1, -1, -1, -1], quant: inQ }],
      [{ dtype: 'int8', shape: [2, 6], quant: outQ }],
    );
    expect(outputs[0]).toEqual([-70, 38, 45, 77, -45, 6, 0, 0, 0, 0, 0, 0]);
  });

  it('saturates a single dominant value at 127 and -128', () => {
    const q = { scale: 0.5, zeroPoint: 0 };
    const { outputs } = runOp(
      'L2_NORMALIZATION',
      [{ dtype: 'int8', shape: [2, 2], values: [100, 0, -100, 0], quant: q }],
      [{ dtype: 'int8', shape: [2, 2], quant: outQ }],
    );
    expect(outputs[0]).toEqual([127, 0, -128, 0]);
  });

  it('reports a fused activation and int16 as unsupported', () => {
    const f = { dtype: 'float32' as const, shape: [1, 2], values: [1, 2] };
    const e1 = prepareError('L2_NORMALIZATION', [f], [{ dtype: 'float32', shape: [1, 2] }], {
      fusedActivationFunction: 'RELU',
    });
    expect(e1).toBeInstanceOf(UnsupportedOperatorError);
    const e2 = prepareError(
      'L2_NORMALIZATION',
      [{ dtype: 'int16', shape: [1, 2], values: [1, 2], quant: { scale: 1 } }],
      [{ dtype: 'int16', shape: [1, 2], quant: { scale: 1 } }],
    );
    expect(e2).toBeInstanceOf(UnsupportedOperatorError);
  });
});

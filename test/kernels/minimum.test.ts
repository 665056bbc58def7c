import { describe, expect, it } from 'vitest';
import { runOp, type TensorDef } from './elementwise-support.js';

describe('MINIMUM', () => {
  it('compares raw int8 values with broadcasting', () => {
    const i8 = (shape: number[], values?: number[]): TensorDef => ({
      dtype: 'int8',
      shape,
      values,
      quant: { scale: 0.5, zeroPoint: -1 },
    });
    const out = runOp('MINIMUM', [i8([2, 1], [-128, 50]), i8([1, 3], [0, 60, 127])], i8([2, 3]));
    expect(out).toEqual([-128, -128, -128, 0, 50, 50]);
  });

  it('picks the second operand when the first is not smaller (NaN)', () => {
    const out = runOp(
      'MINIMUM',
      [
        { dtype: 'float32', shape: [3], values: [Number.NaN, 1, -3] },
        { dtype: 'float32', shape: [3], values: [1, Number.NaN, 2] },
      ],
      { dtype: 'float32', shape: [3] },
      { inPlace: true },
    );
    expect(out).toEqual([1, Number.NaN, -3]);
  });
});

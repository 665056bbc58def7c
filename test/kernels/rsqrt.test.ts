import { describe, expect, it } from 'vitest';
import { invSqrtQuantizedMultiplier } from '../../src/kernels/l2-normalization.js';
import { runOp, type TensorDef } from './elementwise-support.js';

const i8 = (values: number[], scale: number, zp = 0, isOutput = false): TensorDef => ({
  dtype: 'int8',
  shape: [values.length],
  values: isOutput ? undefined : values,
  quant: { scale, zeroPoint: zp },
});

describe('RSQRT', () => {
  it('computes 1 / sqrt(x) in fixed point to within a part in 10^5', () => {
    for (const x of [2, 3, 4, 100, 12345, 1 << 20]) {
      const { multiplier: m, shift } = invSqrtQuantizedMultiplier(x);
      expect(Math.abs((m / 2 ** 31) * 2 ** shift * Math.sqrt(x) - 1)).toBeLessThan(1e-5);
    }
    expect(invSqrtQuantizedMultiplier(1)).toEqual({ multiplier: 2147483647, shift: 0 });
  });

  it('maps int8 inputs (scale 1/4) to 64 / sqrt(v) on scale 1/32, and 0 to the maximum', () => {
    const out = runOp('RSQRT', [i8([4, 16, 64, 1, 0, 2], 0.25)], i8([0, 0, 0, 0, 0, 0], 1 / 32, 0, true));
    expect(out).toEqual([32, 16, 8, 64, 127, 45]);
  });

  it('applies zero points and computes float as 1 / sqrt(x)', () => {
    const out = runOp('RSQRT', [i8([14, 26], 0.25, 10)], i8([0, 0], 1 / 32, -20, true));
    expect(out).toEqual([12, -4]);
    const f = runOp('RSQRT', [{ dtype: 'float32', shape: [2], values: [4, 2] }], {
      dtype: 'float32',
      shape: [2],
    });
    expect(f).toEqual([0.5, Math.fround(1 / Math.fround(Math.sqrt(2)))]);
  });
});

import { describe, expect, it } from 'vitest';
import { forEachOutputPixel, multiplyWide } from '../../../src/kernels/common/conv-eval.js';
import { multiplyByQuantizedMultiplierInt64 } from '../../../src/quant/fixed-point.js';

describe('multiplyWide', () => {
  it('matches the BigInt int64 MultiplyByQuantizedMultiplier', () => {
    let seed = 12345;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0; i < 5000; i++) {
      const mag = 2 ** Math.floor(rand() * 47);
      const x = Math.floor((rand() * 2 - 1) * mag);
      const multiplier = 0x40000000 + Math.floor(rand() * 0x3fffffff);
      const shift = -Math.floor(rand() * 32) + (i % 3 === 0 ? Math.floor(rand() * 8) : 0);
      expect(multiplyWide(x, multiplier, shift)).toBe(
        multiplyByQuantizedMultiplierInt64(BigInt(x), multiplier, shift),
      );
    }
  });

  it('rounds half up at the boundary and saturates the reduced multiplier', () => {
    // reduced = (2^30 + 2^15) >> 16 = 16384; 3 * 16384 / 2^16 = 0.75 -> 1
    expect(multiplyWide(3, 0x40000000, -1)).toBe(1);
    expect(multiplyWide(-2, 0x40000000, -1)).toBe(0);
    expect(multiplyWide(1000, 0x7fffffff, 0)).toBe(1000);
    expect(multiplyWide(2 ** 40, 0x7fffffff, -20)).toBe(
      multiplyByQuantizedMultiplierInt64(2n ** 40n, 0x7fffffff, -20),
    );
  });
});

describe('forEachOutputPixel', () => {
  it('visits NHWC output pixels with their batch offset, window origin and output offset', () => {
    const g = { batches: 2, inH: 3, inW: 3, inD: 2, filterH: 2, filterW: 2, outH: 2, outW: 1, outD: 4 };
    const seen: number[][] = [];
    forEachOutputPixel({ ...g, strideH: 2, strideW: 1, padH: 1, padW: 0 }, (...a) => seen.push(a));
    expect(seen).toEqual([
      [0, -1, 0, 0],
      [0, 1, 0, 4],
      [18, -1, 0, 8],
      [18, 1, 0, 12],
    ]);
  });
});

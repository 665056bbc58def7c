import { describe, expect, it } from 'vitest';
import {
  foldCountIntoMultiplier,
  forEachReduced,
  type ReducePlan,
} from '../../../src/kernels/common/reduce.js';

describe('foldCountIntoMultiplier', () => {
  it('shifts by floor(log2(count)) and divides in 64-bit', () => {
    expect(foldCountIntoMultiplier(2 ** 30, 1, 4)).toEqual({ multiplier: 2 ** 30, shift: -1 });
    expect(foldCountIntoMultiplier(2 ** 30, 0, 3)).toEqual({ multiplier: 715827882, shift: -1 });
    expect(foldCountIntoMultiplier(1518500250, -3, 49)).toEqual({
      multiplier: Number((1518500250n << 5n) / 49n),
      shift: -8,
    });
    expect(foldCountIntoMultiplier(2 ** 30, 1, 1)).toEqual({ multiplier: 2 ** 30, shift: 1 });
  });

  it('keeps the shift at or above -31 and the pre-shift at most 32', () => {
    expect(foldCountIntoMultiplier(2 ** 30, -29, 1024).shift).toBe(-31);
    expect(foldCountIntoMultiplier(2 ** 30, 5, 2 ** 33 - 1)).toMatchObject({ shift: -27 });
  });
});

describe('forEachReduced', () => {
  it('maps input elements to outputs skipping the reduced dimensions, in row-major order', () => {
    // [2, 3, 2] reduced over axis 1: output [2, 2].
    const plan: ReducePlan = {
      inputShape: [2, 3, 2],
      axes: [1],
      outStrides: [2, 0, 1],
      outputCount: 4,
      reduceCount: 3,
      inputCount: 12,
    };
    const seen: number[][] = [];
    forEachReduced(plan, (i, o) => seen.push([i, o]));
    expect(seen.map(([, o]) => o)).toEqual([0, 1, 0, 1, 0, 1, 2, 3, 2, 3, 2, 3]);
    expect(seen.map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

import { describe, expect, it } from 'vitest';
import { copyAlongAxis, stackSizes } from '../../../src/kernels/common/shape.js';

describe('copyAlongAxis', () => {
  it('joins parts of different sizes per outer step and splits them back', () => {
    // two outer steps; part 0 holds 1 element per step, part 1 holds 2.
    const parts = [Int32Array.from([1, 2]), Int32Array.from([10, 11, 20, 21])];
    const whole = new Int32Array(6);
    copyAlongAxis(whole, parts, 2, [1, 2], true);
    expect([...whole]).toEqual([1, 10, 11, 2, 20, 21]);
    const back = [new Int32Array(2), new Int32Array(4)];
    copyAlongAxis(whole, back, 2, [1, 2], false);
    expect(back.map((a) => [...a])).toEqual([
      [1, 2],
      [10, 11, 20, 21],
    ]);
  });
});

describe('stackSizes', () => {
  it('counts the elements before the stacking axis and per slice after it', () => {
    expect(stackSizes([2, 3, 4, 5], 1)).toEqual({ outerSize: 2, copySize: 20 });
    expect(stackSizes([3], 0)).toEqual({ outerSize: 1, copySize: 1 });
  });
});

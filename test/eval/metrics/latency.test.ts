/** Percentiles as NumPy computes them (linear interpolation between closest ranks). */
import { describe, expect, it } from 'vitest';
import { distribution, percentile } from '../../../src/eval/metrics/latency.js';

describe('latency distribution', () => {
  it('interpolates percentiles like numpy.percentile', () => {
    const s = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(s, 50)).toBeCloseTo(5.5, 12);
    expect(percentile(s, 90)).toBeCloseTo(9.1, 12);
    expect(percentile(s, 99)).toBeCloseTo(9.91, 12);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it('summarises values and keeps them in sample order', () => {
    const d = distribution([4, 1, 3, 2]);
    expect(d).toMatchObject({ count: 4, mean: 2.5, min: 1, max: 4, p50: 2.5 });
    expect(d.values).toEqual([4, 1, 3, 2]);
  });
});

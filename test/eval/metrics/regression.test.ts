/** Regression metrics over every output value. */
import { describe, expect, it } from 'vitest';
import { regressionMetrics } from '../../../src/eval/metrics/regression.js';

describe('regression metrics', () => {
  it('computes MAE, RMSE and max error over every value', () => {
    const m = regressionMetrics(
      [
        [1, 2],
        [0, 0],
      ],
      [
        [1, 0],
        [3, 0],
      ],
    );
    expect(m.count).toBe(2);
    expect(m.mae).toBeCloseTo(5 / 4, 12);
    expect(m.rmse).toBeCloseTo(Math.sqrt(13 / 4), 12);
    expect(m.maxError).toBe(3);
  });

  it('is all zeros for no samples', () => {
    expect(regressionMetrics([], [])).toEqual({ count: 0, mae: 0, rmse: 0, maxError: 0 });
  });
});

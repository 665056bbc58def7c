/** Float vs int8: agreement and metric deltas. */
import { describe, expect, it } from 'vitest';
import { classificationMetrics } from '../../../src/eval/metrics/classification.js';
import { agreementRate, compareMetrics, headlineMetrics } from '../../../src/eval/metrics/compare.js';
import { regressionMetrics } from '../../../src/eval/metrics/regression.js';

describe('float vs int8 comparison', () => {
  it('counts classification agreement by top-1 class', () => {
    const int8 = [
      [1, 0],
      [0, 1],
      [1, 0],
    ];
    const float = [
      [0.9, 0.1],
      [0.8, 0.2],
      [0.7, 0.3],
    ];
    expect(agreementRate('classification', int8, float, 0)).toBeCloseTo(2 / 3, 12);
  });

  it('counts regression agreement within the tolerance, on every value', () => {
    const int8 = [[0.5, 1], [0.1, 0.2], [2]];
    const float = [[0.52, 1.01], [0.1, 0.3], [2]];
    expect(agreementRate('regression', int8, float, 0.05)).toBeCloseTo(2 / 3, 12);
  });

  it('reports headline metric deltas as model minus reference', () => {
    const model = regressionMetrics([[1], [2]], [[0], [2]]);
    const ref = regressionMetrics([[0.5], [2]], [[0], [2]]);
    const c = compareMetrics('regression', model, ref, 0.5, 0.1);
    expect(c.deltas).toEqual({ mae: 0.25, rmse: Math.sqrt(0.5) - Math.sqrt(0.125), maxError: 0.5 });
    expect(c).toMatchObject({ agreement: 0.5, tolerance: 0.1, reference: ref });
  });

  it('names classification headlines accuracy, top-k beyond 1 and macro F1', () => {
    const m = classificationMetrics([[1, 0, 0]], [0], [1, 2]);
    expect(Object.keys(headlineMetrics('classification', m))).toEqual(['accuracy', 'top2', 'macroF1']);
  });
});

/** Classification metrics against hand-computed values. */
import { describe, expect, it } from 'vitest';
import { argmax, classificationMetrics, topIndices } from '../../../src/eval/metrics/classification.js';

describe('classification metrics', () => {
  // Labels 0,0,1,1,2,2; predictions (argmax) 0,1,1,1,2,0.
  const scores = [
    [0.9, 0.05, 0.05],
    [0.3, 0.6, 0.1],
    [0.1, 0.8, 0.1],
    [0.2, 0.7, 0.1],
    [0.1, 0.2, 0.7],
    [0.5, 0.1, 0.4],
  ];
  const labels = [0, 0, 1, 1, 2, 2];
  const m = classificationMetrics(scores, labels, [1, 2], ['a', 'b', 'c']);

  it('counts the confusion matrix with rows = actual, columns = predicted', () => {
    expect(m.confusion).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
    expect(m.count).toBe(6);
  });

  it('computes top-k accuracy', () => {
    // Both misses rank their label second: sample 1 ranks classes 1, 0; sample 5 ranks 0, 2.
    expect(m.topK).toEqual({ 1: 4 / 6, 2: 1 });
  });

  it('computes per-class precision, recall, F1 and the macro F1', () => {
    expect(m.perClass.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = m.perClass;
    expect(a).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(b.precision).toBeCloseTo(2 / 3, 12);
    expect(b.recall).toBe(1);
    expect(b.f1).toBeCloseTo(0.8, 12);
    expect(c).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(c.f1).toBeCloseTo(2 / 3, 12);
    expect(m.macroF1).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 12);
  });

  it('names classes by index when no names are given, and breaks ties to the lower index', () => {
    expect(classificationMetrics([[1, 1]], [1], [1]).classes).toEqual(['0', '1']);
    expect(argmax([3, 5, 5])).toBe(1);
    expect(topIndices([0.1, 0.4, 0.4, 0.2], 3)).toEqual([1, 2, 3]);
  });

  it('handles an empty run', () => {
    const e = classificationMetrics([], [], [1]);
    expect(e).toMatchObject({ count: 0, accuracy: 0, macroF1: 0 });
  });
});

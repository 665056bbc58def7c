/** Float vs int8: how often the two models agree, and how their metrics differ. */
import type { Task } from '../datasets/dataset.js';
import { argmax, type ClassificationMetrics } from './classification.js';
import type { RegressionMetrics } from './regression.js';

export type TaskMetrics = ClassificationMetrics | RegressionMetrics;

export interface Comparison {
  /** Fraction of samples where the model agrees with the reference model. */
  agreement: number;
  /** Regression: the largest |model - reference| still counted as agreement. */
  tolerance: number | null;
  reference: TaskMetrics;
  /** Headline metrics of the model minus those of the reference. */
  deltas: Record<string, number>;
}

/** The scalar headline metrics of a task, by name, for tables and deltas. */
export function headlineMetrics(task: Task, m: TaskMetrics): Record<string, number> {
  if (task === 'regression') {
    const r = m as RegressionMetrics;
    return { mae: r.mae, rmse: r.rmse, maxError: r.maxError };
  }
  const c = m as ClassificationMetrics;
  const top = Object.fromEntries(
    Object.entries(c.topK)
      .filter(([k]) => k !== '1')
      .map(([k, v]) => [`top${k}`, v]),
  );
  return { accuracy: c.accuracy, ...top, macroF1: c.macroF1 };
}

export function agreementRate(
  task: Task,
  model: readonly (readonly number[])[],
  reference: readonly (readonly number[])[],
  tolerance: number,
): number {
  if (model.length === 0) return 0;
  const agree = model.filter((m, i) => {
    const r = reference[i];
    if (task === 'classification') return argmax(m) === argmax(r);
    return m.every((v, j) => Math.abs(v - r[j]) <= tolerance);
  }).length;
  return agree / model.length;
}

export function compareMetrics(
  task: Task,
  model: TaskMetrics,
  reference: TaskMetrics,
  agreement: number,
  tolerance: number | null,
): Comparison {
  const a = headlineMetrics(task, model);
  const b = headlineMetrics(task, reference);
  const deltas = Object.fromEntries(Object.keys(a).map((k) => [k, a[k] - (b[k] ?? 0)]));
  return { agreement, tolerance, reference, deltas };
}

/** Regression metrics over every predicted value against its target. */

export interface RegressionMetrics {
  count: number;
  mae: number;
  rmse: number;
  maxError: number;
}

export function regressionMetrics(
  predictions: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
): RegressionMetrics {
  let n = 0;
  let abs = 0;
  let sq = 0;
  let max = 0;
  predictions.forEach((p, i) => {
    targets[i].forEach((t, j) => {
      const e = Math.abs(p[j] - t);
      n++;
      abs += e;
      sq += e * e;
      max = Math.max(max, e);
    });
  });
  return { count: predictions.length, mae: n ? abs / n : 0, rmse: n ? Math.sqrt(sq / n) : 0, maxError: max };
}

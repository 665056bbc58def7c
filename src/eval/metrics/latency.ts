/** Latency distributions: percentiles of per-sample times or device counts. */

export interface Distribution {
  count: number;
  mean: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p99: number;
  /** Every sample's value, in sample order (the report draws the histogram from it). */
  values: number[];
}

/** Linear interpolation between closest ranks (NumPy's default percentile). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const pos = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function distribution(values: readonly number[]): Distribution {
  const s = [...values].sort((a, b) => a - b);
  return {
    count: s.length,
    mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : 0,
    min: s[0] ?? 0,
    max: s[s.length - 1] ?? 0,
    p50: percentile(s, 50),
    p90: percentile(s, 90),
    p99: percentile(s, 99),
    values: [...values],
  };
}

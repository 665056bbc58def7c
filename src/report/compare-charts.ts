/** Charts of a comparison report: several runs (models or devices) side by side. */
import { headlineMetrics } from '../eval/metrics/compare.js';
import type { EvalResults } from '../eval/results.js';
import type { ChartSpec } from './render.js';

export interface Run {
  label: string;
  results: EvalResults;
}

/** Bars per run within each group; runs keep their order (and colour) in every chart. */
function grouped(
  title: string,
  values: { group: string; run: string; value: number }[],
  unit: string,
): ChartSpec {
  const runs = [...new Set(values.map((v) => v.run))];
  return {
    title,
    data: { values },
    mark: 'bar',
    width: { step: 22 },
    height: 200,
    encoding: {
      column: { field: 'group', type: 'nominal', title: null },
      x: { field: 'run', type: 'nominal', axis: null, sort: runs },
      y: { field: 'value', type: 'quantitative', title: unit },
      color: {
        field: 'run',
        type: 'nominal',
        scale: { domain: runs },
        legend: { orient: 'bottom', title: null, direction: 'vertical', labelLimit: 600 },
      },
    },
  } as ChartSpec;
}

export function metricsComparison(runs: Run[]): ChartSpec {
  const values = runs.flatMap(({ label, results: r }) =>
    Object.entries(headlineMetrics(r.task, r.metrics)).map(([group, value]) => ({
      group,
      run: label,
      value,
    })),
  );
  return grouped('Metrics by run', values, '');
}

export function latencyComparison(runs: Run[]): ChartSpec {
  const values = runs.flatMap(({ label, results: r }) =>
    (['p50', 'p90', 'p99'] as const).map((p) => ({ group: p, run: label, value: r.latency.hostMs[p] })),
  );
  return grouped('Host-measured latency by run', values, 'ms');
}

/** Device counts, only across runs that report the same unit. */
export function deviceLatencyComparison(runs: Run[]): ChartSpec | null {
  const counted = runs.filter((r) => r.results.latency.device);
  const units = new Set(counted.map((r) => r.results.latency.device!.unit));
  if (counted.length < 2 || units.size !== 1) return null;
  const values = counted.flatMap(({ label, results: r }) =>
    (['p50', 'p90', 'p99'] as const).map((p) => ({ group: p, run: label, value: r.latency.device![p] })),
  );
  return grouped(`Device ${[...units][0]} by run`, values, [...units][0]);
}

export function memoryComparison(runs: Run[]): ChartSpec | null {
  const planned = runs.filter((r) => r.results.memory);
  if (planned.length === 0) return null;
  const values = planned.flatMap(({ label, results: r }) => {
    const m = r.memory!;
    return [
      { group: 'arena', run: label, value: m.arenaBytes },
      { group: 'total RAM', run: label, value: m.totalRamBytes },
      { group: 'weights', run: label, value: m.weightsBytes },
    ];
  });
  return grouped('Memory by run', values, 'bytes');
}

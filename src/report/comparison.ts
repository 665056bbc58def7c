/** The blocks of a comparison report: runs side by side, then each run in full. */
import { headlineMetrics } from '../eval/metrics/compare.js';
import type { EvalResults } from '../eval/results.js';
import {
  deviceLatencyComparison,
  latencyComparison,
  memoryComparison,
  metricsComparison,
  type Run,
} from './compare-charts.js';
import { type Block, fmt, pct, table } from './document.js';
import { type ChartSpec, renderSvg } from './render.js';
import { runBlocks } from './single.js';

/** Run labels: the scenario names, made unique with the device where they clash. */
export function labelRuns(results: EvalResults[]): Run[] {
  const count = (name: string) => results.filter((r) => r.name === name).length;
  const labels = results.map((r) => (count(r.name) > 1 ? `${r.name} @ ${r.device.spec}` : r.name));
  return results.map((r, i) => ({
    label: labels.filter((l) => l === labels[i]).length > 1 ? `${labels[i]} (${i + 1})` : labels[i],
    results: r,
  }));
}

function sideBySide(runs: Run[]): Block {
  const metricNames = [
    ...new Set(runs.flatMap((r) => Object.keys(headlineMetrics(r.results.task, r.results.metrics)))),
  ];
  const cell = (f: (r: EvalResults) => string) => runs.map((r) => f(r.results));
  const rows: string[][] = [
    ['model', ...cell((r) => `${r.model.path.split('/').pop()} (${r.model.sha256.slice(0, 8)})`)],
    ['device', ...cell((r) => r.device.spec)],
    ['samples', ...cell((r) => fmt(r.dataset.evaluated))],
    ...metricNames.map((m) => [m, ...cell((r) => fmt(headlineMetrics(r.task, r.metrics)[m]))]),
    ['agreement with float', ...cell((r) => (r.comparison ? pct(r.comparison.agreement) : '–'))],
    ['host ms p50 / p99', ...cell((r) => `${fmt(r.latency.hostMs.p50)} / ${fmt(r.latency.hostMs.p99)}`)],
    [
      'device p50',
      ...cell((r) => (r.latency.device ? `${fmt(r.latency.device.p50)} ${r.latency.device.unit}` : '–')),
    ],
    ['total RAM bytes', ...cell((r) => fmt(r.memory?.totalRamBytes))],
    ['weights bytes', ...cell((r) => fmt(r.memory?.weightsBytes))],
    [
      'firmware flash / RAM bytes',
      ...cell((r) =>
        r.memory?.firmware
          ? `${fmt(r.memory.firmware.flashBytes)} / ${fmt(r.memory.firmware.ramBytes)}`
          : '–',
      ),
    ],
  ];
  return table(['', ...runs.map((r) => r.label)], rows);
}

async function charts(runs: Run[]): Promise<Block[]> {
  const specs: [string, string, ChartSpec | null][] = [
    ['compare-metrics', 'Metrics by run', metricsComparison(runs)],
    ['compare-latency', 'Latency by run', latencyComparison(runs)],
    ['compare-device', 'Device counts by run', deviceLatencyComparison(runs)],
    ['compare-memory', 'Memory by run', memoryComparison(runs)],
  ];
  const out: Block[] = [];
  for (const [name, title, spec] of specs)
    if (spec) out.push({ kind: 'chart', name, title, svg: await renderSvg(spec), source: 'vega' });
  return out;
}

export async function comparisonBlocks(results: EvalResults[]): Promise<Block[]> {
  const runs = labelRuns(results);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `Comparison of ${runs.length} runs` },
    sideBySide(runs),
    ...(await charts(runs)),
  ];
  for (const [i, run] of runs.entries())
    blocks.push(...(await runBlocks({ ...run.results, name: run.label }, `run${i + 1}-`, 2)));
  return blocks;
}

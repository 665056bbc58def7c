/** The blocks of one run's report: what ran, metrics, float vs int8, latency, ops, memory. */
import type { ClassificationMetrics } from '../eval/metrics/classification.js';
import { headlineMetrics } from '../eval/metrics/compare.js';
import type { RegressionMetrics } from '../eval/metrics/regression.js';
import type { EvalResults } from '../eval/results.js';
import {
  confusionChart,
  floatVsInt8Metrics,
  latencyHistogram,
  opProfileChart,
  predictionsChart,
} from './charts.js';
import { type Block, fmt, kib, pct, signed, table } from './document.js';
import { type ChartSpec, renderSvg } from './render.js';

async function chart(name: string, title: string, spec: ChartSpec): Promise<Block> {
  return { kind: 'chart', name, title, svg: await renderSvg(spec), source: 'vega' };
}

function overview(r: EvalResults): Block[] {
  const rows: [string, string][] = [
    ['model', `${r.model.path} (sha256 ${r.model.sha256.slice(0, 16)}…, ${fmt(r.model.bytes)} B)`],
    ...(r.reference
      ? [
          ['float reference', `${r.reference.path} (sha256 ${r.reference.sha256.slice(0, 16)}…)`] as [
            string,
            string,
          ],
        ]
      : []),
    [
      'device',
      `${r.device.spec} (${r.device.name}, ${r.device.jobs} parallel session${r.device.jobs === 1 ? '' : 's'})`,
    ],
    [
      'dataset',
      `${r.dataset.type}: ${fmt(r.dataset.evaluated)} of ${fmt(r.dataset.requested)} samples evaluated (set size ${fmt(r.dataset.size)})`,
    ],
    ['task', r.task],
    ['date', r.date],
    ['tinyforge', r.tinyforgeVersion],
    ['scenario', r.scenarioPath],
  ];
  return [table(['', ''], rows)];
}

async function metricBlocks(r: EvalResults, id: string): Promise<Block[]> {
  if (r.task === 'regression') {
    const m = r.metrics as RegressionMetrics;
    return [
      table(
        ['metric', 'value'],
        [
          ['MAE', m.mae],
          ['RMSE', m.rmse],
          ['max error', m.maxError],
          ['samples', m.count],
        ],
      ),
      ...(r.predictions.x
        ? [await chart(`${id}predictions`, 'Predictions over the input', predictionsChart(r))]
        : []),
    ];
  }
  const m = r.metrics as ClassificationMetrics;
  return [
    table(
      ['metric', 'value'],
      [
        ['top-1 accuracy', pct(m.accuracy)],
        ...Object.entries(m.topK)
          .filter(([k]) => k !== '1')
          .map(([k, v]) => [`top-${k} accuracy`, pct(v)]),
        ['macro F1', fmt(m.macroF1)],
        ['samples', m.count],
      ],
    ),
    await chart(`${id}confusion`, 'Confusion matrix', confusionChart(m)),
    table(
      ['class', 'precision', 'recall', 'F1', 'support'],
      m.perClass.map((c) => [c.name, c.precision, c.recall, c.f1, c.support]),
    ),
  ];
}

async function comparisonBlocks(r: EvalResults, id: string): Promise<Block[]> {
  const c = r.comparison;
  if (!c) return [];
  const model = headlineMetrics(r.task, r.metrics);
  const ref = headlineMetrics(r.task, c.reference);
  const agreement =
    r.task === 'regression'
      ? `outputs within ${fmt(c.tolerance)} of the float model`
      : 'same top-1 class as the float model';
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Float vs int8' },
    { kind: 'text', text: `Agreement: ${pct(c.agreement)} of samples (${agreement}).` },
    table(
      ['metric', 'model', 'float reference', 'delta'],
      Object.keys(model).map((k) => [k, model[k], ref[k], signed(c.deltas[k])]),
    ),
    await chart(`${id}float-vs-int8`, 'Model vs float reference', floatVsInt8Metrics(r)),
  ];
  return blocks;
}

async function latencyBlocks(r: EvalResults, id: string): Promise<Block[]> {
  const h = r.latency.hostMs;
  const d = r.latency.device;
  const row = (what: string, x: typeof h) => [what, x.p50, x.p90, x.p99, x.mean, x.min, x.max];
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Latency' },
    table(
      ['measure', 'p50', 'p90', 'p99', 'mean', 'min', 'max'],
      [row('host ms per invoke', h), ...(d ? [row(`device ${d.unit}`, d)] : [])],
    ),
    await chart(
      `${id}latency`,
      'Latency histogram',
      latencyHistogram(h, 'ms', 'Invoke time measured on the host (ms)'),
    ),
  ];
  if (d)
    blocks.push(
      await chart(
        `${id}device-latency`,
        `Device ${d.unit}`,
        latencyHistogram(d, d.unit, `Device ${d.unit} per invoke`),
      ),
    );
  return blocks;
}

async function profileBlocks(r: EvalResults, id: string): Promise<Block[]> {
  if (!r.profile) return [];
  return [
    { kind: 'heading', level: 2, text: 'Per-op profile' },
    await chart(`${id}ops`, 'Per-op time', opProfileChart(r)),
    table(
      ['op', 'opcode', `mean ${r.profile.unit}`, 'share'],
      r.profile.ops.map((o) => [o.index, o.opcode, o.mean, pct(o.share)]),
    ),
  ];
}

function memoryBlocks(r: EvalResults, id: string): Block[] {
  const m = r.memory;
  if (!m) return [];
  const rows: [string, string][] = [
    ['activation arena', kib(m.arenaBytes)],
    ['scratch (largest op)', kib(m.scratchBytes)],
    ['persistent', kib(m.persistentBytes)],
    ['inputs + outputs (app-owned)', kib(m.inputBytes + m.outputBytes)],
    ['total RAM', kib(m.totalRamBytes)],
    ['weights (flash)', kib(m.weightsBytes)],
    ['planner', `${m.planner}, alignment ${m.alignment}, lower bound ${kib(m.lowerBoundBytes)}`],
    ...(m.firmware
      ? ([
          ['firmware flash', kib(m.firmware.flashBytes)],
          ['firmware RAM', kib(m.firmware.ramBytes)],
        ] as [string, string][])
      : []),
  ];
  return [
    { kind: 'heading', level: 2, text: 'Memory' },
    table(['', ''], rows),
    m.arenaBytes > 0
      ? {
          kind: 'chart',
          name: `${id}memory-layout`,
          title: 'Memory layout',
          svg: m.layoutSvg,
          source: 'layout',
        }
      : {
          kind: 'text',
          text: 'The arena is empty: the model has no tensors besides its app-owned inputs and outputs.',
        },
  ];
}

/** Every section of one run; `id` prefixes chart names so several runs share a folder. */
export async function runBlocks(r: EvalResults, id = '', level: 1 | 2 = 1): Promise<Block[]> {
  const blocks: Block[] = [
    { kind: 'heading', level, text: r.name },
    ...overview(r),
    ...(r.notes.length ? [{ kind: 'list', items: r.notes } as Block] : []),
    { kind: 'heading', level: 2, text: `Metrics (${r.task})` },
    ...(await metricBlocks(r, id)),
    ...(await comparisonBlocks(r, id)),
    ...(await latencyBlocks(r, id)),
    ...(await profileBlocks(r, id)),
    ...memoryBlocks(r, id),
  ];
  // Nested runs (comparison reports) shift their sub-headings one level down.
  return level === 1
    ? blocks
    : blocks.map((b) => (b.kind === 'heading' && b !== blocks[0] ? { ...b, level: 3 } : b));
}

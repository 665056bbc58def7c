/** The report's charts as Vega-Lite specs, built from results.json content only. */
import type { ClassificationMetrics } from '../eval/metrics/classification.js';
import { headlineMetrics } from '../eval/metrics/compare.js';
import type { Distribution } from '../eval/metrics/latency.js';
import type { EvalResults } from '../eval/results.js';
import { fmt } from './document.js';
import type { ChartSpec } from './render.js';

const WIDTH = 520;

export function confusionChart(m: ClassificationMetrics): ChartSpec {
  const values = m.confusion.flatMap((row, t) =>
    row.map((count, p) => ({ actual: m.classes[t], predicted: m.classes[p], count })),
  );
  const side = Math.min(560, Math.max(160, 28 * m.classes.length));
  const axis = { sort: m.classes, type: 'ordinal' as const };
  return {
    title: 'Confusion matrix (rows: actual, columns: predicted)',
    width: side,
    height: side,
    data: { values },
    encoding: { x: { field: 'predicted', ...axis }, y: { field: 'actual', ...axis } },
    layer: [
      {
        mark: 'rect',
        encoding: { color: { field: 'count', type: 'quantitative', scale: { scheme: 'blues' } } },
      },
      ...(m.classes.length <= 20
        ? [
            {
              mark: { type: 'text' as const, fontSize: 10 },
              encoding: {
                text: { field: 'count', type: 'quantitative' as const },
                color: {
                  condition: { test: `datum.count > ${maxCount(m) / 2}`, value: 'white' },
                  value: 'black',
                },
              },
            },
          ]
        : []),
    ],
  } as ChartSpec;
}

const maxCount = (m: ClassificationMetrics) => Math.max(1, ...m.confusion.flat());

/** Up to the 99th percentile: a few slow outliers (first call, a busy machine) would flatten the rest. */
export function latencyHistogram(d: Distribution, unit: string, what: string): ChartSpec {
  const shown = d.values.filter((v) => v <= d.p99);
  const hidden = d.values.length - shown.length;
  return {
    title: {
      text: what,
      subtitle: hidden > 0 ? `${hidden} samples above p99 (${fmt(d.p99)} ${unit}) not shown` : '',
    },
    width: WIDTH,
    height: 200,
    data: { values: shown.map((v) => ({ v })) },
    mark: { type: 'bar', color: '#4c78a8' },
    encoding: {
      x: { field: 'v', type: 'quantitative', bin: { maxbins: 40 }, title: unit },
      y: { aggregate: 'count', type: 'quantitative', title: 'samples' },
    },
  };
}

export function opProfileChart(r: EvalResults): ChartSpec {
  const p = r.profile!;
  const values = p.ops.map((o) => ({ op: `#${o.index} ${o.opcode}`, mean: o.mean, share: o.share }));
  return {
    title: `Mean time per op (${p.unit})`,
    width: WIDTH,
    height: Math.max(60, 18 * values.length),
    data: { values },
    mark: { type: 'bar', color: '#f58518' },
    encoding: {
      y: { field: 'op', type: 'nominal', sort: null, title: null },
      x: { field: 'mean', type: 'quantitative', title: p.unit },
      tooltip: [{ field: 'op' }, { field: 'mean', format: '.4g' }, { field: 'share', format: '.1%' }],
    },
  };
}

/** Headline metrics of the model and its float reference, side by side. */
export function floatVsInt8Metrics(r: EvalResults): ChartSpec {
  const c = r.comparison!;
  const rows = (who: string, m: Record<string, number>) =>
    Object.entries(m).map(([metric, value]) => ({ metric, value, model: who }));
  return {
    title: `${r.task === 'regression' ? 'Errors' : 'Accuracy'}: model vs float reference`,
    data: {
      values: [
        ...rows('model', headlineMetrics(r.task, r.metrics)),
        ...rows('float reference', headlineMetrics(r.task, c.reference)),
      ],
    },
    mark: 'bar',
    width: { step: 22 },
    height: 200,
    encoding: {
      column: { field: 'metric', type: 'nominal', title: null },
      x: { field: 'model', type: 'nominal', axis: null },
      y: { field: 'value', type: 'quantitative', title: null },
      color: { field: 'model', type: 'nominal', legend: { orient: 'bottom', title: null } },
    },
  } as ChartSpec;
}

/** Regression with a one-value input: truth, model and reference over the input. */
export function predictionsChart(r: EvalResults): ChartSpec {
  const p = r.predictions;
  const x = p.x!;
  const series = (name: string, ys: number[]) => ys.map((y, i) => ({ x: x[i], y, series: name }));
  return {
    title: 'Predictions over the input',
    width: WIDTH,
    height: 260,
    data: {
      values: [
        ...series('expected', p.truth),
        ...series('model', p.model),
        ...(p.reference ? series('float reference', p.reference) : []),
      ],
    },
    // Lines, one path per series, keep the SVG small however many samples there are.
    mark: { type: 'line', strokeWidth: 1.5, interpolate: 'linear' },
    encoding: {
      order: { field: 'x', type: 'quantitative' },
      x: { field: 'x', type: 'quantitative', title: 'input' },
      y: { field: 'y', type: 'quantitative', title: 'output' },
      color: { field: 'series', type: 'nominal', legend: { orient: 'bottom', title: null } },
    },
  };
}

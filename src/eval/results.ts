/** What `tinyforge eval` writes to results.json, and how the per-sample records become it. */
import type { DeviceStats, IOSpec } from '../run/session.js';
import type { Task } from './datasets/dataset.js';
import type { MemoryReport } from './memory.js';
import { argmax, classificationMetrics } from './metrics/classification.js';
import { agreementRate, type Comparison, compareMetrics, type TaskMetrics } from './metrics/compare.js';
import { type Distribution, distribution } from './metrics/latency.js';
import { type OpProfile, ProfileAccumulator } from './metrics/profile.js';
import { regressionMetrics } from './metrics/regression.js';

export const RESULTS_FORMAT = 'tinyforge-eval-results/1';
/** Predictions kept per run for plots; metrics always use every sample. */
export const MAX_PLOTTED = 2000;

export interface ModelInfo {
  path: string;
  sha256: string;
  bytes: number;
  inputs: IOSpec[];
  outputs: IOSpec[];
  ops: string[];
}

export interface Predictions {
  /** The input value of each plotted sample, when the input has a single element. */
  x: number[] | null;
  /** Classification: class indices; regression: the first output value. */
  truth: number[];
  model: number[];
  reference: number[] | null;
}

export interface EvalResults {
  format: typeof RESULTS_FORMAT;
  tinyforgeVersion: string;
  date: string;
  name: string;
  scenarioPath: string;
  scenario: unknown;
  model: ModelInfo;
  reference: ModelInfo | null;
  device: { spec: string; name: string; jobs: number };
  dataset: { type: string; size: number; requested: number; evaluated: number; classes: string[] | null };
  stopped: boolean;
  durationMs: number;
  task: Task;
  metrics: TaskMetrics;
  latency: { hostMs: Distribution; device: (Distribution & { unit: DeviceStats['unit'] }) | null };
  profile: OpProfile | null;
  memory: MemoryReport | null;
  comparison: Comparison | null;
  predictions: Predictions;
  notes: string[];
}

/** One finished sample: outputs dequantized (output 0), timing and device counts. */
export interface SampleRecord {
  x0: number | null;
  label: number | null;
  target: number[] | null;
  model: number[];
  reference: number[] | null;
  ms: number;
  stats: DeviceStats | null;
}

export interface Outcome {
  metrics: TaskMetrics;
  comparison: Comparison | null;
  latency: EvalResults['latency'];
  profile: OpProfile | null;
  predictions: Predictions;
}

function taskMetrics(
  task: Task,
  outs: number[][],
  recs: SampleRecord[],
  topK: number[],
  classes: string[] | null,
) {
  if (task === 'regression')
    return regressionMetrics(
      outs,
      recs.map((r) => r.target ?? []),
    );
  return classificationMetrics(
    outs,
    recs.map((r) => r.label ?? 0),
    topK,
    classes,
  );
}

function deviceLatency(recs: SampleRecord[]): EvalResults['latency']['device'] {
  const counted = recs.filter((r) => r.stats && r.stats.unit !== 'ms');
  if (counted.length === 0) return null;
  return { unit: counted[0].stats!.unit, ...distribution(counted.map((r) => r.stats!.total)) };
}

function predictions(task: Task, recs: SampleRecord[]): Predictions {
  const shown = recs.slice(0, MAX_PLOTTED);
  const pick = (o: number[]) => (task === 'classification' ? argmax(o) : o[0]);
  const hasRef = shown.length > 0 && shown.every((r) => r.reference);
  return {
    x: shown.every((r) => r.x0 !== null) ? shown.map((r) => r.x0!) : null,
    truth: shown.map((r) => (task === 'classification' ? (r.label ?? 0) : (r.target?.[0] ?? 0))),
    model: shown.map((r) => pick(r.model)),
    reference: hasRef ? shown.map((r) => pick(r.reference!)) : null,
  };
}

export interface OutcomeContext {
  task: Task;
  topK: number[];
  classes: string[] | null;
  opcodes: string[];
  tolerance: number;
}

export function outcome(recs: SampleRecord[], ctx: OutcomeContext): Outcome {
  const outs = recs.map((r) => r.model);
  const metrics = taskMetrics(ctx.task, outs, recs, ctx.topK, ctx.classes);
  let comparison: Comparison | null = null;
  if (recs.length > 0 && recs.every((r) => r.reference)) {
    const refs = recs.map((r) => r.reference!);
    const refMetrics = taskMetrics(ctx.task, refs, recs, ctx.topK, ctx.classes);
    const agreement = agreementRate(ctx.task, outs, refs, ctx.tolerance);
    const tolerance = ctx.task === 'regression' ? ctx.tolerance : null;
    comparison = compareMetrics(ctx.task, metrics, refMetrics, agreement, tolerance);
  }
  const profile = new ProfileAccumulator();
  for (const r of recs) profile.add(r.stats);
  return {
    metrics,
    comparison,
    latency: { hostMs: distribution(recs.map((r) => r.ms)), device: deviceLatency(recs) },
    profile: profile.result(ctx.opcodes),
    predictions: predictions(ctx.task, recs),
  };
}

/** `evaluate(scenario)`: the dataset through the model (and its float reference) on a device. */
import { basename, dirname } from 'node:path';
import { modelHash } from '../codegen/compile.js';
import { InputMismatchError } from '../errors.js';
import { type LoadedModel, loadModel } from '../graph/load.js';
import { dequantize } from '../io/values.js';
import { seededRandom } from '../run/inputs.js';
import { graphIO } from '../run/session.js';
import { type Dataset, elementCount, openDataset, type Sample } from './datasets/dataset.js';
import { defaultJobs, describeSpec, parallelizable, parseDeviceSpec } from './device-spec.js';
import { type MemoryReport, memoryReport } from './memory.js';
import { type PoolOptions, runPool } from './pool.js';
import { preprocessValues, toInputBytes } from './preprocess.js';
import {
  type EvalResults,
  type ModelInfo,
  type OutcomeContext,
  outcome,
  RESULTS_FORMAT,
  type SampleRecord,
} from './results.js';
import type { SampleOutput, SampleRunner } from './sample-runner.js';
import type { LoadedScenario, Scenario } from './scenario.js';
import { closeSlots, openSlots, type Slot } from './slots.js';
import { prepareTarget } from './target.js';

export interface EvalOptions extends PoolOptions {
  /** tinyforge's version, recorded in the results. */
  version: string;
  /** Overrides the scenario's and the device's default parallelism. */
  jobs?: number;
}

function modelInfo(m: LoadedModel): ModelInfo {
  return {
    path: m.path,
    sha256: modelHash(m.bytes),
    bytes: m.bytes.byteLength,
    ...graphIO(m.graph),
    ops: m.graph.ops.map((o) => o.opcode),
  };
}

/** eval feeds one input and scores output 0; the reference must have the same element counts. */
function checkModels(main: LoadedModel, reference: LoadedModel | null): void {
  const count = (m: LoadedModel, t: number) => elementCount(m.graph.tensors[t].shape);
  if (main.graph.inputs.length !== 1)
    throw new InputMismatchError(
      `${main.path} has ${main.graph.inputs.length} inputs; eval feeds models with one`,
    );
  if (!reference) return;
  const same =
    reference.graph.inputs.length === 1 &&
    count(reference, reference.graph.inputs[0]) === count(main, main.graph.inputs[0]) &&
    count(reference, reference.graph.outputs[0]) === count(main, main.graph.outputs[0]);
  if (!same)
    throw new InputMismatchError(
      `the reference model ${reference.path} does not take and give as many values as ${main.path}`,
      'the reference must be the same network, in float',
    );
}

/** Every sample, or a seeded random subset of `limit` of them (kept in dataset order). */
export function selectIndices(size: number, limit: number | undefined, seed: number): number[] {
  const all = Array.from({ length: size }, (_, i) => i);
  if (limit === undefined || limit >= size) return all;
  const rnd = seededRandom(seed);
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, limit).sort((a, b) => a - b);
}

async function runOne(r: SampleRunner, x: Float64Array, s: Scenario): Promise<[SampleOutput, number[]]> {
  const input = toInputBytes(preprocessValues(x, s.dataset.preprocess), r.inputs[0]);
  const out = await r.run([input]);
  const o = r.outputs[0];
  return [out, dequantize(o.dtype, out.outputs[0], o.scale, o.zeroPoint)];
}

async function runSample(slot: Slot, sample: Sample, s: Scenario): Promise<SampleRecord> {
  const [main, ref] = await Promise.all([
    runOne(slot.model, sample.x, s),
    slot.reference ? runOne(slot.reference, sample.x, s) : null,
  ]);
  return {
    x0: sample.x.length === 1 ? sample.x[0] : null,
    label: sample.label,
    target: sample.target,
    model: main[1],
    reference: ref ? ref[1] : null,
    ms: main[0].ms,
    stats: main[0].stats,
  };
}

/** Regression agreement: two output quantization steps, or 1e-3 for a float model. */
function defaultTolerance(main: LoadedModel): number {
  const q = main.graph.tensors[main.graph.outputs[0]].quant;
  return q ? 2 * q.scale[0] : 1e-3;
}

interface Prepared {
  main: LoadedModel;
  reference: LoadedModel | null;
  dataset: Dataset;
  indices: number[];
}

function prepare(s: Scenario): Prepared {
  const main = loadModel(s.model.path);
  const reference = s.model.reference ? loadModel(s.model.reference) : null;
  checkModels(main, reference);
  const dataset = openDataset(s.dataset, {
    task: s.metrics.task,
    inputShape: main.graph.tensors[main.graph.inputs[0]].shape,
    classes: s.metrics.classes,
    seed: s.seed,
  });
  return { main, reference, dataset, indices: selectIndices(dataset.size, s.limit, s.seed) };
}

/** Opens the device (building firmware first when it needs one) and runs every sample. */
async function runAll(loaded: LoadedScenario, p: Prepared, opts: EvalOptions) {
  const s = loaded.scenario;
  const spec = parseDeviceSpec(s.device, dirname(loaded.path));
  const target = await prepareTarget(spec, p.main.path, s.compile.options, opts.version);
  const wanted = opts.jobs ?? s.jobs ?? defaultJobs(spec);
  const jobs = Math.max(1, Math.min(parallelizable(spec) ? wanted : 1, p.indices.length));
  const slots = await openSlots({
    target,
    modelPath: p.main.path,
    referencePath: p.reference?.path ?? null,
    jobs,
  });
  try {
    const sample = (slot: Slot, k: number) => runSample(slot, p.dataset.sample(p.indices[k]), s);
    const run = await runPool(slots, p.indices.length, sample, opts);
    const device = { spec: describeSpec(spec), name: slots[0].model.device, jobs: slots.length };
    return { run, device, firmware: target.firmware };
  } finally {
    await closeSlots(slots);
  }
}

function notesOf(stopped: boolean, done: number, total: number, memory: MemoryReport | string): string[] {
  return [
    ...(stopped ? [`stopped after ${done} of ${total} samples; the metrics cover those`] : []),
    ...(typeof memory === 'string' ? [memory] : []),
  ];
}

function outcomeContext(s: Scenario, main: LoadedModel, classes: string[] | null): OutcomeContext {
  const width = elementCount(main.graph.tensors[main.graph.outputs[0]].shape);
  return {
    task: s.metrics.task,
    topK: s.metrics.topK.filter((k) => k <= width),
    classes,
    opcodes: main.graph.ops.map((o) => o.opcode),
    tolerance: s.metrics.tolerance ?? defaultTolerance(main),
  };
}

export async function evaluate(loaded: LoadedScenario, opts: EvalOptions): Promise<EvalResults> {
  const s = loaded.scenario;
  const date = new Date().toISOString();
  const t0 = performance.now();
  const p = prepare(s);
  const { run, device, firmware } = await runAll(loaded, p, opts);
  const records = run.results.filter((r): r is SampleRecord => r !== undefined);
  const memory = memoryReport(p.main, s.compile, firmware);
  const classes = s.metrics.classes ?? p.dataset.classes;
  const result = outcome(records, outcomeContext(s, p.main, classes));
  return {
    format: RESULTS_FORMAT,
    tinyforgeVersion: opts.version,
    date,
    name: s.name ?? basename(loaded.path).replace(/\.json$/, ''),
    scenarioPath: loaded.path,
    scenario: loaded.raw,
    model: modelInfo(p.main),
    reference: p.reference ? modelInfo(p.reference) : null,
    device,
    dataset: {
      type: s.dataset.type,
      size: p.dataset.size,
      requested: p.indices.length,
      evaluated: records.length,
      classes,
    },
    stopped: run.stopped,
    durationMs: performance.now() - t0,
    task: s.metrics.task,
    ...result,
    memory: typeof memory === 'string' ? null : memory,
    notes: notesOf(run.stopped, run.done, p.indices.length, memory),
  };
}

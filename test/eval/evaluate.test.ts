/** evaluate(): scenarios end to end on host (threads and in-process), native C and QEMU. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputMismatchError } from '../../src/errors.js';
import { type EvalOptions, evaluate, selectIndices } from '../../src/eval/evaluate.js';
import type { ClassificationMetrics } from '../../src/eval/metrics/classification.js';
import type { EvalResults } from '../../src/eval/results.js';
import { type LoadedScenario, loadScenario } from '../../src/eval/scenario.js';
import { deviceNames } from '../../src/run/devices.js';
import { REPO_ROOT } from '../support/shared.js';
import { armGccAvailable, hostCcAvailable, qemuAvailable } from '../support/toolchains.js';
import {
  CLASSES,
  labelledSet,
  writeClassifier,
  writeCsvSet,
  writeImageSet,
  writeNpzSet,
  writeScenario,
} from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'tf-evaluate-'));
const SINE = join(REPO_ROOT, 'examples/sine');
const opts: EvalOptions = { version: '9.9.9-test', jobs: 1 };
const set = labelledSet(60);
writeClassifier(dir);
writeNpzSet(join(dir, 'set.npz'), set);

function classifierScenario(
  name: string,
  dataset: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): LoadedScenario {
  return loadScenario(
    writeScenario(join(dir, `${name}.json`), {
      model: { path: 'classifier_int8.tflite', reference: 'classifier_float.tflite' },
      dataset,
      metrics: { task: 'classification', topK: [1, 2, 5], classes: CLASSES },
      ...extra,
    }),
  );
}

/** The confusion matrix the fixture must give: its model predicts `truth`, the labels are as given. */
function expectedConfusion(labels: number[], truth: number[]): number[][] {
  const m = CLASSES.map(() => CLASSES.map(() => 0));
  labels.forEach((l, i) => {
    m[l][truth[i]]++;
  });
  return m;
}

const withDevice = (s: LoadedScenario, device: string): LoadedScenario => ({
  ...s,
  scenario: { ...s.scenario, device },
});

describe('evaluate', () => {
  let host: EvalResults;

  it('evaluates the sine example on host with regression metrics and float vs int8', async () => {
    host = await evaluate(loadScenario(join(SINE, 'scenario.json')), opts);
    const model = readFileSync(join(SINE, 'sine_int8.tflite'));
    expect(host).toMatchObject({
      format: 'tinyforge-eval-results/1',
      tinyforgeVersion: '9.9.9-test',
      name: 'sine int8 vs float (host)',
      task: 'regression',
      stopped: false,
      device: { spec: 'host', name: 'host', jobs: 1 },
      dataset: { type: 'sine', size: 1000, requested: 1000, evaluated: 1000 },
      scenario: { device: 'host', seed: 1 },
    });
    expect(host.model.sha256).toBe(createHash('sha256').update(model).digest('hex'));
    expect(host.reference!.inputs[0].dtype).toBe('float32');
    expect(new Date(host.date).toISOString()).toBe(host.date);
    const m = host.metrics as { mae: number; maxError: number };
    expect(m.mae).toBeGreaterThan(0);
    expect(m.mae).toBeLessThan(0.1);
    const c = host.comparison!;
    expect(c.tolerance).toBe(0.05);
    expect(c.agreement).toBeGreaterThan(0.5);
    expect(c.deltas.mae).toBeCloseTo(m.mae - (c.reference as { mae: number }).mae, 12);
    expect(host.latency.hostMs.count).toBe(1000);
    expect(host.latency.device).toBeNull();
    expect(host.profile!.ops.map((o) => o.opcode)).toEqual([
      'FULLY_CONNECTED',
      'FULLY_CONNECTED',
      'FULLY_CONNECTED',
    ]);
    expect(host.memory!.layoutSvg).toMatch(/^<svg/);
    expect(host.memory!.weightsBytes).toBeGreaterThan(0);
    expect(host.predictions.x).toHaveLength(1000);
    expect(host.notes).toEqual([]);
  });

  it('gives the same metrics on worker threads', async () => {
    const threaded = await evaluate(loadScenario(join(SINE, 'scenario.json')), { ...opts, jobs: 2 });
    expect(threaded.device.jobs).toBe(2);
    expect(threaded.metrics).toEqual(host.metrics);
    expect(threaded.comparison).toEqual(host.comparison);
    expect(threaded.predictions).toEqual(host.predictions);
  });

  it('evaluates a classifier from an .npz: accuracy, confusion, top-k, agreement with float', async () => {
    const r = await evaluate(classifierScenario('npz', { type: 'npz', path: 'set.npz' }), opts);
    const m = r.metrics as ClassificationMetrics;
    expect(m.accuracy).toBeCloseTo(0.9, 12);
    expect(m.confusion).toEqual(expectedConfusion(set.labels, set.truth));
    expect(m.classes).toEqual(CLASSES);
    expect(Object.keys(m.topK)).toEqual(['1', '2']);
    expect(r.comparison!.agreement).toBe(1);
    expect(r.comparison!.deltas.accuracy).toBe(0);
    expect(r.predictions.model).toEqual(set.truth);
    expect(r.predictions.x).toBeNull();
  });

  it('reads the same classifier data from CSV and from PNG folders', async () => {
    writeCsvSet(join(dir, 'set.csv'), set);
    const csv = await evaluate(
      classifierScenario('csv', { type: 'csv', path: 'set.csv', label: 'animal' }),
      opts,
    );
    expect((csv.metrics as ClassificationMetrics).confusion).toEqual(
      expectedConfusion(set.labels, set.truth),
    );
    const imagesDir = mkdtempSync(join(dir, 'png-'));
    writeClassifier(imagesDir, [1, 2, 2, 1]);
    writeImageSet(join(imagesDir, 'images'), set);
    const images = await evaluate(
      loadScenario(
        writeScenario(join(imagesDir, 'images.json'), {
          model: { path: 'classifier_int8.tflite' },
          dataset: { type: 'images', path: 'images', preprocess: { scale: 1 / 255 } },
          metrics: { task: 'classification' },
        }),
      ),
      opts,
    );
    expect(images.dataset.classes).toEqual(CLASSES);
    expect((images.metrics as ClassificationMetrics).accuracy).toBeCloseTo(0.9, 12);
    expect(images.comparison).toBeNull();
  });

  it('evaluates a seeded subset with limit', async () => {
    const a = await evaluate(
      classifierScenario('limit', { type: 'npz', path: 'set.npz' }, { limit: 10, seed: 4 }),
      opts,
    );
    const b = await evaluate(
      classifierScenario('limit', { type: 'npz', path: 'set.npz' }, { limit: 10, seed: 4 }),
      opts,
    );
    expect(a.dataset).toMatchObject({ size: 60, requested: 10, evaluated: 10 });
    expect(a.predictions).toEqual(b.predictions);
    expect(selectIndices(60, 10, 4)).toEqual(selectIndices(60, 10, 4));
    expect(selectIndices(60, 10, 4)).not.toEqual(selectIndices(60, 10, 5));
    expect(selectIndices(5, 10, 4)).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops on the signal and keeps what finished', async () => {
    const controller = new AbortController();
    const r = await evaluate(loadScenario(join(SINE, 'scenario.json')), {
      ...opts,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 100) controller.abort();
      },
    });
    expect(r.stopped).toBe(true);
    expect(r.dataset.evaluated).toBe(100);
    expect(r.latency.hostMs.count).toBe(100);
    expect(r.notes[0]).toMatch(/^stopped after 100 of 1000 samples/);
  });

  it('refuses a reference model that is not the same network', async () => {
    const s = loadScenario(
      writeScenario(join(dir, 'mismatch.json'), {
        model: { path: join(SINE, 'sine_int8.tflite'), reference: 'classifier_float.tflite' },
        dataset: { type: 'sine', count: 3 },
        metrics: { task: 'regression' },
      }),
    );
    await expect(evaluate(s, opts)).rejects.toThrow(InputMismatchError);
  });

  it.skipIf(!hostCcAvailable)(
    'evaluates the sine example on the native device, bit-exact with host',
    async () => {
      const native = await evaluate(loadScenario(join(SINE, 'scenario-native.json')), { ...opts, jobs: 2 });
      expect(native.device).toMatchObject({ spec: 'native', name: 'native', jobs: 2 });
      expect(native.metrics).toEqual(host.metrics);
      expect(native.predictions.model).toEqual(host.predictions.model);
    },
  );

  const micro = deviceNames().includes('micro') && armGccAvailable && qemuAvailable;
  it.skipIf(!micro)('evaluates the sine example under QEMU mps2-an386 with instruction counts', async () => {
    const scenario = loadScenario(join(SINE, 'scenario-qemu.json'));
    const qemu = await evaluate(scenario, { ...opts, jobs: 2 });
    const reference = await evaluate(withDevice(scenario, 'host'), opts);
    expect(qemu.device).toMatchObject({ spec: 'qemu:mps2-an386', name: 'micro', jobs: 2 });
    expect(qemu.metrics).toEqual(reference.metrics);
    expect(qemu.latency.device!.unit).toBe('instructions');
    expect(qemu.latency.device!.p50).toBeGreaterThan(0);
    expect(qemu.profile!.unit).toBe('instructions');
    expect(qemu.profile!.ops).toHaveLength(3);
    expect(qemu.memory!.firmware!.flashBytes).toBeGreaterThan(qemu.memory!.weightsBytes);
  });
});

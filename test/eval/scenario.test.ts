/** Scenario files: validation lists every problem with its JSON path; paths resolve beside the file. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, FileNotFoundError } from '../../src/errors.js';
import { jsonPath, loadScenario, parseScenario, scenarioJsonSchema } from '../../src/eval/scenario.js';
import { REPO_ROOT } from '../support/shared.js';
import { writeScenario } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'tf-scenario-'));
writeFileSync(join(dir, 'm.tflite'), 'not read by validation');

function problems(raw: unknown): string[] {
  try {
    parseScenario(raw, dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
  }
  throw new Error('expected the scenario to be rejected');
}

describe('scenario', () => {
  it('lists every problem at once, schema and files, each with its JSON path', () => {
    const lines = problems({
      model: {},
      dataset: { type: 'npz', path: 'set.npz', preprocess: { scale: 'big' } },
      metrics: { task: 'ranking', topK: [0] },
      limit: -1,
      extra: true,
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.model\.path: /),
        expect.stringMatching(/^\$\.dataset\.preprocess\.scale: /),
        expect.stringMatching(/^\$\.metrics\.task: /),
        expect.stringMatching(/^\$\.metrics\.topK\[0\]: /),
        expect.stringMatching(/^\$\.limit: /),
        expect.stringMatching(/^\$: .*extra/),
        `$.dataset.path: not found: ${join(dir, 'set.npz')}`,
      ]),
    );
    expect(lines).toHaveLength(7);
  });

  it('resolves paths against the scenario folder and reports missing files and bad devices together', () => {
    const lines = problems({
      model: { path: 'm.tflite', reference: 'missing-float.tflite' },
      dataset: { type: 'images', path: 'm.tflite' },
      device: 'qemu:no-such-board',
      metrics: { task: 'classification' },
    });
    expect(lines).toEqual([
      `$.model.reference: not found: ${join(dir, 'missing-float.tflite')}`,
      `$.dataset.path: expected a folder: ${join(dir, 'm.tflite')}`,
      expect.stringMatching(/^\$\.device: unknown QEMU board "no-such-board"/),
    ]);
  });

  it('fills defaults and makes paths absolute', () => {
    const s = parseScenario(
      { model: { path: 'm.tflite' }, dataset: { type: 'sine' }, metrics: { task: 'regression' } },
      dir,
    );
    expect(s.model.path).toBe(join(dir, 'm.tflite'));
    expect(s.device).toBe('host');
    expect(s.seed).toBe(0);
    expect(s.dataset).toMatchObject({ type: 'sine', count: 1000, min: 0, noise: 0 });
    expect(s.compile).toEqual({ backend: 'c', alignment: 16, options: {} });
    expect(s.metrics.topK).toEqual([1, 5]);
  });

  it('checks what only makes sense together', () => {
    expect(
      problems({
        model: { path: 'm.tflite' },
        dataset: { type: 'sine' },
        metrics: { task: 'classification' },
      }),
    ).toEqual(['$.metrics.task: the sine dataset is a regression set']);
    writeFileSync(join(dir, 'set.csv'), 'a,b\n');
    expect(
      problems({
        model: { path: 'm.tflite' },
        dataset: { type: 'csv', path: 'set.csv' },
        metrics: { task: 'regression' },
      }),
    ).toEqual(['$.dataset.targets: a regression CSV needs its target columns']);
  });

  it('accepts a project folder as device only when it is a tinyforge project', () => {
    mkdirSync(join(dir, 'not-a-project'), { recursive: true });
    const raw = { model: { path: 'm.tflite' }, dataset: { type: 'sine' }, metrics: { task: 'regression' } };
    expect(problems({ ...raw, device: 'not-a-project' })[0]).toMatch(
      /^\$\.device: .* is not a tinyforge project/,
    );
    expect(problems({ ...raw, device: 'nowhere' })[0]).toMatch(/^\$\.device: device "nowhere" is neither/);
  });

  it('reads JSON files and names what is wrong with them', () => {
    expect(() => loadScenario(join(dir, 'absent.json'))).toThrow(FileNotFoundError);
    writeFileSync(join(dir, 'bad.json'), '{ "model": ');
    expect(() => loadScenario(join(dir, 'bad.json'))).toThrow(/not valid JSON/);
    const ok = writeScenario(join(dir, 'ok.json'), {
      model: { path: 'm.tflite' },
      dataset: { type: 'sine', count: 5 },
      metrics: { task: 'regression' },
    });
    const loaded = loadScenario(ok);
    expect(loaded.path).toBe(ok);
    expect(loaded.raw).toMatchObject({ dataset: { count: 5 } });
  });

  it('publishes a JSON schema with every top-level field and the dataset kinds', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['model', 'dataset', 'compile', 'device', 'metrics', 'limit', 'seed', 'jobs']),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['model', 'dataset', 'metrics']));
    const kinds = JSON.stringify(schema.properties.dataset);
    for (const k of ['npz', 'npy', 'images', 'csv', 'sine']) expect(kinds).toContain(`"const":"${k}"`);
  });

  it('validates the shipped sine scenarios', () => {
    for (const f of ['scenario.json', 'scenario-native.json', 'scenario-qemu.json'])
      expect(loadScenario(join(REPO_ROOT, 'examples/sine', f)).scenario.metrics.task).toBe('regression');
  });

  it('writes JSON paths the way jq users read them', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['metrics', 'topK', 2])).toBe('$.metrics.topK[2]');
  });
});

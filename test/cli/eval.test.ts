/** `tinyforge eval`: the schema, a run that writes results.json, every scenario problem at once. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeScenario } from '../eval/fixtures.js';
import { runCli } from '../support/cli.js';
import { REPO_ROOT } from '../support/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'tf-cli-eval-'));
const SINE = join(REPO_ROOT, 'examples/sine');

describe('eval', () => {
  it('prints the scenario JSON schema', async () => {
    const r = await runCli('eval', '--schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.dataset.oneOf ?? schema.properties.dataset.anyOf).toHaveLength(5);
  });

  it('evaluates a scenario, prints a summary and writes results.json', async () => {
    const scenario = writeScenario(join(dir, 'sine.json'), {
      name: 'sine quick',
      model: { path: join(SINE, 'sine_int8.tflite'), reference: join(SINE, 'sine_float.tflite') },
      dataset: { type: 'sine', count: 50 },
      metrics: { task: 'regression' },
      jobs: 1,
    });
    const out = join(dir, 'results.json');
    const r = await runCli('eval', scenario, '-o', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^run: +sine quick$/m);
    expect(r.stdout).toMatch(/^samples: +50 of 50$/m);
    expect(r.stdout).toMatch(/^agreement with float: +\d+\.\d\d %$/m);
    expect(r.stdout).toContain(`results: ${out}`);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results).toMatchObject({
      format: 'tinyforge-eval-results/1',
      name: 'sine quick',
      dataset: { evaluated: 50 },
    });
    expect(results.tinyforgeVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lists every problem of a bad scenario and exits 2', async () => {
    const scenario = writeScenario(join(dir, 'bad.json'), {
      model: { path: 'nope.tflite' },
      dataset: { type: 'tfrecord' },
      metrics: {},
    });
    const r = await runCli('eval', scenario);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('3 problems');
    for (const p of ['$.dataset.type', '$.metrics.task', '$.model.path']) expect(r.stderr).toContain(p);
  });

  it('wants a scenario and a sane --jobs', async () => {
    expect((await runCli('eval')).stderr).toContain('eval needs a scenario file');
    const r = await runCli('eval', join(SINE, 'scenario.json'), '--jobs', '0', '-o', join(dir, 'x.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs takes a whole number >= 1');
  });
});

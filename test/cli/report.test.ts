/** `tinyforge report`: results files in, report.md / report.html / charts out. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeScenario } from '../eval/fixtures.js';
import { runCli } from '../support/cli.js';
import { REPO_ROOT } from '../support/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'tf-cli-report-'));

describe('report', () => {
  it('writes the report of an eval run', async () => {
    const scenario = writeScenario(join(dir, 'sine.json'), {
      model: { path: join(REPO_ROOT, 'examples/sine/sine_int8.tflite') },
      dataset: { type: 'sine', count: 20 },
      metrics: { task: 'regression' },
      jobs: 1,
    });
    const results = join(dir, 'results.json');
    expect((await runCli('eval', scenario, '-o', results)).code).toBe(0);
    const out = join(dir, 'report');
    const r = await runCli('report', results, '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${join(out, 'report.md')}\n${join(out, 'report.html')}\n4 charts in ${out}/charts\n`,
    );
    expect(existsSync(join(out, 'charts', 'latency.svg'))).toBe(true);
  });

  it('refuses a file that is not eval results', async () => {
    writeFileSync(join(dir, 'other.json'), '[]');
    const r = await runCli('report', join(dir, 'other.json'), '-o', join(dir, 'x'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a tinyforge eval results file');
    expect((await runCli('report', '-o', join(dir, 'x'))).code).toBe(2);
  });
});

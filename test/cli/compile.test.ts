/** `tinyforge compile`: directory layout, metadata and a deterministic archive. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { REPO_ROOT } from '../support/shared.js';

const SINE = join(REPO_ROOT, 'examples/sine/sine_int8.tflite');

describe('compile', () => {
  it('writes the MLF-like layout with metadata.json', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tf-compile-')), 'sine');
    const r = await runCli('compile', SINE, '-o', out, '--json');
    expect(r.code).toBe(0);
    for (const f of [
      'include/sine_int8.h',
      'src/sine_int8.c',
      'runtime/kernels/fully_connected.c',
      'runtime/quant.h',
      'sine_int8.tflite',
    ]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const meta = JSON.parse(readFileSync(join(out, 'metadata.json'), 'utf8'));
    expect(meta).toMatchObject({
      name: 'sine_int8',
      ops: ['FULLY_CONNECTED'],
      inputs: [{ dtype: 'int8', shape: [1, 1] }],
    });
    expect(meta.modelHash).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.memory.activationBytes).toBeGreaterThan(0);
  });

  it('--format archive is byte-identical run to run', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tf-compile-'));
    await runCli('compile', SINE, '-o', join(base, 'x'), '--format', 'archive', '--name', 'sine');
    const first = readFileSync(join(base, 'x.tar'));
    await runCli('compile', SINE, '-o', join(base, 'x'), '--format', 'archive', '--name', 'sine');
    expect(readFileSync(join(base, 'x.tar')).equals(first)).toBe(true);
    expect(first.subarray(0, 2).toString()).toBe('x/');
    expect(first.includes(Buffer.from('x/metadata.json'))).toBe(true);
  });

  it('refuses a --name that is not a C identifier', async () => {
    const r = await runCli('compile', SINE, '-o', join(tmpdir(), 'never'), '--name', '9lives');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a C identifier/);
  });
});

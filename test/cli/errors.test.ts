/** User mistakes end in exit code 2 and one line plus a hint — never a stack trace. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tinyforge-cli-'));

function expectUserError(r: { code: number; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines[0]).toMatch(pattern);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  if (lines.length === 2) expect(lines[1]).toMatch(/^hint: /);
}

describe('CLI user errors', () => {
  it('missing model path', async () => {
    expectUserError(
      await runCli('inspect', join(dir, 'nope.tflite')),
      /^error: model file not found: .*nope\.tflite$/,
    );
  });

  it('empty file', async () => {
    const p = join(dir, 'empty.tflite');
    writeFileSync(p, '');
    expectUserError(await runCli('inspect', p), /is empty/);
  });

  it('a PNG renamed .tflite', async () => {
    const p = join(dir, 'image.tflite');
    writeFileSync(
      p,
      Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
    );
    expectUserError(await runCli('inspect', p), /not a TensorFlow Lite file/);
  });

  it('a directory', async () => {
    expectUserError(await runCli('inspect', dir), /is a directory/);
  });

  it('unknown command and bad option', async () => {
    expect((await runCli('frobnicate')).code).toBe(2);
    expect((await runCli('inspect', '--frob', 'x')).code).toBe(2);
  });

  it('help exits 0', async () => {
    const r = await runCli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/inspect/);
  });
});

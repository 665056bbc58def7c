/** A custom platform from a template directory: the shipped example, over JSON-RPC on stdio. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCustomPlatform } from '../../../src/platforms/custom/platform.js';
import { runCli } from '../../support/cli.js';
import { REPO_ROOT } from '../../support/shared.js';
import { hostCcAvailable } from '../../support/toolchains.js';
import { tempDir } from '../fixtures/firmware.js';

const SINE = join(REPO_ROOT, 'examples/sine/sine_int8.tflite');
const EXAMPLE = join(REPO_ROOT, 'examples/custom-platform');
const HAVE_PYTHON = spawnSync('python3', ['--version']).status === 0;
const root = tempDir('custom-platform');
afterAll(() => root.remove());

async function runJson(...argv: string[]) {
  const r = await runCli('run', ...argv, '--json', '--seed', '5');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe.skipIf(!HAVE_PYTHON || !hostCcAvailable)('custom platform (examples/custom-platform)', () => {
  const dir = join(root.path, 'sine');

  it('lists the options its server reports', async () => {
    const r = await runCli('create-project', 'd', 'm', '--template-dir', EXAMPLE, '--list-options');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('host-process: example');
    expect(r.stdout).toMatch(/^opt\s+O0\|O1\|O2\|O3\s+O2/m);
  });

  it('create-project, build, flash and run give the host outputs', async () => {
    const made = await runCli('create-project', dir, SINE, '--template-dir', EXAMPLE, '--opt', 'O1');
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/platform:\s+host-process/);
    expect((await runCli('build', dir)).code).toBe(0);
    expect((await runCli('flash', dir)).stdout).toContain('copied build/device to flash/device');
    const micro = await runJson('--device', 'micro', dir, '--repeat', '3');
    expect(micro.outputs[0].values).toEqual((await runJson(SINE)).outputs[0].values);
  });

  it('a server error comes back as a typed error', async () => {
    const r = await runCli('build', dir, '-o', 'cc=/nonexistent/cc');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: build: ');
  });
});

describe('template directory checks', () => {
  it('needs an executable tinyforge-platform', async () => {
    const empty = join(root.path, 'empty');
    mkdirSync(empty, { recursive: true });
    await expect(openCustomPlatform(empty)).rejects.toThrow(/has no tinyforge-platform/);
    writeFileSync(join(empty, 'tinyforge-platform'), '#!/bin/sh\n');
    await expect(openCustomPlatform(empty)).rejects.toThrow(/is not executable/);
  });

  it('reports a server that answers info wrongly', async () => {
    const bad = join(root.path, 'bad');
    mkdirSync(bad, { recursive: true });
    const server = join(bad, 'tinyforge-platform');
    writeFileSync(
      server,
      '#!/bin/sh\nread line\necho \'{"jsonrpc":"2.0","id":1,"result":{"name":"Bad Name"}}\'\n',
    );
    chmodSync(server, 0o755);
    await expect(openCustomPlatform(bad)).rejects.toThrow(/info: name/);
  });
});

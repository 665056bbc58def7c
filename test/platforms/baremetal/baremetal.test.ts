/**
 * The baremetal platform end to end, with QEMU standing in for a real MPS2 board: the
 * firmware is built for a board described only by options, "flashed" by a user command, and
 * reached over a serial port (a pty, as a USB adapter would be) or a TCP bridge.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../src/qemu/tcp.js';
import { runCli } from '../../support/cli.js';
import { REPO_ROOT } from '../../support/shared.js';
import { HAVE_FIRMWARE_TOOLS, SKIP_REASON, tempDir } from '../fixtures/firmware.js';

const SINE = join(REPO_ROOT, 'examples/sine/sine_int8.tflite');
const HAVE_TOOLS = HAVE_FIRMWARE_TOOLS && spawnSync('cmake', ['--version']).status === 0;
const root = tempDir('baremetal');
afterAll(() => root.remove());

/** An MPS2 AN386 described as a generic board. */
const AN386 = [
  '--cpu',
  'cortex-m4',
  '--flash-size',
  '4M',
  '--ram-size',
  '4M',
  '--uart-base',
  '0x40004000',
  '--cpu-hz',
  '25000000',
];

/** Starts QEMU on the flashed image; resolves with the serial endpoint once it is up. */
function startBoard(elf: string, serial: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn('qemu-system-arm', [
    '-M',
    'mps2-an386',
    '-nographic',
    '-monitor',
    'none',
    '-serial',
    serial,
    '-kernel',
    elf,
  ]);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      output += b.toString();
      if (/\/dev\/pts\/\d+/.test(output) || !serial.startsWith('pty'))
        resolve({ child, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    if (!serial.startsWith('pty')) resolve({ child, output: () => output });
  });
}

async function runJson(...argv: string[]) {
  const r = await runCli('run', ...argv, '--json', '--seed', '11');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe.skipIf(!HAVE_TOOLS)(`baremetal platform${SKIP_REASON}`, () => {
  const dir = join(root.path, 'sine');

  it('a model too big for the board fails at build with required against available bytes', async () => {
    const small = join(root.path, 'small');
    const made = await runCli(
      'create-project',
      small,
      SINE,
      'baremetal',
      ...AN386.slice(0, 4),
      '--ram-size',
      '2K',
      ...AN386.slice(6),
    );
    expect(made.code).toBe(0);
    const r = await runCli('build', small);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /the model does not fit baremetal: RAM needs [\d,]+ bytes .*the board has 2,048 \([\d,]+ bytes short\)/,
    );
  });

  it('builds for options-only board and flashes with the user command', async () => {
    const flash = 'cp {elf} {project}/flashed.elf';
    expect(
      (await runCli('create-project', dir, SINE, 'baremetal', ...AN386, '-o', `flash-command=${flash}`)).code,
    ).toBe(0);
    const built = await runCli('build', dir);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/^RAM:\s+[\d,]+ of 4,194,304 bytes/m);
    const flashed = await runCli('flash', dir);
    expect(flashed.code).toBe(0);
    expect(flashed.stdout).toContain(`flashed with: cp '${dir}/build/firmware.elf'`);
    expect(existsSync(join(dir, 'flashed.elf'))).toBe(true);
  });

  it.skipIf(!existsSync('/dev/ptmx'))('runs over a serial port (pty) with the host outputs', async () => {
    const board = await startBoard(join(dir, 'flashed.elf'), 'pty');
    try {
      const pts = /\/dev\/pts\/\d+/.exec(board.output())![0];
      const micro = await runJson('--device', 'micro', dir, '--project-option', `serial=${pts}`);
      expect(micro.outputs[0].values).toEqual((await runJson(SINE)).outputs[0].values);
      expect(micro.stats.unit).toBe('cycles');
    } finally {
      board.child.kill('SIGKILL');
    }
  });

  it('runs over a TCP bridge (tcp:HOST:PORT)', async () => {
    const port = await freePort();
    const board = await startBoard(
      join(dir, 'flashed.elf'),
      `tcp:127.0.0.1:${port},server=on,wait=on,nodelay=on`,
    );
    try {
      const micro = await runJson(
        '--device',
        'micro',
        dir,
        '--project-option',
        `serial=tcp:127.0.0.1:${port}`,
      );
      expect(micro.outputs[0].values).toEqual((await runJson(SINE)).outputs[0].values);
    } finally {
      board.child.kill('SIGKILL');
    }
  });
});

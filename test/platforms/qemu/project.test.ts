/** create-project → build → flash → run --device micro on QEMU, through the CLI. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openMicro } from '../../../src/run/micro.js';
import { runCli } from '../../support/cli.js';
import { REPO_ROOT } from '../../support/shared.js';
import { HAVE_FIRMWARE_TOOLS, SKIP_REASON, tempDir } from '../fixtures/firmware.js';

const SINE = join(REPO_ROOT, 'examples/sine/sine_int8.tflite');
const HAVE_TOOLS = HAVE_FIRMWARE_TOOLS && spawnSync('cmake', ['--version']).status === 0;
const root = tempDir('qemu-project');
afterAll(() => root.remove());

const project = (dir: string) => JSON.parse(readFileSync(join(dir, 'tinyforge.json'), 'utf8'));

async function runJson(...argv: string[]) {
  const r = await runCli('run', ...argv, '--json', '--seed', '7');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe.skipIf(!HAVE_TOOLS)(`qemu platform project${SKIP_REASON}`, () => {
  const dir = join(root.path, 'sine-m4');

  it('create-project writes a CMake project and stores the options', async () => {
    const r = await runCli(
      'create-project',
      dir,
      SINE,
      'qemu',
      '--board',
      'mps2-an386',
      '-o',
      'counter=exact',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`tinyforge build ${dir}`);
    expect(project(dir)).toMatchObject({
      platform: 'qemu',
      options: { board: 'mps2-an386', counter: 'exact' },
    });
    for (const f of [
      'CMakeLists.txt',
      'cmake/arm-none-eabi.cmake',
      'cmake/board.cmake',
      'board.ld',
      'platform/app/tf_main.c',
      'model/src/model.c',
    ]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
  });

  it('refuses to overwrite a project without --force', async () => {
    const r = await runCli('create-project', dir, SINE, 'qemu', '--board', 'mps2-an386');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists');
    expect(r.stderr).toContain('--force');
  });

  it('build is warning-free and shows the firmware against the board', async () => {
    const r = await runCli('build', dir, '--verbose');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Linking C executable firmware.elf');
    expect(r.stderr).not.toMatch(/warning/i);
    expect(r.stdout).toMatch(/^flash:\s+[\d,]+ of 4,194,304 bytes/m);
    expect(r.stdout).toMatch(/^RAM:\s+[\d,]+ of 4,194,304 bytes/m);
    expect(r.stdout).toMatch(/^ {2}model arena:\s+[\d,]+ \(in bss/m);
  });

  it('run before flash says what to do', async () => {
    const r = await runCli('run', '--device', 'micro', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no flashed firmware');
    expect(r.stderr).toContain(`tinyforge flash ${dir}`);
  });

  it('flash stages the image for QEMU', async () => {
    const r = await runCli('flash', dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'flash/firmware.elf'))).toBe(true);
  });

  it('run --device micro gives the host outputs byte for byte, with instruction counts', async () => {
    const micro = await runJson('--device', 'micro', dir);
    const host = await runJson(SINE);
    expect(micro.outputs[0].values).toEqual(host.outputs[0].values);
    expect(micro.stats.unit).toBe('instructions');
    expect(micro.stats.perOp).toHaveLength(3);
  });

  it('exact counts repeat, and the -icount SysTick counts agree with them', async () => {
    const exact = await openMicro(dir);
    const icount = await openMicro(dir, { overrides: { counter: 'icount' } });
    try {
      const totals = async (s: typeof exact) => {
        const out: number[] = [];
        for (const x of [1, 1, 100]) {
          await s.setInput(0, new Uint8Array([x]));
          await s.invoke();
          out.push((await s.stats())!.total);
        }
        return out;
      };
      const [e, t] = [await totals(exact), await totals(icount)];
      expect(e[1]).toBe(e[0]);
      expect(Math.abs(t[0]! - e[0]!)).toBeLessThanOrEqual(0.1 * e[0]! + 200);
      expect((await exact.memory()).stackUsedBytes).toBeGreaterThan(0);
    } finally {
      await exact.close();
      await icount.close();
    }
  });

  it('-o at build overrides a stored option for that build only', async () => {
    const r = await runCli('build', dir, '-o', 'opt=Os');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'cmake/board.cmake'), 'utf8')).toContain('set(TF_OPT -Os)');
    expect(project(dir).options).toEqual({ board: 'mps2-an386', counter: 'exact' });
  });

  it('the board is fixed after create-project', async () => {
    const r = await runCli('build', dir, '--board', 'mps3-an547');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('option board cannot be changed at build');
  });

  it('create-project takes the archive of compile --format archive (M55)', async () => {
    const archive = join(root.path, 'sine-c');
    expect((await runCli('compile', SINE, '-o', archive, '--format', 'archive')).code).toBe(0);
    const m55 = join(root.path, 'sine-m55');
    expect(
      (await runCli('create-project', m55, `${archive}.tar`, 'qemu', '--board', 'mps3-an547')).code,
    ).toBe(0);
    expect((await runCli('build', m55)).code).toBe(0);
    expect((await runCli('flash', m55)).code).toBe(0);
    const micro = await runJson('--device', 'micro', m55, '--fill-mode', 'random');
    const host = await runJson(SINE, '--fill-mode', 'random');
    expect(micro.outputs[0].values).toEqual(host.outputs[0].values);
  });
});

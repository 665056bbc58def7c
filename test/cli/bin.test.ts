/** The installed entry point: `npm run build` output run as `node bin/tinyforge.js`, assets included. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared.js';
import { armGccAvailable, qemuAvailable } from '../support/toolchains.js';

const BIN = join(REPO_ROOT, 'bin/tinyforge.js');
const run = (...args: string[]) =>
  execFileSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

describe('bin/tinyforge.js (built)', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  }, 120_000);

  it('prints its version and inspects the example model', () => {
    expect(run('--version').trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(JSON.parse(run('inspect', 'examples/sine/sine_int8.tflite', '--json')).opCounts).toEqual({
      FULLY_CONNECTED: 3,
    });
  });

  it('exits 2 with one line and a hint for a missing model', () => {
    try {
      run('inspect', 'no-such.tflite');
      expect.unreachable();
    } catch (e) {
      const err = e as { status: number; stderr: string };
      expect(err.status).toBe(2);
      expect(err.stderr).toMatch(/^error: model file not found: no-such\.tflite\nhint: /);
    }
  });

  it.skipIf(!armGccAvailable || !qemuAvailable)(
    'runs the quick-start demo on QEMU Cortex-M4 from the built files',
    () => {
      const out = run('demo', 'sine', '--platform', 'qemu', '--board', 'mps2-an386', '--quiet');
      expect(out).toMatch(/device:\s+micro \(QEMU mps2-an386\)/);
      expect(Number(/max deviation:\s+([\d.]+)/.exec(out)![1])).toBeLessThan(0.2);
    },
  );
});

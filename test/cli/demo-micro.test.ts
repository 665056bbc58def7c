/** `tinyforge demo sine --platform qemu`: the README's quick start, as firmware on the M4. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { armGccAvailable, qemuAvailable } from '../support/toolchains.js';

const HAVE_TOOLS = armGccAvailable && qemuAvailable && spawnSync('cmake', ['--version']).status === 0;

describe.skipIf(!HAVE_TOOLS)('demo sine on QEMU', () => {
  it('runs all 360 degrees as firmware with the host results', async () => {
    const micro = await runCli('demo', 'sine', '--platform', 'qemu', '--board', 'mps2-an386', '--json');
    expect(micro.code).toBe(0);
    const host = await runCli('demo', 'sine', '--json');
    const m = JSON.parse(micro.stdout);
    const h = JSON.parse(host.stdout);
    expect(m.device).toBe('micro');
    expect(m.lines).toHaveLength(360);
    expect(m.lines.map((l: { model: number }) => l.model)).toEqual(
      h.lines.map((l: { model: number }) => l.model),
    );
  });

  it('--device micro picks the qemu platform; --board alone is refused', async () => {
    const r = await runCli('demo', 'sine', '--device', 'micro', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('micro (QEMU mps2-an386)');
    expect((await runCli('demo', 'sine', '--board', 'mps3-an547')).code).toBe(2);
  });
});

/** `tinyforge demo sine --platform trustzone [--check-isolation]` end to end under QEMU. */
import { describe, expect, it } from 'vitest';
import { HAVE_TZ_TOOLS, SKIP_REASON } from '../platforms/trustzone/support.js';
import { runCli } from '../support/cli.js';

describe('demo sine --check-isolation without trustzone', () => {
  it('is a usage error', async () => {
    const r = await runCli('demo', 'sine', '--check-isolation');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--check-isolation needs --platform trustzone');
  });
});

describe.skipIf(!HAVE_TZ_TOOLS)(`demo sine --platform trustzone${SKIP_REASON}`, () => {
  it('prints one [secure] inference line per degree and the summary', async () => {
    const r = await runCli('demo', 'sine', '--platform', 'trustzone');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('[secure] inference'));
    expect(lines).toHaveLength(360);
    expect(lines[30]).toMatch(
      /^\[secure\] inference [\d,]+ instructions {3}Model: sine of 30 deg is -?\d\.\d{4} {3}Math: 0\.5000 {3}Deviation: \d\.\d{4}$/,
    );
    expect(r.stdout).toContain('micro (trustzone, QEMU mps2-an521: model in the secure world)');
  });

  it('--check-isolation exits 0 after the non-secure read faulted', async () => {
    const r = await runCli('demo', 'sine', '--platform', 'trustzone', '--check-isolation');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/secure weights read: +faulted \(FAULT SecureFault .* from non-secure/);
    expect(r.stdout).toMatch(/input in secure RAM: +BAD_POINTER/);
    expect(r.stdout).toMatch(/verdict: +isolated/);
    const j = JSON.parse(
      (await runCli('demo', 'sine', '--platform', 'trustzone', '--check-isolation', '--json')).stdout,
    );
    expect(j).toMatchObject({ board: 'mps2-an521', readFaulted: true, pointersRefused: true, exitCode: 125 });
  });
});

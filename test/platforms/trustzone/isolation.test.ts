/**
 * The security tests, on both boards: the isolation probe (tf_tz_ns_probe.c) calls the secure
 * entries with pointers into secure memory — each must be refused with BAD_POINTER — then reads
 * the secure weights from the non-secure side, which must fault, with the firmware reporting the
 * SecureFault on the UART. A project whose entry skips the pointer check must be caught.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sineModelPath } from '../../../src/demo/sine.js';
import { buildProject, createProject, flashProject } from '../../../src/platforms/project.js';
import { BAD_POINTER, runIsolationProbe } from '../../../src/platforms/trustzone/probe.js';
import { HAVE_TZ_TOOLS, SKIP_REASON, trustZoneProject } from './support.js';

const FAULT_EXIT = 125;

describe.skipIf(!HAVE_TZ_TOOLS).each(['mps2-an521', 'mps2-an505'])(
  `isolation on %s${SKIP_REASON}`,
  (board) => {
    it('refuses secure pointers and faults on a non-secure read of the weights, reported over UART', async () => {
      const dir = await trustZoneProject(sineModelPath(), { board });
      const r = await runIsolationProbe(dir);
      expect(r.control, r.transcript).toEqual({ what: 'valid call', status: 0 });
      expect(r.attempts.map((a) => a.what)).toEqual([
        'input in secure flash (the weights)',
        'input in secure RAM',
        'output in secure RAM',
        'input crossing the end of non-secure RAM',
        'descriptors in secure RAM',
        'info written to secure RAM',
      ]);
      for (const a of r.attempts) expect(a.status, a.what).toBe(BAD_POINTER);
      expect(r.weightsAddress).toBeGreaterThanOrEqual(0x10000000);
      expect(r.weightsAddress).toBeLessThan(0x10400000);
      expect(r.fault).toMatch(
        /^FAULT SecureFault SFSR=00000008 \(AUVIOL\) CFSR=[0-9a-f]{8} HFSR=[0-9a-f]{8} from non-secure PC=8[0-9a-f]{7} LR=[0-9a-f]{8}$/,
      );
      expect(r.transcript).not.toContain('NOT ISOLATED');
      expect(r.exitCode).toBe(FAULT_EXIT);
    });
  },
);

describe.skipIf(!HAVE_TZ_TOOLS)(`the probe catches a missing check${SKIP_REASON}`, () => {
  const root = mkdtempSync(join(tmpdir(), 'tf-tz-broken-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports the secure pointers an entry without cmse_check_address_range accepts', async () => {
    const dir = join(root, 'p');
    await createProject({ dir, source: sineModelPath(), platform: 'trustzone' });
    const entry = join(dir, 'trustzone', 'tf_tz_entry.c');
    const source = readFileSync(entry, 'utf8');
    const broken = source.replace(
      'static int caller_can_read(const void *p, uint32_t size) {\n',
      'static int caller_can_read(const void *p, uint32_t size) {\n  if (size != 0u) return 1;\n',
    );
    expect(broken).not.toBe(source);
    writeFileSync(entry, broken);
    await buildProject(dir);
    await flashProject(dir);
    const r = await runIsolationProbe(dir);
    expect(r.pointersRefused).toBe(false);
    expect(r.attempts.find((a) => a.what === 'input in secure RAM')?.status).toBe(0);
    expect(r.readFaulted, 'the SAU still stops the direct read').toBe(true);
  });
});

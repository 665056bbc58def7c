/** Building a real TrustZone project: the split report, and a partition too small refused by ld's numbers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PlanError } from '../../../src/errors.js';
import { buildProject, createProject } from '../../../src/platforms/project.js';
import { HAVE_SHARED, MODELS_DIR } from '../../support/shared.js';
import { HAVE_TZ_TOOLS, SKIP_REASON } from './support.js';

const root = mkdtempSync(join(tmpdir(), 'tf-tz-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const AD01 = join(MODELS_DIR, 'ad01_int8.tflite');

describe.skipIf(!HAVE_TZ_TOOLS || !HAVE_SHARED)(`trustzone build${SKIP_REASON}`, () => {
  it('reports the secure / non-secure flash and RAM split; the weights are secure', async () => {
    const dir = join(root, 'ok');
    await createProject({ dir, source: AD01, platform: 'trustzone' });
    const r = await buildProject(dir);
    expect(r.image).toBe(join(dir, 'build/firmware.elf'));
    const byName = new Map(r.partitions!.map((p) => [p.name, p]));
    expect([...byName.keys()]).toEqual(['secure flash', 'secure RAM', 'non-secure flash', 'non-secure RAM']);
    const weights = Number(
      /weights ([\d,]+)/.exec(byName.get('secure flash')!.detail)![1]!.replace(/,/g, ''),
    );
    expect(weights).toBeGreaterThan(250_000);
    expect(byName.get('secure flash')!.used).toBeGreaterThan(weights);
    expect(byName.get('secure flash')!).toMatchObject({ origin: 0x10000000, size: 1024 * 1024 });
    expect(byName.get('non-secure flash')!.used, 'no weights on the non-secure side').toBeLessThan(16_384);
    for (const p of byName.values()) expect(p.used, p.name).toBeLessThanOrEqual(p.size);
  });

  it('refuses a secure flash partition too small for the weights, with the KiB it needs', async () => {
    const dir = join(root, 'small');
    await createProject({ dir, source: AD01, platform: 'trustzone', options: { 'secure-flash-kb': '128' } });
    const e = await buildProject(dir).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PlanError);
    const { message, hint } = e as PlanError;
    expect(message).toMatch(
      /^the secure flash partition is too small: the secure image needs [\d,]+ bytes, the partition has 131,072 \(secure-flash-kb=128\)$/,
    );
    const kb = Number(/-o secure-flash-kb=(\d+)/.exec(hint)![1]);
    expect(kb).toBeGreaterThan(270);
    expect(kb).toBeLessThan(300);
    // The advice is enough: the same project builds with it.
    const r = await buildProject(dir, { overrides: { 'secure-flash-kb': String(kb) } });
    expect(r.partitions![0]!.size).toBe(kb * 1024);
  });
});

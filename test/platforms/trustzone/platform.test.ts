/** create-project for the trustzone platform: the files, the options, the refusals (no toolchain). */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProject, readProject } from '../../../src/platforms/project.js';
import { PLATFORMS } from '../../../src/platforms/registry.js';
import { HAVE_SHARED, MODELS_DIR } from '../../support/shared.js';

const root = mkdtempSync(join(tmpdir(), 'tf-tz-project-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const model = join(MODELS_DIR, 'hello_world_int8.tflite');

describe.skipIf(!HAVE_SHARED)('trustzone create-project', () => {
  it('is a built-in platform', () => {
    expect(PLATFORMS.get('trustzone')?.options.map((o) => o.name)).toEqual(
      expect.arrayContaining(['board', 'secure-flash-kb', 'secure-ram-kb', 'ns-flash-kb', 'ns-ram-kb']),
    );
  });

  it('writes one CMake project for both images, with the layout from the options', async () => {
    const dir = join(root, 'a');
    await createProject({
      dir,
      source: model,
      platform: 'trustzone',
      options: { board: 'mps2-an505', 'secure-flash-kb': '512', 'ns-ram-kb': '64' },
    });
    for (const f of [
      'CMakeLists.txt',
      'cmake/arm-none-eabi.cmake',
      'cmake/board.cmake',
      'secure.ld',
      'nonsecure.ld',
      'config/tf_tz_layout.h',
      'platform/tf_startup.c',
      'trustzone/tf_tz_entry.c',
      'trustzone/tf_tz_ns_main.c',
      'trustzone/tf_tz_ns_probe.c',
      'secure/tf_secure_core.c',
      'model/src/tf_app_model.c',
    ])
      expect(existsSync(join(dir, f)), f).toBe(true);
    const layout = readFileSync(join(dir, 'config/tf_tz_layout.h'), 'utf8');
    expect(layout).toContain('#define TF_TZ_NSC_START 0x1007fc00u');
    expect(layout).toContain('#define TF_TZ_NS_RAM_SIZE 0x00010000u');
    expect(layout).toContain('#define TF_TZ_NS_MAX_TENSORS 2u');
    const cmake = readFileSync(join(dir, 'CMakeLists.txt'), 'utf8');
    expect(cmake).toContain('--cmse-implib,--out-implib=');
    expect(cmake).toContain('--in-implib=');
    expect(readFileSync(join(dir, 'cmake/board.cmake'), 'utf8')).toContain('"-mfloat-abi=hard"');
    expect(readProject(dir).options).toEqual({
      board: 'mps2-an505',
      'secure-flash-kb': 512,
      'ns-ram-kb': 64,
    });
  });

  it('refuses a layout the board cannot hold, and leaves nothing behind', async () => {
    const dir = join(root, 'b');
    await expect(
      createProject({ dir, source: model, platform: 'trustzone', options: { 'secure-ram-kb': '8192' } }),
    ).rejects.toThrow(/secure RAM partition of 8,192 KiB is outside 1\.\.4,096 KiB/);
    expect(existsSync(dir)).toBe(false);
  });
});

/** create-project ... tfm: the partition, its manifests and CMake checked structurally; TF-M builds it. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { buildProject, createProject } from '../../../src/platforms/project.js';
import { HAVE_SHARED, MODELS_DIR } from '../../support/shared.js';

const root = mkdtempSync(join(tmpdir(), 'tf-tfm-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** TF-M's manifests are YAML in JSON-compatible flow style; only the comments are not JSON. */
const readManifest = (path: string) => JSON.parse(readFileSync(path, 'utf8').replace(/^#.*$/gm, ''));

describe.skipIf(!HAVE_SHARED)('tfm export', () => {
  const dir = join(root, 'sfn');
  const created = createProject({
    dir,
    source: join(MODELS_DIR, 'hello_world_int8.tflite'),
    platform: 'tfm',
  });

  it('writes the partition, the client and a README', async () => {
    await created;
    for (const f of [
      'partition/CMakeLists.txt',
      'partition/tinyforge_manifest_list.yaml',
      'partition/tfm_tinyforge_partition.yaml',
      'partition/tinyforge_partition.cmake',
      'partition/tfm_tinyforge_service.c',
      'partition/tinyforge_service_api.h',
      'partition/secure/tf_secure_core.c',
      'client/tinyforge_client.c',
      'client/tinyforge_client.h',
      'client/tinyforge_service_api.h',
      'model/src/model.c',
      'README.md',
    ])
      expect(existsSync(join(dir, f)), f).toBe(true);
  });

  it('has an FF-M 1.1 SFN manifest with one stateless, non-secure-callable service', async () => {
    await created;
    const m = readManifest(join(dir, 'partition/tfm_tinyforge_partition.yaml'));
    expect(m).toMatchObject({
      psa_framework_version: 1.1,
      name: 'TFM_SP_TINYFORGE',
      type: 'APPLICATION-ROT',
      model: 'SFN',
      entry_init: 'tfm_tinyforge_init',
      stack_size: '0x1000',
    });
    expect(m.entry_point).toBeUndefined();
    expect(m.services).toEqual([
      {
        name: 'TFM_TINYFORGE_SERVICE',
        sid: '0x00001F00',
        non_secure_clients: true,
        connection_based: false,
        stateless_handle: 'auto',
        version: 1,
        version_policy: 'STRICT',
      },
    ]);
    const service = readFileSync(join(dir, 'partition/tfm_tinyforge_service.c'), 'utf8');
    expect(service).toContain('psa_status_t tfm_tinyforge_init(void)');
    expect(service, 'SFN name = lower-case service name + _sfn').toContain(
      'tfm_tinyforge_service_sfn(const psa_msg_t *msg)',
    );
  });

  it('has a manifest list and a CMake file that agree with each other and with TF-M naming', async () => {
    await created;
    const list = readManifest(join(dir, 'partition/tinyforge_manifest_list.yaml'));
    const [item] = list.manifest_list;
    expect(list.manifest_list).toHaveLength(1);
    expect(item).toMatchObject({
      manifest: 'tfm_tinyforge_partition.yaml',
      pid: 444,
      conditional: 'TFM_PARTITION_TINYFORGE',
    });
    expect(existsSync(join(dir, 'partition', item.manifest))).toBe(true);
    const cmake = readFileSync(join(dir, 'partition/CMakeLists.txt'), 'utf8');
    const library = /add_library\((tfm_app_rot_partition_\w+) STATIC\)/.exec(cmake)![1]!;
    const pattern = new RegExp(
      `^${item.linker_pattern.library_list[0].replace(/\./g, '\\.').replace(/\*/g, '.*')}$`,
    );
    expect(`lib${library}.a`).toMatch(pattern);
    const base = item.manifest.replace(/\.yaml$/, '');
    expect(cmake).toContain(`generated/${item.output_path}/auto_generated/intermedia_${base}.c`);
    expect(cmake).toContain(`generated/${item.output_path}/auto_generated/load_info_${base}.c`);
    expect(cmake).toContain(`if(NOT ${item.conditional})`);
    expect(cmake).toMatch(/include\(\$\{CMAKE_CURRENT_LIST_DIR\}\/tinyforge_partition\.cmake\)/);
    expect(cmake).toMatch(/FILTER TINYFORGE_MODEL_SOURCES EXCLUDE REGEX "\/runtime\/protocol\/"/);
  });

  it("puts this project's absolute paths into the README commands", async () => {
    await created;
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(
      `-DTFM_EXTRA_MANIFEST_LIST_FILES=${join(dir, 'partition', 'tinyforge_manifest_list.yaml')}`,
    );
    expect(readme).toContain(`-DTFM_EXTRA_PARTITION_PATHS=${join(dir, 'partition')}`);
    expect(readme).toContain('-DTFM_PARTITION_TINYFORGE=ON');
  });

  it('cannot be built here, and says where to build it', async () => {
    await created;
    const e = await buildProject(dir).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).hint).toContain('README.md');
  });

  it('writes an IPC partition on request, and checks its options', async () => {
    const ipc = join(root, 'ipc');
    const source = join(MODELS_DIR, 'hello_world_int8.tflite');
    await createProject({
      dir: ipc,
      source,
      platform: 'tfm',
      options: { 'partition-model': 'IPC', sid: '0xABC01000', pid: '300', 'stack-size': '8192' },
    });
    const m = readManifest(join(ipc, 'partition/tfm_tinyforge_partition.yaml'));
    expect(m).toMatchObject({ model: 'IPC', entry_point: 'tfm_tinyforge_main', stack_size: '0x2000' });
    expect(m.services[0].sid).toBe('0xABC01000');
    expect(readManifest(join(ipc, 'partition/tinyforge_manifest_list.yaml')).manifest_list[0].pid).toBe(300);
    expect(readFileSync(join(ipc, 'partition/tinyforge_partition.cmake'), 'utf8')).toContain(
      'target_compile_definitions(tfm_app_rot_partition_tinyforge PRIVATE TINYFORGE_PARTITION_IPC)',
    );
    const bad = (options: Record<string, string>) =>
      createProject({ dir: join(root, 'bad'), source, platform: 'tfm', options });
    await expect(bad({ pid: '12' })).rejects.toThrow(/pid: 12 is outside 256\.\.2999/);
    await expect(bad({ sid: 'twelve' })).rejects.toThrow(/sid: expected a hex number/);
    await expect(bad({ 'stack-size': '100' })).rejects.toThrow(/multiple of 8/);
  });
});

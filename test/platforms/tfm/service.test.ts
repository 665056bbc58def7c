/**
 * The TF-M partition's service on the host: the generated client, the PSA service and the
 * shared request core, linked with the generated model and a stand-in SPM
 * (fixtures/spm_harness.c, fixtures/psa/). The valid call must reproduce the golden outputs
 * byte for byte; every malformed request must be refused before a byte is read.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createProject } from '../../../src/platforms/project.js';
import { compileHostC, hasCompiler } from '../../support/c-build.js';
import { HAVE_SHARED, loadCase, sharedModels } from '../../support/shared.js';
import { armGccAvailable, clangAvailable, hostCcAvailable } from '../../support/toolchains.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const STRICT = ['-std=c99', '-Wall', '-Wextra', '-Werror'];
const PSA = { SUCCESS: 0, GENERIC_ERROR: -132, NOT_SUPPORTED: -134, INVALID_ARGUMENT: -135, BAD_STATE: -137 };
const root = mkdtempSync(join(tmpdir(), 'tf-tfm-service-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function includeDirs(dir: string): string[] {
  const model = join(dir, 'model');
  return [
    FIXTURES,
    join(dir, 'partition'),
    join(dir, 'partition', 'secure'),
    join(dir, 'client'),
    join(model, 'include'),
    join(model, 'runtime'),
    join(model, 'runtime', 'app'),
    join(model, 'runtime', 'protocol'),
  ];
}

function sources(dir: string): string[] {
  const model = join(dir, 'model');
  return [
    join(FIXTURES, 'spm_harness.c'),
    join(dir, 'partition', 'tfm_tinyforge_service.c'),
    join(dir, 'partition', 'secure', 'tf_secure_core.c'),
    join(dir, 'client', 'tinyforge_client.c'),
    join(model, 'src', 'model.c'),
    join(model, 'src', 'tf_app_model.c'),
    join(model, 'runtime', 'kernels', 'fully_connected.c'),
  ];
}

/** "name status reads writes" lines, and the output hex. */
function parse(stdout: string): { rows: Map<string, number[]>; output: string } {
  const rows = new Map<string, number[]>();
  let output = '';
  for (const line of stdout.trim().split('\n')) {
    const [name, ...rest] = line.split(' ');
    if (name === 'output') output = rest[0] ?? '';
    else rows.set(name!, rest.map(Number));
  }
  return { rows, output };
}

const models = sharedModels().filter((m) => ['hello_world_int8', 'ad01_int8'].includes(m.name));

describe.skipIf(!HAVE_SHARED || !hostCcAvailable).each(models)(
  'TF-M service of $name on the host',
  (model) => {
    const dir = join(root, model.name);
    const created = createProject({ dir, source: model.path, platform: 'tfm' });

    it('runs the golden cases through client → SPM → service, byte for byte', async () => {
      await created;
      const exe = await compileHostC({
        sources: sources(dir),
        includeDirs: includeDirs(dir),
        flags: [...STRICT, '-O1'],
        out: 'spm_harness',
      });
      for (const caseName of model.cases) {
        const gc = loadCase(model, caseName);
        const input = gc.inputs.get(model.inputs[0]!.name)!.data;
        const { rows, output } = parse(execFileSync(exe, { input }).toString());
        expect(rows.get('client-invoke'), caseName).toEqual([PSA.SUCCESS, 1, 1]);
        const expected = Buffer.from(gc.outputs.get(model.outputs[0]!.name)!.data).toString('hex');
        expect(output, caseName).toBe(expected);
      }
    });

    it('refuses every malformed request before reading a byte', async () => {
      await created;
      const exe = await compileHostC({
        sources: sources(dir),
        includeDirs: includeDirs(dir),
        flags: [...STRICT, '-O1'],
        out: 'spm_harness',
      });
      const input = new Uint8Array(model.inputs[0]!.shape.reduce((a, b) => a * b, 1));
      const { rows } = parse(execFileSync(exe, { input }).toString());
      expect(rows.get('before-init')).toEqual([PSA.BAD_STATE, 0, 0]);
      for (const name of [
        'input-too-long',
        'output-too-long',
        'extra-input',
        'extra-output',
        'no-input',
        'no-output',
      ])
        expect(rows.get(name), name).toEqual([PSA.INVALID_ARGUMENT, 0, 0]);
      expect(rows.get('unknown-type')).toEqual([PSA.NOT_SUPPORTED, 0, 0]);
      expect(rows.get('connect')).toEqual([PSA.SUCCESS, 0, 0]);
      expect(rows.get('client-reset')).toEqual([PSA.SUCCESS]);
      expect(rows.get('client-example')).toEqual([PSA.SUCCESS]);
    });
  },
);

describe.skipIf(!HAVE_SHARED)('TF-M service sources compile cleanly', () => {
  const dir = join(root, 'compile');
  const created = createProject({
    dir,
    source: models.find((m) => m.name === 'hello_world_int8')?.path ?? '',
    platform: 'tfm',
  });
  const compilers: [string, boolean, string[]][] = [
    ['gcc', hostCcAvailable, []],
    ['clang', clangAvailable, []],
    ['arm-none-eabi-gcc', armGccAvailable, ['-mthumb', '-mcpu=cortex-m33', '--specs=picolibc.specs']],
  ];
  for (const [cc, available, target] of compilers) {
    it.skipIf(!available)(`${cc}: SFN and IPC service, client`, async () => {
      await created;
      expect(await hasCompiler(cc)).toBe(true);
      const files = [
        join(dir, 'partition', 'tfm_tinyforge_service.c'),
        join(dir, 'client', 'tinyforge_client.c'),
        join(dir, 'partition', 'secure', 'tf_secure_core.c'),
      ];
      for (const ipc of [false, true]) {
        for (const file of files) {
          await compileHostC({
            cc,
            sources: [file],
            includeDirs: includeDirs(dir),
            defines: ipc ? ['TINYFORGE_PARTITION_IPC'] : [],
            flags: [...target, ...STRICT, '-O2'],
            compileOnly: true,
            out: 'unit.o',
          });
        }
      }
    });
  }
});

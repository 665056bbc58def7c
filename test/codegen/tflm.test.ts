/** The TFLM export: deterministic files, exact resolver, arrays that round-trip, valid C++. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTflm, writeTflmExport } from '../../src/codegen/tflm/export.js';
import { measureArena } from '../../src/codegen/tflm/probe.js';
import { registrationMethod, registrations } from '../../src/codegen/tflm/resolver.js';
import { loadModel } from '../../src/graph/load.js';
import { readOfflinePlan } from '../../src/planner/offline-plan.js';
import { readModel } from '../../src/tflite/reader.js';
import { runCli } from '../support/cli.js';
import { HAVE_SHARED, REPO_ROOT, sharedModels } from '../support/shared.js';
import { hostCcAvailable } from '../support/toolchains.js';

const SINE = join(REPO_ROOT, 'examples/sine/sine_int8.tflite');
const STUB = join(REPO_ROOT, 'test/fixtures/tflm-stub');

function parseHexArray(cc: string): Uint8Array {
  const body = cc.slice(cc.indexOf('= {') + 3, cc.indexOf('};'));
  return Uint8Array.from(body.match(/0x[0-9a-f]{2}/g)!.map((h) => Number.parseInt(h, 16)));
}

describe('TFLM export', () => {
  const opts = { name: 'sine', seed: 3 };

  it('is deterministic and matches the committed snapshot', async () => {
    const a = exportTflm(loadModel(SINE), opts);
    const b = exportTflm(loadModel(SINE), opts);
    expect(a.files).toEqual(b.files);
    await expect(a.files['main.cc']).toMatchFileSnapshot('__snapshots__/tflm-sine-main.cc');
    await expect(a.files['model_ops.h']).toMatchFileSnapshot('__snapshots__/tflm-sine-model_ops.h');
    await expect(a.files['input_data.h']).toMatchFileSnapshot('__snapshots__/tflm-sine-input_data.h');
  });

  it('model array round-trips to the model with the offline plan embedded', () => {
    const e = exportTflm(loadModel(SINE), opts);
    const bytes = parseHexArray(e.files['model_data.cc']);
    expect(Buffer.from(bytes).equals(Buffer.from(e.modelBytes))).toBe(true);
    expect(e.files['model_data.cc']).toMatch(new RegExp(`g_model_data_len = ${bytes.length};`));
    const model = readModel(bytes);
    const plan = readOfflinePlan(model);
    expect(plan?.offsets.length).toBe(model.subgraphs[0].tensors.length);
    expect(e.files['model_data.cc']).toMatch(/^alignas\(16\) const unsigned char g_model_data\[\] = \{$/m);
  });

  it('section and alignment options reach model_data.cc; --continuous places I/O buffers in sections', () => {
    const e = exportTflm(loadModel(SINE), {
      ...opts,
      alignment: 32,
      modelSection: '.model',
      continuous: true,
      inputSection: '.in_buf',
      outputSection: '.out_buf',
    });
    expect(e.files['model_data.cc']).toMatch(
      /alignas\(32\) const unsigned char g_model_data\[\] __attribute__\(\(section\("\.model"\)\)\)/,
    );
    expect(e.files['main.cc']).toMatch(/g_input_buffer_0\[1\] __attribute__\(\(section\("\.in_buf"\)\)\)/);
    expect(e.files['main.cc']).toMatch(/while \(!g_input_ready\)/);
  });

  it('input and expected output headers hold the interpreter values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-tflm-'));
    const r = await runCli('compile', '--backend', 'tflm', SINE, '-o', dir, '--seed', '3', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.files.sort()).toEqual([
      'CMakeLists.txt',
      'expected_output_data.h',
      'input_data.h',
      'main.cc',
      'model_data.cc',
      'model_data.h',
      'model_ops.h',
    ]);
    expect(j.arena.method).toBe('estimate');
    expect(readFileSync(join(dir, 'expected_output_data.h'), 'utf8')).toMatch(
      /static const int8_t g_expected_output_0\[1\] = \{\n {2}-?\d+\n\};/,
    );
  });

  it.skipIf(!HAVE_SHARED)('resolver lists exactly each shared model ops (Ethos-U custom op included)', () => {
    for (const m of sharedModels().filter((x) => !x.name.startsWith('seanet/'))) {
      const g = loadModel(m.path).graph;
      const regs = registrations(g);
      expect(regs.map((r) => r.opcode).sort()).toEqual(Object.keys(m.opCounts).sort());
      if (m.opCounts['CUSTOM:ethos-u']) expect(regs[0].call).toBe('AddEthosU()');
    }
    expect(registrationMethod('UNIDIRECTIONAL_SEQUENCE_LSTM')).toBe('AddUnidirectionalSequenceLSTM');
    expect(registrationMethod('RESIZE_NEAREST_NEIGHBOR')).toBe('AddResizeNearestNeighbor');
  });

  it.skipIf(!hostCcAvailable)('main.cc and model_data.cc compile as C++17 against the TFLM API', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-tflm-'));
    writeTflmExport(dir, exportTflm(loadModel(SINE), opts));
    for (const f of ['main.cc', 'model_data.cc'])
      execFileSync('g++', [
        '-std=c++17',
        '-Wall',
        '-Werror',
        '-fsyntax-only',
        `-I${dir}`,
        `-I${STUB}`,
        join(dir, f),
      ]);
    writeTflmExport(dir, exportTflm(loadModel(SINE), { ...opts, continuous: true }));
    execFileSync('g++', [
      '-std=c++17',
      '-Wall',
      '-Werror',
      '-fsyntax-only',
      `-I${dir}`,
      `-I${STUB}`,
      join(dir, 'main.cc'),
    ]);
  });

  it('--tflm-dir that is not a TFLM checkout is a clear error', async () => {
    await expect(measureArena(tmpdir(), new Uint8Array(), [])).rejects.toThrow(/not a tflite-micro checkout/);
  });
});

describe.skipIf(!HAVE_SHARED)('TFLM arena estimate', () => {
  // With the offline plan embedded TFLM's head is tinyforge's plan; the tail is TFLM's own.
  it('persistent tail covers what TFLM used on every shared model (x86-64), within 15% + 1 KiB', () => {
    for (const m of sharedModels().filter((x) => x.tflm)) {
      const e = exportTflm(loadModel(m.path), { name: 'm', seed: 0 });
      const used = m.tflm!.persistent_bytes;
      expect(e.arena.persistentBytes, m.name).toBeGreaterThanOrEqual(used);
      expect(e.arena.persistentBytes, m.name).toBeLessThanOrEqual(used * 1.15 + 1024);
      expect(e.arena.arenaBytes).toBe(e.arena.headBytes + e.arena.persistentBytes);
    }
  });
});

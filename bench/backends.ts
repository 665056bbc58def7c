/**
 * Interpreter and native-C speed (inferences per second, median of several runs) and the
 * generated code size for Cortex-M4 (arm-none-eabi-gcc -Os), per shared model.
 * Run: npx tsx bench/backends.ts  →  bench/RESULTS.md
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C_EMITTERS } from '../src/codegen/c/ops/registry.js';
import { compileModel } from '../src/codegen/compile.js';
import { loadModel } from '../src/graph/load.js';
import { Interpreter } from '../src/interpreter/interpreter.js';
import { findKernel } from '../src/kernels/registry.js';
import { openNative } from '../src/run/native.js';
import { benchModels, markdownTable, median, writeResults } from './common.js';

const RUNS = 5;

function timeInterpreter(path: string): number {
  const { graph } = loadModel(path);
  const interp = new Interpreter(graph);
  interp.invoke();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    interp.invoke();
    times.push(performance.now() - t0);
  }
  return 1000 / median(times);
}

async function timeNative(path: string): Promise<number> {
  const s = await openNative(path);
  try {
    await s.invoke();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await s.invoke();
      times.push(performance.now() - t0);
    }
    return 1000 / median(times);
  } finally {
    await s.close();
  }
}

interface Sizes {
  text: number;
  rodata: number;
  data: number;
  bss: number;
}

/** Section sizes of the generated model + kernels compiled for Cortex-M4 (-Os), objects only. */
function m4Sizes(path: string): Sizes | null {
  const dir = mkdtempSync(join(tmpdir(), 'tf-bench-'));
  const c = compileModel(loadModel(path), dir, { name: 'model' });
  const sizes: Sizes = { text: 0, rodata: 0, data: 0, bss: 0 };
  for (const src of c.cSources) {
    const obj = join(dir, `${src.replace(/[/.]/g, '_')}.o`);
    execFileSync('arm-none-eabi-gcc', [
      ...[
        '-std=c99',
        '-Os',
        '-mcpu=cortex-m4',
        '-mthumb',
        '-mfloat-abi=hard',
        '-mfpu=fpv4-sp-d16',
        '-ffunction-sections',
        '-fdata-sections',
      ],
      ...c.includeDirs.map((d) => `-I${join(dir, d)}`),
      '-c',
      join(dir, src),
      '-o',
      obj,
    ]);
    const out = execFileSync('arm-none-eabi-size', ['-A', obj], { encoding: 'utf8' });
    for (const line of out.split('\n')) {
      const [name, size] = line.trim().split(/\s+/);
      const n = Number(size);
      if (!name || !Number.isFinite(n)) continue;
      if (name.startsWith('.text')) sizes.text += n;
      else if (name.startsWith('.rodata')) sizes.rodata += n;
      else if (name.startsWith('.data')) sizes.data += n;
      else if (name.startsWith('.bss')) sizes.bss += n;
    }
  }
  return sizes;
}

function hasArmGcc(): boolean {
  try {
    execFileSync('arm-none-eabi-gcc', ['--version']);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const rows: (string | number)[][] = [];
  const sizeRows: (string | number)[][] = [];
  const arm = hasArmGcc();
  for (const m of benchModels()) {
    const { graph } = loadModel(m.path);
    const unsupported = graph.ops.filter((o) => !findKernel(o.opcode)).map((o) => o.opcode);
    if (unsupported.length) {
      rows.push([m.name, 'n/a', 'n/a', 'n/a']);
      continue;
    }
    const ts = timeInterpreter(m.path);
    const noC = graph.ops
      .filter((o) => findKernel(o.opcode)?.alias !== 'view' && !C_EMITTERS.has(o.opcode))
      .map((o) => o.opcode);
    if (noC.length) {
      rows.push([m.name, ts, `n/a (no C kernel: ${[...new Set(noC)].join(', ')})`, '']);
      continue;
    }
    const native = await timeNative(m.path);
    rows.push([m.name, ts, native, `${(native / ts).toFixed(1)}x`]);
    if (arm) {
      const s = m4Sizes(m.path)!;
      sizeRows.push([m.name, s.text, s.rodata, s.data, s.bss]);
    }
    process.stderr.write(`bench: ${m.name} done\n`);
  }
  const body = [
    '## Inferences per second (median of 5 invokes after a warm-up; native includes the stdin/stdout protocol round trip, ~0.1 ms)',
    '',
    markdownTable(['model', 'TS interpreter', 'native C (-O2)', 'native / TS'], rows),
    '',
    '## Generated code for Cortex-M4 (arm-none-eabi-gcc 12 -Os, model + kernels, object files, bytes)',
    '',
    arm
      ? markdownTable(['model', '.text', '.rodata (weights + constants)', '.data', '.bss'], sizeRows)
      : 'arm-none-eabi-gcc not installed',
  ].join('\n');
  writeResults('RESULTS.md', 'Backend benchmarks', body);
}

await main();

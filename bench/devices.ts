/**
 * The generated firmware on every QEMU board, per shared model: flash (code + weights +
 * constants), RAM (stack + data + bss, the arena inside bss) and the exact instructions of
 * one inference (QEMU's counting plugin around invoke, firmware built without per-op hooks),
 * on the golden case1 input — the method of ../shared/models/ANCHORS.md, whose TFLM figures
 * stand beside ours on the M4 and M55.
 * Run: npx tsx bench/devices.ts  →  bench/DEVICES.md
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { C_EMITTERS } from '../src/codegen/c/ops/registry.js';
import { PlanError, UnsupportedOperatorError } from '../src/errors.js';
import { loadModel } from '../src/graph/load.js';
import { parseNpz } from '../src/io/npy.js';
import { findKernel } from '../src/kernels/registry.js';
import { cachedProject } from '../src/platforms/cached-project.js';
import { qemuBoard, qemuBoards } from '../src/platforms/common/boards.js';
import { FIRMWARE_ELF } from '../src/platforms/common/firmware-project.js';
import { type SizeReport, sizeReport } from '../src/platforms/common/size-report.js';
import { openMicro } from '../src/run/micro.js';
import { type BenchModel, benchModels, MODELS, markdownTable, writeResults } from './common.js';

const GOLDEN = join(MODELS, '../golden');
/** ANCHORS.md columns: TFLM reference and TFLM + CMSIS-NN instructions, per board. */
const ANCHOR_TABLES: Record<string, string> = { 'mps2-an386': 'Cortex-M4', 'mps3-an547': 'Cortex-M55' };

interface Measured {
  size: SizeReport;
  arena: number;
  stackUsed: number;
  instructions: number;
}

type Cell = Measured | { note: string };

function missingKernels(path: string): string[] {
  const { graph } = loadModel(path);
  const ops = graph.ops.filter((op) => !C_EMITTERS.has(op.opcode) && findKernel(op.opcode)?.alias !== 'view');
  return [...new Set(ops.map((op) => op.opcode))];
}

function goldenInputs(model: BenchModel, names: string[]): Map<number, Uint8Array> {
  const file = join(GOLDEN, model.name, 'case1.inputs.npz');
  const out = new Map<number, Uint8Array>();
  if (!existsSync(file)) return out;
  const arrays = parseNpz(new Uint8Array(readFileSync(file)));
  names.forEach((n, i) => {
    const a = arrays.get(n);
    if (a) out.set(i, a.data);
  });
  return out;
}

async function measure(model: BenchModel, board: string): Promise<Cell> {
  let dir: string;
  try {
    dir = await cachedProject({
      source: model.path,
      platform: 'qemu',
      options: { board, counter: 'exact', profile: false },
    });
  } catch (e) {
    if (e instanceof PlanError) return { note: 'does not fit' };
    if (e instanceof UnsupportedOperatorError) return { note: 'no C kernel' };
    throw e;
  }
  const session = await openMicro(dir);
  try {
    const inputs = goldenInputs(
      model,
      session.inputs.map((s) => s.name),
    );
    for (const spec of session.inputs) {
      await session.setInput(spec.index, inputs.get(spec.index) ?? new Uint8Array(spec.bytes));
    }
    await session.invoke();
    const stats = await session.stats();
    const memory = await session.memory();
    return {
      size: await sizeReport(join(dir, FIRMWARE_ELF), qemuBoard(board)),
      arena: memory.arenaBytes,
      stackUsed: memory.stackUsedBytes,
      instructions: stats?.total ?? 0,
    };
  } finally {
    await session.close();
  }
}

/** model → [TFLM reference, TFLM + CMSIS-NN] instructions, from the anchors table of a core. */
function anchors(core: string): Map<string, [string, string]> {
  const file = join(MODELS, 'ANCHORS.md');
  const out = new Map<string, [string, string]>();
  if (!existsSync(file)) return out;
  const text = readFileSync(file, 'utf8');
  // The M4 figures are the first table; the M55 ones follow their own heading.
  const section = core === 'Cortex-M4' ? 0 : text.indexOf('## Cortex-M55');
  const table = section < 0 ? -1 : text.indexOf('| model |', section);
  if (table < 0) return out;
  for (const line of text.slice(table).split('\n').slice(2)) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4) break;
    out.set(cells[1]!, [cells[2]!, cells[3]!]);
  }
  return out;
}

const num = (n: number) => n.toLocaleString('en-US');

function boardTable(board: string, rows: [BenchModel, Cell][]): string {
  const core = ANCHOR_TABLES[board];
  const tflm = core ? anchors(core) : new Map<string, [string, string]>();
  const header = [
    'model',
    'flash B (text + data)',
    'RAM B (stack + data + bss)',
    'arena B',
    'stack used B',
    'instructions',
  ];
  if (core) header.push('TFLM ref / CMSIS-NN instructions');
  const body = rows.map(([m, c]) => {
    const anchor = tflm.get(m.name)?.join(' / ') ?? '';
    if ('note' in c) return [m.name, c.note, '', '', '', '', ...(core ? [anchor] : [])];
    const s = c.size;
    return [
      m.name,
      num(s.flashBytes),
      `${num(s.ramBytes)} (${num(s.stack)} + ${num(s.data)} + ${num(s.bss)})`,
      num(c.arena),
      num(c.stackUsed),
      num(c.instructions),
      ...(core ? [anchor] : []),
    ];
  });
  const b = qemuBoard(board);
  return `## ${board} (${b.cpu}, ${num(b.flash.size)} B flash, ${num(b.ram.size)} B RAM)\n\n${markdownTable(header, body)}`;
}

async function main(): Promise<void> {
  const models = benchModels();
  const sections: string[] = [];
  for (const board of qemuBoards().keys()) {
    const rows: [BenchModel, Cell][] = [];
    for (const model of models) {
      const missing = missingKernels(model.path);
      const cell = missing.length
        ? { note: `n/a (no C kernel: ${missing.join(', ')})` }
        : await measure(model, board);
      process.stderr.write(
        `${board} ${model.name}: ${'note' in cell ? cell.note : num(cell.instructions)}\n`,
      );
      rows.push([model, cell]);
    }
    sections.push(boardTable(board, rows));
  }
  const method =
    'Firmware: `tinyforge create-project … qemu -o board=B -o profile=false`, arm-none-eabi-gcc -O2, ' +
    'picolibc string.h only. Flash = .text (code, weights, constants) + .data image; RAM = the main ' +
    'stack reserved + .data + .bss (the model arena and its I/O buffers live in .bss); stack used = the ' +
    "painted stack's high-water mark after the invoke. Instructions = QEMU plugin's exact count " +
    'between the markers around one invoke on the golden case1 input (instructions, not cycles).';
  writeResults('DEVICES.md', 'Firmware on the QEMU boards', `${method}\n\n${sections.join('\n\n')}`);
}

await main();

/** `tinyforge plan MODEL.tflite` — exact RAM figures, the planners compared, a picture, a TFLM plan. */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { Graph } from '../graph/graph.js';
import { loadModel } from '../graph/load.js';
import { embedOfflinePlan } from '../planner/offline-plan.js';
import { type OpMemory, opMemoryFromKernels } from '../planner/op-memory.js';
import { DEFAULT_ALIGNMENT, plan } from '../planner/plan.js';
import { DEFAULT_PLANNER, PLANNERS } from '../planner/planners.js';
import { planSvg } from '../planner/svg.js';
import type { PlannerName, PlanResult } from '../planner/types.js';
import { type CliIO, json, keyValues, paint, processIO, table } from './io.js';

interface PlanFlags {
  json?: boolean;
  planner: PlannerName;
  svg?: string;
  embed?: string;
  alignment: string;
  ioInArena?: boolean;
  allowUnsupported?: boolean;
}

interface PlannerRun {
  planner: PlannerName;
  arenaBytes: number;
  ratio: number;
  ms: number;
}

function alignmentOf(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || (n & (n - 1)) !== 0)
    throw new UsageError(`--alignment takes a power of two (1, 2, 4, 8, 16, ...), got "${v}"`);
  return n;
}

function writeOut(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw new UsageError(
      `cannot write ${path}: ${(e as Error).message}`,
      'check that the folder exists and is writable',
    );
  }
}

const ratio = (p: { arenaBytes: number; lowerBoundBytes: number }) =>
  p.lowerBoundBytes === 0 ? 1 : p.arenaBytes / p.lowerBoundBytes;

/** Every planner on the same liveness; wall time is for the reader, never asserted. */
function comparePlanners(graph: Graph, opMemory: readonly OpMemory[], base: PlanFlags): PlannerRun[] {
  return (Object.keys(PLANNERS) as PlannerName[]).map((planner) => {
    const t0 = performance.now();
    const p = plan(graph, {
      planner,
      opMemory,
      alignment: alignmentOf(base.alignment),
      ioInArena: base.ioInArena,
    });
    return { planner, arenaBytes: p.arenaBytes, ratio: ratio(p), ms: performance.now() - t0 };
  });
}

function summary(p: PlanResult, other: PlanResult): [string, number | string][] {
  const io = p.ioInArena ? ' (in the arena)' : ' (app-owned)';
  const otherWay = other.ioInArena ? 'total RAM with --io-in-arena' : 'total RAM with app-owned IO';
  return [
    ['input bytes', `${p.inputBytes.toLocaleString('en-US')}${io}`],
    ['output bytes', `${p.outputBytes.toLocaleString('en-US')}${io}`],
    ['activation arena bytes', p.arenaBytes],
    ['scratch bytes', `${p.scratchBytes.toLocaleString('en-US')} (largest per op, inside the arena)`],
    ['persistent bytes', p.persistentBytes],
    ['total RAM bytes', p.totalRamBytes],
    [otherWay, other.totalRamBytes],
    ['lower bound bytes', p.lowerBoundBytes],
    ['plan / bound', ratio(p).toFixed(3)],
  ];
}

function peakText(graph: Graph, p: PlanResult): string {
  if (p.peak.step < 0) return 'no activations: nothing is live at any step\n';
  const head = `Peak at step ${p.peak.step}: op #${p.peak.opIndex} ${p.peak.opcode}, ${p.peak.bytes.toLocaleString('en-US')} bytes live (scratch ${p.peak.scratchBytes})\n`;
  const rows = p.peak.liveTensors.map((t) => {
    const pt = p.tensors.find((x) => x.index === t)!;
    return [t, graph.tensors[t].name, pt.bytes, pt.offset, `${pt.firstOp}..${pt.lastOp}`];
  });
  return head + table(['#', 'tensor', 'bytes', 'offset', 'steps'], rows);
}

function formatPlan(graph: Graph, p: PlanResult, other: PlanResult, runs: PlannerRun[], io: CliIO): string {
  const warn =
    p.unpreparedOps.length > 0
      ? `${paint(io, 'yellow', `warning: no kernel prepares ops ${p.unpreparedOps.map((i) => `#${i}`).join(', ')}; their scratch is unknown (counted as 0)`)}\n`
      : '';
  const comparison = table(
    ['planner', 'arena bytes', 'plan / bound', 'ms'],
    runs.map((r) => [
      r.planner === p.planner ? `${r.planner} *` : r.planner,
      r.arenaBytes,
      r.ratio.toFixed(3),
      r.ms,
    ]),
  );
  return [
    warn + paint(io, 'bold', `Memory plan (planner ${p.planner}, alignment ${p.alignment})`),
    keyValues(summary(p, other)),
    paint(io, 'bold', 'Planners'),
    comparison,
    paint(io, 'bold', 'Peak'),
    peakText(graph, p),
  ].join('\n');
}

function runPlan(modelPath: string, flags: PlanFlags, io: CliIO): void {
  const alignment = alignmentOf(flags.alignment);
  const { model, graph } = loadModel(modelPath);
  const opMemory = opMemoryFromKernels(graph, flags.allowUnsupported);
  const p = plan(graph, { planner: flags.planner, alignment, ioInArena: flags.ioInArena, opMemory });
  const runs = comparePlanners(graph, opMemory, flags);
  const other = plan(graph, { planner: flags.planner, alignment, ioInArena: !p.ioInArena, opMemory });
  const files: Record<string, string> = {};
  if (flags.svg) {
    writeOut(flags.svg, planSvg(graph, p, basename(modelPath)));
    files.svg = flags.svg;
  }
  if (flags.embed) {
    // TFLM's offline plan covers inputs and outputs too: they sit in its arena.
    writeOut(flags.embed, embedOfflinePlan(model, p.ioInArena ? p : other, graph.subgraph));
    files.embed = flags.embed;
  }
  if (flags.json) {
    const alternative = {
      ioInArena: other.ioInArena,
      arenaBytes: other.arenaBytes,
      totalRamBytes: other.totalRamBytes,
    };
    json(io, { model: modelPath, ...p, alternative, comparison: runs, files });
    return;
  }
  io.out(formatPlan(graph, p, other, runs, io));
  for (const [kind, path] of Object.entries(files))
    io.out(`wrote ${kind === 'svg' ? 'layout picture' : 'model with offline plan'}: ${path}\n`);
}

export function registerPlanCommand(program: Command, io: CliIO = processIO): void {
  program
    .command('plan')
    .description(
      'plan tensor memory: exact input, output, arena, scratch and persistent bytes before anything runs',
    )
    .argument('<model>', '.tflite model file')
    .option('--json', 'print one JSON object')
    .addOption(
      new Option('--planner <name>', 'placement algorithm')
        .choices(Object.keys(PLANNERS))
        .default(DEFAULT_PLANNER),
    )
    .option('--svg <file>', 'write the memory layout as an SVG picture')
    .option(
      '--embed <out>',
      "write a copy of the model with the plan as TFLM's OfflineMemoryAllocation metadata",
    )
    .option('--alignment <n>', 'byte alignment of every buffer', String(DEFAULT_ALIGNMENT))
    .option('--io-in-arena', 'place graph inputs and outputs in the arena instead of app-owned buffers')
    .option('--allow-unsupported', 'plan ops no kernel runs yet, with their scratch unknown')
    .action((modelPath: string, flags: PlanFlags) => runPlan(modelPath, flags, io));
}

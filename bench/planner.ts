/**
 * Memory planner benchmark: every shared model through every planner, against TFLM's planned
 * (non-persistent) arena and the lower bound, plus planning time on synthetic 200-op models.
 * Writes bench/PLANNER.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph, type Graph } from '../src/graph/graph.js';
import { loadModel } from '../src/graph/load.js';
import { type OpMemory, opMemoryFromKernels } from '../src/planner/op-memory.js';
import { plan } from '../src/planner/plan.js';
import { PLANNERS } from '../src/planner/planners.js';
import type { PlannerName, PlanResult } from '../src/planner/types.js';
import { ModelBuilder } from '../src/tflite/model-builder.js';
import { readModel } from '../src/tflite/reader.js';
import { MODELS, markdownTable, median, writeResults } from './common.js';

const NAMES = Object.keys(PLANNERS) as PlannerName[];
const RUNS = 5;

interface Entry {
  name: string;
  path: string;
  tflm: number | null;
}

function entries(): Entry[] {
  const m = JSON.parse(readFileSync(join(MODELS, 'MANIFEST.json'), 'utf8')) as Record<
    string,
    Record<string, { file: string; tflm: { nonpersistent_bytes: number } | null }>
  >;
  const main = Object.entries(m.models).map(([name, e]) => ({
    name,
    path: join(MODELS, e.file),
    tflm: e.tflm,
  }));
  const seanet = Object.entries(m.seanet ?? {}).map(([name, e]) => ({
    name: `seanet/${name}`,
    path: join(MODELS, e.file.includes('/') ? e.file : `seanet/${e.file}`),
    tflm: e.tflm,
  }));
  return [...main, ...seanet].map((e) => ({ ...e, tflm: e.tflm?.nonpersistent_bytes ?? null }));
}

interface Timed {
  result: PlanResult;
  ms: number;
}

function timed(graph: Graph, planner: PlannerName, opMemory: readonly OpMemory[], ioInArena: boolean): Timed {
  const times: number[] = [];
  let result: PlanResult | null = null;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = plan(graph, { planner, opMemory, ioInArena });
    times.push(performance.now() - t0);
  }
  return { result: result!, ms: median(times) };
}

interface Row {
  entry: Entry;
  runs: Record<PlannerName, Timed>;
  appOwned: PlanResult;
  unprepared: string[];
}

function measure(entry: Entry): Row {
  const { graph } = loadModel(entry.path);
  const opMemory = opMemoryFromKernels(graph, true);
  const runs = Object.fromEntries(NAMES.map((n) => [n, timed(graph, n, opMemory, true)])) as Row['runs'];
  return {
    entry,
    runs,
    appOwned: plan(graph, { opMemory }),
    unprepared: [...new Set(opMemory.flatMap((m, i) => (m.prepared ? [] : [graph.ops[i].opcode])))],
  };
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${(((a - b) / b) * 100).toFixed(1)}%`);

function tflmTable(rows: Row[]): string {
  const header = [
    'model',
    'TFLM',
    ...NAMES,
    'lower bound',
    'default vs bound',
    'default vs TFLM',
    'ms (gs/gc/ls)',
  ];
  return markdownTable(
    header,
    rows.map(({ entry, runs }) => {
      const d = runs['local-search'].result;
      return [
        entry.name,
        entry.tflm ?? '-',
        ...NAMES.map((n) => runs[n].result.arenaBytes),
        d.lowerBoundBytes,
        pct(d.arenaBytes, d.lowerBoundBytes),
        entry.tflm === null ? '-' : pct(d.arenaBytes, entry.tflm),
        NAMES.map((n) => runs[n].ms.toFixed(2)).join(' / '),
      ];
    }),
  );
}

function appOwnedTable(rows: Row[]): string {
  return markdownTable(
    ['model', 'arena', 'inputs', 'outputs', 'persistent', 'scratch', 'total RAM', 'total, IO in arena'],
    rows.map(({ runs, entry, appOwned: p }) => [
      entry.name,
      p.arenaBytes,
      p.inputBytes,
      p.outputBytes,
      p.persistentBytes,
      p.scratchBytes,
      p.totalRamBytes,
      runs['local-search'].result.totalRamBytes,
    ]),
  );
}

/** Where the default misses a target, and the reason the numbers give. */
function notes(rows: Row[]): string[] {
  const out: string[] = [];
  for (const { entry, runs, unprepared } of rows) {
    const d = runs['local-search'].result;
    if (entry.tflm !== null && d.arenaBytes > entry.tflm)
      out.push(`- ${entry.name}: arena ${d.arenaBytes} > TFLM ${entry.tflm}.`);
    if (d.arenaBytes > d.lowerBoundBytes * 1.02)
      out.push(`- ${entry.name}: ${pct(d.arenaBytes, d.lowerBoundBytes)} over the lower bound.`);
    if (unprepared.length > 0)
      out.push(
        `- ${entry.name}: no kernel prepares ${unprepared.join(', ')}; their scratch is counted as 0.`,
      );
  }
  return out;
}

const Q = { scale: 0.5, zeroPoint: 0 };

function synthetic(b: ModelBuilder): { graph: Graph; opMemory: OpMemory[] } {
  const graph = buildGraph(readModel(b.build()));
  const opMemory = graph.ops.map((op) => ({
    alias: op.opcode === 'ADD' ? ('in-place' as const) : null,
    scratchBytes: op.index % 7 === 0 ? 256 : 0,
    prepared: true,
  }));
  return { graph, opMemory };
}

/** U-Net shaped: every encoder output is read again by its mirror decoder layer. */
function uNet(ops: number): ModelBuilder {
  const b = new ModelBuilder();
  const t = (n: number) => b.addTensor({ dtype: 'int8', shape: [1, n], quant: Q });
  let x = b.addInput({ dtype: 'int8', shape: [1, 256], quant: Q });
  const saved: number[] = [];
  for (let i = 0; i < ops / 2; i++) {
    const y = t(64 + ((i * 53) % 11) * 32);
    b.addOperator('FULLY_CONNECTED', [x], [y]);
    saved.push(y);
    x = y;
  }
  for (let i = 0; i < ops / 2; i++) {
    const skip = saved[ops / 2 - 1 - i];
    const y = t(b.toModel().subgraphs[0].tensors[skip].shape[1]);
    b.addOperator(i % 2 ? 'ADD' : 'FULLY_CONNECTED', i % 2 ? [skip, x] : [x], [y]);
    x = y;
  }
  b.markOutputs(x);
  return b;
}

/** Dense shortcuts: each layer also reads one of the 24 before it, sizes all over the place. */
function dense(ops: number): ModelBuilder {
  const b = new ModelBuilder();
  const all = [b.addInput({ dtype: 'int8', shape: [1, 128], quant: Q })];
  for (let i = 0; i < ops; i++) {
    const back = all[Math.max(0, all.length - 1 - ((i * 7919) % 24))];
    const y = b.addTensor({ dtype: 'int8', shape: [1, 32 * (1 + ((i * 2654435761) % 29))], quant: Q });
    b.addOperator('ADD', [all[all.length - 1], back], [y]);
    all.push(y);
  }
  b.markOutputs(all[all.length - 1]);
  return b;
}

function syntheticTable(): string {
  const rows = [
    ['U-Net, 200 ops', uNet(200)],
    ['dense shortcuts, 200 ops', dense(200)],
  ] as const;
  return markdownTable(
    ['model', 'planner', 'arena', 'lower bound', 'vs bound', 'ms (median of 5)'],
    rows.flatMap(([name, builder]) => {
      const { graph, opMemory } = synthetic(builder);
      return NAMES.map((n) => {
        const t = timed(graph, n, opMemory, false);
        const r = t.result;
        return [
          name,
          n,
          r.arenaBytes,
          r.lowerBoundBytes,
          pct(r.arenaBytes, r.lowerBoundBytes),
          t.ms.toFixed(1),
        ];
      });
    }),
  );
}

function main(): void {
  const rows = entries().map(measure);
  const main = rows.filter((r) => !r.entry.name.startsWith('seanet/'));
  const seanet = rows.filter((r) => r.entry.name.startsWith('seanet/'));
  const issues = notes(rows);
  const body = [
    '## Like for like with TFLM',
    'Inputs and outputs in the arena (as TFLM places them), scratch included; bytes of the planned head.',
    "`TFLM` is `nonpersistent_bytes` from shared/models/MANIFEST.json (TFLM's GreedyMemoryPlanner on x86-64).",
    '',
    tflmTable(main),
    '',
    '## Default layout (inputs and outputs app-owned)',
    'App-owned inputs and outputs cannot share memory with activations, so the last column (the first',
    "table's layout) is usually smaller: pick per application (see docs/planner.md).",
    '',
    appOwnedTable(main),
    '',
    '## Planning time on synthetic 200-op models (long lifetimes)',
    '',
    syntheticTable(),
    '',
    '## SEANet single-op models (like for like with TFLM)',
    '',
    tflmTable(seanet),
    '',
    '## Targets',
    issues.length === 0
      ? 'Every model: default arena <= TFLM and within 2% of the lower bound; every op prepared by a kernel.'
      : issues.join('\n'),
  ].join('\n');
  writeResults('PLANNER.md', 'Memory planner', body);
  process.stdout.write(`${issues.length} notes; wrote bench/PLANNER.md\n`);
}

main();

/**
 * `plan(graph, options)`: exact input, output, arena, scratch and persistent sizes and an offset
 * for every tensor, before anything runs. Every plan is checked before it is returned.
 */
import { PlanError } from '../errors.js';
import type { Graph } from '../graph/graph.js';
import { checkPlacement, simulatePlan } from './check.js';
import { analyzeLiveness, type Liveness } from './lifetimes.js';
import { type OpMemory, opMemoryFromKernels } from './op-memory.js';
import { alignUp, lowerBound } from './placement.js';
import { DEFAULT_PLANNER, plannerByName } from './planners.js';
import type {
  PlanBuffer,
  PlannedScratch,
  PlannedTensor,
  PlannerName,
  PlanPeak,
  PlanResult,
} from './types.js';

export interface PlanOptions {
  /** Byte alignment of every offset and size in the arena (default 16, as TFLM). */
  alignment?: number;
  planner?: PlannerName;
  /** Place graph inputs and outputs in the arena instead of leaving them to the app. */
  ioInArena?: boolean;
  /** Alias kinds and scratch per op index; default: prepared by the registered kernels. */
  opMemory?: readonly OpMemory[];
  /** Plan around ops no kernel prepares (unknown scratch) instead of throwing. */
  lenient?: boolean;
}

export const DEFAULT_ALIGNMENT = 16;

function buffersOf(live: Liveness): PlanBuffer[] {
  return [
    ...live.groups.map((g) => ({ bytes: g.bytes, first: g.first, last: g.last })),
    ...live.scratch.map((s) => ({ bytes: s.bytes, first: s.step, last: s.step })),
  ];
}

function uniqueBytes(
  graph: Graph,
  indices: readonly number[],
  skip: ReadonlySet<number> = new Set(),
): number {
  return [...new Set(indices)].filter((t) => !skip.has(t)).reduce((s, t) => s + graph.tensors[t].bytes, 0);
}

function peakOf(graph: Graph, live: Liveness, step: number, bytes: number): PlanPeak {
  if (step < 0) return { step: -1, opIndex: -1, opcode: '', liveTensors: [], scratchBytes: 0, bytes: 0 };
  const opIndex = graph.order[step];
  const liveTensors = live.root.flatMap((r, t) =>
    r >= 0 && live.first[t] <= step && step <= live.last[t] ? [t] : [],
  );
  const scratchBytes = live.scratch.find((s) => s.step === step)?.bytes ?? 0;
  return { step, opIndex, opcode: graph.ops[opIndex].opcode, liveTensors, scratchBytes, bytes };
}

function tensorTable(graph: Graph, live: Liveness, offsets: number[]): PlannedTensor[] {
  return graph.tensors.flatMap((t, i) => {
    const cls = live.classes[i];
    if (cls === 'constant') return [];
    const home = live.home[i] >= 0 ? live.home[i] : live.root[i];
    return [
      {
        index: i,
        name: t.name,
        class: cls,
        offset: offsets[i],
        bytes: t.bytes,
        firstOp: live.first[i],
        lastOp: live.last[i],
        aliasOf: home >= 0 && home !== i ? home : -1,
      },
    ];
  });
}

function validateOptions(alignment: number): void {
  if (!Number.isInteger(alignment) || alignment < 1)
    throw new PlanError(`alignment must be a positive integer, got ${alignment}`, 'use e.g. 4, 8 or 16');
}

function place(name: PlannerName, buffers: PlanBuffer[], alignment: number): number[] {
  const placed = plannerByName(name).place(buffers, alignment);
  const bad = checkPlacement(buffers, placed, alignment);
  if (bad.length > 0)
    throw new PlanError(`planner ${name} made an invalid plan: ${bad.slice(0, 3).join('; ')}`);
  return placed;
}

/** Tensor offsets from the placed buffers; variables go in the persistent tail after the arena. */
function layout(graph: Graph, live: Liveness, placed: number[], arenaBytes: number, alignment: number) {
  const offsets = graph.tensors.map(() => -1);
  live.groups.forEach((g, k) => {
    for (const m of g.members) offsets[m] = placed[k];
  });
  let persistentBytes = 0;
  for (const v of live.variables) {
    offsets[v] = arenaBytes + persistentBytes;
    persistentBytes += alignUp(graph.tensors[v].bytes, alignment);
  }
  const scratch: PlannedScratch[] = live.scratch.map((s, k) => ({
    ...s,
    offset: placed[live.groups.length + k],
    bytes: alignUp(s.bytes, alignment),
  }));
  return { offsets, persistentBytes, scratch };
}

export function plan(graph: Graph, options: PlanOptions = {}): PlanResult {
  const alignment = options.alignment ?? DEFAULT_ALIGNMENT;
  validateOptions(alignment);
  const name = options.planner ?? DEFAULT_PLANNER;
  const opMemory = options.opMemory ?? opMemoryFromKernels(graph, options.lenient);
  const ioInArena = options.ioInArena ?? false;
  const live = analyzeLiveness(graph, opMemory, ioInArena);
  const buffers = buffersOf(live);
  const placed = place(name, buffers, alignment);
  const arenaBytes = buffers.reduce((m, b, i) => Math.max(m, placed[i] + alignUp(b.bytes, alignment)), 0);
  const { offsets, persistentBytes, scratch } = layout(graph, live, placed, arenaBytes, alignment);
  const bound = lowerBound(buffers, alignment);
  const inputBytes = uniqueBytes(graph, graph.inputs);
  const appOwned = ioInArena ? 0 : inputBytes + uniqueBytes(graph, graph.outputs, new Set(graph.inputs));
  const result: PlanResult = {
    planner: name,
    alignment,
    ioInArena,
    offsets,
    arenaBytes,
    persistentBytes,
    scratchBytes: scratch.reduce((m, s) => Math.max(m, s.bytes), 0),
    inputBytes,
    outputBytes: uniqueBytes(graph, graph.outputs),
    lowerBoundBytes: bound.bytes,
    totalRamBytes: arenaBytes + persistentBytes + appOwned,
    tensors: tensorTable(graph, live, offsets),
    scratch,
    peak: peakOf(graph, live, bound.step, bound.bytes),
    unpreparedOps: opMemory.flatMap((m, i) => (m.prepared ? [] : [i])),
  };
  const wrong = simulatePlan(graph, result, opMemory);
  if (wrong.length > 0)
    throw new PlanError(`plan by ${name} fails simulation: ${wrong.slice(0, 3).join('; ')}`);
  return result;
}

/**
 * Validity checkers. `checkPlacement` works on plain buffers: aligned, and no two buffers that
 * are live at the same step overlap. `simulatePlan` runs the graph over the planned memory with
 * one token per value and reports every read that finds someone else's bytes, independent of
 * how the plan was made: a wrong lifetime or a wrong alias shows up as a clobbered input.
 */
import type { Graph, GraphOp } from '../graph/graph.js';
import type { OpMemory } from './op-memory.js';
import { alignUp, conflictLists } from './placement.js';
import { resolveOffsets } from './resolve.js';
import type { PlanBuffer, PlannedScratch, PlanResult } from './types.js';

export function checkPlacement(
  buffers: readonly PlanBuffer[],
  offsets: readonly number[],
  alignment: number,
): string[] {
  const errors: string[] = [];
  if (offsets.length !== buffers.length) return [`${offsets.length} offsets for ${buffers.length} buffers`];
  offsets.forEach((o, i) => {
    if (!Number.isInteger(o) || o < 0 || o % alignment !== 0)
      errors.push(`buffer ${i}: offset ${o} is not a non-negative multiple of ${alignment}`);
  });
  conflictLists(buffers).forEach((list, a) => {
    for (const b of list) {
      if (b < a || buffers[a].bytes === 0 || buffers[b].bytes === 0) continue;
      if (offsets[a] < offsets[b] + buffers[b].bytes && offsets[b] < offsets[a] + buffers[a].bytes)
        errors.push(`buffers ${a} and ${b} are live together and overlap`);
    }
  });
  return errors;
}

const GARBAGE = -1;

class Memory {
  readonly cells: Int32Array;
  constructor(
    bytes: number,
    readonly alignment: number,
  ) {
    this.cells = new Int32Array(Math.ceil(bytes / alignment)).fill(GARBAGE);
  }
  private range(offset: number, bytes: number): [number, number] {
    return [offset / this.alignment, alignUp(offset + bytes, this.alignment) / this.alignment];
  }
  write(offset: number, bytes: number, token: number): void {
    const [a, b] = this.range(offset, bytes);
    this.cells.fill(token, a, b);
  }
  holds(offset: number, bytes: number, token: number): boolean {
    const [a, b] = this.range(offset, bytes);
    for (let c = a; c < b; c++) if (this.cells[c] !== token) return false;
    return true;
  }
}

function overlaps(a: number, an: number, b: number, bn: number): boolean {
  return an > 0 && bn > 0 && a < b + bn && b < a + an;
}

function checkLayout(graph: Graph, plan: PlanResult, at: readonly number[], errors: string[]): void {
  const total = plan.arenaBytes + plan.persistentBytes;
  for (const t of plan.tensors) {
    const o = plan.offsets[t.index];
    if (t.bytes > 0 && t.firstOp >= 0 && t.class !== 'unused' && at[t.index] < 0)
      errors.push(`tensor #${t.index} "${t.name}" has no memory`);
    if (o < 0) continue;
    const lo = t.class === 'variable' ? plan.arenaBytes : 0;
    const hi = t.class === 'variable' ? total : plan.arenaBytes;
    if (o % plan.alignment !== 0)
      errors.push(`tensor #${t.index}: offset ${o} is not aligned to ${plan.alignment}`);
    if (o < lo || o + graph.tensors[t.index].bytes > hi)
      errors.push(`tensor #${t.index}: [${o}, ${o + t.bytes}) is outside its region [${lo}, ${hi})`);
  }
  for (const s of plan.scratch)
    if (s.offset < 0 || s.offset % plan.alignment !== 0 || s.offset + s.bytes > plan.arenaBytes)
      errors.push(
        `scratch of op #${s.opIndex}: [${s.offset}, ${s.offset + s.bytes}) is not inside the arena`,
      );
}

/**
 * An output may share an input's bytes only as output 0 where the kernel declares an alias: a
 * view over exactly input 0, or in place over inputs read in its own element order (same shape).
 */
function sharesLegally(graph: Graph, at: readonly number[], op: GraphOp, mem: OpMemory, x: number): boolean {
  const y = op.outputs[0];
  const [tx, ty] = [graph.tensors[x], graph.tensors[y]];
  if (mem.alias === null || at[x] !== at[y] || tx.bytes !== ty.bytes) return false;
  if (mem.alias === 'view') return x === op.inputs[0];
  return tx.shape.length === ty.shape.length && tx.shape.every((d, i) => d === ty.shape[i]);
}

function checkWrites(
  graph: Graph,
  at: readonly number[],
  op: GraphOp,
  mem: OpMemory,
  errors: string[],
): void {
  const size = (t: number) => graph.tensors[t].bytes;
  const written = [...op.outputs, ...op.intermediates].filter((t) => t >= 0 && at[t] >= 0);
  for (const [k, y] of written.entries()) {
    for (const x of op.inputs) {
      // x === y: a kernel updating its own state tensor, not a clash.
      if (x < 0 || x === y || at[x] < 0 || !overlaps(at[x], size(x), at[y], size(y))) continue;
      if (k !== 0 || y !== op.outputs[0] || !sharesLegally(graph, at, op, mem, x))
        errors.push(`op #${op.index} ${op.opcode}: output #${y} overwrites input #${x}`);
    }
    for (const z of written.slice(k + 1))
      if (overlaps(at[z], size(z), at[y], size(y)))
        errors.push(`op #${op.index} ${op.opcode}: outputs #${y} and #${z} overlap`);
  }
}

/** Runs one op over the memory: scratch, reads, writes. */
function step(sim: Simulation, opIndex: number, mem: OpMemory, scratch: PlannedScratch | undefined): void {
  const { graph, at, memory, token } = sim;
  const op = graph.ops[opIndex];
  const scratchToken = -2 - opIndex;
  if (scratch) memory.write(scratch.offset, scratch.bytes, scratchToken);
  // A tensor nobody writes is op-owned working memory: its bytes matter only during the op.
  for (const x of op.inputs)
    if (sim.placed(x) && graph.tensors[x].producer < 0 && !graph.tensors[x].isInput) sim.put(x);
  for (const x of op.inputs) sim.intact(x, `before op #${opIndex} ${op.opcode} reads it`);
  checkWrites(graph, at, op, mem, sim.errors);
  const [x, y] = [op.inputs[0], op.outputs[0]];
  // A view in place copies its input onto itself: the same value under a second name.
  if (mem.alias === 'view' && sim.placed(x) && sim.placed(y) && at[x] === at[y]) token[y] = token[x];
  for (const t of [...op.outputs, ...op.intermediates]) if (sim.placed(t)) sim.put(t);
  if (scratch && !memory.holds(scratch.offset, scratch.bytes, scratchToken))
    sim.errors.push(`scratch of op #${opIndex} ${op.opcode} overlaps its outputs`);
}

class Simulation {
  readonly errors: string[] = [];
  readonly memory: Memory;
  readonly token: number[];
  constructor(
    readonly graph: Graph,
    readonly at: readonly number[],
    bytes: number,
    alignment: number,
  ) {
    this.memory = new Memory(bytes, alignment);
    this.token = graph.tensors.map((_, i) => i);
  }
  placed(t: number): boolean {
    return t >= 0 && this.at[t] >= 0;
  }
  put(t: number): void {
    this.memory.write(this.at[t], this.graph.tensors[t].bytes, this.token[t]);
  }
  intact(t: number, when: string): void {
    if (this.placed(t) && !this.memory.holds(this.at[t], this.graph.tensors[t].bytes, this.token[t]))
      this.errors.push(`tensor #${t} "${this.graph.tensors[t].name}" was overwritten ${when}`);
  }
}

/** Runs the graph over the plan's memory, app-owned inputs and outputs included. */
export function simulatePlan(graph: Graph, plan: PlanResult, opMemory: readonly OpMemory[]): string[] {
  const resolved = resolveOffsets(plan);
  const layoutErrors: string[] = [];
  checkLayout(graph, plan, resolved.offsets, layoutErrors);
  if (layoutErrors.length > 0) return layoutErrors;
  const sim = new Simulation(graph, resolved.offsets, resolved.bytes, plan.alignment);
  graph.tensors.forEach((t, i) => {
    if (sim.placed(i) && (t.isInput || t.isVariable)) sim.put(i);
  });
  const scratchOf = new Map(plan.scratch.map((s) => [s.opIndex, s]));
  for (const opIndex of graph.order) step(sim, opIndex, opMemory[opIndex], scratchOf.get(opIndex));
  for (const t of graph.outputs) sim.intact(t, 'before the app reads the outputs');
  return sim.errors;
}

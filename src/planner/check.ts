/**
 * Validity checkers. `checkPlacement` works on plain buffers: aligned, and no two buffers that
 * are live at the same step overlap. `simulatePlan` runs the graph over the planned memory with
 * one token per value and reports every read that finds someone else's bytes, independent of
 * how the plan was made: a wrong lifetime or a wrong alias shows up as a clobbered input.
 */
import type { Graph, GraphOp } from '../graph/graph.js';
import type { OpMemory } from './op-memory.js';
import { alignUp, conflictLists } from './placement.js';
import type { PlanBuffer, PlanResult } from './types.js';

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

function checkLayout(graph: Graph, plan: PlanResult, errors: string[]): void {
  const total = plan.arenaBytes + plan.persistentBytes;
  for (const t of plan.tensors) {
    const o = plan.offsets[t.index];
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
function sharesLegally(graph: Graph, plan: PlanResult, op: GraphOp, mem: OpMemory, x: number): boolean {
  const y = op.outputs[0];
  const [tx, ty] = [graph.tensors[x], graph.tensors[y]];
  if (mem.alias === null || plan.offsets[x] !== plan.offsets[y] || tx.bytes !== ty.bytes) return false;
  if (mem.alias === 'view') return x === op.inputs[0];
  return tx.shape.length === ty.shape.length && tx.shape.every((d, i) => d === ty.shape[i]);
}

function checkWrites(graph: Graph, plan: PlanResult, op: GraphOp, mem: OpMemory, errors: string[]): void {
  const at = (t: number) => plan.offsets[t];
  const size = (t: number) => graph.tensors[t].bytes;
  const written = [...op.outputs, ...op.intermediates].filter((t) => t >= 0 && at(t) >= 0);
  for (const [k, y] of written.entries()) {
    for (const x of op.inputs) {
      // x === y: a kernel updating its own state tensor, not a clash.
      if (x < 0 || x === y || at(x) < 0 || !overlaps(at(x), size(x), at(y), size(y))) continue;
      if (k !== 0 || y !== op.outputs[0] || !sharesLegally(graph, plan, op, mem, x))
        errors.push(`op #${op.index} ${op.opcode}: output #${y} overwrites input #${x}`);
    }
    for (const z of written.slice(k + 1))
      if (overlaps(at(z), size(z), at(y), size(y)))
        errors.push(`op #${op.index} ${op.opcode}: outputs #${y} and #${z} overlap`);
  }
}

export function simulatePlan(graph: Graph, plan: PlanResult, opMemory: readonly OpMemory[]): string[] {
  const errors: string[] = [];
  checkLayout(graph, plan, errors);
  if (errors.length > 0) return errors;
  const memory = new Memory(plan.arenaBytes + plan.persistentBytes, plan.alignment);
  const token = graph.tensors.map((_, i) => i);
  const placed = (t: number) => t >= 0 && plan.offsets[t] >= 0;
  const put = (t: number) => memory.write(plan.offsets[t], graph.tensors[t].bytes, token[t]);
  const intact = (t: number, when: string) => {
    if (placed(t) && !memory.holds(plan.offsets[t], graph.tensors[t].bytes, token[t]))
      errors.push(`tensor #${t} "${graph.tensors[t].name}" was overwritten ${when}`);
  };
  graph.tensors.forEach((t, i) => {
    if (placed(i) && (t.isInput || t.isVariable)) put(i);
  });
  const scratchOf = new Map(plan.scratch.map((s) => [s.opIndex, s]));
  for (const opIndex of graph.order) {
    const op = graph.ops[opIndex];
    const mem = opMemory[opIndex];
    const scratch = scratchOf.get(opIndex);
    const scratchToken = -2 - opIndex;
    if (scratch) memory.write(scratch.offset, scratch.bytes, scratchToken);
    // A tensor nobody writes is op-owned working memory: its bytes matter only during the op.
    for (const x of op.inputs)
      if (placed(x) && graph.tensors[x].producer < 0 && !graph.tensors[x].isInput) put(x);
    for (const x of op.inputs) intact(x, `before op #${opIndex} ${op.opcode} reads it`);
    checkWrites(graph, plan, op, mem, errors);
    const [x, y] = [op.inputs[0], op.outputs[0]];
    // A view in place copies its input onto itself: the same value under a second name.
    if (mem.alias === 'view' && placed(x) && placed(y) && plan.offsets[x] === plan.offsets[y])
      token[y] = token[x];
    for (const t of [...op.outputs, ...op.intermediates]) if (placed(t)) put(t);
    if (scratch && !memory.holds(scratch.offset, scratch.bytes, scratchToken))
      errors.push(`scratch of op #${opIndex} ${op.opcode} overlaps its outputs`);
  }
  for (const t of graph.outputs) intact(t, 'before the app reads the outputs');
  return errors;
}

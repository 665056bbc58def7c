/**
 * Liveness of a graph's tensors over its execution order, and the aliasing the kernels allow:
 * the buffers a placement algorithm has to fit into the arena.
 */
import type { Graph, GraphOp, GraphTensor } from '../graph/graph.js';
import type { OpMemory } from './op-memory.js';
import type { TensorClass } from './types.js';

/** Tensors that share one block of memory: a root and its views / in-place successors. */
export interface AliasGroup {
  root: number;
  /** The app-owned input or output whose buffer the whole group lives in, or -1 (the arena). */
  home: number;
  members: number[];
  bytes: number;
  first: number;
  last: number;
}

export interface ScratchNeed {
  step: number;
  opIndex: number;
  bytes: number;
}

export interface Liveness {
  classes: TensorClass[];
  /** Per tensor: first and last step it is live (-1 when never used). */
  first: number[];
  last: number[];
  /** Per tensor: the root of its alias group, or -1 when the tensor is not in the arena. */
  root: number[];
  /** Per tensor: the app-owned input or output whose buffer it lives in, or -1. */
  home: number[];
  /** Groups placed in the arena. */
  groups: AliasGroup[];
  scratch: ScratchNeed[];
  variables: number[];
}

function classify(t: GraphTensor, used: boolean): TensorClass {
  if (t.data) return 'constant';
  if (t.isVariable) return 'variable';
  if (t.isInput) return 'input';
  if (t.isOutput) return 'output';
  return t.bytes === 0 || !used ? 'unused' : 'activation';
}

function appOwned(cls: TensorClass, ioInArena: boolean): boolean {
  return !ioInArena && (cls === 'input' || cls === 'output');
}

function tensorSteps(graph: Graph, stepOf: number[], classes: TensorClass[]): [number[], number[]] {
  const first = graph.tensors.map(() => -1);
  const last = graph.tensors.map(() => -1);
  const use = (t: number, s: number) => {
    if (t < 0) return;
    first[t] = first[t] < 0 ? s : Math.min(first[t], s);
    last[t] = Math.max(last[t], s);
  };
  for (const op of graph.ops) {
    const s = stepOf[op.index];
    for (const t of [...op.inputs, ...op.outputs, ...op.intermediates]) use(t, s);
  }
  const end = Math.max(graph.order.length - 1, 0);
  // The app writes inputs before the first op and reads outputs after the last one.
  graph.tensors.forEach((t, i) => {
    if (t.isInput) first[i] = 0;
    if (t.isOutput) last[i] = end;
    if (t.isInput && last[i] < 0) last[i] = 0;
    if (t.isOutput && first[i] < 0) first[i] = end;
    if (classes[i] === 'variable') [first[i], last[i]] = [0, end];
  });
  return [first, last];
}

class Groups {
  readonly rootOf: number[];
  readonly byRoot = new Map<number, AliasGroup>();

  constructor(graph: Graph, planned: boolean[], homes: number[], first: number[], last: number[]) {
    this.rootOf = planned.map((p, i) => (p ? i : -1));
    graph.tensors.forEach((t, i) => {
      if (planned[i]) {
        const g = { root: i, home: homes[i], members: [i], bytes: t.bytes, first: first[i], last: last[i] };
        this.byRoot.set(i, g);
      }
    });
  }

  of(t: number): AliasGroup {
    return this.byRoot.get(this.rootOf[t])!;
  }

  /** Makes `y` (a fresh op output) share the memory of `x`'s group. */
  join(x: number, y: number): void {
    const g = this.of(x);
    const gy = this.of(y);
    this.byRoot.delete(gy.root);
    for (const m of gy.members) this.rootOf[m] = g.root;
    g.members.push(...gy.members);
    g.home = Math.max(g.home, gy.home);
    g.first = Math.min(g.first, gy.first);
    g.last = Math.max(g.last, gy.last);
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Whether output 0 of `op` may take input 0's memory, under the kernel's declared alias kind. */
function mayAlias(graph: Graph, op: GraphOp, step: number, mem: OpMemory, g: Groups, cls: TensorClass[]) {
  const [x, y] = [op.inputs[0], op.outputs[0]];
  if (mem.alias === null || x === undefined || y === undefined || x < 0 || x === y) return false;
  if (g.rootOf[x] < 0 || g.rootOf[y] < 0 || g.of(y).members.length > 1 || cls[y] === 'input') return false;
  const [tx, ty] = [graph.tensors[x], graph.tensors[y]];
  // Two app-owned buffers are two memories: a view from an input straight to an output copies.
  if (tx.bytes !== ty.bytes || (g.of(x).home >= 0 && g.of(y).home >= 0)) return false;
  if (mem.alias === 'view') return true;
  // In place: the kernel overwrites input 0 element by element, so nothing may read that memory
  // later (a graph output is read by the app after the last op), another input in the same
  // memory must be read in the same element order, and a graph input is the app's data.
  const group = g.of(x);
  const sameOrder = op.inputs.every(
    (t) => t < 0 || g.rootOf[t] !== group.root || sameShape(graph.tensors[t].shape, ty.shape),
  );
  return sameOrder && group.last === step && group.members.every((m) => cls[m] === 'activation');
}

export function analyzeLiveness(graph: Graph, opMemory: readonly OpMemory[], ioInArena: boolean): Liveness {
  const stepOf: number[] = [];
  graph.order.forEach((opIndex, s) => {
    stepOf[opIndex] = s;
  });
  const used = new Set(graph.ops.flatMap((op) => [...op.inputs, ...op.outputs, ...op.intermediates]));
  const classes = graph.tensors.map((t, i) => classify(t, used.has(i)));
  const [first, last] = tensorSteps(graph, stepOf, classes);
  const flows = new Set<TensorClass>(['activation', 'input', 'output']);
  const planned = graph.tensors.map((t, i) => t.bytes > 0 && first[i] >= 0 && flows.has(classes[i]));
  const homes = classes.map((c, i) => (appOwned(c, ioInArena) ? i : -1));
  const groups = new Groups(graph, planned, homes, first, last);
  const scratch: ScratchNeed[] = [];
  graph.order.forEach((opIndex, step) => {
    const op = graph.ops[opIndex];
    const mem = opMemory[opIndex];
    if (mayAlias(graph, op, step, mem, groups, classes)) groups.join(op.inputs[0], op.outputs[0]);
    if (mem.scratchBytes > 0) scratch.push({ step, opIndex, bytes: mem.scratchBytes });
  });
  const all = [...groups.byRoot.values()].sort((a, b) => a.root - b.root);
  const home = graph.tensors.map(() => -1);
  const root = graph.tensors.map(() => -1);
  for (const g of all)
    for (const m of g.members) [home[m], root[m]] = g.home >= 0 ? [g.home, -1] : [-1, g.root];
  return {
    classes,
    first,
    last,
    root,
    home,
    groups: all.filter((g) => g.home < 0),
    scratch,
    variables: classes.flatMap((c, i) => (c === 'variable' && graph.tensors[i].bytes > 0 ? [i] : [])),
  };
}

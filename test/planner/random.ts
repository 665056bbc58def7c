/** Seeded generators for the planner's property tests: plain buffer lists and valid models. */
import { buildGraph, type Graph } from '../../src/graph/graph.js';
import type { OpMemory } from '../../src/planner/op-memory.js';
import type { PlanBuffer } from '../../src/planner/types.js';
import { ModelBuilder } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';

export type Rand = (n: number) => number;

/** mulberry32, returning an integer in [0, n). */
export function rand(seed: number): Rand {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

export function randomBuffers(r: Rand): PlanBuffer[] {
  const n = 1 + r(40);
  const steps = 1 + r(30);
  const maxLife = 1 + r(steps);
  return Array.from({ length: n }, () => {
    const first = r(steps);
    const bytes = r(10) === 0 ? 0 : 1 + r(r(2) ? 64 : 4096);
    return { bytes, first, last: Math.min(steps - 1, first + r(maxLife)) };
  });
}

/** Kernel declarations for random models, so aliasing is exercised whatever kernels exist. */
export const ALIAS: Record<string, OpMemory['alias']> = {
  RESHAPE: 'view',
  SQUEEZE: 'view',
  EXPAND_DIMS: 'view',
  ADD: 'in-place',
  RELU: 'in-place',
};

const Q = { scale: 0.5, zeroPoint: 0 };
const OPS = ['RESHAPE', 'SQUEEZE', 'EXPAND_DIMS', 'ADD', 'RELU', 'CONCATENATION', 'FULLY_CONNECTED'];

export interface RandomModel {
  graph: Graph;
  opMemory: OpMemory[];
}

function shapeFor(r: Rand, elements: number): number[] {
  return r(2) ? [1, elements] : [elements];
}

function elementsOf(b: ModelBuilder, t: number): number {
  return b.toModel().subgraphs[0].tensors[t].shape.reduce((a, d) => a * d, 1);
}

/** Appends one random op reading recent activations; returns its output. */
function addRandomOp(b: ModelBuilder, r: Rand, live: number[], variable: number): number {
  const opcode = OPS[r(OPS.length)];
  const x = live[live.length - 1 - r(Math.min(live.length, 4))];
  const elements = elementsOf(b, x);
  let inputs = [x];
  let shape = [...b.toModel().subgraphs[0].tensors[x].shape];
  if (opcode === 'RESHAPE' || opcode === 'SQUEEZE' || opcode === 'EXPAND_DIMS') shape = shapeFor(r, elements);
  if (opcode === 'ADD') inputs = [x, r(2) ? x : live[r(live.length)]];
  if (opcode === 'CONCATENATION') {
    const y = live[r(live.length)];
    inputs = [x, y];
    shape = [1, elements + elementsOf(b, y)];
  }
  if (opcode === 'FULLY_CONNECTED') {
    inputs = variable >= 0 && r(2) ? [x, variable] : [x];
    shape = [1, 1 + r(96)];
  }
  const y = b.addTensor({ dtype: 'int8', shape, quant: Q });
  b.addOperator(opcode, inputs, [y]);
  return y;
}

/**
 * A random valid model: ops read earlier activations (views, element-wise ops, joins), some
 * tensors are variables, some intermediate tensors are also graph outputs.
 */
export function randomModel(r: Rand): RandomModel {
  const b = new ModelBuilder();
  const live: number[] = [];
  for (let i = 0, n = 1 + r(2); i < n; i++)
    live.push(b.addInput({ dtype: 'int8', shape: [1, 1 + r(64)], quant: Q }));
  const variable =
    r(3) === 0 ? b.addTensor({ dtype: 'int8', shape: [1, 8], quant: Q, isVariable: true }) : -1;
  const outputs = new Set<number>();
  for (let k = 0, n = 1 + r(24); k < n; k++) {
    const y = addRandomOp(b, r, live, variable);
    live.push(y);
    if (r(6) === 0) outputs.add(y);
  }
  outputs.add(live[live.length - 1]);
  b.markOutputs(...outputs);
  const graph = buildGraph(readModel(b.build()));
  const opMemory = graph.ops.map((op) => ({
    alias: ALIAS[op.opcode] ?? null,
    scratchBytes: r(4) === 0 ? 1 + r(300) : 0,
    prepared: true,
  }));
  return { graph, opMemory };
}

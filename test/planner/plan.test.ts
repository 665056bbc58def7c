import { describe, expect, it } from 'vitest';
import { buildGraph, type Graph } from '../../src/graph/graph.js';
import { checkPlacement, simulatePlan } from '../../src/planner/check.js';
import type { OpMemory } from '../../src/planner/op-memory.js';
import { type PlanOptions, plan } from '../../src/planner/plan.js';
import { PLANNERS } from '../../src/planner/planners.js';
import type { PlanResult } from '../../src/planner/types.js';
import { ModelBuilder, type TensorSpec } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import { ALIAS, rand, randomModel } from './random.js';

const Q = { scale: 0.5, zeroPoint: 0 };
const i8 = (shape: number[], extra: Partial<TensorSpec> = {}): TensorSpec => ({
  dtype: 'int8',
  shape,
  quant: Q,
  ...extra,
});

function memoryFor(graph: Graph, scratch: Record<number, number> = {}): OpMemory[] {
  return graph.ops.map((op) => ({
    alias: ALIAS[op.opcode] ?? null,
    scratchBytes: scratch[op.index] ?? 0,
    prepared: true,
  }));
}

/** Plans with the test alias table and runs the independent checker on the result. */
function checked(graph: Graph, opts: PlanOptions & { scratch?: Record<number, number> } = {}): PlanResult {
  const opMemory = memoryFor(graph, opts.scratch);
  const p = plan(graph, { ...opts, opMemory });
  expect(simulatePlan(graph, p, opMemory)).toEqual([]);
  return p;
}

function build(f: (b: ModelBuilder) => void): Graph {
  const b = new ModelBuilder();
  f(b);
  return buildGraph(readModel(b.build()));
}

/** in -> FC -> a -> RESHAPE -> b -> SQUEEZE -> c -> FC -> out */
const viewChain = () =>
  build((b) => {
    const x = b.addInput(i8([1, 32]));
    const [a, v, c, y] = [i8([1, 64]), i8([8, 8]), i8([64]), i8([1, 16])].map((s) => b.addTensor(s));
    b.addOperator('FULLY_CONNECTED', [x], [a]);
    b.addOperator('RESHAPE', [a], [v]);
    b.addOperator('SQUEEZE', [v], [c]);
    b.addOperator('FULLY_CONNECTED', [c], [y]);
    b.markOutputs(y);
  });

describe('plan: lifetimes and aliasing', () => {
  it('a chain of views shares one buffer', () => {
    const p = checked(viewChain());
    expect(p.offsets[1]).toBeGreaterThanOrEqual(0);
    expect([p.offsets[2], p.offsets[3]]).toEqual([p.offsets[1], p.offsets[1]]);
    expect(p.tensors.find((t) => t.index === 3)).toMatchObject({ aliasOf: 1, firstOp: 2, lastOp: 3 });
    expect(p.arenaBytes).toBe(64);
    expect(p.lowerBoundBytes).toBe(64);
  });

  it('app-owned inputs and outputs are outside the arena, and counted on their own', () => {
    const p = checked(viewChain());
    expect([p.offsets[0], p.offsets[4]]).toEqual([-1, -1]);
    expect([p.inputBytes, p.outputBytes]).toEqual([32, 16]);
    expect(p.totalRamBytes).toBe(64 + 32 + 16);
    const io = checked(viewChain(), { ioInArena: true });
    expect(io.offsets[0]).toBeGreaterThanOrEqual(0);
    expect(io.totalRamBytes).toBe(io.arenaBytes);
    expect(io.arenaBytes).toBe(32 + 64);
  });

  it('a view of an app-owned input lives in the input buffer; in the arena it is the same bytes', () => {
    const g = () =>
      build((b) => {
        const x = b.addInput(i8([1, 32]));
        const [v, y] = [b.addTensor(i8([32])), b.addTensor(i8([1, 8]))];
        b.addOperator('RESHAPE', [x], [v]);
        b.addOperator('FULLY_CONNECTED', [v], [y]);
        b.markOutputs(y);
      });
    const p = checked(g());
    expect(p.offsets.slice(0, 2)).toEqual([-1, -1]);
    expect(p.tensors[1]).toMatchObject({ aliasOf: 0, class: 'activation' });
    expect([p.arenaBytes, p.totalRamBytes]).toEqual([0, 40]);
    const io = checked(g(), { ioInArena: true });
    expect(io.offsets[1]).toBe(io.offsets[0]);
    expect(io.tensors[1]).toMatchObject({ firstOp: 0, aliasOf: 0 });
  });

  it('a tensor viewed or updated in place as a graph output is written straight into its buffer', () => {
    const g = () =>
      build((b) => {
        const x = b.addInput(i8([1, 32]));
        const [a, r, y] = [b.addTensor(i8([1, 16])), b.addTensor(i8([1, 16])), b.addTensor(i8([16]))];
        b.addOperator('FULLY_CONNECTED', [x], [a]);
        b.addOperator('RELU', [a], [r]);
        b.addOperator('RESHAPE', [r], [y]);
        b.markOutputs(y);
      });
    const p = checked(g());
    expect(p.offsets.slice(1, 4)).toEqual([-1, -1, -1]);
    expect(p.tensors.slice(1, 4).map((t) => t.aliasOf)).toEqual([3, 3, -1]);
    expect(p.arenaBytes).toBe(0);
    const io = checked(g(), { ioInArena: true });
    expect(new Set(io.offsets.slice(1, 4)).size).toBe(1);
    expect(io.tensors[1].lastOp).toBe(1);
  });

  it('a view from an app-owned input straight to an app-owned output is a copy', () => {
    const g = build((b) => {
      const x = b.addInput(i8([1, 32]));
      const y = b.addTensor(i8([32]));
      b.addOperator('RESHAPE', [x], [y]);
      b.markOutputs(y);
    });
    const p = checked(g);
    expect(p.tensors.map((t) => [t.offset, t.aliasOf])).toEqual([
      [-1, -1],
      [-1, -1],
    ]);
    expect(p.totalRamBytes).toBe(64);
  });

  it('a view whose input is read later keeps both alive; in place waits for the group to die', () => {
    // a -> RESHAPE -> v -> FC -> c ; ADD(a, c) -> d ; d -> RELU -> e
    const g = build((b) => {
      const x = b.addInput(i8([1, 16]));
      const [a, v, c, d, e] = [i8([1, 16]), i8([16]), i8([1, 16]), i8([1, 16]), i8([1, 16])].map((s) =>
        b.addTensor(s),
      );
      b.addOperator('FULLY_CONNECTED', [x], [a]);
      b.addOperator('RESHAPE', [a], [v]);
      b.addOperator('FULLY_CONNECTED', [v], [c]);
      b.addOperator('ADD', [a, c], [d]);
      b.addOperator('RELU', [d], [e]);
      b.markOutputs(e);
    });
    const p = checked(g);
    expect(p.offsets[2]).toBe(p.offsets[1]);
    expect(p.offsets[4]).toBe(p.offsets[1]);
    expect(p.offsets[3]).not.toBe(p.offsets[1]);
    expect(p.tensors[1].lastOp).toBe(3);
  });

  it('no in-place write over a tensor that is read later, over a graph input, or across shapes', () => {
    const g = build((b) => {
      const x = b.addInput(i8([1, 16]));
      const [a, r, c, s, t] = [i8([1, 16]), i8([1, 16]), i8([1, 16]), i8([1, 16]), i8([4, 4])].map((v) =>
        b.addTensor(v),
      );
      b.addOperator('RELU', [x], [a]); // over a graph input: never
      b.addOperator('RELU', [a], [r]); // a is read again below: no
      b.addOperator('FULLY_CONNECTED', [a], [c]);
      b.addOperator('ADD', [r, c], [s]); // r dies here: yes
      b.addOperator('RELU', [s], [t]); // shapes differ: no
      b.markOutputs(t);
    });
    const p = checked(g, { ioInArena: true });
    expect(p.offsets[1]).not.toBe(p.offsets[0]);
    expect(p.offsets[2]).not.toBe(p.offsets[1]);
    expect(p.offsets[4]).toBe(p.offsets[2]);
    expect(p.offsets[5]).not.toBe(p.offsets[4]);
  });

  it('variables live in the persistent tail and are never aliased', () => {
    const g = build((b) => {
      const x = b.addInput(i8([1, 8]));
      const state = b.addTensor(i8([1, 8], { isVariable: true }));
      const [v, y] = [b.addTensor(i8([8])), b.addTensor(i8([1, 8]))];
      b.addOperator('RESHAPE', [state], [v]);
      b.addOperator('ADD', [v, x], [y]);
      b.markOutputs(y);
    });
    const p = checked(g);
    expect(p.persistentBytes).toBe(16);
    expect(p.offsets[1]).toBe(p.arenaBytes);
    expect(p.offsets[2]).toBeLessThan(p.arenaBytes);
    expect(p.tensors[1].class).toBe('variable');
  });

  it('scratch lives only during its op, inside the arena, and is reported on its own', () => {
    const p = checked(viewChain(), { scratch: { 0: 100, 3: 40 } });
    expect(p.scratchBytes).toBe(112);
    expect(p.scratch.map((s) => [s.opIndex, s.bytes])).toEqual([
      [0, 112],
      [3, 48],
    ]);
    expect(p.arenaBytes).toBe(64 + 112);
    expect(p.peak).toMatchObject({ step: 0, opIndex: 0, opcode: 'FULLY_CONNECTED', scratchBytes: 100 });
    expect(p.peak.liveTensors).toEqual([1]);
  });

  it('alignment is an option', () => {
    const g = build((b) => {
      const x = b.addInput(i8([1, 5]));
      const [a, c, y] = [b.addTensor(i8([1, 5])), b.addTensor(i8([1, 3])), b.addTensor(i8([1, 2]))];
      b.addOperator('FULLY_CONNECTED', [x], [a]);
      b.addOperator('FULLY_CONNECTED', [a], [c]);
      b.addOperator('FULLY_CONNECTED', [c], [y]);
      b.markOutputs(y);
    });
    expect(checked(g, { alignment: 1 }).arenaBytes).toBe(8);
    expect(checked(g, { alignment: 4 }).arenaBytes).toBe(12);
    expect(checked(g).arenaBytes).toBe(32);
    expect(() => checked(g, { alignment: 0 })).toThrow(/alignment/);
  });

  it('the independent checker catches a wrong plan', () => {
    const g = viewChain();
    const opMemory = memoryFor(g);
    const p = plan(g, { opMemory, ioInArena: true });
    const clobber = { ...p, offsets: p.offsets.map((o, i) => (i === 4 ? p.offsets[1] : o)) };
    expect(simulatePlan(g, clobber, opMemory).length).toBeGreaterThan(0);
    const noAlias = g.ops.map(() => ({ alias: null, scratchBytes: 0, prepared: true }));
    expect(simulatePlan(g, p, noAlias).join()).toMatch(/overwrites input/);
  });
});

describe('plan: random models', () => {
  it('every plan of every planner is valid and bounded; the default never loses to greedy-by-size', () => {
    const r = rand(7);
    for (let k = 0; k < 1500; k++) {
      const { graph, opMemory } = randomModel(r);
      const ioInArena = k % 2 === 1;
      const arena: Record<string, number> = {};
      for (const planner of Object.keys(PLANNERS) as (keyof typeof PLANNERS)[]) {
        const p = plan(graph, { opMemory, ioInArena, planner, alignment: k % 3 === 0 ? 4 : 16 });
        expect(simulatePlan(graph, p, opMemory), `model ${k} ${planner}`).toEqual([]);
        expect(p.arenaBytes).toBeGreaterThanOrEqual(p.lowerBoundBytes);
        arena[planner] = p.arenaBytes;
      }
      expect(arena['local-search'], `model ${k}`).toBeLessThanOrEqual(arena['greedy-size']);
    }
  });

  it('group buffers with their scratch pass the plain checker too', () => {
    const r = rand(11);
    for (let k = 0; k < 200; k++) {
      const { graph, opMemory } = randomModel(r);
      const p = plan(graph, { opMemory });
      const planned = p.tensors.filter((t) => t.offset >= 0 && t.aliasOf < 0 && t.class !== 'variable');
      const buffers = [
        ...planned.map((t) => {
          const members = p.tensors.filter((m) => m.index === t.index || m.aliasOf === t.index);
          const first = Math.min(...members.map((m) => m.firstOp));
          return { bytes: t.bytes, first, last: Math.max(...members.map((m) => m.lastOp)) };
        }),
        ...p.scratch.map((s) => ({ bytes: s.bytes, first: s.step, last: s.step })),
      ];
      const offsets = [...planned.map((t) => t.offset), ...p.scratch.map((s) => s.offset)];
      expect(checkPlacement(buffers, offsets, p.alignment)).toEqual([]);
    }
  });
});

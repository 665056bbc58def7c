import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/graph.js';
import {
  embedOfflinePlan,
  encodeOfflinePlan,
  OFFLINE_PLAN_METADATA,
  offlineOffsets,
  readOfflinePlan,
} from '../../src/planner/offline-plan.js';
import { plan } from '../../src/planner/plan.js';
import { ModelBuilder } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';

const Q = { scale: 0.5, zeroPoint: 0 };

function model() {
  const b = new ModelBuilder();
  const x = b.addInput({ dtype: 'int8', shape: [1, 16], quant: Q });
  const w = b.addTensor({ dtype: 'int8', shape: [8, 16], quant: Q, data: new Int8Array(128).fill(1) });
  const state = b.addTensor({ dtype: 'int8', shape: [1, 8], quant: Q, isVariable: true });
  const [a, v, y] = [[1, 8], [8], [1, 8]].map((shape) => b.addTensor({ dtype: 'int8', shape, quant: Q }));
  b.addOperator('FULLY_CONNECTED', [x, w], [a]);
  b.addOperator('RESHAPE', [a], [v]);
  b.addOperator('ADD', [v, state], [y]);
  b.markOutputs(y);
  const m = readModel(b.build());
  const graph = buildGraph(m);
  const opMemory = graph.ops.map((o) => ({
    alias: o.opcode === 'RESHAPE' ? ('view' as const) : null,
    scratchBytes: 0,
    prepared: true,
  }));
  return { m, graph, p: plan(graph, { opMemory, ioInArena: true }) };
}

describe('TFLM offline memory plan', () => {
  it('encodes int32 little-endian [version 0, subgraphs, n, offsets]', () => {
    const bytes = encodeOfflinePlan(1, [0, -1, 32]);
    expect([...new Int32Array(bytes.buffer)]).toEqual([0, 1, 3, 0, -1, 32]);
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
    expect([...bytes.subarray(16, 20)]).toEqual([255, 255, 255, 255]);
  });

  it('embeds every planned tensor; constants and variables are left to TFLM', () => {
    const { m, p } = model();
    const out = readModel(embedOfflinePlan(m, p));
    const offline = readOfflinePlan(out)!;
    expect(offline).toMatchObject({ version: 0, subgraphs: 1 });
    expect(offline.offsets).toHaveLength(m.subgraphs[0].tensors.length);
    expect(offline.offsets[1]).toBe(-1);
    expect(offline.offsets[2]).toBe(-1);
    for (const t of [0, 3, 4, 5]) expect(offline.offsets[t]).toBe(p.offsets[t]);
    expect(offline.offsets[4]).toBe(offline.offsets[3]);
  });

  it('keeps the rest of the model and replaces an earlier plan', () => {
    const { m, p } = model();
    const once = readModel(embedOfflinePlan(m, p));
    const twice = readModel(embedOfflinePlan(once, p));
    expect(twice.metadata.filter((d) => d.name === OFFLINE_PLAN_METADATA)).toHaveLength(1);
    expect(twice.subgraphs[0].operators).toEqual(m.subgraphs[0].operators);
    expect([...twice.buffers[1].data]).toEqual([...m.buffers[1].data]);
    expect(readOfflinePlan(twice)).toEqual(readOfflinePlan(once));
    expect(readOfflinePlan(m)).toBeNull();
  });

  it('covers the tensors of every subgraph, concatenated', () => {
    const { m, p } = model();
    const two = { ...m, subgraphs: [m.subgraphs[0], m.subgraphs[0]] };
    const first = offlineOffsets(two, p, 0);
    expect(first).toHaveLength(12);
    expect(first.slice(6)).toEqual(new Array(6).fill(-1));
    expect(offlineOffsets(two, p, 1).slice(6, 12)).toEqual(first.slice(0, 6));
  });
});

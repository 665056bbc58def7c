/** Every shared model parses, and what the reader sees equals MANIFEST.json. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/graph.js';
import { readModel } from '../../src/tflite/reader.js';
import { HAVE_SHARED, sharedModels } from '../support/shared.js';

describe.skipIf(!HAVE_SHARED)('shared models match the manifest', () => {
  for (const m of sharedModels()) {
    it(m.name, () => {
      const bytes = new Uint8Array(readFileSync(m.path));
      expect(bytes.byteLength).toBe(m.bytes);
      const graph = buildGraph(readModel(bytes));
      const counts: Record<string, number> = {};
      for (const op of graph.ops) counts[op.opcode] = (counts[op.opcode] ?? 0) + 1;
      expect(counts).toEqual(m.opCounts);
      expect(graph.ops.length).toBe(m.operatorCount);
      const io = (list: number[]) =>
        list.map((i) => ({
          index: i,
          name: graph.tensors[i].name,
          dtype: graph.tensors[i].dtype,
          shape: graph.tensors[i].shape,
        }));
      const strip = (list: typeof m.inputs) =>
        list.map(({ index, name, dtype, shape }) => ({ index, name, dtype, shape }));
      expect(io(graph.inputs)).toEqual(strip(m.inputs));
      expect(io(graph.outputs)).toEqual(strip(m.outputs));
      for (const t of m.inputs.filter((x) => x.scale !== undefined)) {
        const q = graph.tensors[t.index].quant!;
        expect(q.scale[0]).toBeCloseTo(t.scale!, 9);
        expect(q.zeroPoint[0]).toBe(t.zeroPoint);
      }
    });
  }
});

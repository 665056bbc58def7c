/**
 * The interpreter run with every tensor at its planned offset in one shared buffer (arena,
 * persistent tail, app-owned inputs and outputs) reproduces the golden outputs: a wrong lifetime or a wrong alias corrupts a value and shows up here. Covers
 * every golden model whose ops the registered kernels all run; the others are skipped with a note.
 */
import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import type { Graph } from '../../src/graph/graph.js';
import { loadModel } from '../../src/graph/load.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { findKernel } from '../../src/kernels/registry.js';
import { opMemoryFromKernels } from '../../src/planner/op-memory.js';
import { plan } from '../../src/planner/plan.js';
import { resolveOffsets } from '../../src/planner/resolve.js';
import type { PlanResult } from '../../src/planner/types.js';
import { compareOutput } from '../conformance/compare.js';
import { HAVE_SHARED, loadCase, type SharedModel, sharedModels } from '../support/shared.js';

const models = sharedModels().filter((m) => m.tflm !== null && m.cases.length > 0);

function run(graph: Graph, p: PlanResult | null, inputs: Uint8Array[]): Uint8Array[] {
  // App-owned inputs and outputs get their own region, so tensors living in them are exercised.
  const resolved = p && resolveOffsets(p);
  const placement = resolved && { arena: new ArrayBuffer(resolved.bytes), offsets: resolved.offsets };
  const interp = new Interpreter(graph, placement ? { placement } : {});
  inputs.forEach((b, i) => {
    interp.setInput(i, b);
  });
  interp.invoke();
  return graph.outputs.map((_, i) => interp.output(i));
}

function mismatches(model: SharedModel, caseName: string, outputs: Uint8Array[]): string[] {
  const gc = loadCase(model, caseName);
  return model.outputs.flatMap((t, i) => {
    const expected = gc.outputs.get(t.name)!;
    const diff = compareOutput(expected.dtype, expected.data, outputs[i]);
    return diff ? [`${caseName} ${t.name}: ${diff}`] : [];
  });
}

/** Why the model cannot run here (unregistered op, unsupported configuration), or null. */
function whyNot(graph: Graph): string | null {
  const missing = [...new Set(graph.ops.map((o) => o.opcode).filter((op) => !findKernel(op)))];
  if (missing.length > 0) return `no kernel yet for ${missing.join(', ')}`;
  try {
    opMemoryFromKernels(graph);
    return null;
  } catch (e) {
    if (e instanceof UnsupportedOperatorError) return e.message;
    throw e;
  }
}

describe.skipIf(!HAVE_SHARED)('interpreter at planned offsets', () => {
  for (const model of models) {
    for (const ioInArena of [false, true]) {
      it(`${model.name}${ioInArena ? ' (inputs and outputs in the arena)' : ''}`, (ctx) => {
        const { graph } = loadModel(model.path);
        const reason = whyNot(graph);
        if (reason) {
          ctx.skip(reason);
          return;
        }
        const p = plan(graph, { ioInArena });
        for (const caseName of model.cases) {
          const gc = loadCase(model, caseName);
          const inputs = model.inputs.map((t) => gc.inputs.get(t.name)!.data);
          expect(mismatches(model, caseName, run(graph, p, inputs))).toEqual([]);
        }
      });
    }
  }

  it('has teeth: everything at offset 0 breaks a multi-op model', (ctx) => {
    const model = models.find((m) => m.operatorCount >= 3 && !whyNot(loadModel(m.path).graph));
    if (!model) {
      ctx.skip('no multi-op golden model runs yet');
      return;
    }
    const { graph } = loadModel(model.path);
    const p = plan(graph);
    const collapsed = { ...p, offsets: p.offsets.map((o) => Math.min(o, 0)) };
    const gc = loadCase(model, model.cases[0]);
    const inputs = model.inputs.map((t) => gc.inputs.get(t.name)!.data);
    expect(mismatches(model, model.cases[0], run(graph, collapsed, inputs)).length).toBeGreaterThan(0);
  });
});

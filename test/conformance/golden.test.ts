/** Every golden case of ../shared/golden through every available backend, byte for byte. */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/graph/load.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { HAVE_SHARED, loadCase, loadIntermediates, sharedModels } from '../support/shared.js';
import { BACKENDS } from './backends.js';
import { compareOutput } from './compare.js';

const models = sharedModels().filter((m) => m.tflm !== null && m.cases.length > 0);

/** Names the first tensor whose value differs from TFLM's intermediates (for a useful failure). */
function firstDivergence(modelPath: string, caseName: string, inputs: Uint8Array[]): string {
  const inter = loadIntermediates(caseName);
  if (!inter) return '';
  const { graph } = loadModel(modelPath);
  const interp = new Interpreter(graph);
  inputs.forEach((b, i) => {
    interp.setInput(i, b);
  });
  interp.invoke();
  for (const op of graph.ops) {
    for (const t of op.outputs) {
      const key = [...inter.keys()].find((k) => Number(k.split(':')[0]) === t);
      if (!key) continue;
      const diff = compareOutput(graph.tensors[t].dtype, inter.get(key)!.data, interp.tensorBytes(t));
      if (diff)
        return ` — first divergence at op #${op.index} ${op.opcode}, tensor #${t} "${graph.tensors[t].name}": ${diff}`;
    }
  }
  return '';
}

describe.skipIf(!HAVE_SHARED)('golden conformance', () => {
  for (const backend of BACKENDS) {
    describe.skipIf(!backend.available())(backend.name, () => {
      for (const model of models) {
        for (const caseName of model.cases) {
          it(caseName, async () => {
            const gc = loadCase(model, caseName);
            const inputs = model.inputs.map((t) => gc.inputs.get(t.name)!.data);
            const outputs = await backend.run(model.path, inputs);
            model.outputs.forEach((t, i) => {
              const expected = gc.outputs.get(t.name)!;
              const diff = compareOutput(expected.dtype, expected.data, outputs[i]);
              const hint =
                diff && caseName.endsWith('case1') ? firstDivergence(model.path, caseName, inputs) : '';
              expect(diff ? `${t.name}: ${diff}${hint}` : null).toBeNull();
            });
          });
        }
      }
    });
  }
});

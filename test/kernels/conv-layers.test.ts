/**
 * Every CONV_2D / DEPTHWISE_CONV_2D / TRANSPOSE_CONV of the shared models, one op at a time:
 * inputs taken from TFLM's case1 intermediates, output compared with TFLM's. This checks the
 * convolution kernels even where a model's other ops are not implemented yet.
 */
import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { loadModel } from '../../src/graph/load.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { TensorStore } from '../../src/interpreter/tensor-store.js';
import { findKernel } from '../../src/kernels/registry.js';
import { makePrepareContext } from '../../src/kernels/types.js';
import { compareOutput } from '../conformance/compare.js';
import { HAVE_SHARED, loadIntermediates, MODELS_DIR, sharedModels } from '../support/shared.js';

const OPS = new Set(['CONV_2D', 'DEPTHWISE_CONV_2D', 'TRANSPOSE_CONV']);
const models = sharedModels().filter(
  (m) =>
    m.tflm !== null && Object.keys(m.opCounts).some((op) => OPS.has(op)) && !m.name.startsWith('seanet/'),
);

function byTensorIndex(inter: Map<string, { data: Uint8Array }>): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  for (const [key, arr] of inter) out.set(Number(key.split(':')[0]), arr.data);
  return out;
}

describe.skipIf(!HAVE_SHARED)('convolution layers against TFLM intermediates', () => {
  for (const model of models) {
    it(model.name, () => {
      const inter = loadIntermediates(`${model.name}/case1`);
      if (!inter) return;
      const values = byTensorIndex(inter);
      const { graph } = loadModel(model.path);
      const store = new TensorStore(graph);
      const failures: string[] = [];
      for (const op of graph.ops.filter((o) => OPS.has(o.opcode))) {
        const kernel = findKernel(op.opcode)!;
        const prepared = kernel.prepare(makePrepareContext(graph, op));
        for (const t of op.inputs) {
          const v = t >= 0 && !graph.tensors[t].data ? values.get(t) : undefined;
          if (v) store.bytes(t).set(v);
        }
        kernel.eval(prepared, store);
        const out = op.outputs[0];
        const diff = compareOutput(graph.tensors[out].dtype, values.get(out)!, store.bytes(out));
        if (diff) failures.push(`op #${op.index} ${op.opcode}: ${diff}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('reports the hybrid kws_ref_model_float32 (float input, int8 weights) as unsupported, like TFLM', () => {
    const { graph } = loadModel(`${MODELS_DIR}/kws_ref_model_float32.tflite`);
    expect(() => new Interpreter(graph)).toThrow(UnsupportedOperatorError);
    expect(() => new Interpreter(graph)).toThrow(
      /#0 CONV_2D \(float32\): hybrid float32 input with int8 weights/,
    );
  });
});

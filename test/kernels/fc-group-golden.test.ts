/**
 * Every op of the fully-connected / recurrent / activations group found in the shared models,
 * run alone on the inputs TFLM recorded (case1 intermediates) and compared with TFLM's output.
 * This checks each kernel against TFLM even when the rest of its model is not runnable yet.
 */
import { describe, expect, it } from 'vitest';
import type { Graph, GraphOp } from '../../src/graph/graph.js';
import { loadModel } from '../../src/graph/load.js';
import { TensorStore } from '../../src/interpreter/tensor-store.js';
import { findKernel } from '../../src/kernels/registry.js';
import { makePrepareContext } from '../../src/kernels/types.js';
import { compareOutput } from '../conformance/compare.js';
import {
  HAVE_SHARED,
  loadCase,
  loadIntermediates,
  type SharedModel,
  sharedModels,
} from '../support/shared.js';

const GROUP = new Set([
  'FULLY_CONNECTED',
  'SVDF',
  'UNIDIRECTIONAL_SEQUENCE_LSTM',
  'SOFTMAX',
  'LOG_SOFTMAX',
  'LOGISTIC',
  'TANH',
  'QUANTIZE',
  'DEQUANTIZE',
]);

/** Intermediates are keyed `NNNN:name`; index them by tensor number. */
function byTensor(caseName: string): Map<number, Uint8Array> | null {
  const inter = loadIntermediates(caseName);
  if (!inter) return null;
  const out = new Map<number, Uint8Array>();
  for (const [k, v] of inter) out.set(Number(k.split(':')[0]), v.data);
  return out;
}

const models = sharedModels().filter(
  (m) =>
    m.tflm !== null &&
    m.cases.some((c) => c.endsWith('case1')) &&
    Object.keys(m.opCounts).some((o) => GROUP.has(o)),
);

/** A store holding what TFLM saw before the op: graph inputs, earlier activations, fresh state. */
function storeBeforeOp(
  model: SharedModel,
  graph: Graph,
  op: GraphOp,
  inter: Map<number, Uint8Array>,
): TensorStore {
  const store = new TensorStore(graph);
  const gc = loadCase(model, `${model.name}/case1`);
  for (const t of graph.inputs) store.bytes(t).set(gc.inputs.get(graph.tensors[t].name)!.data);
  for (const t of op.inputs) {
    const tensor = graph.tensors[t];
    if (t < 0 || tensor.data || tensor.isInput) continue;
    if (tensor.isVariable)
      store.bytes(t).fill(tensor.dtype === 'int8' ? (tensor.quant?.zeroPoint[0] ?? 0) & 0xff : 0);
    else store.bytes(t).set(inter.get(t)!);
  }
  return store;
}

/** Outputs and updated state of the op that differ from TFLM's (null when none). */
function divergence(
  graph: Graph,
  op: GraphOp,
  inter: Map<number, Uint8Array>,
  store: TensorStore,
): string | null {
  for (const t of [...op.outputs, ...op.inputs.filter((i) => i >= 0 && graph.tensors[i].isVariable)]) {
    const expected = inter.get(t);
    const diff = expected ? compareOutput(graph.tensors[t].dtype, expected, store.bytes(t)) : null;
    if (diff) return `tensor #${t} "${graph.tensors[t].name}": ${diff}`;
  }
  return null;
}

describe.skipIf(!HAVE_SHARED)('fully-connected group ops vs TFLM intermediates', () => {
  for (const model of models) {
    const { graph } = loadModel(model.path);
    for (const op of graph.ops.filter((o) => GROUP.has(o.opcode))) {
      it(`${model.name} op #${op.index} ${op.opcode}`, () => {
        const inter = byTensor(`${model.name}/case1`);
        if (!inter) return;
        const kernel = findKernel(op.opcode);
        expect(kernel, `${op.opcode} is registered`).toBeDefined();
        const prepared = kernel!.prepare(makePrepareContext(graph, op));
        const store = storeBeforeOp(model, graph, op, inter);
        kernel!.eval(prepared, store);
        expect(divergence(graph, op, inter, store)).toBeNull();
      });
    }
  }
});

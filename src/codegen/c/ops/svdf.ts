/** C emitter for SVDF → runtime/kernels/svdf.c (the state is the op's variable tensor). */
import type { Graph } from '../../../graph/graph.js';
import type { SvdfParams } from '../../../kernels/svdf.js';
import type { Activation } from '../../../tflite/schema.js';
import { defineEmitter } from '../context.js';
import { constInt8, constInt16, constInt32, foldRows } from './fully-connected.js';

/** TFLite ActivationFunctionType codes, as runtime/kernels/svdf.h names them. */
const ACTIVATIONS: Record<Activation, number> = {
  NONE: 0,
  RELU: 1,
  RELU_N1_TO_1: 2,
  RELU6: 3,
  TANH: 4,
  SIGN_BIT: 5,
};

const FUNCTIONS: Record<SvdfParams['kind'], string> = {
  float32: 'tf_svdf_f32',
  int8: 'tf_svdf_s8',
  int16: 'tf_svdf_s8_s16',
};

/** Integer with constant weights and bias: the zero points folded (see tf_svdf_t); else null. */
function folded(p: SvdfParams, graph: Graph): { feature: Int32Array; time: Int32Array } | null {
  const wf = constInt8(graph, p.weightsFeature);
  const wt = p.kind === 'int16' ? constInt16(graph, p.weightsTime) : constInt8(graph, p.weightsTime);
  const bias = constInt32(graph, p.bias);
  if (p.kind === 'float32' || !wf || !wt || (p.bias >= 0 && !bias)) return null;
  const feature = foldRows(wf, p.inputSize, p.filters, 0, -p.inputZeroPoint, null);
  const perFilter = foldRows(wt, p.memory, p.filters, 0, -p.stateZeroPoint, null);
  const time = new Int32Array(p.units);
  for (let u = 0; u < p.units; u++) {
    let acc = bias ? bias[u] : 0;
    for (let k = 0; k < p.rank; k++) acc = (acc + perFilter[u * p.rank + k]) | 0;
    time[u] = acc;
  }
  return { feature, time };
}

export const svdfC = defineEmitter<SvdfParams>({
  op: 'SVDF',
  sources: () => ['kernels/svdf.c', 'kernels/fully_connected.c'],
  emit(p, ctx) {
    const f = folded(p, ctx.graph);
    const params = ctx.params('tf_svdf_t', {
      batches: p.batches,
      input_size: p.inputSize,
      filters: p.filters,
      units: p.units,
      rank: p.rank,
      memory: p.memory,
      activation: ACTIVATIONS[p.activation],
      input_zero_point: p.inputZeroPoint,
      state_zero_point: p.stateZeroPoint,
      output_zero_point: p.outputZeroPoint,
      multiplier1: p.multiplier1,
      shift1: p.shift1,
      multiplier2: p.multiplier2,
      shift2: p.shift2,
      feature_folded: f ? ctx.table('feature_folded', 'int32_t', f.feature) : 'NULL',
      time_folded: f ? ctx.table('time_folded', 'int32_t', f.time) : 'NULL',
    });
    const args = [p.input, p.weightsFeature, p.weightsTime].map((t) => ctx.tensor(t));
    args.push(f ? 'NULL' : ctx.optTensor(p.bias), ctx.tensor(p.state), ctx.tensor(p.output));
    return { code: `${FUNCTIONS[p.kind]}(${params}, ${args.join(', ')});` };
  },
});

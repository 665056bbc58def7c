/**
 * tinyforge's post-training quantizer: float model + calibration inputs → full-integer int8
 * model (per-channel symmetric weights, int32 bias, asymmetric int8 activations and I/O), the
 * TFLite converter's scheme. Covers the ops small MLP/CNN models are made of.
 */
import { UnsupportedOperatorError } from '../errors.js';
import { buildGraph, type Graph, type GraphOp, type GraphTensor } from '../graph/graph.js';
import { Interpreter } from '../interpreter/interpreter.js';
import type { TfliteModel } from '../tflite/model.js';
import { ModelBuilder } from '../tflite/model-builder.js';

interface Range {
  min: number;
  max: number;
}

/** Weight input index and its per-channel axis, for each op the quantizer handles. */
const WEIGHTED: Record<string, { weights: number; bias: number; axis: number }> = {
  FULLY_CONNECTED: { weights: 1, bias: 2, axis: 0 },
  CONV_2D: { weights: 1, bias: 2, axis: 0 },
  DEPTHWISE_CONV_2D: { weights: 1, bias: 2, axis: 3 },
};
const PASS_THROUGH = new Set(['RESHAPE', 'MAX_POOL_2D', 'AVERAGE_POOL_2D', 'RELU', 'RELU6']);

/** Activation ranges of every non-constant tensor over the calibration samples. */
export function calibrate(graph: Graph, samples: Float32Array[][]): Map<number, Range> {
  const ranges = new Map<number, Range>();
  const interp = new Interpreter(graph);
  const observe = (t: number) => {
    const v = interp.store.f32(t);
    const r = ranges.get(t) ?? { min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
    for (const x of v) {
      if (x < r.min) r.min = x;
      if (x > r.max) r.max = x;
    }
    ranges.set(t, r);
  };
  for (const sample of samples) {
    sample.forEach((x, i) => {
      interp.setInput(i, new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    });
    interp.invoke();
    for (const t of graph.tensors) if (!t.data && t.dtype === 'float32') observe(t.index);
  }
  return ranges;
}

/** Asymmetric int8 parameters for a real range, nudged to contain 0 exactly. */
export function activationParams(r: Range): { scale: number; zeroPoint: number } {
  const min = Math.min(0, r.min);
  const max = Math.max(0, r.max);
  const scale = max > min ? (max - min) / 255 : 1;
  // `+ 0` turns a -0 from Math.round into 0 so reports never show "-0".
  const zeroPoint = Math.max(-128, Math.min(127, Math.round(-128 - min / scale))) + 0;
  return { scale, zeroPoint };
}

function channelMaxAbs(w: Float32Array, shape: number[], axis: number): number[] {
  const channels = shape[axis];
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const out = new Array<number>(channels).fill(0);
  for (let i = 0; i < w.length; i++) {
    const c = Math.floor(i / inner) % channels;
    out[c] = Math.max(out[c], Math.abs(w[i]));
  }
  return out;
}

function floatData(t: GraphTensor): Float32Array {
  return new Float32Array(t.data!.slice().buffer);
}

function checkSupported(graph: Graph): void {
  const bad = graph.ops
    .filter((op) => !WEIGHTED[op.opcode] && !PASS_THROUGH.has(op.opcode))
    .map((op) => ({
      index: op.index,
      opcode: op.opcode,
      dtype: 'float32',
      reason: 'not handled by the quantizer',
    }));
  if (bad.length) throw new UnsupportedOperatorError(bad);
}

/** Quantizes a float model with calibration samples (each: one Float32Array per input). */
export function quantizeModel(model: TfliteModel, samples: Float32Array[][]): Uint8Array {
  const graph = buildGraph(model);
  checkSupported(graph);
  const ranges = calibrate(graph, samples);
  const b = new ModelBuilder({ description: 'tinyforge post-training int8' });
  const mapped = new Map<number, number>();
  const actQuant = new Map<number, { scale: number; zeroPoint: number }>();
  const activation = (t: GraphTensor) => {
    let idx = mapped.get(t.index);
    if (idx !== undefined) return idx;
    const q = activationParams(ranges.get(t.index) ?? { min: 0, max: 0 });
    actQuant.set(t.index, q);
    const spec = { name: t.name, dtype: 'int8' as const, shape: t.shape, quant: q };
    idx = t.isInput ? b.addInput(spec) : b.addTensor(spec);
    mapped.set(t.index, idx);
    return idx;
  };
  for (const i of graph.inputs) activation(graph.tensors[i]);
  for (const op of graph.ops) quantizeOp(b, graph, op, activation, actQuant);
  b.markOutputs(...graph.outputs.map((i) => mapped.get(i)!));
  return b.build();
}

function quantizeOp(
  b: ModelBuilder,
  graph: Graph,
  op: GraphOp,
  activation: (t: GraphTensor) => number,
  actQuant: Map<number, { scale: number; zeroPoint: number }>,
): void {
  const inputs = op.inputs.map((i) => (i < 0 ? null : graph.tensors[i]));
  const w = WEIGHTED[op.opcode];
  const newInputs = inputs.map((t, k) => {
    if (!t) return -1;
    if (!w || !t.data) return activation(t);
    if (k === w.weights) return quantizeWeights(b, t, w.axis);
    return -2; // bias: needs the weight scales, filled below
  });
  if (w && inputs[w.bias]?.data) {
    const wt = inputs[w.weights]!;
    const inScale = actQuant.get(inputs[0]!.index)!.scale;
    const scales = channelMaxAbs(floatData(wt), wt.shape, w.axis).map((m) => (m > 0 ? m / 127 : 1));
    const bias = floatData(inputs[w.bias]!);
    const biasScales = scales.map((s) => Math.fround(inScale) * Math.fround(s));
    newInputs[w.bias] = b.addTensor({
      name: inputs[w.bias]!.name,
      dtype: 'int32',
      shape: inputs[w.bias]!.shape,
      data: Array.from(bias, (v, c) => Math.round(v / biasScales[c])),
      quant: { scale: biasScales, zeroPoint: biasScales.map(() => 0), quantizedDimension: 0 },
    });
  }
  const outputs = op.outputs.map((i) => activation(graph.tensors[i]));
  b.addOperator(op.opcode, newInputs, outputs, op.options);
}

function quantizeWeights(b: ModelBuilder, t: GraphTensor, axis: number): number {
  const data = floatData(t);
  const scales = channelMaxAbs(data, t.shape, axis).map((m) => (m > 0 ? m / 127 : 1));
  const inner = t.shape.slice(axis + 1).reduce((x, y) => x * y, 1);
  const q = Array.from(data, (v, i) => {
    const c = Math.floor(i / inner) % t.shape[axis];
    return Math.max(-127, Math.min(127, Math.round(v / Math.fround(scales[c]))));
  });
  return b.addTensor({
    name: t.name,
    dtype: 'int8',
    shape: t.shape,
    data: q,
    quant: { scale: scales, zeroPoint: scales.map(() => 0), quantizedDimension: axis },
  });
}

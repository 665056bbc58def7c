/** What `tinyforge inspect` reports: I/O, per-op table, totals and the quantization verdict. */
import type { Graph, GraphTensor } from '../graph/graph.js';
import { opMacs } from '../graph/macs.js';

export interface TensorSummary {
  index: number;
  name: string;
  shape: number[];
  dtype: string;
  scale: number | null;
  zeroPoint: number | null;
  bytes: number;
}

export interface OperatorSummary {
  index: number;
  opcode: string;
  inputs: number[];
  outputs: number[];
  inputShapes: (number[] | null)[];
  outputShapes: number[][];
  activation: string | null;
  macs: number;
}

export interface QuantizationVerdict {
  fullyInteger: boolean;
  inputsInteger: boolean;
  outputsInteger: boolean;
  weightsInteger: boolean;
  activationsInteger: boolean;
  perChannel: boolean;
  floatOps: number[];
}

export interface InspectReport {
  description: string;
  subgraph: string;
  inputs: TensorSummary[];
  outputs: TensorSummary[];
  operators: OperatorSummary[];
  opCounts: Record<string, number>;
  macs: number;
  weightBytes: number;
  modelBytes: number;
  tensorCount: number;
  quantization: QuantizationVerdict;
  metadata: string[];
}

const FLOAT_TYPES = new Set(['float32', 'float16', 'float64']);

function summary(t: GraphTensor): TensorSummary {
  return {
    index: t.index,
    name: t.name,
    shape: t.shape,
    dtype: t.dtype,
    scale: t.quant ? t.quant.scale[0] : null,
    zeroPoint: t.quant ? t.quant.zeroPoint[0] : null,
    bytes: t.bytes,
  };
}

function verdict(graph: Graph): QuantizationVerdict {
  const isInt = (t: GraphTensor) => !FLOAT_TYPES.has(t.dtype);
  const consts = graph.tensors.filter((t) => t.data !== null);
  const activations = graph.tensors.filter((t) => t.data === null && (t.producer >= 0 || t.isInput));
  const floatOps = graph.ops
    .filter((op) =>
      [...op.inputs, ...op.outputs].some((i) => i >= 0 && FLOAT_TYPES.has(graph.tensors[i].dtype)),
    )
    .map((op) => op.index);
  const inputsInteger = graph.inputs.every((i) => isInt(graph.tensors[i]));
  const outputsInteger = graph.outputs.every((i) => isInt(graph.tensors[i]));
  const weightsInteger = consts.every(isInt);
  const activationsInteger = activations.every(isInt);
  return {
    fullyInteger:
      inputsInteger && outputsInteger && weightsInteger && activationsInteger && floatOps.length === 0,
    inputsInteger,
    outputsInteger,
    weightsInteger,
    activationsInteger,
    perChannel: consts.some((t) => (t.quant?.scale.length ?? 0) > 1),
    floatOps,
  };
}

export function inspectGraph(graph: Graph, modelBytes: number): InspectReport {
  const operators = graph.order.map((i): OperatorSummary => {
    const op = graph.ops[i];
    const act = op.options.fusedActivationFunction;
    return {
      index: op.index,
      opcode: op.opcode,
      inputs: op.inputs,
      outputs: op.outputs,
      inputShapes: op.inputs.map((t) => (t >= 0 ? graph.tensors[t].shape : null)),
      outputShapes: op.outputs.map((t) => graph.tensors[t].shape),
      activation: typeof act === 'string' ? act : null,
      macs: opMacs(graph, op),
    };
  });
  const opCounts: Record<string, number> = {};
  for (const op of graph.ops) opCounts[op.opcode] = (opCounts[op.opcode] ?? 0) + 1;
  const usedBuffers = new Set<number>();
  let weightBytes = 0;
  graph.model.subgraphs[graph.subgraph].tensors.forEach((t, i) => {
    const d = graph.tensors[i].data;
    if (d && !usedBuffers.has(t.buffer)) {
      usedBuffers.add(t.buffer);
      weightBytes += d.byteLength;
    }
  });
  return {
    description: graph.model.description,
    subgraph: graph.name,
    inputs: graph.inputs.map((i) => summary(graph.tensors[i])),
    outputs: graph.outputs.map((i) => summary(graph.tensors[i])),
    operators,
    opCounts,
    macs: operators.reduce((s, o) => s + o.macs, 0),
    weightBytes,
    modelBytes,
    tensorCount: graph.tensors.length,
    quantization: verdict(graph),
    metadata: graph.model.metadata.map((m) => m.name),
  };
}

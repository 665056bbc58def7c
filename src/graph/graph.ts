/** The typed graph IR every later stage works on: tensors, ops, execution order. */
import type { BuiltinOptions, TfliteModel } from '../tflite/model.js';
import { BUILTIN_OPERATORS, CUSTOM_CODE, type DType, defaultOptions, OP_OPTIONS } from '../tflite/schema.js';
import { byteSize } from '../tflite/verify.js';

export interface TensorQuant {
  scale: number[];
  /** One zero point per scale (missing ones are 0). */
  zeroPoint: number[];
  quantizedDimension: number;
}

export interface GraphTensor {
  index: number;
  name: string;
  dtype: DType;
  shape: number[];
  /** Bytes the tensor occupies (0 for string/resource tensors). */
  bytes: number;
  quant: TensorQuant | null;
  /** Constant data (a view into the model file) or null for activations. */
  data: Uint8Array | null;
  isVariable: boolean;
  isInput: boolean;
  isOutput: boolean;
  /** Index of the op that writes this tensor, or -1. */
  producer: number;
  consumers: number[];
}

export interface GraphOp {
  index: number;
  /** TFLite builtin name verbatim (`CONV_2D`) or `CUSTOM:<code>`. */
  opcode: string;
  version: number;
  /** Tensor indices; -1 marks an omitted optional input. */
  inputs: number[];
  outputs: number[];
  intermediates: number[];
  /** Decoded builtin options with defaults filled in for absent tables. */
  options: BuiltinOptions;
  customOptions: Uint8Array | null;
}

export interface Graph {
  model: TfliteModel;
  subgraph: number;
  name: string;
  tensors: GraphTensor[];
  ops: GraphOp[];
  inputs: number[];
  outputs: number[];
  /** Op indices in execution order. */
  order: number[];
}

export function opcodeName(model: TfliteModel, opcodeIndex: number): string {
  const c = model.operatorCodes[opcodeIndex];
  if (c.builtinCode === CUSTOM_CODE) return `CUSTOM:${c.customCode ?? ''}`;
  return BUILTIN_OPERATORS[c.builtinCode] ?? `BUILTIN_${c.builtinCode}`;
}

/** Builds the IR of one subgraph of a verified model. */
export function buildGraph(model: TfliteModel, subgraph = 0): Graph {
  const sg = model.subgraphs[subgraph];
  const inputs = new Set(sg.inputs);
  const outputs = new Set(sg.outputs);
  const tensors: GraphTensor[] = sg.tensors.map((t, index) => {
    const data = model.buffers[t.buffer].data;
    const q = t.quantization;
    const fixed = t.dtype !== 'string' && t.dtype !== 'resource' && t.dtype !== 'variant';
    return {
      index,
      name: t.name,
      dtype: t.dtype,
      shape: [...t.shape],
      bytes: fixed ? byteSize(t.dtype, t.shape) : 0,
      quant:
        q && q.scale.length > 0
          ? {
              scale: q.scale,
              zeroPoint: q.scale.map((_, i) => q.zeroPoint[i] ?? 0),
              quantizedDimension: q.quantizedDimension,
            }
          : null,
      data: data.byteLength > 0 ? data : null,
      isVariable: t.isVariable,
      isInput: inputs.has(index),
      isOutput: outputs.has(index),
      producer: -1,
      consumers: [],
    };
  });
  const ops: GraphOp[] = sg.operators.map((op, index) => {
    const opcode = opcodeName(model, op.opcodeIndex);
    const type = OP_OPTIONS[opcode] ?? 0;
    const options = op.builtinOptions ?? (type ? defaultOptions(type) : {});
    return {
      index,
      opcode,
      version: model.operatorCodes[op.opcodeIndex].version,
      inputs: op.inputs,
      outputs: op.outputs,
      intermediates: op.intermediates,
      options,
      customOptions: op.customOptions,
    };
  });
  for (const op of ops) {
    for (const t of op.outputs) tensors[t].producer = op.index;
    for (const t of op.inputs)
      if (t >= 0 && !tensors[t].consumers.includes(op.index)) tensors[t].consumers.push(op.index);
  }
  return {
    model,
    subgraph,
    name: sg.name,
    tensors,
    ops,
    inputs: sg.inputs,
    outputs: sg.outputs,
    order: ops.map((o) => o.index),
  };
}

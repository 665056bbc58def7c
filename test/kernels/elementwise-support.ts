/** Single-op models for the element-wise kernel tests: build, run (optionally in place), read back. */
import { buildGraph } from '../../src/graph/graph.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import type { Placement } from '../../src/interpreter/tensor-store.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import { encodeValues, ModelBuilder, type QuantSpec } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import type { DType } from '../../src/tflite/schema.js';
import { byteSize } from '../../src/tflite/verify.js';

export interface TensorDef {
  dtype: DType;
  shape: number[];
  /** Values; a graph input when `constant` is not set, else a constant tensor. */
  values?: readonly number[];
  constant?: boolean;
  quant?: QuantSpec;
}

/** A quantized int8/int16 operand (`values` undefined for an output). */
export const quantTensor = (
  dtype: 'int8' | 'int16',
  shape: number[],
  values: number[] | undefined,
  scale: number,
  zp = 0,
): TensorDef => ({
  dtype,
  shape,
  values,
  quant: { scale, zeroPoint: zp },
});

/** A float32 operand, by default a vector of its values. */
export const floatTensor = (values: number[] | undefined, shape = [values?.length ?? 0]): TensorDef => ({
  dtype: 'float32',
  shape,
  values,
});

export interface RunOptions {
  options?: BuiltinOptions;
  /** Place the output on input 0's bytes, as the planner does for an 'in-place' kernel. */
  inPlace?: boolean;
}

function buildModel(opcode: string, inputs: TensorDef[], output: TensorDef, options: BuiltinOptions) {
  const b = new ModelBuilder();
  const ids = inputs.map((t) =>
    t.constant
      ? b.addTensor({ dtype: t.dtype, shape: t.shape, data: t.values, quant: t.quant })
      : b.addInput({ dtype: t.dtype, shape: t.shape, quant: t.quant }),
  );
  const out = b.addTensor({ dtype: output.dtype, shape: output.shape, quant: output.quant });
  b.addOperator(opcode, ids, [out], options);
  b.markOutputs(out);
  return buildGraph(readModel(b.build()));
}

/** Builds the graph of one op (prepare errors surface when an Interpreter is created). */
export function graphOf(
  opcode: string,
  inputs: TensorDef[],
  output: TensorDef,
  options: BuiltinOptions = {},
) {
  return buildModel(opcode, inputs, output, options);
}

/** Runs one op and returns the output elements as numbers (bool as 0/1). */
export function runOp(
  opcode: string,
  inputs: TensorDef[],
  output: TensorDef,
  run: RunOptions = {},
): number[] {
  const graph = buildModel(opcode, inputs, output, run.options ?? {});
  let placement: Placement | undefined;
  if (run.inPlace) {
    const outBytes = byteSize(output.dtype, output.shape);
    const offsets = graph.tensors.map(() => -1);
    offsets[graph.ops[0].inputs[0]] = 0;
    offsets[graph.ops[0].outputs[0]] = 0;
    placement = {
      arena: new ArrayBuffer(Math.max(8, outBytes, byteSize(inputs[0].dtype, inputs[0].shape))),
      offsets,
    };
  }
  const interp = new Interpreter(graph, { placement });
  inputs
    .filter((t) => !t.constant)
    .forEach((t, i) => {
      interp.setInput(i, encodeValues(t.dtype, t.values ?? []));
    });
  interp.invoke();
  return decode(output.dtype, interp.output(0));
}

export function decode(dtype: DType, bytes: Uint8Array): number[] {
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  switch (dtype) {
    case 'int8':
      return Array.from(new Int8Array(buf));
    case 'uint8':
    case 'bool':
      return Array.from(new Uint8Array(buf));
    case 'int16':
      return Array.from(new Int16Array(buf));
    case 'int32':
      return Array.from(new Int32Array(buf));
    case 'uint32':
      return Array.from(new Uint32Array(buf));
    case 'float32':
      return Array.from(new Float32Array(buf));
    case 'int64':
      return Array.from(new BigInt64Array(buf), Number);
    default:
      throw new Error(`cannot decode ${dtype}`);
  }
}

/** Deterministic pseudo-random integers in [lo, hi] (a small LCG; tests must be reproducible). */
export function randomInts(n: number, lo: number, hi: number, seed = 1): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + (s % (hi - lo + 1));
  });
}

/** Runs one op through the interpreter on a ModelBuilder model (tests of the pooling/reduction kernels). */
import { buildGraph } from '../../src/graph/graph.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import { encodeValues, ModelBuilder, type TensorSpec } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import type { DType } from '../../src/tflite/schema.js';

/** An op input: `data` makes it a constant, `values` a graph input set before invoke. */
export interface OpInput extends TensorSpec {
  values?: readonly number[];
}

export interface OpRun {
  interp: Interpreter;
  /** Each output decoded as numbers in its dtype. */
  outputs: number[][];
}

function decode(dtype: DType, bytes: Uint8Array): number[] {
  const b = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  switch (dtype) {
    case 'float32':
      return Array.from(new Float32Array(b));
    case 'int32':
      return Array.from(new Int32Array(b));
    case 'int16':
      return Array.from(new Int16Array(b));
    case 'int8':
      return Array.from(new Int8Array(b));
    case 'int64':
      return Array.from(new BigInt64Array(b), Number);
    default:
      return Array.from(new Uint8Array(b));
  }
}

/** Builds the single-op model and prepares it (throws what prepare throws). */
export function buildOp(
  opcode: string,
  inputs: OpInput[],
  outputs: TensorSpec[],
  options: BuiltinOptions = {},
): Interpreter {
  const mb = new ModelBuilder();
  const ins = inputs.map(({ values, ...spec }) => (values ? mb.addInput(spec) : mb.addTensor(spec)));
  const outs = outputs.map((spec) => mb.addTensor(spec));
  mb.addOperator(opcode, ins, outs, options);
  mb.markOutputs(...outs);
  return new Interpreter(buildGraph(readModel(mb.build())));
}

export function runOp(
  opcode: string,
  inputs: OpInput[],
  outputs: TensorSpec[],
  options: BuiltinOptions = {},
): OpRun {
  const interp = buildOp(opcode, inputs, outputs, options);
  let k = 0;
  for (const t of inputs) if (t.values) interp.setInput(k++, encodeValues(t.dtype, t.values));
  interp.invoke();
  return { interp, outputs: outputs.map((o, i) => decode(o.dtype, interp.output(i))) };
}

/** The error building/preparing the op throws, or null. */
export function prepareError(
  opcode: string,
  inputs: OpInput[],
  outputs: TensorSpec[],
  options: BuiltinOptions = {},
): unknown {
  try {
    buildOp(opcode, inputs, outputs, options);
    return null;
  } catch (e) {
    return e;
  }
}

/** Deterministic pseudo-random integers in [lo, hi] (a small LCG; tests must not use Math.random). */
export function lcgInts(n: number, lo: number, hi: number, seed = 1): number[] {
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push(lo + (s % (hi - lo + 1)));
  }
  return out;
}

/** Deterministic pseudo-random float32 values in [-scale, scale). */
export function lcgFloats(n: number, scale: number, seed = 7): number[] {
  return lcgInts(n, 0, 1 << 20, seed).map((v) => Math.fround(((v / (1 << 20)) * 2 - 1) * scale));
}

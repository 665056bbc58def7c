/** Single-op models for the convolution kernel tests: build, prepare, run, read back. */
import { buildGraph, type Graph } from '../../src/graph/graph.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { findKernel } from '../../src/kernels/registry.js';
import { makePrepareContext } from '../../src/kernels/types.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import { encodeValues, ModelBuilder, type QuantSpec } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import type { DType } from '../../src/tflite/schema.js';

export interface Operand {
  dtype: DType;
  shape: number[];
  /** Element values (or raw bytes, e.g. packed int4); fed at run time unless `constant`. */
  values?: readonly number[] | Uint8Array;
  constant?: boolean;
  quant?: QuantSpec;
}

/** The graph of one op; a null input is an omitted optional input (-1). */
export function convGraph(
  opcode: string,
  inputs: (Operand | null)[],
  output: Operand,
  options: BuiltinOptions = {},
): Graph {
  const b = new ModelBuilder();
  const ids = inputs.map((t) => {
    if (!t) return -1;
    const spec = { dtype: t.dtype, shape: t.shape, quant: t.quant };
    return t.constant ? b.addTensor({ ...spec, data: t.values }) : b.addInput(spec);
  });
  const out = b.addTensor({ dtype: output.dtype, shape: output.shape, quant: output.quant });
  b.addOperator(opcode, ids, [out], options);
  b.markOutputs(out);
  return buildGraph(readModel(b.build()));
}

function decode(dtype: DType, bytes: Uint8Array): number[] {
  const buf = bytes.slice().buffer;
  if (dtype === 'int8') return Array.from(new Int8Array(buf));
  if (dtype === 'int16') return Array.from(new Int16Array(buf));
  if (dtype === 'float32') return Array.from(new Float32Array(buf));
  throw new Error(`cannot decode ${dtype}`);
}

/** Runs the op with its non-constant inputs fed from their values; returns the output elements. */
export function runConv(
  opcode: string,
  inputs: (Operand | null)[],
  output: Operand,
  options: BuiltinOptions = {},
): number[] {
  const interp = new Interpreter(convGraph(opcode, inputs, output, options));
  let i = 0;
  for (const t of inputs) {
    if (!t || t.constant) continue;
    const v = t.values ?? [];
    interp.setInput(i++, v instanceof Uint8Array ? v : encodeValues(t.dtype, v));
  }
  interp.invoke();
  return decode(output.dtype, interp.output(0));
}

/** The op's prepared parameters and declared scratch bytes. */
export function prepareConv(
  opcode: string,
  inputs: (Operand | null)[],
  output: Operand,
  options: BuiltinOptions = {},
): { params: unknown; scratchBytes: number } {
  const graph = convGraph(opcode, inputs, output, options);
  const kernel = findKernel(opcode)!;
  const params = kernel.prepare(makePrepareContext(graph, graph.ops[0]));
  return { params, scratchBytes: kernel.scratchBytes?.(params) ?? 0 };
}

/** The error an Interpreter throws while preparing the op (or null). */
export function prepareError(
  opcode: string,
  inputs: (Operand | null)[],
  output: Operand,
  options: BuiltinOptions = {},
): Error | null {
  try {
    new Interpreter(convGraph(opcode, inputs, output, options));
    return null;
  } catch (e) {
    return e as Error;
  }
}

/** Deterministic pseudo-random numbers (LCG) for generated cases. */
export function rng(seed: number): { int(lo: number, hi: number): number; real(): number } {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    real: () => next() * 2 - 1,
  };
}

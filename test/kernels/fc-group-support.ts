/** Single-op models for the fully-connected / recurrent / activation kernel tests. */
import { buildGraph } from '../../src/graph/graph.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import { encodeValues, ModelBuilder, type QuantSpec } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import type { DType } from '../../src/tflite/schema.js';
import { decode } from './elementwise-support.js';

export interface T {
  dtype: DType;
  shape: number[];
  /** Constant data; without it the tensor is a graph input (or a variable, see `variable`). */
  values?: readonly number[];
  quant?: QuantSpec;
  variable?: boolean;
}

/** Builds one op; `null` inputs are omitted optional inputs (-1). */
export function opInterpreter(
  opcode: string,
  inputs: (T | null)[],
  output: T,
  options: BuiltinOptions = {},
): Interpreter {
  const b = new ModelBuilder();
  const ids = inputs.map((t) => {
    if (!t) return -1;
    if (t.values || t.variable)
      return b.addTensor({
        dtype: t.dtype,
        shape: t.shape,
        data: t.values,
        quant: t.quant,
        isVariable: t.variable,
      });
    return b.addInput({ dtype: t.dtype, shape: t.shape, quant: t.quant });
  });
  const out = b.addTensor({ dtype: output.dtype, shape: output.shape, quant: output.quant });
  b.addOperator(opcode, ids, [out], options);
  b.markOutputs(out);
  return new Interpreter(buildGraph(readModel(b.build())));
}

/** Sets the graph inputs (in order), invokes once and decodes output 0. */
export function invoke(interp: Interpreter, ...inputs: readonly number[][]): number[] {
  inputs.forEach((values, i) => {
    const t = interp.graph.tensors[interp.graph.inputs[i]];
    interp.setInput(i, encodeValues(t.dtype, values));
  });
  interp.invoke();
  const out = interp.graph.tensors[interp.graph.outputs[0]];
  return decode(out.dtype, interp.output(0));
}

/** Builds, runs once with the non-constant inputs' `values` taken from `feed`, returns output 0. */
export function runOp(
  opcode: string,
  inputs: (T | null)[],
  output: T,
  feed: readonly number[][],
  options: BuiltinOptions = {},
): number[] {
  return invoke(opInterpreter(opcode, inputs, output, options), ...feed);
}

/** Runs a one-input op on `values`: input and output share the dtype and length. */
export function runUnary(
  opcode: string,
  dtype: DType,
  inQ: QuantSpec | undefined,
  outQ: QuantSpec | undefined,
  values: number[],
): number[] {
  const shape = [values.length];
  return runOp(opcode, [{ dtype, shape, quant: inQ }], { dtype, shape, quant: outQ }, [values]);
}

/** A deterministic pseudo-random generator (LCG) for test data. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** n random integers in [lo, hi]. */
export function randomInts(n: number, lo: number, hi: number, seed: number): number[] {
  const r = lcg(seed);
  return Array.from({ length: n }, () => lo + Math.floor(r() * (hi - lo + 1)));
}

/** n random floats in [lo, hi), rounded to float32. */
export function randomFloats(n: number, lo: number, hi: number, seed: number): number[] {
  const r = lcg(seed);
  return Array.from({ length: n }, () => Math.fround(lo + r() * (hi - lo)));
}

/** Single-op models for the convolution kernel tests: build, prepare, run, read back; generated cases. */
import { expect } from 'vitest';
import { buildGraph, type Graph } from '../../src/graph/graph.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { findKernel } from '../../src/kernels/registry.js';
import { makePrepareContext } from '../../src/kernels/types.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import { encodeValues, ModelBuilder, type QuantSpec } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import type { DType } from '../../src/tflite/schema.js';
import { elementCount } from '../../src/tflite/verify.js';
import { type RefOp, type RefQuant, refMagnitude, refReal } from './conv-reference.js';
import { decode } from './elementwise-support.js';
import { lcg } from './fc-group-support.js';

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
  const next = lcg(seed);
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    real: () => next() * 2 - 1,
  };
}

export type Rng = ReturnType<typeof rng>;

/** How a generated int8 / 16x8 case is drawn and quantized. */
export interface QuantCaseSpec {
  int16: boolean;
  /** No bias when null. */
  biasLimit: number | null;
  /** Per-channel filter scales are base + |real| * spread. */
  filterScales: [number, number];
  inScale: number;
  outScale: number;
  accumulator: RefQuant['accumulator'];
  /** The filter's per-channel dimension when not 0. */
  quantizedDimension?: number;
}

/**
 * A generated int8 / 16x8 case: input, filter and output operands (the bias operand's dtype is the
 * test's), values and the reference's quantization with the type's full clamp range. Draws, in
 * this order (the cases depend on it): zero points, input, weights, bias, filter scales.
 */
export function randomQuantCase(r: Rng, ref: RefOp, spec: QuantCaseSpec) {
  const { int16, biasLimit, inScale, outScale } = spec;
  const dtype = int16 ? 'int16' : 'int8';
  const lim = int16 ? 32767 : 127;
  const outD = ref.outShape[3];
  const inZp = int16 ? 0 : r.int(-128, 127);
  const outZp = int16 ? 0 : r.int(-20, 20);
  const x = Array.from({ length: elementCount(ref.inShape) }, () => r.int(-lim - 1, lim));
  const w = Array.from({ length: elementCount(ref.filterShape) }, () => r.int(-127, 127));
  const bias = biasLimit === null ? null : Array.from({ length: outD }, () => r.int(-biasLimit, biasLimit));
  const [base, spread] = spec.filterScales;
  const filterScales = Array.from({ length: outD }, () => base + Math.abs(r.real()) * spread);
  const fq = { scale: filterScales, zeroPoint: filterScales.map(() => 0) };
  const qd = spec.quantizedDimension;
  const filter: Operand = {
    dtype: 'int8',
    shape: ref.filterShape,
    values: w,
    constant: true,
    quant: qd === undefined ? fq : { ...fq, quantizedDimension: qd },
  };
  const q: RefQuant = {
    inScale,
    inZp,
    filterScales,
    outScale,
    outZp,
    accumulator: spec.accumulator,
    actMin: -lim - 1,
    actMax: lim,
  };
  const input: Operand = { dtype, shape: ref.inShape, values: x, quant: { scale: inScale, zeroPoint: inZp } };
  const output: Operand = { dtype, shape: ref.outShape, quant: { scale: outScale, zeroPoint: outZp } };
  return { x, w, bias, q, input, filter, output };
}

/** Single-precision input in (-4, 4), weights and (when `withBias`) bias in (-1, 1), in this order. */
export function randomFloatCase(r: Rng, ref: RefOp, withBias: boolean) {
  const reals = (n: number, scale: number) => Array.from({ length: n }, () => Math.fround(r.real() * scale));
  const x = reals(elementCount(ref.inShape), 4);
  const w = reals(elementCount(ref.filterShape), 1);
  return { x, w, bias: withBias ? reals(ref.outShape[3], 1) : null };
}

/** Float32 outputs agree with the double-precision reference to 1e-6 of each sum's magnitude. */
export function expectNearReference(
  got: number[],
  ref: RefOp,
  x: number[],
  w: number[],
  bias: number[] | null,
  label: string,
): void {
  const want = refReal(ref, x, w, bias);
  const mag = refMagnitude(ref, x, w);
  got.forEach((v, j) => {
    expect(Math.abs(v - want[j]), `${label} element ${j}`).toBeLessThanOrEqual(1e-6 * (mag[j] + 1));
  });
}

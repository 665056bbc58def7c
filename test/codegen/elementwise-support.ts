/**
 * Differential runs for the element-wise C emitters: one-op models (or a chain of two, so the
 * second op writes over its input in place) through the TS interpreter and the generated C,
 * compared byte for byte, or within 1e-5 relative where the C calls libm.
 */

import { broadcastShape } from '../../src/kernels/common/elementwise.js';
import { seededRandom } from '../../src/run/inputs.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import type { QuantSpec } from '../../src/tflite/model-builder.js';
import { encodeValues, ModelBuilder } from '../../src/tflite/model-builder.js';
import type { DType } from '../../src/tflite/schema.js';
import { decode } from '../kernels/elementwise-support.js';
import { type CaseResult, runBoth } from './shape-group-support.js';

export interface Spec {
  dtype: DType;
  shape: number[];
  quant?: QuantSpec;
  /** Graph-input values (random when absent). */
  values?: readonly number[];
  /** Makes the tensor a constant with these values. */
  data?: readonly number[];
}

export interface EwCase {
  label: string;
  opcode: string;
  inputs: Spec[];
  output: Spec;
  options?: BuiltinOptions;
  /**
   * Chains the op twice: the first result (shaped and quantized like the output) becomes the
   * second op's input 0, which the planner lets the second op overwrite in place.
   */
  inPlace?: boolean;
  /** Float32 outputs compared within 1e-5 relative (libm results) instead of bit for bit. */
  tolerant?: boolean;
}

export const q = (scale: number, zeroPoint: number): QuantSpec => ({
  scale: [scale],
  zeroPoint: [zeroPoint],
});

const rnd = seededRandom(2024);

const RANGES: Partial<Record<DType, [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  int64: [-(2 ** 40), 2 ** 40],
  bool: [0, 2],
};

/** Random values of a dtype: integers over their range (bools 0..2), floats in ±8. */
export function randomValues(dtype: DType, n: number): number[] {
  if (dtype === 'float32') return Array.from({ length: n }, () => Math.fround((rnd() * 2 - 1) * 8));
  const range = RANGES[dtype];
  if (!range) throw new Error(`no random values for ${dtype}`);
  return Array.from({ length: n }, () => range[0] + Math.floor(rnd() * (range[1] - range[0] + 1)));
}

const count = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function addSpec(mb: ModelBuilder, s: Spec, feeds: Uint8Array[]): number {
  const base = { dtype: s.dtype, shape: s.shape, quant: s.quant };
  if (s.data) return mb.addTensor({ ...base, data: s.data });
  feeds.push(encodeValues(s.dtype, s.values ?? randomValues(s.dtype, count(s.shape))));
  return mb.addInput(base);
}

function build(c: EwCase): { bytes: Uint8Array; inputs: Uint8Array[] } {
  const mb = new ModelBuilder();
  const feeds: Uint8Array[] = [];
  const out = { dtype: c.output.dtype, shape: c.output.shape, quant: c.output.quant };
  let first = c.inputs.map((s) => addSpec(mb, s, feeds));
  if (c.inPlace) {
    const mid = mb.addTensor(out);
    mb.addOperator(c.opcode, first, [mid], c.options ?? {});
    first = [mid, ...c.inputs.slice(1).map((s) => addSpec(mb, s, feeds))];
  }
  const result = mb.addTensor(out);
  mb.addOperator(c.opcode, first, [result], c.options ?? {});
  mb.markOutputs(result);
  return { bytes: mb.build(), inputs: feeds };
}

function close(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return a === b || Math.abs(a - b) <= 1e-5 * Math.max(Math.abs(a), Math.abs(b));
}

function same(c: EwCase | RawCase, r: CaseResult): boolean {
  return r.expected.every((want, i) => {
    const got = r.got[i];
    if (!('tolerant' in c && c.tolerant)) return Buffer.from(want).equals(Buffer.from(got));
    const [a, b] = [decode('float32', want), decode('float32', got)];
    return a.length === b.length && a.every((x, k) => close(x, b[k]));
  });
}

/** Kernel calls (in order) of the generated C, each with its tensor (pointer) arguments. */
function callsOf(r: CaseResult): { fn: string; tensors: string[] }[] {
  const invoke = r.source.slice(r.source.indexOf('_invoke(const void'));
  const cast = /\((const )?[a-z0-9_]+ \*\)/g;
  return [...invoke.matchAll(/\b(tf_[a-z0-9_]+)\((.*)\);/g)].map((m) => ({
    fn: m[1],
    // Compared by location: the element type cast differs where input and output dtypes do.
    tensors: m[2]
      .split(/, (?![^(]*\))/)
      .filter((x) => x.match(cast))
      .map((x) => x.replace(cast, '')),
  }));
}

/** Whether a call passes one pointer as input 0 (its first tensor) and output (its last). */
function inPlace(call: { tensors: string[] }): boolean {
  return call.tensors[0] === call.tensors[call.tensors.length - 1];
}

export interface Outcome {
  /** Labels whose C output differs from the interpreter's. */
  mismatches: string[];
  /** Labels of in-place cases whose second op did not get its input 0 as output. */
  notInPlace: string[];
  /** Kernel functions each case called (last call), for checks on the chosen path. */
  calls: string[];
  /** Per case, the kernel calls that wrote over their input 0. */
  inPlaceCalls: string[][];
}

/** A model built by hand: every output compared byte for byte. */
export interface RawCase {
  label: string;
  bytes: Uint8Array;
  inputs: Uint8Array[];
}

/** Runs every case through the interpreter and one linked host binary. */
export async function runCases(cases: (EwCase | RawCase)[]): Promise<Outcome> {
  const results = await runBoth(cases.map((c) => ('bytes' in c ? c : { label: c.label, ...build(c) })));
  return {
    mismatches: cases.filter((c, i) => !same(c, results[i])).map((c) => c.label),
    notInPlace: cases
      .filter((c, i) => 'inPlace' in c && c.inPlace && !inPlace(callsOf(results[i]).at(-1)!))
      .map((c) => c.label),
    calls: results.map((r) => callsOf(r).at(-1)?.fn ?? ''),
    inPlaceCalls: results.map((r) =>
      callsOf(r)
        .filter(inPlace)
        .map((c) => c.fn),
    ),
  };
}

export type QuantTriple = [QuantSpec | undefined, QuantSpec | undefined, QuantSpec | undefined];

/** A binary op on graph inputs of shapes `a` and `b`, the output shaped like their broadcast. */
export function binaryCase(
  opcode: string,
  dtype: DType,
  a: number[],
  b: number[],
  quant: QuantTriple = [undefined, undefined, undefined],
  options: BuiltinOptions = {},
  outDType: DType = dtype,
): EwCase {
  const options_ = Object.entries(options).map(([k, v]) => `${k}=${v}`);
  return {
    label: `${opcode} ${dtype} [${a}] [${b}] ${options_.join(' ')}`.trim(),
    opcode,
    inputs: [
      { dtype, shape: a, quant: quant[0] },
      { dtype, shape: b, quant: quant[1] },
    ],
    output: { dtype: outDType, shape: broadcastShape([a, b]) ?? [], quant: quant[2] },
    options,
  };
}

/** A unary op on a graph input of `shape` (values random unless given). */
export function unaryCase(
  opcode: string,
  dtype: DType,
  shape: number[],
  quant: [QuantSpec | undefined, QuantSpec | undefined] = [undefined, undefined],
  extra: Partial<EwCase> & { values?: readonly number[] } = {},
): EwCase {
  const { values, ...rest } = extra;
  return {
    label: `${opcode} ${dtype} [${shape}]${values ? ' given values' : ''}`,
    opcode,
    inputs: [{ dtype, shape, quant: quant[0], values }],
    output: { dtype, shape, quant: quant[1] },
    ...rest,
  };
}

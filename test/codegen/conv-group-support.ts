/**
 * One-op convolution models (CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV) for the differential
 * C tests: seeded weights, biases and inputs, quantization scaled so outputs spread over the
 * whole output range (with some saturation), run through shape-group-support's runBoth.
 */
import { seededRandom } from '../../src/run/inputs.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import type { QuantSpec } from '../../src/tflite/model-builder.js';
import type { DType } from '../../src/tflite/schema.js';
import { type CaseInput, type NativeCase, opCase } from './shape-group-support.js';

export type ConvOp = 'CONV_2D' | 'DEPTHWISE_CONV_2D' | 'TRANSPOSE_CONV';

export interface ConvSpec {
  op: ConvOp;
  dtype: 'int8' | 'int16' | 'float32';
  input: number[];
  filter: number[];
  output: number[];
  options: BuiltinOptions;
  /** Default: int32 for int8, int64 for int16, float32 for float32. */
  bias?: 'none' | 'int16' | 'int32' | 'int64' | 'float32';
  perChannel?: boolean;
  inputZeroPoint?: number;
  outputZeroPoint?: number;
  /** The filter is a graph input instead of a constant. */
  filterInput?: boolean;
  /** Packed int4 weights. */
  int4?: boolean;
}

const rnd = seededRandom(2024);

const count = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function ints(n: number, lo: number, hi: number): number[] {
  return Array.from({ length: n }, () => lo + Math.floor(rnd() * (hi - lo + 1)));
}

function floats(n: number, span: number): number[] {
  return Array.from({ length: n }, () => Math.fround((rnd() * 2 - 1) * span));
}

/** Two's-complement nibbles, low nibble first (TFLite's packed int4). */
function packInt4(values: number[]): Uint8Array {
  const out = new Uint8Array(Math.ceil(values.length / 2));
  values.forEach((v, i) => {
    out[i >> 1] |= (v & 15) << (i & 1 ? 4 : 0);
  });
  return out;
}

/** Output channels and the products each output sums (for the output scale). */
function convShape(s: ConvSpec): { channels: number; terms: number; quantDim: number } {
  const [o, h, w, i] = s.filter;
  if (s.op === 'DEPTHWISE_CONV_2D') return { channels: i, terms: h * w, quantDim: 3 };
  if (s.op === 'TRANSPOSE_CONV') return { channels: o, terms: Math.ceil((h * w * i) / 2), quantDim: 0 };
  return { channels: o, terms: h * w * i, quantDim: 0 };
}

function filterOperand(s: ConvSpec, channels: number, quantDim: number): CaseInput {
  const n = count(s.filter);
  if (s.dtype === 'float32') {
    const v = floats(n, 1);
    return { dtype: 'float32', shape: s.filter, ...(s.filterInput ? { values: v } : { data: v }) };
  }
  const scales = s.perChannel ? Array.from({ length: channels }, () => 0.004 + rnd() * 0.02) : [0.01];
  const quant: QuantSpec = { scale: scales, zeroPoint: scales.map(() => 0), quantizedDimension: quantDim };
  if (s.int4) return { dtype: 'int4', shape: s.filter, quant, data: packInt4(ints(n, -8, 7)) };
  const v = ints(n, -127, 127);
  return { dtype: 'int8', shape: s.filter, quant, ...(s.filterInput ? { values: v } : { data: v }) };
}

/** Bias values about as large as the sums they are added to (`span`). */
function biasOperand(s: ConvSpec, channels: number, accScale: number, span: number): CaseInput | null {
  const kind = s.bias ?? (s.dtype === 'int8' ? 'int32' : s.dtype === 'int16' ? 'int64' : 'float32');
  if (kind === 'none') return null;
  const shape = [channels];
  if (kind === 'float32') return { dtype: kind, shape, data: floats(channels, 1) };
  const limit = kind === 'int16' ? Math.min(span, 32767) : span;
  return { dtype: kind, shape, quant: { scale: accScale }, data: ints(channels, -limit, limit) };
}

/** A one-op convolution case with seeded constants and graph inputs. */
export function convCase(label: string, s: ConvSpec): NativeCase {
  const { channels, terms, quantDim } = convShape(s);
  const float = s.dtype === 'float32';
  const [inScale, typical] = s.dtype === 'int16' ? [1 / 1024, 18918 * 74] : [0.05, 74 * 74];
  const outScale = (inScale * 0.01 * Math.sqrt(terms) * typical) / (s.dtype === 'int16' ? 8000 : 40);
  const q = (scale: number, zeroPoint = 0): QuantSpec | undefined =>
    float ? undefined : { scale, zeroPoint };
  const inputValues =
    s.dtype === 'float32'
      ? floats(count(s.input), 4)
      : s.dtype === 'int16'
        ? ints(count(s.input), -32768, 32767)
        : ints(count(s.input), -128, 127);
  const input: CaseInput = {
    dtype: s.dtype,
    shape: s.input,
    quant: q(inScale, s.inputZeroPoint ?? 0),
    values: inputValues,
  };
  const filter = filterOperand(s, channels, quantDim);
  const bias = biasOperand(s, channels, inScale * 0.01, Math.round(Math.sqrt(terms) * typical));
  const output = { dtype: s.dtype as DType, shape: s.output, quant: q(outScale, s.outputZeroPoint ?? 0) };
  const inputs =
    s.op === 'TRANSPOSE_CONV'
      ? [{ dtype: 'int32' as const, shape: [4], data: s.output }, filter, input, bias]
      : [input, filter, bias];
  return opCase(label, s.op, inputs, [output], s.options);
}

/** Convolution options with TFLite's defaults (stride 1, no dilation, VALID, no activation). */
export function convOptions(o: {
  stride?: [number, number];
  dilation?: [number, number];
  padding?: 'SAME' | 'VALID';
  act?: string;
  depthMultiplier?: number;
}): BuiltinOptions {
  return {
    padding: o.padding ?? 'VALID',
    strideH: o.stride?.[0] ?? 1,
    strideW: o.stride?.[1] ?? 1,
    dilationHFactor: o.dilation?.[0] ?? 1,
    dilationWFactor: o.dilation?.[1] ?? 1,
    fusedActivationFunction: o.act ?? 'NONE',
    ...(o.depthMultiplier ? { depthMultiplier: o.depthMultiplier } : {}),
  };
}

// Reproduces TFLM reference QUANTIZE: quantize_common.cc with reference/quantize.h (AffineQuantize, float32 -> int8/int16) and reference/requantize.h (integer -> integer).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  INT_RANGES,
  INT32_MIN,
  type IntDType,
  multiplyByQuantizedMultiplier,
  quantizeMultiplier,
  roundHalfAway,
} from '../quant/fixed-point.js';
import { elementCount } from '../tflite/verify.js';
import { f32, tensorScale, tensorZeroPoint } from './common/fc-params.js';
import { defineKernel, type PrepareContext } from './types.js';

type InDType = 'float32' | IntDType;

export interface QuantizeParams {
  inDType: InDType;
  outDType: IntDType;
  input: number;
  output: number;
  size: number;
  /** float32 input: the output scale as float. */
  scale: number;
  inputZeroPoint: number;
  outputZeroPoint: number;
  /** Integer input: input_scale / output_scale as a quantized multiplier. */
  multiplier: number;
  shift: number;
}

/** The (input, output) dtype pairs TFLM's QUANTIZE runs. */
const PAIRS = new Set([
  'float32/int8',
  'float32/int16',
  'int32/int8',
  'int32/int16',
  'int16/int8',
  'int16/int16',
  'int16/int32',
  'int8/int8',
  'int8/uint8',
  'int8/int16',
  'int8/int32',
  'uint8/int8',
]);

function prepare(ctx: PrepareContext): QuantizeParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (!PAIRS.has(`${input.dtype}/${output.dtype}`))
    ctx.unsupported(`quantize from ${input.dtype} to ${output.dtype}`);
  if (output.quant?.scale.length !== 1) ctx.unsupported('output must have exactly one (per-tensor) scale');
  const size = elementCount(input.shape);
  if (size !== elementCount(output.shape))
    ctx.fail(`input [${input.shape}] and output [${output.shape}] differ in size`);
  const scale = tensorScale(ctx, output);
  const isFloat = input.dtype === 'float32';
  const q = isFloat ? { multiplier: 0, shift: 0 } : quantizeMultiplier(tensorScale(ctx, input) / scale);
  return {
    inDType: input.dtype as InDType,
    outDType: output.dtype as IntDType,
    input: input.index,
    output: output.index,
    size,
    scale,
    inputZeroPoint: tensorZeroPoint(input),
    outputZeroPoint: tensorZeroPoint(output),
    multiplier: q.multiplier,
    shift: q.shift,
  };
}

type IntView = Int8Array | Uint8Array | Int16Array | Int32Array;

function intView(store: TensorStore, t: number, dtype: IntDType): IntView {
  if (dtype === 'int8') return store.i8(t);
  if (dtype === 'uint8') return store.u8(t);
  if (dtype === 'int16') return store.i16(t);
  return store.i32(t);
}

/** static_cast<int32_t>(float) as x86-64 does it: out-of-range and NaN become INT32_MIN. */
function truncToInt32(x: number): number {
  return Number.isFinite(x) && x > -2147483649 && x < 2147483648 ? Math.trunc(x) : INT32_MIN;
}

function evalQuantize(p: QuantizeParams, store: TensorStore): void {
  const [lo, hi] = INT_RANGES[p.outDType];
  const y = intView(store, p.output, p.outDType);
  if (p.inDType === 'float32') {
    const x = store.f32(p.input);
    for (let i = 0; i < p.size; i++) {
      const q = (truncToInt32(roundHalfAway(f32(x[i] / p.scale))) + p.outputZeroPoint) | 0;
      y[i] = Math.min(Math.max(q, lo), hi);
    }
    return;
  }
  const x = intView(store, p.input, p.inDType);
  for (let i = 0; i < p.size; i++) {
    const centered = (x[i] - p.inputZeroPoint) | 0;
    const v = (multiplyByQuantizedMultiplier(centered, p.multiplier, p.shift) + p.outputZeroPoint) | 0;
    y[i] = Math.min(Math.max(v, lo), hi);
  }
}

export const quantize = defineKernel({ op: 'QUANTIZE', prepare, eval: evalQuantize });

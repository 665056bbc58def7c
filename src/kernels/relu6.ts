// Reproduces TFLM reference RELU6: activations_common.cc (Relu6Prepare, Relu6Quantized on the input's scale for int8/int16, Relu6Float).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { INT_RANGES, roundHalfAway } from '../quant/fixed-point.js';
import { prepareTypedUnary, quantParams } from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface Relu6Params {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  output: number;
  count: number;
  /** Clamp limits: 0 and 6 for float, else the input's zero point and 6 quantized on its scale. */
  lower: number;
  upper: number;
}

function prepare(ctx: PrepareContext): Relu6Params {
  const base = prepareTypedUnary(ctx, ['float32', 'int8', 'int16'] as const);
  const { dtype } = base;
  if (dtype === 'float32') return { ...base, lower: 0, upper: 6 };
  // TFLM clamps raw input values, so the output is assumed to share the input's quantization.
  const q = quantParams(ctx, ctx.input(0));
  const [tMin, tMax] = INT_RANGES[dtype];
  const six = roundHalfAway(Math.fround(6 / q.scale)) + q.zeroPoint;
  return { ...base, lower: q.zeroPoint, upper: Math.min(Math.max(six, tMin), tMax) };
}

function evalRelu6(p: Relu6Params, store: TensorStore): void {
  const view =
    p.dtype === 'float32'
      ? store.f32.bind(store)
      : p.dtype === 'int8'
        ? store.i8.bind(store)
        : store.i16.bind(store);
  const x = view(p.input);
  const out = view(p.output);
  const { lower, upper } = p;
  for (let i = 0; i < p.count; i++) {
    const v = x[i];
    // biome-ignore lint/complexity/useMathMinMax: TFLM's comparisons keep -0 and NaN, Math.max does not
    out[i] = v > upper ? upper : v < lower ? lower : v;
  }
}

export const relu6 = defineKernel({ op: 'RELU6', alias: 'in-place', prepare, eval: evalRelu6 });

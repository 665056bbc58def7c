// Reproduces TFLM reference LEAKY_RELU: leaky_relu_common.cc + reference/leaky_relu.h (QuantizeLeakyRelu for int8/int16, float32).
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import { INT_RANGES, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../quant/fixed-point.js';
import { prepareTypedUnary, quantParams } from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface LeakyReluParams {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  output: number;
  count: number;
  /** The float32 alpha (float kernel only). */
  alpha: number;
  inputZeroPoint: number;
  outputZeroPoint: number;
  /** Rescaling of inputs >= the zero point. */
  identityMultiplier: number;
  identityShift: number;
  /** Rescaling of inputs below the zero point (alpha folded in; negative for a negative alpha). */
  alphaMultiplier: number;
  alphaShift: number;
  outMin: number;
  outMax: number;
}

type Requant = Omit<LeakyReluParams, 'dtype' | 'input' | 'output' | 'count' | 'alpha'>;

const NO_REQUANT: Requant = {
  inputZeroPoint: 0,
  outputZeroPoint: 0,
  identityMultiplier: 0,
  identityShift: 0,
  alphaMultiplier: 0,
  alphaShift: 0,
  outMin: 0,
  outMax: 0,
};

/** leaky_relu_common.cc: both ratios are formed in float, then widened to double. */
function requant(ctx: PrepareContext, input: GraphTensor, output: GraphTensor, alpha: number): Requant {
  const qi = quantParams(ctx, input);
  const qo = quantParams(ctx, output);
  const a = quantizeMultiplier(Math.fround(Math.fround(qi.scale * alpha) / qo.scale));
  const id = quantizeMultiplier(Math.fround(qi.scale / qo.scale));
  const [outMin, outMax] = INT_RANGES[input.dtype as 'int8' | 'int16'];
  return {
    inputZeroPoint: qi.zeroPoint,
    outputZeroPoint: qo.zeroPoint,
    identityMultiplier: id.multiplier,
    identityShift: id.shift,
    alphaMultiplier: a.multiplier,
    alphaShift: a.shift,
    outMin,
    outMax,
  };
}

function prepare(ctx: PrepareContext): LeakyReluParams {
  const base = prepareTypedUnary(ctx, ['float32', 'int8', 'int16'] as const);
  const alpha = Math.fround(Number(ctx.op.options.alpha ?? 0));
  return {
    ...base,
    alpha,
    ...(base.dtype === 'float32' ? NO_REQUANT : requant(ctx, ctx.input(0), ctx.output(0), alpha)),
  };
}

function evalLeakyRelu(p: LeakyReluParams, store: TensorStore): void {
  const { count } = p;
  if (p.dtype === 'float32') {
    const x = store.f32(p.input);
    const out = store.f32(p.output);
    for (let i = 0; i < count; i++) {
      const v = x[i];
      out[i] = v > 0 ? v : Math.fround(v * p.alpha);
    }
    return;
  }
  const x = p.dtype === 'int8' ? store.i8(p.input) : store.i16(p.input);
  const out = p.dtype === 'int8' ? store.i8(p.output) : store.i16(p.output);
  const { inputZeroPoint: zi, outputZeroPoint: zo, identityMultiplier: mi, identityShift: si } = p;
  const { alphaMultiplier: ma, alphaShift: sa, outMin, outMax } = p;
  for (let i = 0; i < count; i++) {
    const v = x[i] - zi;
    const r =
      zo + (v >= 0 ? multiplyByQuantizedMultiplier(v, mi, si) : multiplyByQuantizedMultiplier(v, ma, sa));
    out[i] = Math.min(Math.max(r, outMin), outMax);
  }
}

export const leakyRelu = defineKernel({ op: 'LEAKY_RELU', alias: 'in-place', prepare, eval: evalLeakyRelu });

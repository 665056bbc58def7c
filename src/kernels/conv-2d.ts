// Reproduces TFLM reference CONV_2D: integer_ops/conv.h (int8/int4-filter per-channel, 16x8 with int32 or int64 bias), reference/conv.h (float32).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { activationRangeFloat } from '../quant/activation.js';
import { clamp, multiplyByQuantizedMultiplier } from '../quant/fixed-point.js';
import {
  type BiasKind,
  biasKind,
  biasValues,
  checkConvTypes,
  clampActivation,
  filterInt8,
  multiplyWide,
  type QuantizedConvParams,
  quantizedConvParams,
  requireWideShifts,
  type WindowGeometry,
  windowGeometry,
} from './common/conv-params.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface Conv2DParams extends WindowGeometry, QuantizedConvParams {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  filter: number;
  /** -1 when the op has no bias. */
  bias: number;
  output: number;
  biasKind: BiasKind;
  /** Input channels each filter sees (inD / groups). */
  filterD: number;
  filtersPerGroup: number;
  /** int4 weights are unpacked into an int8 scratch copy before the loop, as TFLM does. */
  filterInt4: boolean;
  /** 16x8 with an int64 bias: int64 accumulator and the 64-bit requantization. */
  wideAccumulator: boolean;
}

const BIAS_FOR: Record<string, BiasKind[]> = {
  float32: ['float32'],
  int8: ['int32'],
  int16: ['int32', 'int64'],
};

const TYPE_PAIRS = ['float32/float32', 'int8/int8', 'int8/int4', 'int16/int8'];

const NO_QUANT = { inputOffset: 0, outputOffset: 0, multipliers: [], shifts: [] };

function prepare(ctx: PrepareContext): Conv2DParams {
  const input = ctx.input(0);
  const filter = ctx.input(1);
  const bias = ctx.optionalInput(2);
  const output = ctx.output(0);
  checkConvTypes(ctx, { input, filter, output }, TYPE_PAIRS);
  const g = windowGeometry(ctx, input, filter, output);
  if (filter.shape[0] !== g.outD) ctx.fail(`filter has ${filter.shape[0]} output channels, output ${g.outD}`);
  const filterD = filter.shape[3];
  if (filterD < 1 || g.inD % filterD !== 0)
    ctx.fail(`input depth ${g.inD} is not a multiple of filter depth ${filterD}`);
  const groups = g.inD / filterD;
  if (g.outD % groups !== 0) ctx.fail(`output depth ${g.outD} does not split into ${groups} groups`);
  const act = clampActivation(ctx);
  const kind = biasKind(ctx, bias, g.outD, BIAS_FOR[input.dtype]);
  const base = {
    ...g,
    dtype: input.dtype as Conv2DParams['dtype'],
    input: input.index,
    filter: filter.index,
    bias: bias?.index ?? -1,
    output: output.index,
    biasKind: kind,
    filterD,
    filtersPerGroup: g.outD / groups,
    filterInt4: filter.dtype === 'int4',
    wideAccumulator: kind === 'int64',
  };
  if (input.dtype === 'float32') {
    const [actMin, actMax] = activationRangeFloat(act);
    return { ...base, ...NO_QUANT, actMin, actMax };
  }
  const q = quantizedConvParams(ctx, { input, filter, output }, g.outD, 0, act);
  if (base.wideAccumulator) requireWideShifts(ctx, q.shifts);
  return { ...base, ...q };
}

/** Input values as int32 with the input offset already added (the loop's `input_val + input_offset`). */
function offsetInput(src: Int8Array | Int16Array, offset: number): Int32Array {
  const x = new Int32Array(src.length);
  for (let i = 0; i < src.length; i++) x[i] = src[i] + offset;
  return x;
}

/** Exact integer sums over one output pixel's window, for every output channel. */
function macPixel(
  p: Conv2DParams,
  x: Int32Array,
  w: Int8Array,
  xBatch: number,
  y0: number,
  x0: number,
  acc: Float64Array,
): void {
  const { inH, inW, inD, filterH, filterW, filterD, dilationH, dilationW } = p;
  const filterSize = filterH * filterW * filterD;
  for (let oc = 0; oc < p.outD; oc++) {
    const groupBase = xBatch + Math.trunc(oc / p.filtersPerGroup) * filterD;
    let sum = 0;
    for (let fy = 0; fy < filterH; fy++) {
      const iy = y0 + dilationH * fy;
      if (iy < 0 || iy >= inH) continue;
      for (let fx = 0; fx < filterW; fx++) {
        const ix = x0 + dilationW * fx;
        if (ix < 0 || ix >= inW) continue;
        let xi = groupBase + (iy * inW + ix) * inD;
        let wi = oc * filterSize + (fy * filterW + fx) * filterD;
        const end = wi + filterD;
        while (wi < end) sum += w[wi++] * x[xi++];
      }
    }
    acc[oc] = sum;
  }
}

/** Bias, requantization, output offset and clamp of one pixel's channels. */
function requantize(
  p: Conv2DParams,
  acc: Float64Array,
  bias: Float64Array,
  y: Int8Array | Int16Array,
  o: number,
): void {
  const { multipliers, shifts, outputOffset, actMin, actMax } = p;
  for (let oc = 0; oc < p.outD; oc++) {
    const v = p.wideAccumulator
      ? multiplyWide(acc[oc] + bias[oc], multipliers[oc], shifts[oc])
      : multiplyByQuantizedMultiplier((acc[oc] + bias[oc]) | 0, multipliers[oc], shifts[oc]) + outputOffset;
    y[o + oc] = clamp(v, actMin, actMax);
  }
}

function evalInt(p: Conv2DParams, store: TensorStore): void {
  const int8 = p.dtype === 'int8';
  const x = offsetInput(int8 ? store.i8(p.input) : store.i16(p.input), p.inputOffset);
  const w = filterInt8(store, p.filter, p.filterInt4, p.outD * p.filterH * p.filterW * p.filterD);
  const bias = biasValues(store, p.bias, p.biasKind, p.outD);
  const y = int8 ? store.i8(p.output) : store.i16(p.output);
  const acc = new Float64Array(p.outD);
  let o = 0;
  for (let b = 0; b < p.batches; b++) {
    const xBatch = b * p.inH * p.inW * p.inD;
    for (let oy = 0; oy < p.outH; oy++) {
      for (let ox = 0; ox < p.outW; ox++) {
        macPixel(p, x, w, xBatch, oy * p.strideH - p.padH, ox * p.strideW - p.padW, acc);
        requantize(p, acc, bias, y, o);
        o += p.outD;
      }
    }
  }
}

/** reference/conv.h in single precision: every product and sum rounded to float32, in TFLM's order. */
function floatPixel(
  p: Conv2DParams,
  x: Float32Array,
  w: Float32Array,
  xBatch: number,
  y0: number,
  x0: number,
  out: Float32Array,
  o: number,
  bias: Float64Array,
): void {
  const { inH, inW, inD, filterH, filterW, filterD, dilationH, dilationW, actMin, actMax } = p;
  const f = Math.fround;
  const filterSize = filterH * filterW * filterD;
  for (let oc = 0; oc < p.outD; oc++) {
    const groupBase = xBatch + Math.trunc(oc / p.filtersPerGroup) * filterD;
    let total = 0;
    for (let fy = 0; fy < filterH; fy++) {
      const iy = y0 + dilationH * fy;
      if (iy < 0 || iy >= inH) continue;
      for (let fx = 0; fx < filterW; fx++) {
        const ix = x0 + dilationW * fx;
        if (ix < 0 || ix >= inW) continue;
        let xi = groupBase + (iy * inW + ix) * inD;
        let wi = oc * filterSize + (fy * filterW + fx) * filterD;
        const end = wi + filterD;
        while (wi < end) total = f(total + f(x[xi++] * w[wi++]));
      }
    }
    const v = f(total + bias[oc]);
    out[o + oc] = clamp(v, actMin, actMax);
  }
}

function evalFloat(p: Conv2DParams, store: TensorStore): void {
  const x = store.f32(p.input);
  const w = store.f32(p.filter);
  const bias = biasValues(store, p.bias, p.biasKind, p.outD);
  const y = store.f32(p.output);
  let o = 0;
  for (let b = 0; b < p.batches; b++) {
    const xBatch = b * p.inH * p.inW * p.inD;
    for (let oy = 0; oy < p.outH; oy++) {
      for (let ox = 0; ox < p.outW; ox++) {
        floatPixel(p, x, w, xBatch, oy * p.strideH - p.padH, ox * p.strideW - p.padW, y, o, bias);
        o += p.outD;
      }
    }
  }
}

/**
 * int4 weights are unpacked into scratch (TFLM's copy); the C kernel gathers the windows of two
 * int8 pixels (every group's: 2 x taps x input depth) when a window spans more than one tap.
 */
function scratchBytes(p: Conv2DParams): number {
  const taps = p.filterH * p.filterW;
  if (p.filterInt4) return p.outD * taps * p.filterD;
  return p.dtype === 'int8' && taps > 1 ? 2 * taps * p.inD : 0;
}

export const conv2d = defineKernel({
  op: 'CONV_2D',
  prepare,
  eval(p: Conv2DParams, store: TensorStore): void {
    if (p.dtype === 'float32') evalFloat(p, store);
    else evalInt(p, store);
  },
  scratchBytes,
});

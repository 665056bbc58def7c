// Reproduces TFLM reference DEPTHWISE_CONV_2D: integer_ops/depthwise_conv.h (int8/int4-filter per-channel, 16x8 with int64 bias), reference/depthwiseconv_float.h (float32).
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

export interface DepthwiseConv2DParams extends WindowGeometry, QuantizedConvParams {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  filter: number;
  /** -1 when the op has no bias. */
  bias: number;
  output: number;
  biasKind: BiasKind;
  /** Output channel oc = inputChannel * depthMultiplier + m. */
  depthMultiplier: number;
  /** int4 weights are unpacked into an int8 scratch copy before the loop, as TFLM does. */
  filterInt4: boolean;
}

/** TFLM reads the bias as float, int32 and int64 for float32, int8 and int16 inputs. */
const BIAS_FOR: Record<string, BiasKind[]> = { float32: ['float32'], int8: ['int32'], int16: ['int64'] };

const TYPE_PAIRS = ['float32/float32', 'int8/int8', 'int8/int4', 'int16/int8'];

const NO_QUANT = { inputOffset: 0, outputOffset: 0, multipliers: [], shifts: [] };

function prepare(ctx: PrepareContext): DepthwiseConv2DParams {
  const input = ctx.input(0);
  const filter = ctx.input(1);
  const bias = ctx.optionalInput(2);
  const output = ctx.output(0);
  checkConvTypes(ctx, { input, filter, output }, TYPE_PAIRS);
  const g = windowGeometry(ctx, input, filter, output);
  const depthMultiplier = ctx.op.options.depthMultiplier as number;
  if (filter.shape[0] !== 1) ctx.fail(`filter must have shape [1, h, w, channels], got [${filter.shape}]`);
  if (filter.shape[3] !== g.outD) ctx.fail(`filter has ${filter.shape[3]} channels, output ${g.outD}`);
  if (g.inD * depthMultiplier !== g.outD)
    ctx.fail(`output depth ${g.outD} is not input depth ${g.inD} x depth multiplier ${depthMultiplier}`);
  const act = clampActivation(ctx);
  const base = {
    ...g,
    dtype: input.dtype as DepthwiseConv2DParams['dtype'],
    input: input.index,
    filter: filter.index,
    bias: bias?.index ?? -1,
    output: output.index,
    biasKind: biasKind(ctx, bias, g.outD, BIAS_FOR[input.dtype]),
    depthMultiplier,
    filterInt4: filter.dtype === 'int4',
  };
  if (input.dtype === 'float32') {
    const [actMin, actMax] = activationRangeFloat(act);
    return { ...base, ...NO_QUANT, actMin, actMax };
  }
  const q = quantizedConvParams(ctx, { input, filter, output }, g.outD, 3, act);
  if (input.dtype === 'int16') requireWideShifts(ctx, q.shifts);
  return { ...base, ...q };
}

/**
 * Exact integer sums of one output pixel, all channels at once: the window is walked outside
 * the channel loop (integer sums do not depend on the order).
 */
function macPixel(
  p: DepthwiseConv2DParams,
  x: Int8Array | Int16Array,
  w: Int8Array,
  xBatch: number,
  y0: number,
  x0: number,
  acc: Float64Array,
): void {
  const { inH, inW, inD, filterW, outD, depthMultiplier: dm, inputOffset } = p;
  acc.fill(0);
  for (let fy = 0; fy < p.filterH; fy++) {
    const iy = y0 + p.dilationH * fy;
    if (iy < 0 || iy >= inH) continue;
    for (let fx = 0; fx < filterW; fx++) {
      const ix = x0 + p.dilationW * fx;
      if (ix < 0 || ix >= inW) continue;
      const xBase = xBatch + (iy * inW + ix) * inD;
      const wBase = (fy * filterW + fx) * outD;
      for (let ic = 0, oc = 0; ic < inD; ic++) {
        const xv = x[xBase + ic] + inputOffset;
        for (let m = 0; m < dm; m++, oc++) acc[oc] += xv * w[wBase + oc];
      }
    }
  }
}

function requantize(
  p: DepthwiseConv2DParams,
  acc: Float64Array,
  bias: Float64Array,
  y: Int8Array | Int16Array,
  o: number,
): void {
  const { multipliers, shifts, outputOffset, actMin, actMax } = p;
  const wide = p.dtype === 'int16';
  for (let oc = 0; oc < p.outD; oc++) {
    const v = wide
      ? multiplyWide(acc[oc] + bias[oc], multipliers[oc], shifts[oc])
      : multiplyByQuantizedMultiplier((acc[oc] + bias[oc]) | 0, multipliers[oc], shifts[oc]) + outputOffset;
    y[o + oc] = clamp(v, actMin, actMax);
  }
}

function evalInt(p: DepthwiseConv2DParams, store: TensorStore): void {
  const int8 = p.dtype === 'int8';
  const x = int8 ? store.i8(p.input) : store.i16(p.input);
  const w = filterInt8(store, p.filter, p.filterInt4, p.filterH * p.filterW * p.outD);
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

/**
 * Single-precision sums of one output pixel. Each channel still accumulates its window in
 * TFLM's (filter_y, filter_x) order, with every product and sum rounded to float32.
 */
function floatPixel(
  p: DepthwiseConv2DParams,
  x: Float32Array,
  w: Float32Array,
  xBatch: number,
  y0: number,
  x0: number,
  acc: Float64Array,
): void {
  const { inH, inW, inD, filterW, outD, depthMultiplier: dm } = p;
  const f = Math.fround;
  acc.fill(0);
  for (let fy = 0; fy < p.filterH; fy++) {
    const iy = y0 + p.dilationH * fy;
    if (iy < 0 || iy >= inH) continue;
    for (let fx = 0; fx < filterW; fx++) {
      const ix = x0 + p.dilationW * fx;
      if (ix < 0 || ix >= inW) continue;
      const xBase = xBatch + (iy * inW + ix) * inD;
      const wBase = (fy * filterW + fx) * outD;
      for (let ic = 0, oc = 0; ic < inD; ic++) {
        const xv = x[xBase + ic];
        for (let m = 0; m < dm; m++, oc++) acc[oc] = f(acc[oc] + f(xv * w[wBase + oc]));
      }
    }
  }
}

function evalFloat(p: DepthwiseConv2DParams, store: TensorStore): void {
  const x = store.f32(p.input);
  const w = store.f32(p.filter);
  const bias = biasValues(store, p.bias, p.biasKind, p.outD);
  const y = store.f32(p.output);
  const acc = new Float64Array(p.outD);
  const { actMin, actMax } = p;
  let o = 0;
  for (let b = 0; b < p.batches; b++) {
    const xBatch = b * p.inH * p.inW * p.inD;
    for (let oy = 0; oy < p.outH; oy++) {
      for (let ox = 0; ox < p.outW; ox++) {
        floatPixel(p, x, w, xBatch, oy * p.strideH - p.padH, ox * p.strideW - p.padW, acc);
        for (let oc = 0; oc < p.outD; oc++) {
          const v = Math.fround(acc[oc] + bias[oc]);
          y[o + oc] = clamp(v, actMin, actMax);
        }
        o += p.outD;
      }
    }
  }
}

export const depthwiseConv2d = defineKernel({
  op: 'DEPTHWISE_CONV_2D',
  prepare,
  eval(p: DepthwiseConv2DParams, store: TensorStore): void {
    if (p.dtype === 'float32') evalFloat(p, store);
    else evalInt(p, store);
  },
  /** The reference loop order needs no scratch; int4 weights need their unpacked copy. */
  scratchBytes: (p: DepthwiseConv2DParams) => (p.filterInt4 ? p.filterH * p.filterW * p.outD : 0),
});

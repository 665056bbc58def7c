// Reproduces TFLM reference CONV_2D: integer_ops/conv.h (int8/int4-filter per-channel, 16x8 with int32 or int64 bias), reference/conv.h (float32).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  biasValues,
  clampFloatChannels,
  filterInt8,
  forEachOutputPixel,
  requantizeChannels,
} from './common/conv-eval.js';
import {
  type BiasKind,
  biasKind,
  type ConvTensors,
  clampActivation,
  convQuantization,
  convTensors,
  type QuantizedConvParams,
  type WindowGeometry,
  windowOperands,
} from './common/conv-params.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface Conv2DParams extends WindowGeometry, QuantizedConvParams, ConvTensors {
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

function prepare(ctx: PrepareContext): Conv2DParams {
  const { input, filter, bias, output, g } = windowOperands(ctx);
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
    ...convTensors(input, filter, bias, output, kind),
    filterD,
    filtersPerGroup: g.outD / groups,
    filterInt4: filter.dtype === 'int4',
    wideAccumulator: kind === 'int64',
  };
  return {
    ...base,
    ...convQuantization(ctx, { input, filter, output }, g.outD, 0, act, base.wideAccumulator),
  };
}

/** Input values as int32 with the input offset already added (the loop's `input_val + input_offset`). */
function offsetInput(src: Int8Array | Int16Array, offset: number): Int32Array {
  const x = new Int32Array(src.length);
  for (let i = 0; i < src.length; i++) x[i] = src[i] + offset;
  return x;
}

/**
 * Every output channel's sum over one pixel's window: exact for integers, else (`round`) in
 * single precision with every product and sum rounded in reference/conv.h's order.
 */
function windowSums(
  p: Conv2DParams,
  x: Int32Array | Float32Array,
  w: Int8Array | Float32Array,
  xBatch: number,
  y0: number,
  x0: number,
  acc: Float64Array,
  round: boolean,
): void {
  const { inH, inW, inD, filterH, filterW, filterD, dilationH, dilationW } = p;
  const f = Math.fround;
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
        if (round) while (wi < end) sum = f(sum + f(x[xi++] * w[wi++]));
        else while (wi < end) sum += w[wi++] * x[xi++];
      }
    }
    acc[oc] = sum;
  }
}

function evalConv(p: Conv2DParams, store: TensorStore): void {
  const bias = biasValues(store, p.bias, p.biasKind, p.outD);
  const acc = new Float64Array(p.outD);
  if (p.dtype === 'float32') {
    const [x, w, y] = [store.f32(p.input), store.f32(p.filter), store.f32(p.output)];
    forEachOutputPixel(p, (xBatch, y0, x0, o) => {
      windowSums(p, x, w, xBatch, y0, x0, acc, true);
      clampFloatChannels(p, acc, 0, bias, y, o);
    });
    return;
  }
  const int8 = p.dtype === 'int8';
  const x = offsetInput(int8 ? store.i8(p.input) : store.i16(p.input), p.inputOffset);
  const w = filterInt8(store, p.filter, p.filterInt4, p.outD * p.filterH * p.filterW * p.filterD);
  const y = int8 ? store.i8(p.output) : store.i16(p.output);
  forEachOutputPixel(p, (xBatch, y0, x0, o) => {
    windowSums(p, x, w, xBatch, y0, x0, acc, false);
    requantizeChannels(p, p.wideAccumulator, acc, 0, bias, y, o);
  });
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
  eval: evalConv,
  scratchBytes,
});

// Reproduces TFLM reference DEPTHWISE_CONV_2D: integer_ops/depthwise_conv.h (int8/int4-filter per-channel, 16x8 with int64 bias), reference/depthwiseconv_float.h (float32).
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

export interface DepthwiseConv2DParams extends WindowGeometry, QuantizedConvParams, ConvTensors {
  /** Output channel oc = inputChannel * depthMultiplier + m. */
  depthMultiplier: number;
  /** int4 weights are unpacked into an int8 scratch copy before the loop, as TFLM does. */
  filterInt4: boolean;
}

/** TFLM reads the bias as float, int32 and int64 for float32, int8 and int16 inputs. */
const BIAS_FOR: Record<string, BiasKind[]> = { float32: ['float32'], int8: ['int32'], int16: ['int64'] };

function prepare(ctx: PrepareContext): DepthwiseConv2DParams {
  const { input, filter, bias, output, g } = windowOperands(ctx);
  const depthMultiplier = ctx.op.options.depthMultiplier as number;
  if (filter.shape[0] !== 1) ctx.fail(`filter must have shape [1, h, w, channels], got [${filter.shape}]`);
  if (filter.shape[3] !== g.outD) ctx.fail(`filter has ${filter.shape[3]} channels, output ${g.outD}`);
  if (g.inD * depthMultiplier !== g.outD)
    ctx.fail(`output depth ${g.outD} is not input depth ${g.inD} x depth multiplier ${depthMultiplier}`);
  const act = clampActivation(ctx);
  const base = {
    ...g,
    ...convTensors(input, filter, bias, output, biasKind(ctx, bias, g.outD, BIAS_FOR[input.dtype])),
    depthMultiplier,
    filterInt4: filter.dtype === 'int4',
  };
  return {
    ...base,
    ...convQuantization(ctx, { input, filter, output }, g.outD, 3, act, input.dtype === 'int16'),
  };
}

/**
 * Sums of one output pixel, all channels at once, walking the window outside the channel loop:
 * exact for integers (the order does not matter), else (`round`) in single precision, each
 * channel still accumulating in TFLM's (filter_y, filter_x) order with every product and sum rounded.
 */
function windowSums(
  p: DepthwiseConv2DParams,
  x: Int8Array | Int16Array | Float32Array,
  w: Int8Array | Float32Array,
  xBatch: number,
  y0: number,
  x0: number,
  acc: Float64Array,
  round: boolean,
): void {
  const { inH, inW, inD, filterW, outD, depthMultiplier: dm, inputOffset } = p;
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
        if (round) {
          const xv = x[xBase + ic];
          for (let m = 0; m < dm; m++, oc++) acc[oc] = f(acc[oc] + f(xv * w[wBase + oc]));
        } else {
          const xv = x[xBase + ic] + inputOffset;
          for (let m = 0; m < dm; m++, oc++) acc[oc] += xv * w[wBase + oc];
        }
      }
    }
  }
}

function evalDepthwise(p: DepthwiseConv2DParams, store: TensorStore): void {
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
  const x = int8 ? store.i8(p.input) : store.i16(p.input);
  const w = filterInt8(store, p.filter, p.filterInt4, p.filterH * p.filterW * p.outD);
  const y = int8 ? store.i8(p.output) : store.i16(p.output);
  forEachOutputPixel(p, (xBatch, y0, x0, o) => {
    windowSums(p, x, w, xBatch, y0, x0, acc, false);
    requantizeChannels(p, !int8, acc, 0, bias, y, o);
  });
}

export const depthwiseConv2d = defineKernel({
  op: 'DEPTHWISE_CONV_2D',
  prepare,
  eval: evalDepthwise,
  /** The reference loop order needs no scratch; int4 weights need their unpacked copy. */
  scratchBytes: (p: DepthwiseConv2DParams) => (p.filterInt4 ? p.filterH * p.filterW * p.outD : 0),
});

/**
 * Shared eval arithmetic of the convolution group (CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV):
 * operands as exact numbers, the output pixel walk and the per-channel requantization.
 */
import type { TensorStore } from '../../interpreter/tensor-store.js';
import {
  clamp,
  multiplyByQuantizedMultiplier,
  multiplyByQuantizedMultiplierInt64,
} from '../../quant/fixed-point.js';
import { type BiasKind, type QuantizedConvParams, unpackInt4, type WindowGeometry } from './conv-params.js';

/** The bias as exact numbers (int64 values beyond 2^53 are outside TFLM's own range assumption). */
export function biasValues(store: TensorStore, bias: number, kind: BiasKind, channels: number): Float64Array {
  const out = new Float64Array(channels);
  if (kind === 'int64') {
    const b = store.i64(bias);
    for (let c = 0; c < channels; c++) out[c] = Number(b[c]);
  } else if (kind === 'int32') out.set(store.i32(bias).subarray(0, channels));
  else if (kind === 'int16') out.set(store.i16(bias).subarray(0, channels));
  else if (kind === 'float32') out.set(store.f32(bias).subarray(0, channels));
  return out;
}

const TWO_POW_37 = 2 ** 37;

/**
 * MultiplyByQuantizedMultiplier for an int64 accumulator held as an exact number. Below 2^37 the
 * product with the 16-bit reduced multiplier stays under 2^53, so plain float math is exact;
 * larger values take the BigInt path of src/quant/fixed-point.ts.
 */
export function multiplyWide(x: number, multiplier: number, shift: number): number {
  if (x > -TWO_POW_37 && x < TWO_POW_37) {
    const reduced = multiplier < 0x7fff0000 ? (multiplier + 32768) >> 16 : 0x7fff;
    const total = 15 - shift;
    return Math.floor((x * reduced + 2 ** (total - 1)) / 2 ** total) | 0;
  }
  return multiplyByQuantizedMultiplierInt64(BigInt(x), multiplier, shift);
}

/** The filter as int8 values: int8 tensors directly, int4 ones unpacked (TFLM's scratch copy). */
export function filterInt8(store: TensorStore, filter: number, int4: boolean, count: number): Int8Array {
  if (!int4) return store.i8(filter);
  const out = new Int8Array(count);
  unpackInt4(store.u8(filter), count, out);
  return out;
}

/**
 * Visits the output pixels in NHWC order with the input batch offset, the window origin (negative
 * inside the leading padding) and the output offset of the pixel's first channel.
 */
export function forEachOutputPixel(
  g: Omit<WindowGeometry, 'dilationH' | 'dilationW'>,
  visit: (xBatch: number, y0: number, x0: number, o: number) => void,
): void {
  let o = 0;
  for (let b = 0; b < g.batches; b++) {
    const xBatch = b * g.inH * g.inW * g.inD;
    for (let oy = 0; oy < g.outH; oy++) {
      for (let ox = 0; ox < g.outW; ox++, o += g.outD)
        visit(xBatch, oy * g.strideH - g.padH, ox * g.strideW - g.padW, o);
    }
  }
}

/**
 * Bias, requantization, output offset and clamp of `channels` sums acc[a..] into y[o..]: an int32
 * accumulator, or (`wide`, 16x8 with a 64-bit accumulator) the 64-bit requantization without offset.
 */
export function requantizeChannels(
  q: QuantizedConvParams,
  wide: boolean,
  acc: Float64Array,
  a: number,
  bias: Float64Array,
  y: Int8Array | Int16Array,
  o: number,
): void {
  const { multipliers, shifts, outputOffset, actMin, actMax } = q;
  for (let c = 0; c < bias.length; c++) {
    const v = wide
      ? multiplyWide(acc[a + c] + bias[c], multipliers[c], shifts[c])
      : multiplyByQuantizedMultiplier((acc[a + c] + bias[c]) | 0, multipliers[c], shifts[c]) + outputOffset;
    y[o + c] = clamp(v, actMin, actMax);
  }
}

/** Float32 outputs: each channel's single-precision sum plus its bias, clamped. */
export function clampFloatChannels(
  q: QuantizedConvParams,
  acc: Float64Array | Float32Array,
  a: number,
  bias: Float64Array,
  y: Float32Array,
  o: number,
): void {
  for (let c = 0; c < bias.length; c++)
    y[o + c] = clamp(Math.fround(acc[a + c] + bias[c]), q.actMin, q.actMax);
}

/**
 * Plain references for the convolution tests, written from the op definitions: each output
 * element lists the (input, weight) index pairs that feed it; sums are exact (integers) or in
 * double precision (floats). Requantization uses src/quant, the one fixed-point implementation.
 */
import {
  clamp,
  multiplyByQuantizedMultiplier,
  multiplyByQuantizedMultiplierInt64,
  quantizeMultiplier,
} from '../../src/quant/fixed-point.js';

export interface RefOp {
  op: 'CONV_2D' | 'DEPTHWISE_CONV_2D' | 'TRANSPOSE_CONV';
  /** NHWC input and output, OHWI (conv, transpose) or 1HWO (depthwise) filter. */
  inShape: number[];
  filterShape: number[];
  outShape: number[];
  strideH: number;
  strideW: number;
  dilationH?: number;
  dilationW?: number;
  padding: 'SAME' | 'VALID';
}

const idx = (shape: number[], a: number, b: number, c: number, d: number) =>
  ((a * shape[1] + b) * shape[2] + c) * shape[3] + d;

/** Leading padding: half the total (rounded down) that makes the window cover `out` outputs. */
function leadPad(
  padding: string,
  inSize: number,
  outSize: number,
  stride: number,
  filter: number,
  dil: number,
) {
  if (padding === 'VALID') return 0;
  return Math.max(0, (outSize - 1) * stride + (filter - 1) * dil + 1 - inSize) >> 1;
}

/** The (input index, weight index) pairs of output element (b, oy, ox, oc). */
export function taps(r: RefOp, b: number, oy: number, ox: number, oc: number): [number, number][] {
  const [, inH, inW, inD] = r.inShape;
  const [, fH, fW, fD] = r.filterShape;
  const [, outH, outW, outD] = r.outShape;
  const dh = r.dilationH ?? 1;
  const dw = r.dilationW ?? 1;
  const out: [number, number][] = [];
  if (r.op === 'TRANSPOSE_CONV') {
    const padH = leadPad(r.padding, outH, inH, r.strideH, fH, 1);
    const padW = leadPad(r.padding, outW, inW, r.strideW, fW, 1);
    for (let iy = 0; iy < inH; iy++)
      for (let ix = 0; ix < inW; ix++) {
        const fy = oy - (iy * r.strideH - padH);
        const fx = ox - (ix * r.strideW - padW);
        if (fy < 0 || fy >= fH || fx < 0 || fx >= fW) continue;
        for (let ic = 0; ic < inD; ic++)
          out.push([idx(r.inShape, b, iy, ix, ic), idx(r.filterShape, oc, fy, fx, ic)]);
      }
    return out;
  }
  const padH = leadPad(r.padding, inH, outH, r.strideH, fH, dh);
  const padW = leadPad(r.padding, inW, outW, r.strideW, fW, dw);
  for (let fy = 0; fy < fH; fy++)
    for (let fx = 0; fx < fW; fx++) {
      const iy = oy * r.strideH - padH + fy * dh;
      const ix = ox * r.strideW - padW + fx * dw;
      if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) continue;
      if (r.op === 'DEPTHWISE_CONV_2D') {
        const ic = Math.floor(oc / (outD / inD));
        out.push([idx(r.inShape, b, iy, ix, ic), idx(r.filterShape, 0, fy, fx, oc)]);
      } else {
        const group = Math.floor(oc / (outD / (inD / fD)));
        for (let ic = 0; ic < fD; ic++)
          out.push([idx(r.inShape, b, iy, ix, group * fD + ic), idx(r.filterShape, oc, fy, fx, ic)]);
      }
    }
  return out;
}

function forEachOutput(r: RefOp, fn: (b: number, oy: number, ox: number, oc: number) => number): number[] {
  const [n, h, w, d] = r.outShape;
  const out: number[] = [];
  for (let b = 0; b < n; b++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) for (let c = 0; c < d; c++) out.push(fn(b, y, x, c));
  return out;
}

/** Real-valued result (double precision), clamped to [lo, hi]. */
export function refReal(
  r: RefOp,
  x: number[],
  w: number[],
  bias: number[] | null,
  lo = -Infinity,
  hi = Infinity,
) {
  return forEachOutput(r, (b, oy, ox, oc) => {
    let s = bias ? bias[oc] : 0;
    for (const [xi, wi] of taps(r, b, oy, ox, oc)) s += x[xi] * w[wi];
    return Math.min(Math.max(s, lo), hi);
  });
}

/** Sum of |x * w| per output: the scale of float rounding error. */
export function refMagnitude(r: RefOp, x: number[], w: number[]) {
  return forEachOutput(r, (b, oy, ox, oc) =>
    taps(r, b, oy, ox, oc).reduce((s, [xi, wi]) => s + Math.abs(x[xi] * w[wi]), 0),
  );
}

export interface RefQuant {
  inScale: number;
  inZp: number;
  filterScales: number[];
  outScale: number;
  outZp: number;
  /** 'int32' accumulator with the int32 requantization, or 'int64' with the 64-bit one. */
  accumulator: 'int32' | 'int64';
  actMin: number;
  actMax: number;
}

/** TFLM's integer arithmetic: exact sum, wrap (int32) or not (int64), requantize, offset, clamp. */
export function refQuant(r: RefOp, x: number[], w: number[], bias: number[] | null, q: RefQuant): number[] {
  return forEachOutput(r, (b, oy, ox, oc) => {
    let acc = 0n;
    for (const [xi, wi] of taps(r, b, oy, ox, oc)) acc += BigInt(w[wi]) * BigInt(x[xi] - q.inZp);
    if (bias) acc += BigInt(bias[oc]);
    const scale = q.filterScales[q.filterScales.length === 1 ? 0 : oc];
    const { multiplier, shift } = quantizeMultiplier((q.inScale * scale) / q.outScale);
    const v =
      q.accumulator === 'int64'
        ? multiplyByQuantizedMultiplierInt64(acc, multiplier, shift)
        : multiplyByQuantizedMultiplier(Number(BigInt.asIntN(32, acc)), multiplier, shift) + q.outZp;
    return clamp(v, q.actMin, q.actMax);
  });
}

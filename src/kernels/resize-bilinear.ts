// Reproduces TFLM reference RESIZE_BILINEAR: resize_bilinear.cc with reference/resize_bilinear.h ResizeBilinear (float32) and ResizeBilinearInteger (int8, 10-bit fixed-point weights, default double-rounding build).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { resizeTarget } from './resize-nearest-neighbor.js';
import { defineKernel, type PrepareContext } from './types.js';

/** Interpolation sources along one axis: position (float, or integer in 1/1024 units) and bounds. */
export interface AxisSamples {
  pos: number[];
  lo: number[];
  hi: number[];
}

export interface ResizeBilinearParams {
  dtype: 'float32' | 'int8';
  input: number;
  output: number;
  batches: number;
  inH: number;
  inW: number;
  depth: number;
  rows: AxisSamples;
  cols: AxisSamples;
}

const f = Math.fround;

/** ComputeInterpolationValues for each output index, in single precision. */
export function floatSamples(
  inSize: number,
  outSize: number,
  align: boolean,
  halfPixel: boolean,
): AxisSamples {
  const scale = align && outSize > 1 ? f((inSize - 1) / (outSize - 1)) : f(inSize / outSize);
  const s: AxisSamples = { pos: [], lo: [], hi: [] };
  for (let v = 0; v < outSize; v++) {
    const p = halfPixel ? f(f(f(v + 0.5) * scale) - 0.5) : f(v * scale);
    s.pos.push(p);
    s.lo.push(Math.max(Math.floor(p), 0));
    s.hi.push(Math.min(Math.ceil(p), inSize - 1));
  }
  return s;
}

/** ComputeInterpolationValuesInteger: positions in 1/1024 units, C's truncating division. */
export function integerSamples(
  inSize: number,
  outSize: number,
  align: boolean,
  halfPixel: boolean,
): AxisSamples {
  const scale =
    align && outSize > 1
      ? Math.trunc((1024 * (inSize - 1) + Math.trunc((outSize - 1) / 2)) / (outSize - 1))
      : Math.trunc((1024 * inSize + Math.trunc(outSize / 2)) / outSize);
  const s: AxisSamples = { pos: [], lo: [], hi: [] };
  for (let v = 0; v < outSize; v++) {
    const p = halfPixel ? v * scale + Math.trunc(scale / 2) - 512 : v * scale;
    s.pos.push(p);
    s.lo.push(Math.max(Math.trunc(p / 1024), 0));
    s.hi.push(Math.min(Math.trunc((p + 1023) / 1024), inSize - 1));
  }
  return s;
}

function prepare(ctx: PrepareContext): ResizeBilinearParams {
  const input = ctx.input(0);
  if (input.dtype !== 'float32' && input.dtype !== 'int8') ctx.unsupported(`input dtype ${input.dtype}`);
  const [outH, outW] = resizeTarget(ctx);
  const align = ctx.op.options.alignCorners as boolean;
  const halfPixel = ctx.op.options.halfPixelCenters as boolean;
  if (align && halfPixel) ctx.fail('half_pixel_centers requires align_corners to be false');
  const [batches, inH, inW, depth] = input.shape;
  const samples = input.dtype === 'float32' ? floatSamples : integerSamples;
  return {
    dtype: input.dtype,
    input: input.index,
    output: ctx.output(0).index,
    batches,
    inH,
    inW,
    depth,
    rows: samples(inH, outH, align, halfPixel),
    cols: samples(inW, outW, align, halfPixel),
  };
}

type Interpolate = (v00: number, v10: number, v01: number, v11: number, dy: number, dx: number) => number;

/** The float expression, left to right in float: v * (1 - dy) * (1 - dx) + ... + 0. */
const interpolateFloat: Interpolate = (v00, v10, v01, v11, dy, dx) => {
  const ry = f(1 - dy);
  const rx = f(1 - dx);
  const t = f(f(f(f(v00 * ry) * rx) + f(f(v10 * dy) * rx)) + f(f(v01 * ry) * dx));
  return f(f(t + f(f(v11 * dy) * dx)) + 0);
};

/** The 20-bit fixed-point sum, rounded half away from zero, wrapped to int8 as static_cast does. */
const interpolateInteger: Interpolate = (v00, v10, v01, v11, dy, dx) => {
  const sum =
    v00 * (1024 - dy) * (1024 - dx) + v10 * dy * (1024 - dx) + v01 * (1024 - dy) * dx + v11 * dy * dx;
  const rounded = Math.trunc((sum + (sum > 0 ? 1 << 19 : -(1 << 19))) / (1 << 20));
  return (rounded << 24) >> 24;
};

function evalResize(p: ResizeBilinearParams, store: TensorStore): void {
  const isFloat = p.dtype === 'float32';
  const input = isFloat ? store.f32(p.input) : store.i8(p.input);
  const output = isFloat ? store.f32(p.output) : store.i8(p.output);
  const interpolate = isFloat ? interpolateFloat : interpolateInteger;
  const unit = isFloat ? 1 : 1024;
  const at = (b: number, y: number, x: number) => ((b * p.inH + y) * p.inW + x) * p.depth;
  let o = 0;
  for (let b = 0; b < p.batches; b++) {
    for (let r = 0; r < p.rows.pos.length; r++) {
      const [y0, y1] = [p.rows.lo[r], p.rows.hi[r]];
      const dy = isFloat ? f(p.rows.pos[r] - y0) : p.rows.pos[r] - unit * y0;
      for (let c = 0; c < p.cols.pos.length; c++) {
        const [x0, x1] = [p.cols.lo[c], p.cols.hi[c]];
        const dx = isFloat ? f(p.cols.pos[c] - x0) : p.cols.pos[c] - unit * x0;
        const [i00, i10, i01, i11] = [at(b, y0, x0), at(b, y1, x0), at(b, y0, x1), at(b, y1, x1)];
        for (let d = 0; d < p.depth; d++)
          output[o++] = interpolate(input[i00 + d], input[i10 + d], input[i01 + d], input[i11 + d], dy, dx);
      }
    }
  }
}

export const resizeBilinear = defineKernel<ResizeBilinearParams>({
  op: 'RESIZE_BILINEAR',
  prepare,
  eval: evalResize,
});

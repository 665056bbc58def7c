// Reproduces TFLM reference RESIZE_NEAREST_NEIGHBOR: resize_nearest_neighbor.cc with reference/resize_nearest_neighbor.h (float32, int8, int16; TFLM always runs it with half_pixel_centers = false).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { roundHalfAway } from '../quant/fixed-point.js';
import { requireRank4 } from './common/conv-params.js';
import { constantInt32s } from './common/reduce.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface ResizeNearestParams {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  output: number;
  batches: number;
  inH: number;
  inW: number;
  depth: number;
  outH: number;
  outW: number;
  /** Source row for each output row and source column for each output column. */
  rowMap: number[];
  colMap: number[];
}

/** GetNearestNeighbor with half_pixel_centers = false, in single precision. */
export function nearestIndex(value: number, inSize: number, outSize: number, alignCorners: boolean): number {
  const f = Math.fround;
  const scale = alignCorners && outSize > 1 ? f((inSize - 1) / f(outSize - 1)) : f(inSize / f(outSize));
  const scaled = f(value * scale);
  const index = alignCorners ? roundHalfAway(scaled) : Math.floor(scaled);
  return Math.min(index, inSize - 1);
}

/** The constant [height, width] size input both resize kernels take, and the output it implies. */
export function resizeTarget(ctx: PrepareContext): [number, number] {
  const input = ctx.input(0);
  const size = ctx.input(1);
  const output = ctx.output(0);
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs (input, size), got ${ctx.op.inputs.length}`);
  requireRank4(ctx, input, 'input');
  requireRank4(ctx, output, 'output');
  if (size.shape.length !== 1 || size.shape[0] !== 2)
    ctx.fail(`size must have shape [2], got [${size.shape}]`);
  if (output.dtype !== input.dtype) ctx.fail(`input ${input.dtype} and output ${output.dtype} differ`);
  const [outH, outW] = constantInt32s(ctx, size, 'size');
  if (!(outH > 0 && outW > 0)) ctx.fail(`size must be positive, got [${outH}, ${outW}]`);
  const [b, , , d] = input.shape;
  const want = [b, outH, outW, d];
  if (output.shape.some((v, i) => v !== want[i])) ctx.fail(`output [${output.shape}] should be [${want}]`);
  return [outH, outW];
}

function prepare(ctx: PrepareContext): ResizeNearestParams {
  const input = ctx.input(0);
  if (input.dtype !== 'float32' && input.dtype !== 'int8' && input.dtype !== 'int16')
    ctx.unsupported(`input dtype ${input.dtype}`);
  const [outH, outW] = resizeTarget(ctx);
  const [batches, inH, inW, depth] = input.shape;
  const align = ctx.op.options.alignCorners as boolean;
  return {
    dtype: input.dtype,
    input: input.index,
    output: ctx.output(0).index,
    batches,
    inH,
    inW,
    depth,
    outH,
    outW,
    rowMap: Array.from({ length: outH }, (_, y) => nearestIndex(y, inH, outH, align)),
    colMap: Array.from({ length: outW }, (_, x) => nearestIndex(x, inW, outW, align)),
  };
}

function evalResize(p: ResizeNearestParams, store: TensorStore): void {
  // Float data is copied bit for bit, as TFLM does through int32 pointers.
  const view =
    p.dtype === 'int8'
      ? store.i8.bind(store)
      : p.dtype === 'int16'
        ? store.i16.bind(store)
        : store.i32.bind(store);
  const input = view(p.input);
  const output = view(p.output);
  let o = 0;
  for (let b = 0; b < p.batches; b++) {
    for (const y of p.rowMap) {
      for (const x of p.colMap) {
        const src = ((b * p.inH + y) * p.inW + x) * p.depth;
        output.set(input.subarray(src, src + p.depth), o);
        o += p.depth;
      }
    }
  }
}

export const resizeNearestNeighbor = defineKernel<ResizeNearestParams>({
  op: 'RESIZE_NEAREST_NEIGHBOR',
  prepare,
  eval: evalResize,
});

// Reproduces TFLM STRIDED_SLICE (micro/kernels/strided_slice.cc, reference/strided_slice.h, strided_slice_logic.h).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  constantInts,
  type ElementArray,
  type ElementWidth,
  elements,
  extendShape,
  movedWidth,
  padFront,
  sameShape,
  stridesOf,
} from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

/** A slice over the input seen as 5-D (leading 1s): per axis the first index, the exclusive stop and the step. */
export interface StridedSliceParams {
  width: ElementWidth;
  input: number;
  output: number;
  inputShape: number[];
  start: number[];
  stop: number[];
  stride: number[];
}

/** One axis of the slice after ellipsis and new axes are expanded. */
interface AxisSpec {
  size: number;
  begin: number;
  end: number;
  stride: number;
  beginMask: boolean;
  endMask: boolean;
  shrink: boolean;
}

interface SliceSpec {
  begin: number[];
  end: number[];
  strides: number[];
  beginMask: number;
  endMask: number;
  ellipsisMask: number;
  newAxisMask: number;
  shrinkAxisMask: number;
}

const MAX_RANK = 5;
const bit = (mask: number, j: number): boolean => ((mask >> j) & 1) === 1;
const fullAxis = (size: number): AxisSpec => ({
  size,
  begin: 0,
  end: size,
  stride: 1,
  beginMask: true,
  endMask: true,
  shrink: false,
});

/**
 * Expands the ellipsis into full axes and turns each new axis into a size-1 input axis (which
 * leaves the memory layout unchanged), so every entry maps to one axis of a virtual input.
 */
function denseAxes(ctx: PrepareContext, shape: number[], s: SliceSpec): AxisSpec[] {
  const n = s.begin.length;
  let consuming = 0;
  let ellipses = 0;
  for (let j = 0; j < n; j++) {
    if (bit(s.ellipsisMask, j)) ellipses++;
    else if (!bit(s.newAxisMask, j)) consuming++;
  }
  if (ellipses > 1) ctx.fail('more than one ellipsis in ellipsis_mask');
  if (consuming > shape.length) ctx.fail(`${consuming} sliced axes for an input of rank ${shape.length}`);
  const axes: AxisSpec[] = [];
  let d = 0;
  for (let j = 0; j < n; j++) {
    if (bit(s.ellipsisMask, j)) {
      for (const end = d + shape.length - consuming; d < end; d++) axes.push(fullAxis(shape[d]));
    } else if (bit(s.newAxisMask, j)) {
      axes.push({ ...fullAxis(1), beginMask: false, endMask: false });
    } else {
      const [beginMask, endMask, shrink] = [bit(s.beginMask, j), bit(s.endMask, j), bit(s.shrinkAxisMask, j)];
      axes.push({
        size: shape[d++],
        begin: s.begin[j],
        end: s.end[j],
        stride: s.strides[j],
        beginMask,
        endMask,
        shrink,
      });
    }
  }
  for (; d < shape.length; d++) axes.push(fullAxis(shape[d]));
  return axes;
}

/** StridedSliceStartForAxis: first index, clamped to the valid range for the direction. */
function startFor(a: AxisSpec): number {
  if (a.beginMask) return a.stride > 0 ? 0 : a.size - 1;
  const s = a.begin < 0 ? a.begin + a.size : a.begin;
  return a.stride > 0 ? Math.min(Math.max(s, 0), a.size) : Math.min(Math.max(s, -1), a.size - 1);
}

/** StridedSliceEndForAxis: exclusive stop; with `offset` the end is relative to the start. */
function stopFor(a: AxisSpec, start: number, offset: boolean): number {
  if (a.endMask) return a.stride > 0 ? a.size : -1;
  let e = offset ? a.end + start : a.end;
  if (e < 0) e += a.size;
  return a.stride > 0 ? Math.min(Math.max(e, 0), a.size) : Math.min(Math.max(e, -1), a.size - 1);
}

/** Per-axis start/stop/stride and the output shape (shrunk axes dropped). */
function resolveAxes(ctx: PrepareContext, axes: AxisSpec[], offset: boolean) {
  const start: number[] = [];
  const stop: number[] = [];
  const stride: number[] = [];
  const outShape: number[] = [];
  for (const a of axes) {
    if (a.stride === 0) ctx.fail('stride value has to be non-zero');
    const s = startFor(a);
    if (a.shrink) {
      // TensorFlow only allows stride 1 on a shrunk axis, and the index must exist.
      if (s < 0 || s >= a.size) ctx.fail(`shrunk index ${a.begin} is out of range for size ${a.size}`);
      start.push(s);
      stop.push(s + 1);
      stride.push(1);
      continue;
    }
    const e = stopFor(a, s, offset);
    start.push(s);
    stop.push(e);
    stride.push(a.stride);
    outShape.push(Math.max(0, Math.ceil(Math.fround(Math.fround(e - s) / a.stride))));
  }
  return { start, stop, stride, outShape };
}

/** Pads a resolved slice to 5-D with full leading size-1 axes, as StridedSlicePadIndices does. */
export function padSlice(
  shape: number[],
  start: number[],
  stop: number[],
  stride: number[],
): Pick<StridedSliceParams, 'inputShape' | 'start' | 'stop' | 'stride'> {
  return {
    inputShape: extendShape(shape, MAX_RANK),
    start: padFront(start, MAX_RANK, 0),
    stop: padFront(stop, MAX_RANK, 1),
    stride: padFront(stride, MAX_RANK, 1),
  };
}

function readSpec(ctx: PrepareContext): SliceSpec {
  const o = ctx.op.options;
  const [begin, end, strides] = [1, 2, 3].map((i, k) =>
    constantInts(ctx, ctx.input(i), ['begin', 'end', 'strides'][k]),
  );
  if (begin.length !== end.length || begin.length !== strides.length)
    ctx.fail(`begin, end and strides differ in length (${begin.length}, ${end.length}, ${strides.length})`);
  const mask = (name: string) => (o[name] as number | undefined) ?? 0;
  return {
    begin,
    end,
    strides,
    beginMask: mask('beginMask'),
    endMask: mask('endMask'),
    ellipsisMask: mask('ellipsisMask'),
    newAxisMask: mask('newAxisMask'),
    shrinkAxisMask: mask('shrinkAxisMask'),
  };
}

function prepare(ctx: PrepareContext): StridedSliceParams {
  if (ctx.op.inputs.length !== 4) ctx.fail(`expects 4 inputs, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  const width = movedWidth(ctx, input, output);
  const axes = denseAxes(ctx, input.shape, readSpec(ctx));
  if (axes.length > MAX_RANK) ctx.unsupported(`slicing ${axes.length} axes (at most ${MAX_RANK})`);
  const r = resolveAxes(ctx, axes, ctx.op.options.offset === true);
  if (!sameShape(r.outShape, output.shape))
    ctx.fail(`the slice has shape [${r.outShape}] but the output is [${output.shape}]`);
  const shape = axes.map((a) => a.size);
  return { width, input: input.index, output: output.index, ...padSlice(shape, r.start, r.stop, r.stride) };
}

const inRange = (i: number, stop: number, stride: number): boolean => (stride > 0 ? i < stop : i > stop);

/** The reference's five nested loops; unit inner strides copy whole runs. */
export function evalStridedSlice(p: StridedSliceParams, store: TensorStore): void {
  const input = elements(store, p.input, p.width);
  const out = elements(store, p.output, p.width);
  const strides = stridesOf(p.inputShape);
  let o = 0;
  const walk = (dim: number, base: number, src: ElementArray): void => {
    const [first, stop, step] = [p.start[dim], p.stop[dim], p.stride[dim]];
    if (dim === MAX_RANK - 1 && step === 1) {
      if (stop > first) out.set(src.subarray(base + first, base + stop), o);
      o += Math.max(0, stop - first);
      return;
    }
    for (let i = first; inRange(i, stop, step); i += step) {
      if (dim === MAX_RANK - 1) out[o++] = src[base + i];
      else walk(dim + 1, base + i * strides[dim], src);
    }
  };
  walk(0, 0, input);
}

export const stridedSlice = defineKernel({ op: 'STRIDED_SLICE', prepare, eval: evalStridedSlice });

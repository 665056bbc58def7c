/**
 * Shared helpers of the shape / data-movement kernels: axis normalisation, strides, constant
 * index tensors and element-width views. These ops only move elements, so eval works on
 * integer views of the element width (float32 bits are copied as int32, bool as uint8).
 */
import type { GraphTensor } from '../../graph/graph.js';
import type { TensorStore } from '../../interpreter/tensor-store.js';
import type { DType } from '../../tflite/schema.js';
import type { PrepareContext } from '../types.js';

export type ElementWidth = 1 | 2 | 4 | 8;

/**
 * An element view of one width. Views of every width are typed as Int32Array: these kernels only
 * copy elements between views of the same width and never interpret them (8-byte views hold
 * bigints at run time, which `fillElements` accounts for).
 */
export type ElementArray = Int32Array;

const WIDTHS: Partial<Record<DType, ElementWidth>> = {
  int8: 1,
  uint8: 1,
  bool: 1,
  int16: 2,
  uint16: 2,
  float16: 2,
  int32: 4,
  uint32: 4,
  float32: 4,
  int64: 8,
  uint64: 8,
  float64: 8,
};

/** Every dtype a pure data-movement kernel can move (fixed width, whole bytes). */
export const MOVABLE_DTYPES = Object.keys(WIDTHS) as DType[];

/**
 * Checks that input and output share a dtype from `allowed` and returns its element width.
 * A dtype outside `allowed` is unsupported; differing dtypes are a broken model.
 */
export function movedWidth(
  ctx: PrepareContext,
  input: GraphTensor,
  output: GraphTensor,
  allowed: readonly DType[] = MOVABLE_DTYPES,
): ElementWidth {
  if (input.dtype !== output.dtype) ctx.fail(`input ${input.dtype} and output ${output.dtype} differ`);
  const width = WIDTHS[input.dtype];
  if (!width || !allowed.includes(input.dtype)) ctx.unsupported(`dtype ${input.dtype}`);
  return width;
}

/** Element view of tensor `t` for a width returned by `movedWidth`. */
export function elements(store: TensorStore, t: number, width: ElementWidth): ElementArray {
  if (width === 4) return store.i32(t);
  const view = width === 1 ? store.u8(t) : width === 2 ? store.i16(t) : store.i64(t);
  return view as unknown as ElementArray;
}

/** Fills elements [start, end) with `value` (an element bit pattern, as a number). */
export function fillElements(a: ElementArray, value: number, start = 0, end = a.length): void {
  const v = (a as unknown) instanceof BigInt64Array ? BigInt(value) : value;
  a.fill(v as number, start, end);
}

/** Resolves a possibly negative axis against `rank`; fails when out of [-rank, rank). */
export function normalizeAxis(ctx: PrepareContext, axis: number, rank: number, what = 'axis'): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank)
    ctx.fail(`${what} ${axis} is out of range for rank ${rank}`);
  return a;
}

/** Row-major strides in elements: strides[i] = product of shape[i+1..]. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** Prepends `value` until `xs` has `length` entries. */
export function padFront(xs: readonly number[], length: number, value: number): number[] {
  return [...new Array<number>(Math.max(0, length - xs.length)).fill(value), ...xs];
}

/** Prepends 1s up to `rank` dimensions, as RuntimeShape::ExtendedShape does. */
export function extendShape(shape: readonly number[], rank: number): number[] {
  return padFront(shape, rank, 1);
}

/** PACK / UNPACK: the stacked tensor's elements before `axis` and per slice after it. */
export function stackSizes(shape: readonly number[], axis: number): { outerSize: number; copySize: number } {
  return { outerSize: sizeBetween(shape, 0, axis), copySize: sizeBetween(shape, axis + 1, shape.length) };
}

/**
 * Copies parts into (`join`: CONCATENATION, PACK) or out of (SPLIT, UNPACK) a tensor that holds
 * them one after another along an axis: per outer step, copySizes[i] elements of part i.
 */
export function copyAlongAxis(
  whole: ElementArray,
  parts: ElementArray[],
  outerSize: number,
  copySizes: readonly number[],
  join: boolean,
): void {
  let at = 0;
  for (let k = 0; k < outerSize; k++) {
    for (let i = 0; i < parts.length; i++) {
      const n = copySizes[i];
      if (join) whole.set(parts[i].subarray(k * n, (k + 1) * n), at);
      else parts[i].set(whole.subarray(at, at + n), k * n);
      at += n;
    }
  }
}

/** Product of shape[from..to). */
export function sizeBetween(shape: readonly number[], from: number, to: number): number {
  let n = 1;
  for (let i = from; i < to; i++) n *= shape[i];
  return n;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * The values of a constant int32/int64 tensor (begin, perm, paddings, axis...). TFLM needs these
 * at prepare time to size outputs, so a computed tensor is unsupported.
 */
export function constantInts(ctx: PrepareContext, t: GraphTensor, what: string): number[] {
  if (!t.data) ctx.unsupported(`non-constant ${what} tensor`);
  const d = t.data;
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  if (t.dtype === 'int32')
    return Array.from({ length: d.byteLength >> 2 }, (_, i) => view.getInt32(i * 4, true));
  if (t.dtype === 'int64')
    return Array.from({ length: d.byteLength >> 3 }, (_, i) => Number(view.getBigInt64(i * 8, true)));
  return ctx.fail(`${what} tensor must be int32 or int64, got ${t.dtype}`);
}

/** Copy for a view op: skipped when the planner placed output and input on the same bytes. */
export function copyView(store: TensorStore, input: number, output: number): void {
  const src = store.bytes(input);
  const dst = store.bytes(output);
  if (src.buffer === dst.buffer && src.byteOffset === dst.byteOffset) return;
  dst.set(src.subarray(0, dst.byteLength));
}

/** Prepared data of the pure view ops (RESHAPE, SQUEEZE, EXPAND_DIMS). */
export interface ViewParams {
  input: number;
  output: number;
  /** The output shape the op resolved (for RESHAPE, after -1 and the legacy scalar rule). */
  shape: number[];
}

export function evalView(p: ViewParams, store: TensorStore): void {
  copyView(store, p.input, p.output);
}

/**
 * Prepared data of the ops where every output axis reads the input through an index map
 * (MIRROR_PAD, TILE, BROADCAST_TO, REVERSE_V2): out[i0..in] = in[map0[i0], ..., mapn[in]].
 */
export interface AxisMapParams {
  width: ElementWidth;
  input: number;
  output: number;
  /** Per input axis (the input seen at the output's rank), its stride in elements. */
  inputStrides: number[];
  /** Per output axis, the input index each output index reads; lengths give the output shape. */
  sourceIndex: number[][];
}

export function evalAxisMaps(p: AxisMapParams, store: TensorStore): void {
  const input = elements(store, p.input, p.width);
  const out = elements(store, p.output, p.width);
  const last = p.sourceIndex.length - 1;
  if (last < 0) {
    out[0] = input[0];
    return;
  }
  let o = 0;
  const walk = (dim: number, base: number): void => {
    const map = p.sourceIndex[dim];
    const stride = p.inputStrides[dim];
    for (let i = 0; i < map.length; i++) {
      if (dim === last) out[o++] = input[base + map[i] * stride];
      else walk(dim + 1, base + map[i] * stride);
    }
  };
  walk(0, 0);
}

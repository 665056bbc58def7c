/**
 * Shared helpers of the element-wise kernels: TFLM-style broadcasting (shapes extended with
 * leading 1s, a dimension of 1 repeats), a compact iteration plan, quantization parameters and
 * activation ranges. Eval loops walk the plan one contiguous output run at a time, so a kernel's
 * per-element work stays inside its own tight loop.
 */
import type { GraphTensor } from '../../graph/graph.js';
import type { TensorStore } from '../../interpreter/tensor-store.js';
import { activationRangeFloat, activationRangeQuantized } from '../../quant/activation.js';
import { INT32_MAX, INT32_MIN, type IntDType } from '../../quant/fixed-point.js';
import type { Activation } from '../../tflite/schema.js';
import { elementCount } from '../../tflite/verify.js';
import { defineKernel, type Kernel, type PrepareContext } from '../types.js';
import { tensorScale, tensorZeroPoint } from './fc-params.js';
import { extendShape } from './shape.js';

/**
 * How output elements map to input elements. `dims` are extents after dropping unit dimensions
 * and merging contiguous ones (outermost first, the last is one contiguous output run);
 * `strides[k][d]` is input k's element step along dims[d], 0 where input k repeats.
 */
export interface BroadcastPlan {
  dims: number[];
  strides: number[][];
}

/** The broadcast shape of the inputs, or null when some dimension is incompatible. */
export function broadcastShape(shapes: readonly (readonly number[])[]): number[] | null {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const ext = shapes.map((s) => extendShape(s, rank));
  const out: number[] = [];
  for (let d = 0; d < rank; d++) {
    const sizes = ext.map((s) => s[d]);
    const big = sizes.find((n) => n !== 1) ?? 1;
    if (sizes.some((n) => n !== 1 && n !== big)) return null;
    out.push(big);
  }
  return out;
}

/** True when TFLM takes its broadcast path: the shapes differ once extended to a common rank. */
export function needsBroadcast(shapes: readonly (readonly number[])[]): boolean {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const first = extendShape(shapes[0], rank).join(',');
  return shapes.some((s) => extendShape(s, rank).join(',') !== first);
}

/** The plan for inputs of these shapes broadcast to `out` (which must be their broadcast shape). */
export function planBroadcast(shapes: readonly (readonly number[])[], out: readonly number[]): BroadcastPlan {
  if (elementCount(out) === 0) return { dims: [0], strides: shapes.map(() => [0]) };
  const rank = out.length;
  const strides = shapes.map((s) => {
    const ext = extendShape(s, rank);
    const st = new Array<number>(rank);
    let acc = 1;
    for (let d = rank - 1; d >= 0; d--) {
      st[d] = ext[d] === 1 ? 0 : acc;
      acc *= ext[d];
    }
    return st;
  });
  const dims: number[] = [];
  const merged: number[][] = shapes.map(() => []);
  for (let d = 0; d < rank; d++) {
    if (out[d] === 1) continue;
    const last = dims.length - 1;
    const contiguous = last >= 0 && strides.every((st, k) => merged[k][last] === st[d] * out[d]);
    if (contiguous) {
      dims[last] *= out[d];
      strides.forEach((st, k) => {
        merged[k][last] = st[d];
      });
    } else {
      dims.push(out[d]);
      strides.forEach((st, k) => {
        merged[k].push(st[d]);
      });
    }
  }
  if (dims.length === 0) return { dims: [1], strides: shapes.map(() => [0]) };
  return { dims, strides: merged };
}

/** The plan of inputs that are read element by element (no broadcasting), `count` elements. */
export function flatPlan(inputs: number, count: number): BroadcastPlan {
  return { dims: [count], strides: Array.from({ length: inputs }, () => [1]) };
}

/**
 * Called once per contiguous output run: output elements [out, out + count), input k starting
 * at element in_k and advancing step_k (0 or 1) per output element.
 */
export type RunFn = (
  out: number,
  in1: number,
  step1: number,
  in2: number,
  step2: number,
  count: number,
  in3: number,
  step3: number,
) => void;

/** Walks a plan of up to three inputs run by run, in row-major output order. */
export function forEachRun(plan: BroadcastPlan, fn: RunFn): void {
  const { dims, strides } = plan;
  const last = dims.length - 1;
  const run = dims[last];
  const s1 = strides[0][last];
  const s2 = strides[1]?.[last] ?? 0;
  const s3 = strides[2]?.[last] ?? 0;
  let runs = 1;
  for (let d = 0; d < last; d++) runs *= dims[d];
  if (run === 0 || runs === 0) return;
  const idx = new Array<number>(last).fill(0);
  const off = [0, 0, 0];
  for (let r = 0, o = 0; r < runs; r++, o += run) {
    fn(o, off[0], s1, off[1], s2, run, off[2], s3);
    for (let d = last - 1; d >= 0; d--) {
      idx[d]++;
      for (let k = 0; k < strides.length; k++) off[k] += strides[k][d];
      if (idx[d] < dims[d]) break;
      idx[d] = 0;
      for (let k = 0; k < strides.length; k++) off[k] -= strides[k][d] * dims[d];
    }
  }
}

/**
 * Checks a binary op's shapes as TFLM does and returns its plan. Equal (extended) shapes run
 * flat over any rank; a real broadcast is limited to `maxRank` dimensions like TFLM's
 * NdArrayDesc<N> loops, and the output must then have the broadcast shape.
 */
export function prepareBroadcast(ctx: PrepareContext, inputs: GraphTensor[], maxRank: number): BroadcastPlan {
  const output = ctx.output(0);
  const shapes = inputs.map((t) => t.shape);
  const shape = broadcastShape(shapes);
  if (!shape) ctx.fail(`input shapes ${shapes.map((s) => `[${s}]`).join(' and ')} do not broadcast`);
  if (!needsBroadcast(shapes)) {
    const n = elementCount(shape);
    if (elementCount(output.shape) !== n)
      ctx.fail(`output [${output.shape}] does not hold the ${n} elements of [${shape}]`);
    return flatPlan(inputs.length, n);
  }
  const rank = Math.max(output.shape.length, shape.length);
  if (rank > maxRank) ctx.unsupported(`broadcasting over ${rank} dimensions (at most ${maxRank})`);
  if (extendShape(output.shape, rank).join(',') !== extendShape(shape, rank).join(','))
    ctx.fail(`output [${output.shape}] is not the broadcast shape [${shape}]`);
  return planBroadcast(shapes, extendShape(shape, rank));
}

/** Tensor indices and broadcast plan of a two-input op. */
export interface BinaryOperands {
  input1: number;
  input2: number;
  output: number;
  plan: BroadcastPlan;
}

export function binaryOperands(ctx: PrepareContext, inputs: GraphTensor[], maxRank: number): BinaryOperands {
  const [input1, input2] = ctx.op.inputs;
  return { input1, input2, output: ctx.op.outputs[0], plan: prepareBroadcast(ctx, inputs, maxRank) };
}

/** The two inputs and the output of a binary op, which must share one of `dtypes`. */
export function sameDTypeOperands<D extends string>(
  ctx: PrepareContext,
  dtypes: readonly D[],
): { inputs: GraphTensor[]; output: GraphTensor; dtype: D } {
  const inputs = [ctx.input(0), ctx.input(1)];
  const output = ctx.output(0);
  requireSameDType(ctx, [...inputs, output]);
  const dtype = output.dtype as D;
  if (!dtypes.includes(dtype)) ctx.unsupported(`dtype ${dtype}`);
  return { inputs, output, dtype };
}

/** Fails unless every tensor has the dtype of the first. */
export function requireSameDType(ctx: PrepareContext, tensors: GraphTensor[]): void {
  const d = tensors[0].dtype;
  for (const t of tensors)
    if (t.dtype !== d) ctx.fail(`tensor "${t.name}" is ${t.dtype}, expected ${d} like "${tensors[0].name}"`);
}

/** Fails unless input and output hold the same number of elements. */
export function requireSameCount(ctx: PrepareContext, input: GraphTensor, output: GraphTensor): number {
  const n = elementCount(input.shape);
  if (elementCount(output.shape) !== n)
    ctx.fail(`output [${output.shape}] and input [${input.shape}] differ`);
  return n;
}

export interface TensorQuantParams {
  /** The per-tensor scale as float32 (TFLM keeps params.scale in a float). */
  scale: number;
  zeroPoint: number;
}

/** A quantized tensor's per-tensor scale and zero point; fails prepare when it has none. */
export function quantParams(ctx: PrepareContext, t: GraphTensor): TensorQuantParams {
  return { scale: tensorScale(ctx, t), zeroPoint: tensorZeroPoint(t) };
}

/** The fused activations TFLM's arithmetic kernels clamp to; TANH and SIGN_BIT are not fused there. */
export function fusedActivation(ctx: PrepareContext): Activation {
  const act = (ctx.op.options.fusedActivationFunction ?? 'NONE') as Activation;
  if (act !== 'NONE' && act !== 'RELU' && act !== 'RELU6' && act !== 'RELU_N1_TO_1')
    ctx.unsupported(`fused activation ${act}`);
  return act;
}

/** CalculateActivationRangeQuantized for an int8/int16 output. */
export function quantizedActivationRange(
  ctx: PrepareContext,
  act: Activation,
  output: GraphTensor,
): [number, number] {
  const q = quantParams(ctx, output);
  return activationRangeQuantized(act, output.dtype as IntDType, q.scale, q.zeroPoint);
}

/** CalculateActivationRange<int32_t>: the float limits cast to int32. */
export function int32ActivationRange(act: Activation): [number, number] {
  if (act === 'RELU') return [0, INT32_MAX];
  if (act === 'RELU6') return [0, 6];
  if (act === 'RELU_N1_TO_1') return [-1, 1];
  return [INT32_MIN, INT32_MAX];
}

/** The fused activation's clamp: values for float32 and int32, output units for int8/int16. */
export function outputActivationRange(
  ctx: PrepareContext,
  act: Activation,
  output: GraphTensor,
): [number, number] {
  if (output.dtype === 'float32') return activationRangeFloat(act);
  if (output.dtype === 'int32') return int32ActivationRange(act);
  return quantizedActivationRange(ctx, act, output);
}

/** std::min(std::max(x, lo), hi) as ActivationFunctionWithMinMax does (a NaN passes through). */
export function clampFloat(x: number, lo: number, hi: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.max turns -0 into +0 where std::max keeps x
  const m = x < lo ? lo : x;
  // biome-ignore lint/complexity/useMathMinMax: as above
  return hi < m ? hi : m;
}

/** A typed view of any numeric tensor (bool and uint8 as bytes, int64 as bigint). */
export type NumericArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | BigInt64Array;

export const VIEW_DTYPES = ['int8', 'uint8', 'bool', 'int16', 'int32', 'uint32', 'float32', 'int64'] as const;
export type ViewDType = (typeof VIEW_DTYPES)[number];

export function isViewDType(d: string): d is ViewDType {
  return (VIEW_DTYPES as readonly string[]).includes(d);
}

export function viewOf(store: TensorStore, t: number, dtype: ViewDType): NumericArray {
  switch (dtype) {
    case 'int8':
      return store.i8(t);
    case 'int16':
      return store.i16(t);
    case 'int32':
      return store.i32(t);
    case 'uint32': {
      const v = store.i32(t);
      return new Uint32Array(v.buffer, v.byteOffset, v.length);
    }
    case 'float32':
      return store.f32(t);
    case 'int64':
      return store.i64(t);
    default:
      return store.u8(t);
  }
}

export interface UnaryParams {
  input: number;
  output: number;
  count: number;
}

/** Prepare of a same-shape unary op whose input and output share one of `dtypes`. */
export function prepareUnary(ctx: PrepareContext, dtypes: readonly string[]): UnaryParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  requireSameDType(ctx, [input, output]);
  if (!dtypes.includes(input.dtype)) ctx.unsupported(`dtype ${input.dtype}`);
  return { input: ctx.op.inputs[0], output: ctx.op.outputs[0], count: requireSameCount(ctx, input, output) };
}

/** prepareUnary for a kernel that branches on the (shared) dtype. */
export function prepareTypedUnary<D extends string>(
  ctx: PrepareContext,
  dtypes: readonly D[],
): UnaryParams & { dtype: D } {
  const base = prepareUnary(ctx, dtypes);
  return { dtype: ctx.input(0).dtype as D, ...base };
}

/**
 * A float32-only unary kernel (TFLM's EvalNumeric family): `fn` maps one float to the float32
 * result, rounding with Math.fround where the C code computes in single precision.
 */
export function unaryFloatKernel(op: string, fn: (x: number) => number): Kernel<UnaryParams> {
  return defineKernel({
    op,
    alias: 'in-place',
    prepare: (ctx) => prepareUnary(ctx, ['float32']),
    eval: (p, store) => {
      const x = store.f32(p.input);
      const out = store.f32(p.output);
      for (let i = 0; i < p.count; i++) out[i] = fn(x[i]);
    },
  });
}

// Reproduces TFLM reference MUL: mul_common.cc + integer_ops/mul.h (int8, int16 with 4D broadcasting), reference/mul.h (float32, int32 with 6D broadcasting).
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import { multiplyByQuantizedMultiplier, quantizeMultiplier } from '../quant/fixed-point.js';
import {
  type BinaryOperands,
  binaryOperands,
  clampFloat,
  forEachRun,
  fusedActivation,
  outputActivationRange,
  quantParams,
  sameDTypeOperands,
} from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

/** Offsets and output rescaling of a quantized MUL or DIV (all 0 for float32 and int32). */
export interface BinaryRequant {
  /** -zero point of each input and the output zero point. */
  input1Offset: number;
  input2Offset: number;
  outputOffset: number;
  outputMultiplier: number;
  outputShift: number;
}

export interface MulParams extends BinaryOperands, BinaryRequant {
  dtype: 'float32' | 'int32' | 'int8' | 'int16';
  /** Clamp range: quantized units for int8/int16, values for float32/int32. */
  actMin: number;
  actMax: number;
}

export const NO_REQUANT: BinaryRequant = {
  input1Offset: 0,
  input2Offset: 0,
  outputOffset: 0,
  outputMultiplier: 0,
  outputShift: 0,
};

/** The zero points as offsets and `real(s1, s2, so)` of the float32 scales as a quantized multiplier. */
export function binaryRequant(
  ctx: PrepareContext,
  inputs: GraphTensor[],
  output: GraphTensor,
  real: (s1: number, s2: number, so: number) => number,
): BinaryRequant {
  const [q1, q2] = inputs.map((t) => quantParams(ctx, t));
  const qo = quantParams(ctx, output);
  const { multiplier, shift } = quantizeMultiplier(real(q1.scale, q2.scale, qo.scale));
  return {
    input1Offset: -q1.zeroPoint,
    input2Offset: -q2.zeroPoint,
    outputOffset: qo.zeroPoint,
    outputMultiplier: multiplier,
    outputShift: shift,
  };
}

/** mul_common.cc: double(s1) * double(s2) / double(so); int16 needs zero points of 0. */
function requant(ctx: PrepareContext, inputs: GraphTensor[], output: GraphTensor): BinaryRequant {
  const r = binaryRequant(ctx, inputs, output, (s1, s2, so) => (s1 * s2) / so);
  if (output.dtype === 'int16' && (r.input1Offset !== 0 || r.input2Offset !== 0 || r.outputOffset !== 0))
    ctx.fail('int16 MUL needs zero points of 0');
  return r;
}

function prepare(ctx: PrepareContext): MulParams {
  const { inputs, output, dtype } = sameDTypeOperands(ctx, ['float32', 'int32', 'int8', 'int16'] as const);
  const act = fusedActivation(ctx);
  const [actMin, actMax] = outputActivationRange(ctx, act, output);
  const quantized = dtype === 'int8' || dtype === 'int16';
  return {
    dtype,
    ...binaryOperands(ctx, inputs, quantized ? 4 : 6),
    actMin,
    actMax,
    ...(quantized ? requant(ctx, inputs, output) : NO_REQUANT),
  };
}

type IntArray = Int8Array | Int16Array;

function evalQuantized(p: MulParams, a: IntArray, b: IntArray, out: IntArray): void {
  const { input1Offset: o1, input2Offset: o2, outputOffset: oo, outputMultiplier: m, outputShift: sh } = p;
  const { actMin, actMax } = p;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      const r = oo + multiplyByQuantizedMultiplier((o1 + a[i1]) * (o2 + b[i2]), m, sh);
      out[o + k] = Math.min(Math.max(r, actMin), actMax);
    }
  });
}

function evalInt32(p: MulParams, a: Int32Array, b: Int32Array, out: Int32Array): void {
  const { actMin, actMax } = p;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      out[o + k] = Math.min(Math.max(Math.imul(a[i1], b[i2]), actMin), actMax);
    }
  });
}

function evalFloat(p: MulParams, a: Float32Array, b: Float32Array, out: Float32Array): void {
  const { actMin, actMax } = p;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      out[o + k] = clampFloat(Math.fround(a[i1] * b[i2]), actMin, actMax);
    }
  });
}

function evalMul(p: MulParams, store: TensorStore): void {
  if (p.dtype === 'int8') evalQuantized(p, store.i8(p.input1), store.i8(p.input2), store.i8(p.output));
  else if (p.dtype === 'int16')
    evalQuantized(p, store.i16(p.input1), store.i16(p.input2), store.i16(p.output));
  else if (p.dtype === 'int32') evalInt32(p, store.i32(p.input1), store.i32(p.input2), store.i32(p.output));
  else evalFloat(p, store.f32(p.input1), store.f32(p.input2), store.f32(p.output));
}

export const mul = defineKernel({ op: 'MUL', alias: 'in-place', prepare, eval: evalMul });

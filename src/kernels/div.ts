// Reproduces TFLM reference DIV: div.cc + reference/div.h (int8 via GetReciprocal, float32, int32), with 5D broadcasting.
import type { TensorStore } from '../interpreter/tensor-store.js';
import { saturatingRoundingDoublingHighMul as srdhm } from '../quant/fixed-point.js';
import { getReciprocal } from '../quant/gemmlowp.js';
import {
  type BinaryOperands,
  binaryOperands,
  clampFloat,
  forEachRun,
  fusedActivation,
  outputActivationRange,
  sameDTypeOperands,
} from './common/elementwise.js';
import { type BinaryRequant, binaryRequant, NO_REQUANT } from './mul.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface DivParams extends BinaryOperands, BinaryRequant {
  dtype: 'float32' | 'int32' | 'int8';
  actMin: number;
  actMax: number;
}

/** CountLeadingSignBits of an int32 (31 for 0). */
export function countLeadingSignBits(x: number): number {
  return x >= 0 ? Math.clz32(x) - 1 : Math.clz32(~x) - 1;
}

/**
 * RoundingDivideByPOT as TFLM's x86-64 build evaluates it, including exponents above 31 that
 * DivElementwise can reach: the 64-bit mask shift and the 32-bit arithmetic shift both take
 * their count modulo the register width.
 */
export function roundingDivideByPotWide(x: number, exponent: number): number {
  const maskBits = exponent & 63;
  const mask = maskBits >= 32 ? -1 : (2 ** maskBits - 1) | 0;
  const threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return ((x >> (exponent & 31)) + ((x & mask) > threshold ? 1 : 0)) | 0;
}

function prepare(ctx: PrepareContext): DivParams {
  const { inputs, output, dtype } = sameDTypeOperands(ctx, ['float32', 'int32', 'int8'] as const);
  const act = fusedActivation(ctx);
  const [actMin, actMax] = outputActivationRange(ctx, act, output);
  return {
    dtype,
    ...binaryOperands(ctx, inputs, 5),
    actMin,
    actMax,
    // div.cc divides in float: input1_scale / (input2_scale * output_scale).
    ...(dtype === 'int8'
      ? binaryRequant(ctx, inputs, output, (s1, s2, so) => Math.fround(s1 / Math.fround(s2 * so)))
      : NO_REQUANT),
  };
}

function evalInt8(p: DivParams, a: Int8Array, b: Int8Array, out: Int8Array): void {
  const { input1Offset: o1, input2Offset: o2, outputOffset: oo, outputMultiplier: m, outputShift: sh } = p;
  const { actMin, actMax } = p;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      let x = o1 + a[i1];
      let y = o2 + b[i2];
      if (y < 0) {
        x = -x;
        y = -y;
      }
      const recip = getReciprocal(y, 31);
      const headroom = countLeadingSignBits(x);
      const quotient = srdhm(x * 2 ** headroom, recip.raw);
      const r = oo + roundingDivideByPotWide(srdhm(quotient, m), recip.numBitsOverUnit + headroom - sh);
      out[o + k] = Math.min(Math.max(r, actMin), actMax);
    }
  });
}

function evalInt32(p: DivParams, a: Int32Array, b: Int32Array, out: Int32Array): void {
  const { actMin, actMax } = p;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      out[o + k] = Math.min(Math.max(Math.trunc(a[i1] / b[i2]) | 0, actMin), actMax);
    }
  });
}

function evalFloat(p: DivParams, a: Float32Array, b: Float32Array, out: Float32Array): void {
  const { actMin, actMax } = p;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      out[o + k] = clampFloat(Math.fround(a[i1] / b[i2]), actMin, actMax);
    }
  });
}

function evalDiv(p: DivParams, store: TensorStore): void {
  if (p.dtype === 'int8') evalInt8(p, store.i8(p.input1), store.i8(p.input2), store.i8(p.output));
  else if (p.dtype === 'int32') evalInt32(p, store.i32(p.input1), store.i32(p.input2), store.i32(p.output));
  else evalFloat(p, store.f32(p.input1), store.f32(p.input2), store.f32(p.output));
}

export const div = defineKernel({ op: 'DIV', alias: 'in-place', prepare, eval: evalDiv });

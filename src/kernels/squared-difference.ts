// Reproduces TFLM reference SQUARED_DIFFERENCE: squared_difference.cc (int8/int16 on a common scale, float32, int32), with 4D broadcasting.
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  INT_RANGES,
  multiplyByQuantizedMultiplierSmallerThanOneExp as mulSmall,
  multiplyByQuantizedMultiplier,
  quantizeMultiplier,
} from '../quant/fixed-point.js';
import { type AddSubQuant, inputRescales } from './add.js';
import {
  type BinaryOperands,
  binaryOperands,
  forEachRun,
  quantParams,
  sameDTypeOperands,
} from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

/** ADD's common-scale fields; the output multiplier is a plain QuantizeMultiplier here. */
export interface SquaredDifferenceParams extends BinaryOperands, AddSubQuant {
  dtype: 'float32' | 'int32' | 'int8' | 'int16';
  /** 7 for int8, 0 for int16 (the squared difference must fit 32 bits). */
  leftShift: number;
}

const NO_REQUANT: AddSubQuant = {
  leftShift: 0,
  input1Offset: 0,
  input1Multiplier: 0,
  input1Shift: 0,
  input2Offset: 0,
  input2Multiplier: 0,
  input2Shift: 0,
  outputOffset: 0,
  outputMultiplier: 0,
  outputShift: 0,
};

function requant(ctx: PrepareContext, inputs: GraphTensor[], output: GraphTensor): AddSubQuant {
  const [q1, q2] = inputs.map((t) => quantParams(ctx, t));
  const qo = quantParams(ctx, output);
  if (output.dtype === 'int16' && (q1.zeroPoint !== 0 || q2.zeroPoint !== 0 || qo.zeroPoint !== 0))
    ctx.fail('int16 needs zero points of 0');
  const leftShift = output.dtype === 'int8' ? 7 : 0;
  const twiceMax = 2 * Math.max(q1.scale, q2.scale);
  const rescales = inputRescales(ctx, [q1, q2], [q1.scale / twiceMax, q2.scale / twiceMax]);
  // (1 << 2 * left_shift) * output_scale is a float product in TFLM.
  const out = quantizeMultiplier((twiceMax * twiceMax) / Math.fround(2 ** (2 * leftShift) * qo.scale));
  return {
    leftShift,
    ...rescales,
    outputOffset: qo.zeroPoint,
    outputMultiplier: out.multiplier,
    outputShift: out.shift,
  };
}

function prepare(ctx: PrepareContext): SquaredDifferenceParams {
  const { inputs, output, dtype } = sameDTypeOperands(ctx, ['float32', 'int32', 'int8', 'int16'] as const);
  return {
    dtype,
    ...binaryOperands(ctx, inputs, 4),
    ...(dtype === 'int8' || dtype === 'int16' ? requant(ctx, inputs, output) : NO_REQUANT),
  };
}

function evalQuantized(
  p: SquaredDifferenceParams,
  a: Int8Array | Int16Array,
  b: Int8Array | Int16Array,
  out: Int8Array | Int16Array,
): void {
  const scale = 2 ** p.leftShift;
  const [lo, hi] = INT_RANGES[p.dtype as 'int8' | 'int16'];
  const { input1Offset: o1, input1Multiplier: m1, input1Shift: sh1 } = p;
  const { input2Offset: o2, input2Multiplier: m2, input2Shift: sh2 } = p;
  const { outputOffset: oo, outputMultiplier: mo, outputShift: sho } = p;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      const d = (mulSmall((o1 + a[i1]) * scale, m1, sh1) - mulSmall((o2 + b[i2]) * scale, m2, sh2)) | 0;
      const r = multiplyByQuantizedMultiplier(Math.imul(d, d), mo, sho) + oo;
      out[o + k] = Math.min(Math.max(r, lo), hi);
    }
  });
}

function evalSquaredDifference(p: SquaredDifferenceParams, store: TensorStore): void {
  if (p.dtype === 'int8') {
    evalQuantized(p, store.i8(p.input1), store.i8(p.input2), store.i8(p.output));
    return;
  }
  if (p.dtype === 'int16') {
    evalQuantized(p, store.i16(p.input1), store.i16(p.input2), store.i16(p.output));
    return;
  }
  if (p.dtype === 'int32') {
    const [a, b, out] = [store.i32(p.input1), store.i32(p.input2), store.i32(p.output)];
    forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
      for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
        const d = (a[i1] - b[i2]) | 0;
        out[o + k] = Math.imul(d, d);
      }
    });
    return;
  }
  const [a, b, out] = [store.f32(p.input1), store.f32(p.input2), store.f32(p.output)];
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      const d = Math.fround(a[i1] - b[i2]);
      out[o + k] = Math.fround(d * d);
    }
  });
}

export const squaredDifference = defineKernel({
  op: 'SQUARED_DIFFERENCE',
  alias: 'in-place',
  prepare,
  eval: evalSquaredDifference,
});

// Reproduces TFLM reference ADD: add_common.cc + integer_ops/add.h (int8), reference/add.h (int16 general-scale path, float32, int32), with 6D broadcasting.
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import { activationRangeFloat } from '../quant/activation.js';
import {
  INT32_MAX,
  INT32_MIN,
  multiplyByQuantizedMultiplierSmallerThanOneExp as mulSmall,
  quantizeMultiplierSmallerThanOneExp,
} from '../quant/fixed-point.js';
import {
  type BinaryOperands,
  binaryOperands,
  clampFloat,
  forEachRun,
  fusedActivation,
  quantizedActivationRange,
  quantParams,
  sameDTypeOperands,
  type TensorQuantParams,
} from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

/** -zero point and the multiplier to the common scale of each input (ADD, SUB, comparisons, ...). */
export interface InputRescales {
  input1Offset: number;
  input1Multiplier: number;
  input1Shift: number;
  input2Offset: number;
  input2Multiplier: number;
  input2Shift: number;
}

/** The rescaling arithmetic ADD and SUB share: both inputs to a common scale, then to the output's. */
export interface AddSubQuant extends InputRescales {
  leftShift: number;
  outputOffset: number;
  outputMultiplier: number;
  outputShift: number;
}

export interface AddSubParams extends BinaryOperands {
  dtype: 'float32' | 'int32' | 'int8' | 'int16';
  /** Clamp range: quantized units for int8/int16, values for float32/int32. */
  actMin: number;
  actMax: number;
  /** Set for int8/int16 only. */
  quant: AddSubQuant | null;
}

/** QuantizeMultiplierSmallerThanOneExp, failing where TFLM's TFLITE_CHECKs abort. */
export function smallerThanOne(ctx: PrepareContext, real: number, what: string): [number, number] {
  if (!(real > 0 && real < 1)) ctx.fail(`${what} multiplier ${real} is not in (0, 1)`);
  const q = quantizeMultiplierSmallerThanOneExp(real);
  return [q.multiplier, q.shift];
}

/** The inputs' offsets and `reals`, their multipliers to the common scale (`what` ends the error's subject). */
export function inputRescales(
  ctx: PrepareContext,
  [q1, q2]: TensorQuantParams[],
  reals: readonly number[],
  what = '',
): InputRescales {
  const [input1Multiplier, input1Shift] = smallerThanOne(ctx, reals[0], `input 1${what}`);
  const [input2Multiplier, input2Shift] = smallerThanOne(ctx, reals[1], `input 2${what}`);
  return {
    input1Offset: -q1.zeroPoint,
    input1Multiplier,
    input1Shift,
    input2Offset: -q2.zeroPoint,
    input2Multiplier,
    input2Shift,
  };
}

/** The real multipliers of the common-scale arithmetic, computed as each TFLM kernel does. */
export type RealMultipliers = (
  s1: number,
  s2: number,
  so: number,
  leftShift: number,
) => [number, number, number];

/** add_common.cc: double precision throughout. */
const addMultipliers: RealMultipliers = (s1, s2, so, leftShift) => {
  const twiceMax = 2 * Math.max(s1, s2);
  return [s1 / twiceMax, s2 / twiceMax, twiceMax / (2 ** leftShift * so)];
};

function prepareQuant(
  ctx: PrepareContext,
  inputs: GraphTensor[],
  output: GraphTensor,
  reals: RealMultipliers,
): AddSubQuant {
  const [q1, q2] = inputs.map((t) => quantParams(ctx, t));
  const qo = quantParams(ctx, output);
  const leftShift = output.dtype === 'int16' ? 15 : 20;
  const [r1, r2, ro] = reals(q1.scale, q2.scale, qo.scale, leftShift);
  const rescales = inputRescales(ctx, [q1, q2], [r1, r2]);
  const [outputMultiplier, outputShift] = smallerThanOne(ctx, ro, 'output');
  return {
    leftShift,
    ...rescales,
    outputOffset: qo.zeroPoint,
    outputMultiplier,
    outputShift,
  };
}

/**
 * Shared prepare of ADD and SUB. `int32Activation` gives the int32 clamp range (ADD ignores
 * the fused activation for int32, SUB applies it).
 */
export function prepareAddSub(
  ctx: PrepareContext,
  reals: RealMultipliers,
  int32Range: (act: ReturnType<typeof fusedActivation>) => [number, number],
): AddSubParams {
  const { inputs, output, dtype } = sameDTypeOperands(ctx, ['float32', 'int32', 'int8', 'int16'] as const);
  const act = fusedActivation(ctx);
  const base = { dtype, ...binaryOperands(ctx, inputs, 6) };
  if (dtype === 'float32') {
    const [actMin, actMax] = activationRangeFloat(act);
    return { ...base, actMin, actMax, quant: null };
  }
  if (dtype === 'int32') {
    if (inputs.some((t) => t.quant)) ctx.unsupported('quantized int32');
    const [actMin, actMax] = int32Range(act);
    return { ...base, actMin, actMax, quant: null };
  }
  const [actMin, actMax] = quantizedActivationRange(ctx, act, output);
  return { ...base, actMin, actMax, quant: prepareQuant(ctx, inputs, output, reals) };
}

type IntArray = Int8Array | Int16Array;

/** AddElementwise / SubElementwise of int8 and int16: `sign` is +1 for ADD, -1 for SUB. */
function evalQuantized(
  p: AddSubParams,
  q: AddSubQuant,
  a: IntArray,
  b: IntArray,
  out: IntArray,
  sign: number,
): void {
  const scale = 2 ** q.leftShift;
  const { input1Offset: o1, input1Multiplier: m1, input1Shift: sh1 } = q;
  const { input2Offset: o2, input2Multiplier: m2, input2Shift: sh2 } = q;
  const { outputOffset: oo, outputMultiplier: mo, outputShift: sho } = q;
  const { actMin, actMax } = p;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      const x = mulSmall((o1 + a[i1]) * scale, m1, sh1);
      const y = mulSmall((o2 + b[i2]) * scale, m2, sh2);
      const r = mulSmall((x + sign * y) | 0, mo, sho) + oo;
      out[o + k] = Math.min(Math.max(r, actMin), actMax);
    }
  });
}

function evalInt32(p: AddSubParams, a: Int32Array, b: Int32Array, out: Int32Array, sign: number): void {
  const { actMin, actMax } = p;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      const r = (a[i1] + sign * b[i2]) | 0;
      out[o + k] = Math.min(Math.max(r, actMin), actMax);
    }
  });
}

function evalFloat(p: AddSubParams, a: Float32Array, b: Float32Array, out: Float32Array, sign: number): void {
  const { actMin, actMax } = p;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      out[o + k] = clampFloat(Math.fround(a[i1] + sign * b[i2]), actMin, actMax);
    }
  });
}

/** Eval of ADD (sign +1) and SUB (sign -1) for every supported dtype. */
export function evalAddSub(p: AddSubParams, store: TensorStore, sign: number): void {
  if (p.quant) {
    const view = p.dtype === 'int8' ? store.i8.bind(store) : store.i16.bind(store);
    evalQuantized(p, p.quant, view(p.input1), view(p.input2), view(p.output), sign);
  } else if (p.dtype === 'int32') {
    evalInt32(p, store.i32(p.input1), store.i32(p.input2), store.i32(p.output), sign);
  } else {
    evalFloat(p, store.f32(p.input1), store.f32(p.input2), store.f32(p.output), sign);
  }
}

export const add = defineKernel({
  op: 'ADD',
  alias: 'in-place',
  prepare: (ctx) => prepareAddSub(ctx, addMultipliers, () => [INT32_MIN, INT32_MAX]),
  eval: (p, store) => evalAddSub(p, store, 1),
});

// Reproduces TFLM reference L2_NORMALIZATION: l2norm.cc with reference/l2normalization.h (float32, epsilon 1e-6f) and integer_ops/l2normalization.h (int8, output in 1/128 steps).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  INT32_MAX,
  multiplyByQuantizedMultiplier,
  roundingDivideByPOT,
  saturatingRoundingDoublingHighMul as srdhm,
} from '../quant/fixed-point.js';
import { saturatingRoundingMultiplyByPOT } from '../quant/gemmlowp.js';
import { elementCount } from '../tflite/verify.js';
import { tensorZeroPoint } from './common/fc-params.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface L2NormParams {
  dtype: 'float32' | 'int8';
  input: number;
  output: number;
  outerSize: number;
  depth: number;
  inputZeroPoint: number;
}

/**
 * GetInvSqrtQuantizedMultiplierExp with reverse_shift = -1: 1/sqrt(input) as a multiplier and
 * a (left) shift, by five Newton-Raphson steps in gemmlowp Q3.28 fixed point.
 */
export function invSqrtQuantizedMultiplier(input: number): { multiplier: number; shift: number } {
  if (input <= 1) return { multiplier: INT32_MAX, shift: 0 };
  let shift = 11;
  while (input >= 1 << 29) {
    input = Math.trunc(input / 4);
    shift++;
  }
  const pairs = ((Math.clz32(input) - 1) >> 1) - 1;
  shift -= pairs;
  input <<= 2 * pairs;
  const halfInput = roundingDivideByPOT(input >> 1, 1);
  const halfThree = (1 << 28) + (1 << 27);
  let x = 1 << 28;
  for (let i = 0; i < 5; i++) {
    const x3 = saturatingRoundingMultiplyByPOT(srdhm(srdhm(x, x), x), 6);
    x = saturatingRoundingMultiplyByPOT((srdhm(halfThree, x) - srdhm(halfInput, x3)) | 0, 3);
  }
  let multiplier = srdhm(x, 1518500250);
  if (shift < 0) {
    multiplier <<= -shift;
    shift = 0;
  }
  return { multiplier, shift: -shift };
}

function prepare(ctx: PrepareContext): L2NormParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (input.dtype !== 'float32' && input.dtype !== 'int8') ctx.unsupported(`input dtype ${input.dtype}`);
  if (output.dtype !== input.dtype) ctx.fail(`input ${input.dtype} and output ${output.dtype} differ`);
  const rank = input.shape.length;
  if (rank === 0) ctx.fail('input must have rank >= 1');
  if (rank > 4) ctx.unsupported(`input rank ${rank} above 4`);
  if (ctx.op.options.fusedActivationFunction !== 'NONE')
    ctx.unsupported(`fused activation ${ctx.op.options.fusedActivationFunction}`);
  if (
    elementCount(output.shape) !== elementCount(input.shape) ||
    output.shape.at(-1) !== input.shape[rank - 1]
  )
    ctx.fail(`output [${output.shape}] does not match input [${input.shape}]`);
  const depth = input.shape[rank - 1];
  return {
    dtype: input.dtype,
    input: input.index,
    output: output.index,
    outerSize: depth === 0 ? 0 : elementCount(input.shape) / depth,
    depth,
    inputZeroPoint: input.dtype === 'int8' ? tensorZeroPoint(input) : 0,
  };
}

const EPSILON = Math.fround(1e-6);

function evalFloat(p: L2NormParams, input: Float32Array, output: Float32Array): void {
  for (let base = 0; base < p.outerSize * p.depth; base += p.depth) {
    let squares = 0;
    for (let c = 0; c < p.depth; c++) squares = Math.fround(squares + Math.fround(input[base + c] ** 2));
    const norm = Math.fround(Math.sqrt(squares));
    const divisor = Math.max(norm, EPSILON);
    for (let c = 0; c < p.depth; c++) output[base + c] = input[base + c] / divisor;
  }
}

function evalInt8(p: L2NormParams, input: Int8Array, output: Int8Array): void {
  for (let base = 0; base < p.outerSize * p.depth; base += p.depth) {
    let acc = 0;
    for (let c = 0; c < p.depth; c++) acc = (acc + (input[base + c] - p.inputZeroPoint) ** 2) | 0;
    const inv = invSqrtQuantizedMultiplier(acc);
    for (let c = 0; c < p.depth; c++) {
      // kOutputScale = 7: the output is in steps of 1/128.
      const v = multiplyByQuantizedMultiplier(
        input[base + c] - p.inputZeroPoint,
        inv.multiplier,
        inv.shift + 7,
      );
      output[base + c] = Math.min(127, Math.max(-128, v));
    }
  }
}

export const l2Normalization = defineKernel<L2NormParams>({
  op: 'L2_NORMALIZATION',
  prepare,
  eval(p, store: TensorStore) {
    if (p.dtype === 'float32') evalFloat(p, store.f32(p.input), store.f32(p.output));
    else evalInt8(p, store.i8(p.input), store.i8(p.output));
  },
});

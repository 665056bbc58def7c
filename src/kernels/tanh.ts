// Reproduces TFLM reference TANH: tanh.cc with integer_ops/tanh.h (int8 via gemmlowp Q4.27, int16 via the sigmoid table) and reference/tanh.h (float32).
import { fixedTanh, tanhInt16 } from '../quant/gemmlowp.js';
import { evalSigmoid, prepareSigmoid, type SigmoidParams, sigmoidInt8 } from './common/sigmoid-params.js';
import { defineKernel } from './types.js';

export type TanhParams = SigmoidParams;

/** One int8 element, Q0.31 to 1/128 steps (the C backend tabulates it over all 256 inputs). */
export function tanhInt8(p: TanhParams, x: number): number {
  return sigmoidInt8(p, x, fixedTanh, 7, 0);
}

// TFLM assumes (and does not check) an int8 output of scale 1/128 and zero point 0.
export const tanh = defineKernel({
  op: 'TANH',
  prepare: (ctx) => prepareSigmoid(ctx, 'tanh', 1),
  eval: (p: TanhParams, store) => evalSigmoid(p, store, tanhInt8, tanhInt16, Math.tanh),
  alias: 'in-place',
});

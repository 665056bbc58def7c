// Reproduces TFLM reference LOGISTIC: logistic_common.cc with integer_ops/logistic.h (int8 via gemmlowp Q4.27, int16 via the sigmoid table) and reference/logistic.h (float32).
import { fixedLogistic, logisticInt16 } from '../quant/gemmlowp.js';
import { evalSigmoid, prepareSigmoid, type SigmoidParams, sigmoidInt8 } from './common/sigmoid-params.js';
import { defineKernel } from './types.js';

export type LogisticParams = SigmoidParams;

/** The float logistic TFLM uses: saturate above ~16.6, exp(x) below -9. */
export function logisticFloat(v: number): number {
  const f = Math.fround;
  if (v > f(16.619047164916992)) return 1;
  if (v < -9) return f(Math.exp(v));
  return f(1 / f(1 + f(Math.exp(-v))));
}

/** One int8 element, Q0.31 to 1/256 steps from -128 (the C backend tabulates it over all 256 inputs). */
export function logisticInt8(p: LogisticParams, x: number): number {
  return sigmoidInt8(p, x, fixedLogistic, 8, -128);
}

export const logistic = defineKernel({
  op: 'LOGISTIC',
  prepare: (ctx) => prepareSigmoid(ctx, 'logistic', 0, -128),
  eval: (p: LogisticParams, store) => evalSigmoid(p, store, logisticInt8, logisticInt16, logisticFloat),
  alias: 'in-place',
});

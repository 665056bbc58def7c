// Reproduces TFLM reference MAXIMUM: maximum_minimum.cc + reference/maximum_minimum.h (float32, int8, int16, int32, int64 compared raw, 5D broadcasting).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  type BinaryOperands,
  binaryOperands,
  forEachRun,
  sameDTypeOperands,
  type ViewDType,
  viewOf,
} from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface MaxMinParams extends BinaryOperands {
  dtype: ViewDType;
}

const DTYPES = ['float32', 'int8', 'int16', 'int32', 'int64'] as const;

/** TFLM compares stored values without rescaling, so quantization parameters are not consulted. */
export function prepareMaxMin(ctx: PrepareContext): MaxMinParams {
  const { inputs, dtype } = sameDTypeOperands(ctx, DTYPES);
  return { dtype, ...binaryOperands(ctx, inputs, 5) };
}

type Values = number[] & bigint[];

/** MaximumOp (el1 > el2 ? el1 : el2) or MinimumOp (el1 < el2 ? el1 : el2). */
export function evalMaxMin(p: MaxMinParams, store: TensorStore, maximum: boolean): void {
  const a = viewOf(store, p.input1, p.dtype) as unknown as Values;
  const b = viewOf(store, p.input2, p.dtype) as unknown as Values;
  const out = viewOf(store, p.output, p.dtype) as unknown as Values;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    if (maximum) {
      // biome-ignore lint/complexity/useMathMinMax: int64 values are bigints, and NaN must pick el2 as in TFLM
      for (let k = 0; k < n; k++, i1 += s1, i2 += s2) out[o + k] = a[i1] > b[i2] ? a[i1] : b[i2];
    } else {
      // biome-ignore lint/complexity/useMathMinMax: as above
      for (let k = 0; k < n; k++, i1 += s1, i2 += s2) out[o + k] = a[i1] < b[i2] ? a[i1] : b[i2];
    }
  });
}

export const maximum = defineKernel({
  op: 'MAXIMUM',
  alias: 'in-place',
  prepare: prepareMaxMin,
  eval: (p, store) => evalMaxMin(p, store, true),
});

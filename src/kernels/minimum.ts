// Reproduces TFLM reference MINIMUM: maximum_minimum.cc + reference/maximum_minimum.h (float32, int8, int16, int32, int64 compared raw, 5D broadcasting).
import { evalMaxMin, type MaxMinParams, prepareMaxMin } from './maximum.js';
import { defineKernel } from './types.js';

export const minimum = defineKernel<MaxMinParams>({
  op: 'MINIMUM',
  alias: 'in-place',
  prepare: prepareMaxMin,
  eval: (p, store) => evalMaxMin(p, store, false),
});

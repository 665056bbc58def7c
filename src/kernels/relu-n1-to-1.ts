// Reproduces TFLite's RELU_N1_TO_1 (TFLM registers none): RELU's requantize-and-clamp with limits -1 and 1 (int8, int16, float32).
import { evalReluRange, prepareReluRange } from './relu.js';
import { defineKernel } from './types.js';

export const reluN1To1 = defineKernel({
  op: 'RELU_N1_TO_1',
  alias: 'in-place',
  prepare: (ctx) => prepareReluRange(ctx, -1, 1),
  eval: evalReluRange,
});

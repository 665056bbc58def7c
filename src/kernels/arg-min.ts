// Reproduces TFLM reference ARG_MIN: arg_min_max.cc with reference/arg_min_max.h (float32, int8 input; int32 axis and output).
import { defineArgMinMax } from './arg-max.js';

export const argMin = defineArgMinMax('ARG_MIN', false);

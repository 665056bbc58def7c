// Reproduces TFLM reference REDUCE_MIN: reduce_common.cc EvalMinHelper with reference/reduce.h ReduceGeneric (float32, int8 with equal input/output quantization).
import { defineExtremeReduction } from './common/reduce.js';

export const reduceMin = defineExtremeReduction('REDUCE_MIN', false);

// Reproduces TFLM reference REDUCE_MAX: reduce_common.cc EvalMaxHelper with reference/reduce.h ReduceGeneric (float32, int8 with equal input/output quantization).
import { defineExtremeReduction } from './common/reduce.js';

export const reduceMax = defineExtremeReduction('REDUCE_MAX', true);

/*
 * REDUCE_PROD: mirrors src/kernels/reduce-prod.ts (TensorFlow Lite reference reduce.h; TFLM has
 * no such kernel). The quantized per-step scale input_scale / output_scale^(1/n) needs pow: the
 * code generator computes it (as the TS kernel's prepare, in double) and emits the multiplier,
 * so the device calls no libm.
 */
#ifndef TF_KERNEL_REDUCE_PROD_H
#define TF_KERNEL_REDUCE_PROD_H

#include <stdint.h>

#include "reduce_common.h"

void tf_reduce_prod_f32(const tf_reduce_plan_t *p, const float *input, float *output);
/*
 * QuantizedReduceProd: the first value of each output seeds an int32 product (in `scratch`,
 * 4 * output_count bytes), each further value multiplies it and rescales with the 64-bit
 * MultiplyByQuantizedMultiplier; the result is rescaled once more and saturated.
 */
void tf_reduce_prod_s8(const tf_reduce_q_t *p, const int8_t *input, int8_t *output, void *scratch);
void tf_reduce_prod_s16(const tf_reduce_q_t *p, const int16_t *input, int16_t *output, void *scratch);

#endif

/* PRELU: mirrors src/kernels/prelu.ts (TFLM reference arithmetic; int8 alpha for int8 and int16 inputs). */
#ifndef TF_KERNEL_PRELU_H
#define TF_KERNEL_PRELU_H

#include <stdint.h>

#include "elementwise_common.h"

typedef struct {
  tf_bcast_plan_t plan; /* inputs: input, alpha */
  int32_t input_offset;
  int32_t alpha_offset;
  int32_t output_offset;
  /* Rescaling of non-negative inputs (input / output scale). */
  int32_t identity_multiplier;
  int32_t identity_shift;
  /* Rescaling of input * alpha products (input * alpha / output scale). */
  int32_t alpha_multiplier;
  int32_t alpha_shift;
} tf_prelu_q_t;

void tf_prelu_s8(const tf_prelu_q_t *p, const int8_t *input, const int8_t *alpha, int8_t *output);
void tf_prelu_s16(const tf_prelu_q_t *p, const int16_t *input, const int8_t *alpha, int16_t *output);
void tf_prelu_f32(const tf_bcast_plan_t *p, const float *input, const float *alpha, float *output);

#endif

/* SQUARED_DIFFERENCE: mirrors src/kernels/squared-difference.ts (TFLM reference arithmetic). */
#ifndef TF_KERNEL_SQUARED_DIFFERENCE_H
#define TF_KERNEL_SQUARED_DIFFERENCE_H

#include <stdint.h>

#include "elementwise_common.h"

typedef struct {
  tf_bcast_plan_t plan;
  /* 7 for int8, 0 for int16: the squared difference must fit 32 bits. */
  int32_t left_shift;
  int32_t input1_offset;
  int32_t input1_multiplier;
  int32_t input1_shift;
  int32_t input2_offset;
  int32_t input2_multiplier;
  int32_t input2_shift;
  int32_t output_offset;
  int32_t output_multiplier;
  int32_t output_shift;
} tf_squared_difference_q_t;

void tf_squared_difference_s8(const tf_squared_difference_q_t *p, const int8_t *input1, const int8_t *input2,
                              int8_t *output);
void tf_squared_difference_s16(const tf_squared_difference_q_t *p, const int16_t *input1,
                               const int16_t *input2, int16_t *output);
void tf_squared_difference_s32(const tf_bcast_plan_t *p, const int32_t *input1, const int32_t *input2,
                               int32_t *output);
void tf_squared_difference_f32(const tf_bcast_plan_t *p, const float *input1, const float *input2,
                               float *output);

#endif

/* MUL: mirrors src/kernels/mul.ts (TFLM reference arithmetic). */
#ifndef TF_KERNEL_MUL_H
#define TF_KERNEL_MUL_H

#include <stdint.h>

#include "elementwise_common.h"

typedef struct {
  tf_bcast_plan_t plan;
  /* -zero point of each input and the output zero point (all 0 unless int8). */
  int32_t input1_offset;
  int32_t input2_offset;
  int32_t output_offset;
  int32_t output_multiplier;
  int32_t output_shift;
  /* Clamp range: quantized units for int8/int16, values for int32. */
  int32_t act_min;
  int32_t act_max;
} tf_mul_q_t;

typedef struct {
  tf_bcast_plan_t plan;
  float act_min;
  float act_max;
} tf_mul_f_t;

void tf_mul_s8(const tf_mul_q_t *p, const int8_t *input1, const int8_t *input2, int8_t *output);
void tf_mul_s16(const tf_mul_q_t *p, const int16_t *input1, const int16_t *input2, int16_t *output);
void tf_mul_s32(const tf_mul_q_t *p, const int32_t *input1, const int32_t *input2, int32_t *output);
void tf_mul_f32(const tf_mul_f_t *p, const float *input1, const float *input2, float *output);

#endif

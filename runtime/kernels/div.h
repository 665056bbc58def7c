/* DIV: mirrors src/kernels/div.ts (TFLM reference arithmetic; int8 through gemmlowp's reciprocal). */
#ifndef TF_KERNEL_DIV_H
#define TF_KERNEL_DIV_H

#include <stdint.h>

#include "elementwise_common.h"

typedef struct {
  tf_bcast_plan_t plan;
  /* -zero point of each input and the output zero point (int8 only). */
  int32_t input1_offset;
  int32_t input2_offset;
  int32_t output_offset;
  int32_t output_multiplier;
  int32_t output_shift;
  /* Clamp range: quantized units for int8, values for int32. */
  int32_t act_min;
  int32_t act_max;
} tf_div_q_t;

typedef struct {
  tf_bcast_plan_t plan;
  float act_min;
  float act_max;
} tf_div_f_t;

void tf_div_s8(const tf_div_q_t *p, const int8_t *input1, const int8_t *input2, int8_t *output);
/* A zero divisor gives 0 and INT32_MIN / -1 gives INT32_MIN (the TS kernel's results; TFLM traps). */
void tf_div_s32(const tf_div_q_t *p, const int32_t *input1, const int32_t *input2, int32_t *output);
void tf_div_f32(const tf_div_f_t *p, const float *input1, const float *input2, float *output);

#endif

/*
 * RELU and RELU_N1_TO_1: mirrors src/kernels/relu.ts and relu-n1-to-1.ts (TFLM reference
 * arithmetic). int8 runs as a table of the TS kernel's results (tf_lut_s8).
 */
#ifndef TF_KERNEL_RELU_H
#define TF_KERNEL_RELU_H

#include <stdint.h>

typedef struct {
  int32_t count;
  /* The input is rescaled to the output scale, then clamped to [act_min, act_max] (output units). */
  int32_t input_offset;
  int32_t output_offset;
  int32_t output_multiplier;
  int32_t output_shift;
  int32_t act_min;
  int32_t act_max;
} tf_relu_q_t;

void tf_relu_s16(const tf_relu_q_t *p, const int16_t *input, int16_t *output);
/* Clamps to [act_min, act_max] with TFLM's comparisons (-0 and NaN pass through). */
void tf_relu_f32(const float *input, float *output, int32_t count, float act_min, float act_max);

#endif

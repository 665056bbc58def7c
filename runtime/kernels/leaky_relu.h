/*
 * LEAKY_RELU: mirrors src/kernels/leaky-relu.ts (TFLM reference arithmetic). int8 runs as a
 * table of the TS kernel's results (tf_lut_s8).
 */
#ifndef TF_KERNEL_LEAKY_RELU_H
#define TF_KERNEL_LEAKY_RELU_H

#include <stdint.h>

typedef struct {
  int32_t count;
  int32_t input_zero_point;
  int32_t output_zero_point;
  /* Rescaling of inputs >= the zero point. */
  int32_t identity_multiplier;
  int32_t identity_shift;
  /* Rescaling of inputs below it, alpha folded in (a negative multiplier for a negative alpha). */
  int32_t alpha_multiplier;
  int32_t alpha_shift;
  int32_t out_min;
  int32_t out_max;
} tf_leaky_relu_q_t;

void tf_leaky_relu_s16(const tf_leaky_relu_q_t *p, const int16_t *input, int16_t *output);
void tf_leaky_relu_f32(const float *input, float *output, int32_t count, float alpha);

#endif

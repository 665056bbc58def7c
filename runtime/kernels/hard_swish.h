/* HARD_SWISH: mirrors src/kernels/hard-swish.ts (TFLM reference arithmetic, int8 in 16-bit fixed point). */
#ifndef TF_KERNEL_HARD_SWISH_H
#define TF_KERNEL_HARD_SWISH_H

#include <stdint.h>

typedef struct {
  int32_t count;
  int32_t input_zero_point;
  int32_t output_zero_point;
  /* Q0.15 multipliers and their exponents (a left shift when positive). */
  int32_t reluish_multiplier;
  int32_t reluish_exponent;
  int32_t output_multiplier;
  int32_t output_exponent;
} tf_hard_swish_q_t;

void tf_hard_swish_s8(const tf_hard_swish_q_t *p, const int8_t *input, int8_t *output);
void tf_hard_swish_f32(const float *input, float *output, int32_t count);

#endif

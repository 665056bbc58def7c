/* SOFTMAX: mirrors src/kernels/softmax.ts (TFLM reference arithmetic). The float32 kernel uses expf (math.h). */
#ifndef TF_KERNEL_SOFTMAX_H
#define TF_KERNEL_SOFTMAX_H

#include <stdint.h>

typedef struct {
  int32_t outer_size;
  int32_t depth;
  float beta; /* float32 only */
  /* int8: Q5.26 input scaling (a left shift) and the smallest difference that counts; int16: a quantized multiplier. */
  int32_t input_multiplier;
  int32_t input_shift;
  int32_t diff_min;
  /* int16 only: exp(x) on [-10, 0] and 1/(1+x) on [0, 1], 513 entries each. */
  const int16_t *exp_lut;
  const int16_t *one_over_one_plus_x_lut;
} tf_softmax_t;

void tf_softmax_f32(const tf_softmax_t *p, const float *input, float *output);
void tf_softmax_s8(const tf_softmax_t *p, const int8_t *input, int8_t *output);
void tf_softmax_s8_s16(const tf_softmax_t *p, const int8_t *input, int16_t *output);
void tf_softmax_s16(const tf_softmax_t *p, const int16_t *input, int16_t *output);

#endif

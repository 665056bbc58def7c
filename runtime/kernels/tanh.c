/* TANH: TFLM tanh.cc with integer_ops/tanh.h and reference/tanh.h. */
#include "tanh.h"

#include <math.h>

#include "../gemmlowp.h"

void tf_tanh_f32(const tf_tanh_t *p, const float *input, float *output) {
  for (int32_t i = 0; i < p->size; ++i) output[i] = tanhf(input[i]);
}

void tf_tanh_s8(const tf_tanh_t *p, const int8_t *input, int8_t *output) {
  const int8_t *lut = p->lut + 128;
  for (int32_t i = 0; i < p->size; ++i) output[i] = lut[input[i]];
}

void tf_tanh_s16(const tf_tanh_t *p, const int16_t *input, int16_t *output) {
  for (int32_t i = 0; i < p->size; ++i) output[i] = tf_gl_tanh_s16(input[i], p->input_multiplier, p->input_shift);
}

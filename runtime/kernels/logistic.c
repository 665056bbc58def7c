/* LOGISTIC: TFLM logistic_common.cc with integer_ops/logistic.h and reference/logistic.h. */
#include "logistic.h"

#include <math.h>

#include "../gemmlowp.h"

float tf_logistic_f32_value(float x) {
  if (x > 16.619047164916992f) return 1.0f;
  if (x < -9.0f) return expf(x);
  return 1.0f / (1.0f + expf(-x));
}

void tf_logistic_f32(const tf_logistic_t *p, const float *input, float *output) {
  for (int32_t i = 0; i < p->size; ++i) output[i] = tf_logistic_f32_value(input[i]);
}

void tf_logistic_s8(const tf_logistic_t *p, const int8_t *input, int8_t *output) {
  const int8_t *lut = p->lut + 128;
  for (int32_t i = 0; i < p->size; ++i) output[i] = lut[input[i]];
}

void tf_logistic_s16(const tf_logistic_t *p, const int16_t *input, int16_t *output) {
  for (int32_t i = 0; i < p->size; ++i) {
    output[i] = tf_gl_logistic_s16(input[i], p->input_multiplier, p->input_shift);
  }
}

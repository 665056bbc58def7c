/*
 * DEQUANTIZE: TFLM reference/dequantize.h. TFLM multiplies in double; (x - zero point) has at
 * most 17 bits, so the float product rounds to the same value.
 */
#include "dequantize.h"

void tf_dequantize_s8(const tf_dequantize_t *p, const int8_t *input, float *output) {
  for (int32_t i = 0; i < p->size; ++i) output[i] = p->scale * (float)(input[i] - p->zero_point);
}

void tf_dequantize_s16(const tf_dequantize_t *p, const int16_t *input, float *output) {
  for (int32_t i = 0; i < p->size; ++i) output[i] = p->scale * (float)(input[i] - p->zero_point);
}

void tf_dequantize_u8(const tf_dequantize_t *p, const uint8_t *input, float *output) {
  for (int32_t i = 0; i < p->size; ++i) output[i] = p->scale * (float)(input[i] - p->zero_point);
}

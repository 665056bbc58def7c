/* RELU6: TFLM activations_common.cc (Relu6Quantized, Relu6Float): upper checked first, as TFLM does. */
#include "relu6.h"

void tf_relu6_s8(const int8_t *input, int8_t *output, int32_t count, int32_t lower, int32_t upper) {
  for (int32_t i = 0; i < count; ++i) {
    const int32_t v = input[i];
    output[i] = (int8_t)(v > upper ? upper : (v < lower ? lower : v));
  }
}

void tf_relu6_s16(const int16_t *input, int16_t *output, int32_t count, int32_t lower, int32_t upper) {
  for (int32_t i = 0; i < count; ++i) {
    const int32_t v = input[i];
    output[i] = (int16_t)(v > upper ? upper : (v < lower ? lower : v));
  }
}

void tf_relu6_f32(const float *input, float *output, int32_t count, float lower, float upper) {
  for (int32_t i = 0; i < count; ++i) {
    const float v = input[i];
    output[i] = v > upper ? upper : (v < lower ? lower : v);
  }
}

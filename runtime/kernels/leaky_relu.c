/* LEAKY_RELU: TFLM leaky_relu_common.cc + reference/leaky_relu.h (QuantizeLeakyRelu, float32). */
#include "leaky_relu.h"

#include "../quant.h"

/* The two rescalings are selected, not branched to; clamped before the zero point is added. */
#define TF_LEAKY_RELU_QUANTIZED(NAME, T)                                                           \
  void NAME(const tf_leaky_relu_q_t *p, const T *input, T *output) {                               \
    const int32_t zi = p->input_zero_point, zo = p->output_zero_point;                             \
    const int32_t lo = p->out_min - zo, hi = p->out_max - zo;                                      \
    for (int32_t i = 0; i < p->count; ++i) {                                                       \
      const int32_t v = input[i] - zi;                                                             \
      const int32_t m = v >= 0 ? p->identity_multiplier : p->alpha_multiplier;                     \
      const int32_t sh = v >= 0 ? p->identity_shift : p->alpha_shift;                              \
      output[i] = (T)(tf_clamp(tf_mbqm(v, m, sh), lo, hi) + zo);                                   \
    }                                                                                              \
  }

TF_LEAKY_RELU_QUANTIZED(tf_leaky_relu_s8, int8_t)
TF_LEAKY_RELU_QUANTIZED(tf_leaky_relu_s16, int16_t)

void tf_leaky_relu_f32(const float *input, float *output, int32_t count, float alpha) {
  for (int32_t i = 0; i < count; ++i) {
    const float v = input[i];
    output[i] = v > 0.0f ? v : v * alpha;
  }
}

/* LEAKY_RELU: TFLM leaky_relu_common.cc + reference/leaky_relu.h (QuantizeLeakyRelu, float32). */
#include "leaky_relu.h"

#include "../quant.h"

void tf_leaky_relu_s16(const tf_leaky_relu_q_t *p, const int16_t *input, int16_t *output) {
  const int32_t zi = p->input_zero_point, zo = p->output_zero_point;
  /* Clamped before the zero point is added, so the sum cannot overflow. */
  const int32_t lo = p->out_min - zo, hi = p->out_max - zo;
  for (int32_t i = 0; i < p->count; ++i) {
    const int32_t v = input[i] - zi;
    /* The two rescalings are selected, not branched to. */
    const int32_t m = v >= 0 ? p->identity_multiplier : p->alpha_multiplier;
    const int32_t sh = v >= 0 ? p->identity_shift : p->alpha_shift;
    output[i] = (int16_t)(tf_clamp(tf_mbqm(v, m, sh), lo, hi) + zo);
  }
}

void tf_leaky_relu_f32(const float *input, float *output, int32_t count, float alpha) {
  for (int32_t i = 0; i < count; ++i) {
    const float v = input[i];
    output[i] = v > 0.0f ? v : v * alpha;
  }
}

/* RELU and RELU_N1_TO_1: TFLM activations_common.cc (ReluQuantized, ReluFloat). */
#include "relu.h"

#include "../quant.h"

void tf_relu_s16(const tf_relu_q_t *p, const int16_t *input, int16_t *output) {
  const int32_t io = p->input_offset, oo = p->output_offset;
  const int32_t m = p->output_multiplier, sh = p->output_shift;
  /* Clamped before the offset is added, so the sum cannot overflow. */
  const int32_t lo = p->act_min - oo, hi = p->act_max - oo;
  for (int32_t i = 0; i < p->count; ++i)
    output[i] = (int16_t)(tf_clamp(tf_mbqm(input[i] - io, m, sh), lo, hi) + oo);
}

void tf_relu_f32(const float *input, float *output, int32_t count, float act_min, float act_max) {
  for (int32_t i = 0; i < count; ++i) {
    const float v = input[i];
    output[i] = v < act_min ? act_min : (v > act_max ? act_max : v);
  }
}

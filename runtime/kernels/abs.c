/* ABS: TFLM elementwise.cc (AbsEvalQuantized, std::abs). */
#include "abs.h"

#include <math.h>

#include "../quant.h"

void tf_abs_s16(const tf_abs_q_t *p, const int16_t *input, int16_t *output) {
  const int32_t io = p->input_offset, oo = p->output_offset;
  const int32_t lo = -32768 - oo, hi = 32767 - oo;
  if (p->needs_rescale) {
    for (int32_t i = 0; i < p->count; ++i) {
      const int32_t v = input[i] - io;
      output[i] = (int16_t)(tf_clamp(tf_mbqm(v < 0 ? -v : v, p->multiplier, p->shift), lo, hi) + oo);
    }
  } else {
    for (int32_t i = 0; i < p->count; ++i) {
      const int32_t v = input[i] - io;
      output[i] = (int16_t)(tf_clamp(v < 0 ? -v : v, lo, hi) + oo);
    }
  }
}

void tf_abs_s16_raw(const int16_t *input, int16_t *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) {
    const int32_t v = input[i];
    output[i] = (int16_t)(v < 0 ? -v : v);
  }
}

void tf_abs_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = fabsf(input[i]);
}

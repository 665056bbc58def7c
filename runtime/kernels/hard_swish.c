/* HARD_SWISH: TFLM reference/hard_swish.h (float32). */
#include "hard_swish.h"

void tf_hard_swish_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) {
    const float v = input[i];
    const float t = v + 3.0f;
    /* std::min(6, std::max(0, t)): a NaN becomes 0. */
    const float clamped = 0.0f < t ? (t < 6.0f ? t : 6.0f) : 0.0f;
    output[i] = (v * clamped) / 6.0f;
  }
}

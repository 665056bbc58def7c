/* RSQRT: TFLM elementwise.cc (float32: 1 / std::sqrt). */
#include "rsqrt.h"

#include <math.h>

void tf_rsqrt_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = 1.0f / sqrtf(input[i]);
}

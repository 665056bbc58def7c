/* CEIL: TFLM ceil.cc + reference/ceil.h. */
#include "ceil.h"

#include <math.h>

void tf_ceil_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = ceilf(input[i]);
}

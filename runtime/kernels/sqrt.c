/* SQRT: TFLM elementwise.cc SqrtEval. */
#include "sqrt.h"

#include <math.h>

void tf_sqrt_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = sqrtf(input[i]);
}

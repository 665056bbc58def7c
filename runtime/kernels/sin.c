/* SIN: TFLM elementwise.cc SinEval. */
#include "sin.h"

#include <math.h>

void tf_sin_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = sinf(input[i]);
}

/* COS: TFLM elementwise.cc CosEval. */
#include "cos.h"

#include <math.h>

void tf_cos_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = cosf(input[i]);
}

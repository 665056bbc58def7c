/* NEG: TFLM neg.cc + reference/neg.h. */
#include "neg.h"

void tf_neg_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = -input[i];
}

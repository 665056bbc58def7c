/* EXP: TFLM exp.cc + reference/exp.h. */
#include "exp.h"

#include <math.h>

void tf_exp_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = expf(input[i]);
}

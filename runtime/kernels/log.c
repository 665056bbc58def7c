/* LOG: TFLM elementwise.cc LogEval. */
#include "log.h"

#include <math.h>

void tf_log_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = logf(input[i]);
}

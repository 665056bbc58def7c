/* FLOOR: TFLM floor.cc + reference/floor.h. */
#include "floor.h"

#include <math.h>

void tf_floor_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = floorf(input[i]);
}

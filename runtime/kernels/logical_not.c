/* LOGICAL_NOT: TFLM elementwise.cc LogicalNotEval. */
#include "logical_not.h"

void tf_logical_not_b8(const uint8_t *input, uint8_t *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = (uint8_t)(input[i] == 0);
}

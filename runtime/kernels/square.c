/* SQUARE: TFLM elementwise.cc SquareEval. */
#include "square.h"

void tf_square_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = input[i] * input[i];
}

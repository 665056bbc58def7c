/* SQUARE: mirrors src/kernels/square.ts (float32). */
#ifndef TF_KERNEL_SQUARE_H
#define TF_KERNEL_SQUARE_H

#include <stdint.h>

void tf_square_f32(const float *input, float *output, int32_t count);

#endif

/*
 * HARD_SWISH: mirrors src/kernels/hard-swish.ts for float32. int8 (TFLM's 16-bit fixed-point
 * path) runs as a table of the TS kernel's results (tf_lut_s8).
 */
#ifndef TF_KERNEL_HARD_SWISH_H
#define TF_KERNEL_HARD_SWISH_H

#include <stdint.h>

void tf_hard_swish_f32(const float *input, float *output, int32_t count);

#endif

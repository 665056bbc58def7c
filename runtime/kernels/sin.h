/* SIN: mirrors src/kernels/sin.ts (float32) with sinf from math.h; libm may differ from TS in the last bit. */
#ifndef TF_KERNEL_SIN_H
#define TF_KERNEL_SIN_H

#include <stdint.h>

void tf_sin_f32(const float *input, float *output, int32_t count);

#endif

/* SQRT: mirrors src/kernels/sqrt.ts (float32). Uses sqrtf (math.h). */
#ifndef TF_KERNEL_SQRT_H
#define TF_KERNEL_SQRT_H

#include <stdint.h>

void tf_sqrt_f32(const float *input, float *output, int32_t count);

#endif

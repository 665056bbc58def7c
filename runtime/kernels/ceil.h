/* CEIL: mirrors src/kernels/ceil.ts (float32). Uses ceilf (math.h). */
#ifndef TF_KERNEL_CEIL_H
#define TF_KERNEL_CEIL_H

#include <stdint.h>

void tf_ceil_f32(const float *input, float *output, int32_t count);

#endif

/* FLOOR: mirrors src/kernels/floor.ts (float32). Uses floorf (math.h). */
#ifndef TF_KERNEL_FLOOR_H
#define TF_KERNEL_FLOOR_H

#include <stdint.h>

void tf_floor_f32(const float *input, float *output, int32_t count);

#endif

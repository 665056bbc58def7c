/* ROUND: mirrors src/kernels/round.ts (float32, ties to even). Uses floorf (math.h). */
#ifndef TF_KERNEL_ROUND_H
#define TF_KERNEL_ROUND_H

#include <stdint.h>

void tf_round_f32(const float *input, float *output, int32_t count);

#endif

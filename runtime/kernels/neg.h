/* NEG: mirrors src/kernels/neg.ts (float32). */
#ifndef TF_KERNEL_NEG_H
#define TF_KERNEL_NEG_H

#include <stdint.h>

void tf_neg_f32(const float *input, float *output, int32_t count);

#endif

/* COS: mirrors src/kernels/cos.ts (float32) with cosf from math.h; libm may differ from TS in the last bit. */
#ifndef TF_KERNEL_COS_H
#define TF_KERNEL_COS_H

#include <stdint.h>

void tf_cos_f32(const float *input, float *output, int32_t count);

#endif

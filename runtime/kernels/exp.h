/* EXP: mirrors src/kernels/exp.ts (float32) with expf from math.h; libm may differ from TS in the last bit. */
#ifndef TF_KERNEL_EXP_H
#define TF_KERNEL_EXP_H

#include <stdint.h>

void tf_exp_f32(const float *input, float *output, int32_t count);

#endif

/*
 * RSQRT: mirrors src/kernels/rsqrt.ts for float32 (1 / sqrtf, math.h). int8 (TFLM's
 * Newton-Raphson inverse square root) runs as a table of the TS kernel's results (tf_lut_s8).
 */
#ifndef TF_KERNEL_RSQRT_H
#define TF_KERNEL_RSQRT_H

#include <stdint.h>

void tf_rsqrt_f32(const float *input, float *output, int32_t count);

#endif

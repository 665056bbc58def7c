/* LOG: mirrors src/kernels/log.ts (float32) with logf from math.h; libm may differ from TS in the last bit. */
#ifndef TF_KERNEL_LOG_H
#define TF_KERNEL_LOG_H

#include <stdint.h>

void tf_log_f32(const float *input, float *output, int32_t count);

#endif

/* MAX_POOL_2D: mirrors src/kernels/max-pool-2d.ts (TFLM reference pooling.h MaxPool). */
#ifndef TF_KERNEL_MAX_POOL_2D_H
#define TF_KERNEL_MAX_POOL_2D_H

#include <stdint.h>

#include "average_pool_2d.h"

void tf_max_pool_2d_s8(const tf_pool_q_t *p, const int8_t *input, int8_t *output);
void tf_max_pool_2d_s16(const tf_pool_q_t *p, const int16_t *input, int16_t *output);
/* NaN taps never win (max < NaN is false), as in TFLM. */
void tf_max_pool_2d_f32(const tf_pool_f_t *p, const float *input, float *output);

#endif

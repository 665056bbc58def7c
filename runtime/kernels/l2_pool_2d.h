/* L2_POOL_2D: mirrors src/kernels/l2-pool-2d.ts (TFLM reference pooling.h L2Pool); uses sqrtf (math.h). */
#ifndef TF_KERNEL_L2_POOL_2D_H
#define TF_KERNEL_L2_POOL_2D_H

#include "average_pool_2d.h"

void tf_l2_pool_2d_f32(const tf_pool_f_t *p, const float *input, float *output);

#endif

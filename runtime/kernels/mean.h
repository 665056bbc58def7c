/*
 * MEAN: mirrors src/kernels/mean.ts. float32 here; int8 / int16 are tf_reduce_sum_s8 / _s16 of
 * reduce_common.h with 1 / count folded into the multiplier by the code generator.
 */
#ifndef TF_KERNEL_MEAN_H
#define TF_KERNEL_MEAN_H

#include "reduce_common.h"

/* The float sum in input order, then each output divided by (float)reduce_count. */
void tf_mean_f32(const tf_reduce_plan_t *p, const float *input, float *output);

#endif

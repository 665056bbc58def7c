/*
 * L2_NORMALIZATION: mirrors src/kernels/l2-normalization.ts (TFLM reference l2normalization.h):
 * each innermost row divided by its L2 norm. float32 uses sqrtf (math.h); int8 computes the
 * inverse square root per row in gemmlowp fixed point and writes steps of 1/128.
 */
#ifndef TF_KERNEL_L2_NORMALIZATION_H
#define TF_KERNEL_L2_NORMALIZATION_H

#include <stdint.h>

typedef struct {
  int32_t outer_size;
  int32_t depth;
  int32_t input_zero_point; /* int8 only */
} tf_l2_normalization_t;

void tf_l2_normalization_f32(const tf_l2_normalization_t *p, const float *input, float *output);
void tf_l2_normalization_s8(const tf_l2_normalization_t *p, const int8_t *input, int8_t *output);

#endif

/*
 * CUMSUM: mirrors src/kernels/cumsum.ts (TFLM reference cumsum.h): running sums along one axis,
 * optionally exclusive and/or reversed; int8 accumulates inputs scaled by 2^20 from the scaled
 * -zero point, as TFLM does.
 */
#ifndef TF_KERNEL_CUMSUM_H
#define TF_KERNEL_CUMSUM_H

#include <stdint.h>

typedef struct {
  /* Elements before the axis, along it, and after it. */
  int32_t before;
  int32_t depth;
  int32_t after;
  int32_t exclusive;
  int32_t reverse;
  /* int8 only. */
  int32_t input_offset;
  int32_t output_offset;
  int32_t input_multiplier;
  int32_t input_shift;
  int32_t output_multiplier;
  int32_t output_shift;
} tf_cumsum_t;

void tf_cumsum_f32(const tf_cumsum_t *p, const float *input, float *output);
void tf_cumsum_s8(const tf_cumsum_t *p, const int8_t *input, int8_t *output);

#endif

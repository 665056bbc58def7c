/*
 * ARG_MAX and ARG_MIN: mirrors src/kernels/arg-max.ts and arg-min.ts (TFLM reference
 * arg_min_max.h): per line along the axis, the first index whose value compares strictly better
 * than every value before it (a NaN never wins); int32 output.
 */
#ifndef TF_KERNEL_ARG_MAX_H
#define TF_KERNEL_ARG_MAX_H

#include <stdint.h>

typedef struct {
  int32_t outer_size;
  int32_t axis_size; /* >= 1 */
  int32_t inner_size;
} tf_arg_min_max_t;

void tf_arg_max_s8(const tf_arg_min_max_t *p, const int8_t *input, int32_t *output);
void tf_arg_max_f32(const tf_arg_min_max_t *p, const float *input, int32_t *output);
void tf_arg_min_s8(const tf_arg_min_max_t *p, const int8_t *input, int32_t *output);
void tf_arg_min_f32(const tf_arg_min_max_t *p, const float *input, int32_t *output);

#endif

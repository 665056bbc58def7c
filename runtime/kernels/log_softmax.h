/*
 * LOG_SOFTMAX: mirrors src/kernels/log-softmax.ts (TFLM reference arithmetic). The float32
 * kernel uses expf/logf (math.h).
 */
#ifndef TF_KERNEL_LOG_SOFTMAX_H
#define TF_KERNEL_LOG_SOFTMAX_H

#include <stdint.h>

typedef struct {
  int32_t outer_size;
  int32_t depth;
  /* int8 only: input differences to Q5.26, and a Q5.26 log-sum back to an input difference. */
  int32_t input_multiplier;
  int32_t input_shift;
  int32_t reverse_scaling_divisor;
  int32_t reverse_scaling_shift;
  int32_t diff_min;
} tf_log_softmax_t;

void tf_log_softmax_f32(const tf_log_softmax_t *p, const float *input, float *output);
/* Output scale 16/256, zero point 127. */
void tf_log_softmax_s8(const tf_log_softmax_t *p, const int8_t *input, int8_t *output);

#endif

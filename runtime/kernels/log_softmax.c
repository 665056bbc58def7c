/* LOG_SOFTMAX: TFLM log_softmax.cc with reference/log_softmax.h. */
#include "log_softmax.h"

#include <math.h>

#include "../gemmlowp.h"
#include "../quant.h"

/* reference/log_softmax.h: Q5.26 differences, Q12.19 sums, Q4 output. */
#define TF_LOG_SOFTMAX_INPUT_BITS 5
#define TF_LOG_SOFTMAX_ACCUM_BITS 12
#define TF_LOG_SOFTMAX_OUTPUT_BITS 4

void tf_log_softmax_f32(const tf_log_softmax_t *p, const float *input, float *output) {
  for (int32_t i = 0; i < p->outer_size; ++i) {
    const float *x = input + i * p->depth;
    float *y = output + i * p->depth;
    float max = -3.40282347e38f;
    for (int32_t c = 0; c < p->depth; ++c) {
      if (max < x[c]) max = x[c];
    }
    float sum = 0.0f;
    for (int32_t c = 0; c < p->depth; ++c) sum += expf(x[c] - max);
    const float log_sum = logf(sum);
    for (int32_t c = 0; c < p->depth; ++c) y[c] = (x[c] - max) - log_sum;
  }
}

/* The Q4 log-sum of one row's exps (differences below diff_min do not count). */
static int32_t row_log_sum(const tf_log_softmax_t *p, const int8_t *x, int32_t max) {
  uint32_t sum = 0; /* wraps like TFLM's int32 sum */
  for (int32_t c = 0; c < p->depth; ++c) {
    const int32_t diff = x[c] - max;
    if (diff < p->diff_min) continue;
    const int32_t scaled = tf_mbqm(diff, p->input_multiplier, p->input_shift);
    sum += (uint32_t)tf_rdbpot(tf_gl_exp_on_negative_values(scaled, TF_LOG_SOFTMAX_INPUT_BITS),
                               TF_LOG_SOFTMAX_ACCUM_BITS);
  }
  return tf_gl_log_x_ge_1((int32_t)sum, TF_LOG_SOFTMAX_INPUT_BITS, TF_LOG_SOFTMAX_ACCUM_BITS);
}

void tf_log_softmax_s8(const tf_log_softmax_t *p, const int8_t *input, int8_t *output) {
  const int out_shift = 31 - TF_LOG_SOFTMAX_INPUT_BITS - TF_LOG_SOFTMAX_OUTPUT_BITS;
  for (int32_t i = 0; i < p->outer_size; ++i) {
    const int8_t *x = input + i * p->depth;
    int8_t *y = output + i * p->depth;
    int32_t max = -128;
    for (int32_t c = 0; c < p->depth; ++c) {
      if (x[c] > max) max = x[c];
    }
    const int32_t log_sum = row_log_sum(p, x, max);
    const int32_t shifted_log_sum = tf_gl_add(log_sum, TF_INT32_MIN);
    const int32_t reverse = tf_mbqm(shifted_log_sum, p->reverse_scaling_divisor, p->reverse_scaling_shift);
    const int32_t adjusted_diff_min = reverse > p->diff_min - 1 ? reverse : p->diff_min - 1;
    for (int32_t c = 0; c < p->depth; ++c) {
      const int32_t diff = x[c] - max;
      if (diff <= adjusted_diff_min) {
        y[c] = -128;
        continue;
      }
      const int32_t scaled = tf_mbqm(diff, p->input_multiplier, p->input_shift);
      const int32_t out = tf_rdbpot(tf_gl_sub(scaled, log_sum), out_shift) + 127;
      y[c] = (int8_t)tf_clamp(out, -128, 127);
    }
  }
}

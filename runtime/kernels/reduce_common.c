/* Reductions: TFLM reduce_common.cc with reference/reduce.h ReduceGeneric and QuantizedMeanOrSum. */
#include "reduce_common.h"

#include "../quant.h"

void tf_reduce_sum_f32(const tf_reduce_plan_t *p, const float *input, float *output) {
  for (int32_t o = 0; o < p->output_count; ++o) output[o] = 0.0f;
  const int32_t n = p->shape[p->rank - 1];
  const int32_t rows = tf_reduce_rows(p);
  const int inner_kept = p->out_strides[p->rank - 1] != 0;
  tf_reduce_cursor_t cur;
  tf_reduce_start(&cur);
  for (int32_t r = 0; r < rows; ++r, input += n, tf_reduce_next_row(p, &cur)) {
    float *out = output + cur.out;
    if (inner_kept) {
      for (int32_t j = 0; j < n; ++j) out[j] = input[j] + out[j];
    } else {
      float acc = *out;
      for (int32_t j = 0; j < n; ++j) acc = input[j] + acc;
      *out = acc;
    }
  }
}

#define TF_REDUCE_SUM_INT(NAME, T, LO, HI)                                                         \
  void NAME(const tf_reduce_q_t *p, const T *input, T *output, void *scratch) {                    \
    const tf_reduce_plan_t *plan = &p->plan;                                                       \
    uint32_t *sums = (uint32_t *)scratch; /* unsigned: wraps like TFLM's int32 without UB */       \
    for (int32_t o = 0; o < plan->output_count; ++o) {                                             \
      sums[o] = 0;                                                                                 \
      output[o] = 0;                                                                               \
    }                                                                                              \
    if (plan->input_count == 0) return;                                                            \
    const int32_t n = plan->shape[plan->rank - 1];                                                 \
    const int32_t rows = tf_reduce_rows(plan);                                                     \
    const int inner_kept = plan->out_strides[plan->rank - 1] != 0;                                 \
    tf_reduce_cursor_t cur;                                                                        \
    tf_reduce_start(&cur);                                                                         \
    for (int32_t r = 0; r < rows; ++r, input += n, tf_reduce_next_row(plan, &cur)) {               \
      uint32_t *acc = sums + cur.out;                                                              \
      if (inner_kept) {                                                                            \
        for (int32_t j = 0; j < n; ++j) acc[j] += (uint32_t)(int32_t)input[j];                     \
      } else {                                                                                     \
        uint32_t total = *acc;                                                                     \
        for (int32_t j = 0; j < n; ++j) total += (uint32_t)(int32_t)input[j];                      \
        *acc = total;                                                                              \
      }                                                                                            \
    }                                                                                              \
    const uint32_t offset = (uint32_t)p->input_zero_point * (uint32_t)plan->reduce_count;          \
    for (int32_t o = 0; o < plan->output_count; ++o) {                                             \
      const int32_t shifted = (int32_t)(sums[o] - offset);                                         \
      const int64_t v = (int64_t)tf_mbqm(shifted, p->multiplier, p->shift) + p->output_zero_point; \
      output[o] = (T)(v < (LO) ? (LO) : (v > (HI) ? (HI) : v));                                    \
    }                                                                                              \
  }

TF_REDUCE_SUM_INT(tf_reduce_sum_s8, int8_t, -128, 127)
TF_REDUCE_SUM_INT(tf_reduce_sum_s16, int16_t, -32768, 32767)

/* Folds each input element into its output with `BETTER(in, out)` deciding replacement. */
#define TF_REDUCE_EXTREME(NAME, T, INIT, BETTER)                                                   \
  void NAME(const tf_reduce_plan_t *p, const T *input, T *output) {                                \
    for (int32_t o = 0; o < p->output_count; ++o) output[o] = (INIT);                              \
    const int32_t n = p->shape[p->rank - 1];                                                       \
    const int32_t rows = tf_reduce_rows(p);                                                        \
    const int inner_kept = p->out_strides[p->rank - 1] != 0;                                       \
    tf_reduce_cursor_t cur;                                                                        \
    tf_reduce_start(&cur);                                                                         \
    for (int32_t r = 0; r < rows; ++r, input += n, tf_reduce_next_row(p, &cur)) {                  \
      T *out = output + cur.out;                                                                   \
      if (inner_kept) {                                                                            \
        for (int32_t j = 0; j < n; ++j)                                                            \
          if (BETTER(input[j], out[j])) out[j] = input[j];                                         \
      } else {                                                                                     \
        T best = *out;                                                                             \
        for (int32_t j = 0; j < n; ++j)                                                            \
          if (BETTER(input[j], best)) best = input[j];                                             \
        *out = best;                                                                               \
      }                                                                                            \
    }                                                                                              \
  }

#define TF_GREATER(a, b) ((a) > (b))
#define TF_LESS(a, b) ((a) < (b))
#define TF_FLOAT_MAX 3.40282347e+38f

TF_REDUCE_EXTREME(tf_reduce_max_s8, int8_t, -128, TF_GREATER)
TF_REDUCE_EXTREME(tf_reduce_max_f32, float, -TF_FLOAT_MAX, TF_GREATER)
TF_REDUCE_EXTREME(tf_reduce_min_s8, int8_t, 127, TF_LESS)
TF_REDUCE_EXTREME(tf_reduce_min_f32, float, TF_FLOAT_MAX, TF_LESS)

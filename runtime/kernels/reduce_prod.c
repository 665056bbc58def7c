/* REDUCE_PROD: TensorFlow Lite reference reduce.h ReduceGeneric (float32) and QuantizedReduceProd. */
#include "reduce_prod.h"

#include "../quant.h"

void tf_reduce_prod_f32(const tf_reduce_plan_t *p, const float *input, float *output) {
  for (int32_t o = 0; o < p->output_count; ++o) output[o] = 1.0f;
  const int32_t n = p->shape[p->rank - 1];
  const int32_t rows = tf_reduce_rows(p);
  const int inner_kept = p->out_strides[p->rank - 1] != 0;
  tf_reduce_cursor_t cur;
  tf_reduce_start(&cur);
  for (int32_t r = 0; r < rows; ++r, input += n, tf_reduce_next_row(p, &cur)) {
    float *out = output + cur.out;
    if (inner_kept) {
      for (int32_t j = 0; j < n; ++j) out[j] = out[j] * input[j];
    } else {
      float acc = *out;
      for (int32_t j = 0; j < n; ++j) acc = acc * input[j];
      *out = acc;
    }
  }
}

/* prod * v rescaled; prod * v fits int64 (|int32| * |int16|). */
static inline int32_t step(const tf_reduce_q_t *p, int32_t prod, int32_t v) {
  return tf_mbqm_int64((int64_t)prod * v, p->multiplier, p->shift);
}

#define TF_REDUCE_PROD_INT(NAME, T, LO, HI)                                                        \
  void NAME(const tf_reduce_q_t *p, const T *input, T *output, void *scratch) {                    \
    const tf_reduce_plan_t *plan = &p->plan;                                                       \
    int32_t *prod = (int32_t *)scratch;                                                            \
    const int32_t zp = p->input_zero_point;                                                        \
    const int32_t n = plan->shape[plan->rank - 1];                                                 \
    const int32_t rows = tf_reduce_rows(plan);                                                     \
    const int inner_kept = plan->out_strides[plan->rank - 1] != 0;                                 \
    tf_reduce_cursor_t cur;                                                                        \
    tf_reduce_start(&cur);                                                                         \
    for (int32_t r = 0; r < rows; ++r, input += n, tf_reduce_next_row(plan, &cur)) {               \
      int32_t *acc = prod + cur.out;                                                               \
      const int first = tf_reduce_first_row(plan, &cur);                                           \
      if (inner_kept) {                                                                            \
        for (int32_t j = 0; j < n; ++j)                                                            \
          acc[j] = first ? input[j] - zp : step(p, acc[j], input[j] - zp);                         \
      } else {                                                                                     \
        int32_t total = first ? input[0] - zp : step(p, *acc, input[0] - zp);                      \
        for (int32_t j = 1; j < n; ++j) total = step(p, total, input[j] - zp);                     \
        *acc = total;                                                                              \
      }                                                                                            \
    }                                                                                              \
    for (int32_t o = 0; o < plan->output_count; ++o) {                                             \
      const int32_t scaled = tf_mbqm_int64(prod[o], p->multiplier, p->shift);                      \
      const int64_t v = (int64_t)scaled + p->output_zero_point;                                    \
      output[o] = (T)(v < (LO) ? (LO) : (v > (HI) ? (HI) : v));                                    \
    }                                                                                              \
  }

TF_REDUCE_PROD_INT(tf_reduce_prod_s8, int8_t, -128, 127)
TF_REDUCE_PROD_INT(tf_reduce_prod_s16, int16_t, -32768, 32767)

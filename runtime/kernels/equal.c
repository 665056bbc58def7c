/* Comparisons: TFLM comparisons.cc + reference/comparisons.h (see equal.h). */
#include "equal.h"

#include "../quant.h"

#define TF_COMPARE_RAW_DEFINE(OP, SFX, T, CMP)                                                     \
  void tf_##OP##_##SFX(const tf_bcast_plan_t *p, const T *input1, const T *input2, uint8_t *output) { \
    tf_bcast_iter_t it;                                                                            \
    for (int32_t r = tf_bcast_begin(&it, p, 2); r > 0; --r, tf_bcast_next(&it)) {                  \
      const T *a = input1 + it.off[0];                                                             \
      const T *b = input2 + it.off[1];                                                             \
      uint8_t *o = output + it.out;                                                                \
      const int32_t n = it.run, sa = it.step[0], sb = it.step[1];                                  \
      for (int32_t k = 0; k < n; ++k, a += sa, b += sb) o[k] = (uint8_t)(*a CMP *b);               \
    }                                                                                              \
  }

/* Both inputs to a common scale: (offset + v) << left_shift, times a multiplier < 1. */
#define TF_COMPARE_SCALED_DEFINE(OP, SFX, T, CMP)                                                  \
  void tf_##OP##_##SFX(const tf_comparison_q_t *p, const T *input1, const T *input2, uint8_t *output) { \
    const int32_t scale = (int32_t)1 << p->left_shift;                                             \
    const int32_t o1 = p->input1_offset, m1 = p->input1_multiplier, s1 = p->input1_shift;          \
    const int32_t o2 = p->input2_offset, m2 = p->input2_multiplier, s2 = p->input2_shift;          \
    tf_bcast_iter_t it;                                                                            \
    for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {           \
      const T *a = input1 + it.off[0];                                                             \
      const T *b = input2 + it.off[1];                                                             \
      uint8_t *o = output + it.out;                                                                \
      const int32_t n = it.run, sa = it.step[0], sb = it.step[1];                                  \
      for (int32_t k = 0; k < n; ++k, a += sa, b += sb) {                                          \
        const int32_t x = tf_mbqm_smaller_than_one((o1 + *a) * scale, m1, s1);                     \
        const int32_t y = tf_mbqm_smaller_than_one((o2 + *b) * scale, m2, s2);                     \
        o[k] = (uint8_t)(x CMP y);                                                                 \
      }                                                                                            \
    }                                                                                              \
  }

#define TF_COMPARE_DEFINE(OP, CMP)                                                                 \
  TF_COMPARE_RAW_DEFINE(OP, f32, float, CMP)                                                       \
  TF_COMPARE_RAW_DEFINE(OP, s32, int32_t, CMP)                                                     \
  TF_COMPARE_RAW_DEFINE(OP, s64, int64_t, CMP)                                                     \
  TF_COMPARE_SCALED_DEFINE(OP, s8, int8_t, CMP)

TF_COMPARISONS(TF_COMPARE_DEFINE)
TF_COMPARE_RAW_DEFINE(equal, b8, uint8_t, ==)
TF_COMPARE_RAW_DEFINE(not_equal, b8, uint8_t, !=)
TF_COMPARE_SCALED_DEFINE(greater, s16, int16_t, >)

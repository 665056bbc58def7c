/* SQUARED_DIFFERENCE: TFLM squared_difference.cc (int8/int16 on a common scale, int32, float32). */
#include "squared_difference.h"

#include "../quant.h"

/* Both inputs to the common scale; their difference squared wraps like TFLM's int32. */
#define TF_SQUARED_DIFFERENCE_QUANTIZED(NAME, T, LO, HI)                                           \
  void NAME(const tf_squared_difference_q_t *p, const T *input1, const T *input2, T *output) {     \
    const int32_t scale = (int32_t)1 << p->left_shift;                                             \
    const int32_t o1 = p->input1_offset, m1 = p->input1_multiplier, s1 = p->input1_shift;          \
    const int32_t o2 = p->input2_offset, m2 = p->input2_multiplier, s2 = p->input2_shift;          \
    const int32_t mo = p->output_multiplier, so = p->output_shift;                                 \
    const int32_t oo = p->output_offset, lo = (LO) - oo, hi = (HI) - oo;                           \
    tf_bcast_iter_t it;                                                                            \
    for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {           \
      const T *a = input1 + it.off[0];                                                             \
      const T *b = input2 + it.off[1];                                                             \
      T *o = output + it.out;                                                                      \
      const int32_t n = it.run, sa = it.step[0], sb = it.step[1];                                  \
      for (int32_t k = 0; k < n; ++k, a += sa, b += sb) {                                          \
        const uint32_t x = (uint32_t)tf_mbqm_smaller_than_one((o1 + *a) * scale, m1, s1);          \
        const uint32_t y = (uint32_t)tf_mbqm_smaller_than_one((o2 + *b) * scale, m2, s2);          \
        const uint32_t d = x - y;                                                                  \
        const int32_t v = tf_mbqm((int32_t)(d * d), mo, so);                                       \
        o[k] = (T)(tf_clamp(v, lo, hi) + oo);                                                      \
      }                                                                                            \
    }                                                                                              \
  }

TF_SQUARED_DIFFERENCE_QUANTIZED(tf_squared_difference_s8, int8_t, -128, 127)
TF_SQUARED_DIFFERENCE_QUANTIZED(tf_squared_difference_s16, int16_t, -32768, 32767)

void tf_squared_difference_s32(const tf_bcast_plan_t *p, const int32_t *input1, const int32_t *input2,
                               int32_t *output) {
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, p, 2); r > 0; --r, tf_bcast_next(&it)) {
    const int32_t *a = input1 + it.off[0];
    const int32_t *b = input2 + it.off[1];
    int32_t *o = output + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < n; ++k, a += sa, b += sb) {
      const uint32_t d = (uint32_t)*a - (uint32_t)*b;
      o[k] = (int32_t)(d * d);
    }
  }
}

void tf_squared_difference_f32(const tf_bcast_plan_t *p, const float *input1, const float *input2,
                               float *output) {
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, p, 2); r > 0; --r, tf_bcast_next(&it)) {
    const float *a = input1 + it.off[0];
    const float *b = input2 + it.off[1];
    float *o = output + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < n; ++k, a += sa, b += sb) {
      const float d = *a - *b;
      o[k] = d * d;
    }
  }
}

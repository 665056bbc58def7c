/* ADD and SUB: TFLM add_common.cc / sub_common.cc + integer_ops/add.h, reference/add.h, reference/sub.h. */
#include "add.h"

#include "../quant.h"

/* One input brought to the common scale: (offset + v) << left_shift, times a multiplier < 1. */
static inline int32_t rescale(int32_t v, int32_t offset, int32_t scale, int32_t multiplier, int32_t shift) {
  return tf_mbqm_smaller_than_one((offset + v) * scale, multiplier, shift);
}

/* The sum (sign 1) or difference (sign -1) wraps like TFLM's int32; clamped before the offset is added. */
static inline int32_t combine(const tf_add_sub_q_t *p, int32_t x, int32_t y, int32_t sign, int32_t lo,
                              int32_t hi) {
  const int32_t raw = (int32_t)((uint32_t)x + (uint32_t)(sign * y));
  return tf_clamp(tf_mbqm_smaller_than_one(raw, p->output_multiplier, p->output_shift), lo, hi) +
         p->output_offset;
}

/*
 * The quantized loop for element type T: an input that repeats along the run is rescaled once.
 * Neither input can repeat while the output aliases it (the planner's in-place rule).
 */
#define TF_ADD_SUB_QUANTIZED(NAME, T)                                                              \
  static void NAME(const tf_add_sub_q_t *p, const T *in1, const T *in2, T *out, int32_t sign) {    \
    const int32_t scale = (int32_t)1 << p->left_shift;                                             \
    const int32_t o1 = p->input1_offset, m1 = p->input1_multiplier, s1 = p->input1_shift;          \
    const int32_t o2 = p->input2_offset, m2 = p->input2_multiplier, s2 = p->input2_shift;          \
    const int32_t lo = p->act_min - p->output_offset, hi = p->act_max - p->output_offset;          \
    tf_bcast_iter_t it;                                                                            \
    for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {           \
      const T *a = in1 + it.off[0];                                                                \
      const T *b = in2 + it.off[1];                                                                \
      T *o = out + it.out;                                                                         \
      const int32_t n = it.run;                                                                    \
      if (it.step[1] == 0) {                                                                       \
        const int32_t y = rescale(*b, o2, scale, m2, s2);                                          \
        for (int32_t k = 0; k < n; ++k)                                                            \
          o[k] = (T)combine(p, rescale(a[k], o1, scale, m1, s1), y, sign, lo, hi);                 \
      } else if (it.step[0] == 0) {                                                                \
        const int32_t x = rescale(*a, o1, scale, m1, s1);                                          \
        for (int32_t k = 0; k < n; ++k)                                                            \
          o[k] = (T)combine(p, x, rescale(b[k], o2, scale, m2, s2), sign, lo, hi);                 \
      } else {                                                                                     \
        for (int32_t k = 0; k < n; ++k) {                                                          \
          const int32_t x = rescale(a[k], o1, scale, m1, s1);                                      \
          o[k] = (T)combine(p, x, rescale(b[k], o2, scale, m2, s2), sign, lo, hi);                 \
        }                                                                                          \
      }                                                                                            \
    }                                                                                              \
  }

TF_ADD_SUB_QUANTIZED(add_sub_s8, int8_t)
TF_ADD_SUB_QUANTIZED(add_sub_s16, int16_t)

/* int32 wraps like TFLM's; sign as above. */
static void add_sub_s32(const tf_add_sub_i_t *p, const int32_t *in1, const int32_t *in2, int32_t *out,
                        int32_t sign) {
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const int32_t *a = in1 + it.off[0];
    const int32_t *b = in2 + it.off[1];
    int32_t *o = out + it.out;
    const int32_t sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < it.run; ++k, a += sa, b += sb) {
      const uint32_t y = sign > 0 ? (uint32_t)*b : 0u - (uint32_t)*b;
      o[k] = tf_clamp((int32_t)((uint32_t)*a + y), p->act_min, p->act_max);
    }
  }
}

void tf_add_s8(const tf_add_sub_q_t *p, const int8_t *input1, const int8_t *input2, int8_t *output) {
  add_sub_s8(p, input1, input2, output, 1);
}

void tf_add_s16(const tf_add_sub_q_t *p, const int16_t *input1, const int16_t *input2, int16_t *output) {
  add_sub_s16(p, input1, input2, output, 1);
}

void tf_add_s32(const tf_add_sub_i_t *p, const int32_t *input1, const int32_t *input2, int32_t *output) {
  add_sub_s32(p, input1, input2, output, 1);
}

void tf_add_f32(const tf_add_sub_f_t *p, const float *input1, const float *input2, float *output) {
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const float *a = input1 + it.off[0];
    const float *b = input2 + it.off[1];
    float *o = output + it.out;
    const int32_t sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < it.run; ++k, a += sa, b += sb) o[k] = tf_clampf(*a + *b, p->act_min, p->act_max);
  }
}

void tf_sub_s8(const tf_add_sub_q_t *p, const int8_t *input1, const int8_t *input2, int8_t *output) {
  add_sub_s8(p, input1, input2, output, -1);
}

void tf_sub_s16(const tf_add_sub_q_t *p, const int16_t *input1, const int16_t *input2, int16_t *output) {
  add_sub_s16(p, input1, input2, output, -1);
}

void tf_sub_s32(const tf_add_sub_i_t *p, const int32_t *input1, const int32_t *input2, int32_t *output) {
  add_sub_s32(p, input1, input2, output, -1);
}

void tf_sub_f32(const tf_add_sub_f_t *p, const float *input1, const float *input2, float *output) {
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const float *a = input1 + it.off[0];
    const float *b = input2 + it.off[1];
    float *o = output + it.out;
    const int32_t sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < it.run; ++k, a += sa, b += sb) o[k] = tf_clampf(*a - *b, p->act_min, p->act_max);
  }
}

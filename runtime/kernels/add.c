/* ADD and SUB: TFLM add_common.cc / sub_common.cc + integer_ops/add.h, reference/add.h, reference/sub.h. */
#include "add.h"

#include "../quant.h"

/* One input brought to the common scale: (offset + v) << left_shift, times a multiplier < 1. */
static inline int32_t rescale(int32_t v, int32_t offset, int32_t scale, int32_t multiplier, int32_t shift) {
  return tf_mbqm_smaller_than_one((offset + v) * scale, multiplier, shift);
}

/* The rescaled sum, clamped before the output offset is added (so that cannot overflow). */
static inline int32_t rescale_sum(uint32_t sum, int32_t multiplier, int32_t shift, int32_t lo, int32_t hi) {
  return tf_clamp(tf_mbqm_smaller_than_one((int32_t)sum, multiplier, shift), lo, hi);
}

/*
 * int8: each input's common-scale value is a lookup in its table of all 256 (TS computes them
 * with the same arithmetic). SUB passes the second input's values negated: x + (-y) wraps
 * exactly like TFLM's x - y. Parameters live in locals: int8 stores may alias anything.
 */
void tf_add_s8(const tf_add_sub_q_t *p, const int8_t *input1, const int8_t *input2, int8_t *output) {
  const int32_t *t1 = p->input1_table + 128, *t2 = p->input2_table + 128;
  const int32_t mo = p->output_multiplier, so = p->output_shift, oo = p->output_offset;
  const int32_t lo = p->act_min - oo, hi = p->act_max - oo;
  /* 2 max(input scale) / (2^20 output scale): a right shift near 20, tested once, not per element. */
  const int32_t right_shift = -so;
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const int8_t *a = input1 + it.off[0];
    const int8_t *b = input2 + it.off[1];
    int8_t *o = output + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    if (right_shift >= 2) {
      for (int32_t k = 0; k < n; ++k, a += sa, b += sb) {
        const int32_t sum = (int32_t)((uint32_t)t1[*a] + (uint32_t)t2[*b]);
        o[k] = (int8_t)(tf_clamp(tf_mbqm_right(sum, mo, right_shift), lo, hi) + oo);
      }
    } else {
      for (int32_t k = 0; k < n; ++k, a += sa, b += sb)
        o[k] = (int8_t)(rescale_sum((uint32_t)t1[*a] + (uint32_t)t2[*b], mo, so, lo, hi) + oo);
    }
  }
}

/*
 * int16: sign 1 adds, -1 subtracts (the rescaled y is far from INT32_MIN, so negating it is
 * exact). An input that repeats along the run is rescaled once; neither input can repeat while
 * the output aliases it (the planner's in-place rule).
 */
static void add_sub_s16(const tf_add_sub_q_t *p, const int16_t *in1, const int16_t *in2, int16_t *out,
                        int32_t sign) {
  const int32_t scale = (int32_t)1 << p->left_shift;
  const int32_t o1 = p->input1_offset, m1 = p->input1_multiplier, s1 = p->input1_shift;
  const int32_t o2 = p->input2_offset, m2 = p->input2_multiplier, s2 = p->input2_shift;
  const int32_t mo = p->output_multiplier, so = p->output_shift, oo = p->output_offset;
  const int32_t lo = p->act_min - oo, hi = p->act_max - oo;
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const int16_t *a = in1 + it.off[0];
    const int16_t *b = in2 + it.off[1];
    int16_t *o = out + it.out;
    const int32_t n = it.run;
    if (it.step[1] == 0) {
      const uint32_t y = (uint32_t)(sign * rescale(*b, o2, scale, m2, s2));
      for (int32_t k = 0; k < n; ++k) {
        const uint32_t x = (uint32_t)rescale(a[k], o1, scale, m1, s1);
        o[k] = (int16_t)(rescale_sum(x + y, mo, so, lo, hi) + oo);
      }
    } else if (it.step[0] == 0) {
      const uint32_t x = (uint32_t)rescale(*a, o1, scale, m1, s1);
      for (int32_t k = 0; k < n; ++k) {
        const uint32_t y = (uint32_t)(sign * rescale(b[k], o2, scale, m2, s2));
        o[k] = (int16_t)(rescale_sum(x + y, mo, so, lo, hi) + oo);
      }
    } else {
      for (int32_t k = 0; k < n; ++k) {
        const uint32_t x = (uint32_t)rescale(a[k], o1, scale, m1, s1);
        const uint32_t y = (uint32_t)(sign * rescale(b[k], o2, scale, m2, s2));
        o[k] = (int16_t)(rescale_sum(x + y, mo, so, lo, hi) + oo);
      }
    }
  }
}

/* int32 wraps like TFLM's; sign 1 adds, -1 subtracts. */
static void add_sub_s32(const tf_add_sub_i_t *p, const int32_t *in1, const int32_t *in2, int32_t *out,
                        int32_t sign) {
  const int32_t lo = p->act_min, hi = p->act_max;
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const int32_t *a = in1 + it.off[0];
    const int32_t *b = in2 + it.off[1];
    int32_t *o = out + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < n; ++k, a += sa, b += sb) {
      const uint32_t y = sign > 0 ? (uint32_t)*b : 0u - (uint32_t)*b;
      o[k] = tf_clamp((int32_t)((uint32_t)*a + y), lo, hi);
    }
  }
}

void tf_add_s16(const tf_add_sub_q_t *p, const int16_t *input1, const int16_t *input2, int16_t *output) {
  add_sub_s16(p, input1, input2, output, 1);
}

void tf_add_s32(const tf_add_sub_i_t *p, const int32_t *input1, const int32_t *input2, int32_t *output) {
  add_sub_s32(p, input1, input2, output, 1);
}

void tf_add_f32(const tf_add_sub_f_t *p, const float *input1, const float *input2, float *output) {
  const float lo = p->act_min, hi = p->act_max;
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const float *a = input1 + it.off[0];
    const float *b = input2 + it.off[1];
    float *o = output + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < n; ++k, a += sa, b += sb) o[k] = tf_clampf(*a + *b, lo, hi);
  }
}

void tf_sub_s16(const tf_add_sub_q_t *p, const int16_t *input1, const int16_t *input2, int16_t *output) {
  add_sub_s16(p, input1, input2, output, -1);
}

void tf_sub_s32(const tf_add_sub_i_t *p, const int32_t *input1, const int32_t *input2, int32_t *output) {
  add_sub_s32(p, input1, input2, output, -1);
}

void tf_sub_f32(const tf_add_sub_f_t *p, const float *input1, const float *input2, float *output) {
  const float lo = p->act_min, hi = p->act_max;
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const float *a = input1 + it.off[0];
    const float *b = input2 + it.off[1];
    float *o = output + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < n; ++k, a += sa, b += sb) o[k] = tf_clampf(*a - *b, lo, hi);
  }
}

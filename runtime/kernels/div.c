/* DIV: TFLM div.cc + reference/div.h (int8 via GetReciprocal, int32, float32). */
#include "div.h"

#include "../quant.h"

/* gemmlowp RoundingHalfSum: (a + b) / 2 rounded half away from zero. */
static inline int32_t rounding_half_sum(int32_t a, int32_t b) {
  const int64_t sum = (int64_t)a + b;
  return (int32_t)((sum + (sum >= 0 ? 1 : -1)) / 2);
}

/* gemmlowp SaturatingRoundingMultiplyByPOT for a positive exponent: a saturating left shift. */
static inline int32_t saturating_shl(int32_t x, int exponent) {
  const int32_t limit = (int32_t)((INT64_C(1) << (31 - exponent)) - 1);
  if (x > limit) return TF_INT32_MAX;
  if (x < -limit) return TF_INT32_MIN;
  return tf_shl_wrap(x, exponent);
}

/* gemmlowp one_over_one_plus_x_for_x_in_0_1 on raw Q0.31 values: Newton-Raphson in Q2.29. */
static int32_t one_over_one_plus_x(int32_t a) {
  const int32_t half_denominator = rounding_half_sum(a, TF_INT32_MAX);
  int32_t x = (int32_t)(1515870810u + (uint32_t)tf_srdhm(half_denominator, -1010580540));
  for (int i = 0; i < 3; ++i) {
    const int32_t one_minus = (int32_t)((1u << 29) - (uint32_t)tf_srdhm(half_denominator, x));
    x = (int32_t)((uint32_t)x + (uint32_t)saturating_shl(tf_srdhm(x, one_minus), 2));
  }
  return saturating_shl(x, 1);
}

/* Leading zero bits of a uint32, 32 for 0 (which __builtin_clz leaves undefined). */
static inline int clz32(uint32_t v) {
  if (v == 0) return 32;
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_clz(v);
#else
  int n = 0;
  for (; !(v & 0x80000000u); v <<= 1) ++n;
  return n;
#endif
}

/*
 * RoundingDivideByPOT as TFLM's x86-64 build evaluates it, exponents above 31 (and below 0)
 * included: the 64-bit mask shift counts modulo 64 and the 32-bit arithmetic shift modulo 32.
 */
static inline int32_t rounding_divide_by_pot_wide(int32_t x, int32_t exponent) {
  const uint32_t mask_bits = (uint32_t)exponent & 63u;
  const int32_t mask = mask_bits >= 32 ? -1 : (int32_t)((INT64_C(1) << mask_bits) - 1);
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  const int32_t shifted = x >> ((uint32_t)exponent & 31u);
  return (int32_t)((uint32_t)shifted + ((x & mask) > threshold ? 1u : 0u));
}

/* One quotient before the output offset; x and y are the offset inputs. */
static inline int32_t div_s8_one(int32_t x, int32_t y, int32_t multiplier, int32_t shift) {
  if (y < 0) {
    x = -x;
    y = -y;
  }
  /* GetReciprocal(y, 31): 1/y in Q0.31 with 31 - clz(y) bits over unit. */
  const int clz = clz32((uint32_t)y);
  const uint32_t normalized = clz >= 32 ? 0u : (uint32_t)y << clz;
  const int32_t inv = one_over_one_plus_x((int32_t)(normalized - 0x80000000u));
  const int headroom = x >= 0 ? clz32((uint32_t)x) - 1 : clz32(~(uint32_t)x) - 1;
  const int32_t quotient = tf_srdhm(tf_shl_wrap(x, headroom), inv);
  return rounding_divide_by_pot_wide(tf_srdhm(quotient, multiplier), 31 - clz + headroom - shift);
}

void tf_div_s8(const tf_div_q_t *p, const int8_t *input1, const int8_t *input2, int8_t *output) {
  /* Clamped before the offset is added: the unclamped quotient may be near the int32 limits. */
  const int32_t o1 = p->input1_offset, o2 = p->input2_offset, oo = p->output_offset;
  const int32_t m = p->output_multiplier, sh = p->output_shift;
  const int32_t lo = p->act_min - oo, hi = p->act_max - oo;
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const int8_t *a = input1 + it.off[0];
    const int8_t *b = input2 + it.off[1];
    int8_t *o = output + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < n; ++k, a += sa, b += sb)
      o[k] = (int8_t)(tf_clamp(div_s8_one(o1 + *a, o2 + *b, m, sh), lo, hi) + oo);
  }
}

void tf_div_s32(const tf_div_q_t *p, const int32_t *input1, const int32_t *input2, int32_t *output) {
  const int32_t lo = p->act_min, hi = p->act_max;
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const int32_t *a = input1 + it.off[0];
    const int32_t *b = input2 + it.off[1];
    int32_t *o = output + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < n; ++k, a += sa, b += sb) {
      const int32_t x = *a, y = *b;
      const int32_t q = y == 0 ? 0 : (y == -1 ? (int32_t)(0u - (uint32_t)x) : x / y);
      o[k] = tf_clamp(q, lo, hi);
    }
  }
}

void tf_div_f32(const tf_div_f_t *p, const float *input1, const float *input2, float *output) {
  const float lo = p->act_min, hi = p->act_max;
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const float *a = input1 + it.off[0];
    const float *b = input2 + it.off[1];
    float *o = output + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < n; ++k, a += sa, b += sb) o[k] = tf_clampf(*a / *b, lo, hi);
  }
}

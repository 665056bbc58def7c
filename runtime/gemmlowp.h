/*
 * tinyforge gemmlowp fixed-point math (fixedpoint/fixedpoint.h) and the TFLM helpers built on
 * it (common.h) that softmax, log-softmax, logistic, tanh and LSTM need. Behaviour-identical to
 * src/quant/gemmlowp.ts and tested on the same vectors. Values are raw int32 of a
 * Q(int_bits).(31 - int_bits) number; wrapping arithmetic goes through uint32_t (no UB).
 * Header-only so every kernel inlines them. C99, no libc beyond stdint.h.
 */
#ifndef TF_GEMMLOWP_H
#define TF_GEMMLOWP_H

#include <stdint.h>

#include "quant.h"

static inline int32_t tf_gl_add(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }

static inline int32_t tf_gl_sub(int32_t a, int32_t b) { return (int32_t)((uint32_t)a - (uint32_t)b); }

static inline int32_t tf_gl_neg(int32_t a) { return (int32_t)(0u - (uint32_t)a); }

/* Leading zeros of x as uint32 (32 for 0), as JS Math.clz32. */
static inline int tf_gl_clz32(int32_t x) {
  uint32_t u = (uint32_t)x;
  int n = 0;
  if (u == 0) return 32;
#if defined(__GNUC__) || defined(__clang__)
  n = __builtin_clz(u);
#else
  while (!(u & 0x80000000u)) {
    u <<= 1;
    ++n;
  }
#endif
  return n;
}

/* SaturatingRoundingMultiplyByPOT: x * 2^exponent, saturating up and rounding down. */
static inline int32_t tf_gl_srmbpot(int32_t x, int exponent) {
  if (exponent == 0) return x;
  if (exponent < 0) return tf_rdbpot(x, -exponent);
  if (exponent >= 31) return x > 0 ? TF_INT32_MAX : (x < 0 ? TF_INT32_MIN : 0);
  const int32_t threshold = (int32_t)((1u << (31 - exponent)) - 1u);
  if (x > threshold) return TF_INT32_MAX;
  if (x < -threshold) return TF_INT32_MIN;
  return tf_shl_wrap(x, exponent);
}

/* Rescale<dst_bits>(Q src_bits value). */
static inline int32_t tf_gl_rescale(int32_t x, int src_int_bits, int dst_int_bits) {
  return tf_gl_srmbpot(x, src_int_bits - dst_int_bits);
}

/* (a + b) / 2 rounded half away from zero, without overflow. */
static inline int32_t tf_gl_rounding_half_sum(int32_t a, int32_t b) {
  const int64_t sum = (int64_t)a + b;
  return (int32_t)((sum + (sum >= 0 ? 1 : -1)) / 2);
}

static inline int32_t tf_gl_saturating_add(int32_t a, int32_t b) {
  const int64_t s = (int64_t)a + b;
  return s > TF_INT32_MAX ? TF_INT32_MAX : (s < TF_INT32_MIN ? TF_INT32_MIN : (int32_t)s);
}

static inline int32_t tf_gl_saturating_sub(int32_t a, int32_t b) {
  const int64_t s = (int64_t)a - b;
  return s > TF_INT32_MAX ? TF_INT32_MAX : (s < TF_INT32_MIN ? TF_INT32_MIN : (int32_t)s);
}

/* exp(a) for a in [-1/4, 0), Q0.31 in and out (Taylor expansion around -1/8). */
static inline int32_t tf_gl_exp_on_interval_quarter(int32_t a) {
  const int32_t constant_term = 1895147668; /* exp(-1/8) */
  const int32_t one_third = 715827883;
  const int32_t x = tf_gl_add(a, 1 << 28);
  const int32_t x2 = tf_srdhm(x, x);
  const int32_t x3 = tf_srdhm(x2, x);
  const int32_t x4 = tf_srdhm(x2, x2);
  const int32_t x4_over_4 = tf_gl_srmbpot(x4, -2);
  const int32_t poly =
      tf_gl_srmbpot(tf_gl_add(tf_srdhm(tf_gl_add(x4_over_4, x3), one_third), x2), -1);
  return tf_gl_add(constant_term, tf_srdhm(constant_term, tf_gl_add(x, poly)));
}

/* exp(a) for a <= 0 given in Q(int_bits); result in Q0.31. */
static inline int32_t tf_gl_exp_on_negative_values(int32_t a, int int_bits) {
  /* exp(-2^k) in Q0.31 for k = -2..4: the barrel shifter's multipliers. */
  static const int32_t barrel[7] = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
  const int frac_bits = 31 - int_bits;
  const int32_t one_quarter = (int32_t)1 << (frac_bits - 2);
  const int32_t a_mod_quarter_minus_quarter = tf_gl_sub(a & (one_quarter - 1), one_quarter);
  int32_t result = tf_gl_exp_on_interval_quarter(tf_gl_rescale(a_mod_quarter_minus_quarter, int_bits, 0));
  const int32_t remainder = tf_gl_sub(a_mod_quarter_minus_quarter, a);
  for (int k = -2; k <= 4; ++k) {
    if (int_bits > k && (remainder & ((int32_t)1 << (frac_bits + k))) != 0) {
      result = tf_srdhm(result, barrel[k + 2]);
    }
  }
  if (int_bits > 5 && a < -((int32_t)1 << (36 - int_bits))) result = 0;
  return a == 0 ? TF_INT32_MAX : result;
}

/* Newton-Raphson 1/(1 + a) on a Q2.29 estimate, for a in (0, 1) as Q0.31; returns Q2.29. */
static inline int32_t tf_gl_newton_reciprocal(int32_t a) {
  const int32_t half_denominator = tf_gl_rounding_half_sum(a, TF_INT32_MAX);
  int32_t x = tf_gl_add(1515870810, tf_srdhm(half_denominator, -1010580540)); /* 48/17 - 32/17 d */
  for (int i = 0; i < 3; ++i) {
    const int32_t one_minus_half_denominator_times_x =
        tf_gl_sub((int32_t)1 << 29, tf_srdhm(half_denominator, x));
    x = tf_gl_add(x, tf_gl_rescale(tf_srdhm(x, one_minus_half_denominator_times_x), 4, 2));
  }
  return x;
}

/* (1 - a) / (1 + a) for a in (0, 1), Q0.31. */
static inline int32_t tf_gl_one_minus_x_over_one_plus_x(int32_t a) {
  return tf_gl_rescale(tf_gl_sub(tf_gl_newton_reciprocal(a), (int32_t)1 << 29), 2, 0);
}

/* 1 / (1 + a) for a in (0, 1), Q0.31. */
static inline int32_t tf_gl_one_over_one_plus_x(int32_t a) {
  return tf_gl_rescale(tf_gl_newton_reciprocal(a), 1, 0);
}

/* tanh(a) with a in Q(int_bits); result Q0.31. */
static inline int32_t tf_gl_tanh(int32_t a, int int_bits) {
  if (a == 0) return 0;
  const int32_t n = a < 0 ? a : tf_gl_neg(a);
  const int32_t t = tf_gl_one_minus_x_over_one_plus_x(tf_gl_exp_on_negative_values(n, int_bits + 1));
  return a < 0 ? tf_gl_neg(t) : t;
}

/* logistic(a) = 1 / (1 + exp(-a)) with a in Q(int_bits); result Q0.31. */
static inline int32_t tf_gl_logistic(int32_t a, int int_bits) {
  if (a == 0) return (int32_t)1 << 30;
  const int32_t abs = a > 0 ? a : tf_gl_neg(a);
  const int32_t if_positive = tf_gl_one_over_one_plus_x(tf_gl_exp_on_negative_values(tf_gl_neg(abs), int_bits));
  return a > 0 ? if_positive : tf_gl_sub(TF_INT32_MAX, if_positive);
}

/* GetReciprocal: 1/x for x in Q(x_integer_digits) as Q0.31, and the bits x has above 1.0. */
static inline int32_t tf_gl_get_reciprocal(int32_t x, int x_integer_digits, int *num_bits_over_unit) {
  const int headroom_plus_one = tf_gl_clz32(x);
  const int32_t shifted = headroom_plus_one >= 32 ? x : tf_shl_wrap(x, headroom_plus_one);
  *num_bits_over_unit = x_integer_digits - headroom_plus_one;
  return tf_gl_one_over_one_plus_x(tf_gl_sub(shifted, TF_INT32_MIN));
}

/* log(x) for x >= 1: input in Q(input_int_bits), output in Q(output_int_bits). */
static inline int32_t tf_gl_log_x_ge_1(int32_t x, int output_int_bits, int input_int_bits) {
  const int accum_bits = output_int_bits + 1;
  const int32_t log2 = 1488522236;
  const int32_t sqrt_sqrt_half = 1805811301;
  const int32_t sqrt_half = 1518500250;
  const int32_t shifted_quarter = tf_gl_rescale(536870912, 0, accum_bits);
  const int za_headroom_plus_one = tf_gl_clz32(x);
  const int32_t ra_tmp = tf_gl_srmbpot(x, za_headroom_plus_one - 1);
  const int32_t ra_raw = tf_gl_srmbpot(tf_srdhm(ra_tmp, sqrt_half), 1);
  const int32_t za_pow2_adj = tf_gl_saturating_add(
      tf_gl_srmbpot(input_int_bits - za_headroom_plus_one, 31 - accum_bits), shifted_quarter);
  const int32_t zb = tf_srdhm(x, sqrt_half);
  const int zb_headroom = tf_gl_clz32(zb) - 1;
  const int32_t rb_raw = tf_gl_srmbpot(x, zb_headroom);
  const int32_t zb_pow2_adj = tf_gl_saturating_sub(
      tf_gl_srmbpot(input_int_bits - zb_headroom, 31 - accum_bits), shifted_quarter);
  const int32_t r = ra_raw < rb_raw ? ra_raw : rb_raw;
  const int32_t z_pow2_adj = za_pow2_adj > zb_pow2_adj ? za_pow2_adj : zb_pow2_adj;
  const int32_t p = tf_gl_rounding_half_sum(r, sqrt_sqrt_half);
  int32_t q = tf_gl_sub(r, sqrt_sqrt_half);
  q = tf_gl_add(q, q);
  const int32_t common_sq = tf_srdhm(q, q);
  const int32_t num = tf_gl_add(tf_srdhm(q, r), tf_srdhm(tf_srdhm(q, common_sq), 117049297)); /* alpha_n */
  const int32_t alpha_i = 1057819769;
  const int32_t denom_minus_one = tf_gl_add(
      tf_srdhm(p, tf_gl_add(tf_gl_add(alpha_i, q), tf_srdhm(127690142, common_sq))), tf_srdhm(638450708, q));
  const int32_t recip_denom = tf_gl_one_over_one_plus_x(denom_minus_one);
  const int32_t num_scaled = tf_gl_rescale(num, 0, accum_bits);
  return tf_gl_rescale(tf_gl_add(tf_srdhm(z_pow2_adj, log2), tf_srdhm(num_scaled, recip_denom)), accum_bits,
                       output_int_bits);
}

/* LUTLookup: int16 -> int16 through a 513-entry table, interpolating on the low 7 bits. */
static inline int16_t tf_gl_lut_lookup_s16(int32_t value, const int16_t *lut) {
  const int32_t index = 256 + (value >> 7);
  const int32_t offset = value & 0x7f;
  const int32_t slope = (int16_t)(lut[index + 1] - lut[index]);
  const int32_t delta = (slope * offset + 64) >> 7;
  return (int16_t)(lut[index] + delta);
}

/* sigmoid(i / 24) in 0.16 fixed point (TFLM's sigmoid_table_uint16), for int16 logistic and tanh. */
static inline const uint16_t *tf_gl_sigmoid_table(void) {
  static const uint16_t table[256] = {
      32768u, 33451u, 34133u, 34813u, 35493u, 36169u, 36843u, 37513u, 38180u, 38841u, 39498u, 40149u,
      40794u, 41432u, 42064u, 42688u, 43304u, 43912u, 44511u, 45102u, 45683u, 46255u, 46817u, 47369u,
      47911u, 48443u, 48964u, 49475u, 49975u, 50464u, 50942u, 51409u, 51865u, 52311u, 52745u, 53169u,
      53581u, 53983u, 54374u, 54755u, 55125u, 55485u, 55834u, 56174u, 56503u, 56823u, 57133u, 57433u,
      57724u, 58007u, 58280u, 58544u, 58800u, 59048u, 59288u, 59519u, 59743u, 59959u, 60168u, 60370u,
      60565u, 60753u, 60935u, 61110u, 61279u, 61441u, 61599u, 61750u, 61896u, 62036u, 62172u, 62302u,
      62428u, 62549u, 62666u, 62778u, 62886u, 62990u, 63090u, 63186u, 63279u, 63368u, 63454u, 63536u,
      63615u, 63691u, 63765u, 63835u, 63903u, 63968u, 64030u, 64090u, 64148u, 64204u, 64257u, 64308u,
      64357u, 64405u, 64450u, 64494u, 64536u, 64576u, 64614u, 64652u, 64687u, 64721u, 64754u, 64786u,
      64816u, 64845u, 64873u, 64900u, 64926u, 64950u, 64974u, 64997u, 65019u, 65039u, 65060u, 65079u,
      65097u, 65115u, 65132u, 65149u, 65164u, 65179u, 65194u, 65208u, 65221u, 65234u, 65246u, 65258u,
      65269u, 65280u, 65291u, 65301u, 65310u, 65319u, 65328u, 65337u, 65345u, 65352u, 65360u, 65367u,
      65374u, 65381u, 65387u, 65393u, 65399u, 65404u, 65410u, 65415u, 65420u, 65425u, 65429u, 65433u,
      65438u, 65442u, 65445u, 65449u, 65453u, 65456u, 65459u, 65462u, 65465u, 65468u, 65471u, 65474u,
      65476u, 65479u, 65481u, 65483u, 65485u, 65488u, 65489u, 65491u, 65493u, 65495u, 65497u, 65498u,
      65500u, 65501u, 65503u, 65504u, 65505u, 65507u, 65508u, 65509u, 65510u, 65511u, 65512u, 65513u,
      65514u, 65515u, 65516u, 65517u, 65517u, 65518u, 65519u, 65520u, 65520u, 65521u, 65522u, 65522u,
      65523u, 65523u, 65524u, 65524u, 65525u, 65525u, 65526u, 65526u, 65526u, 65527u, 65527u, 65528u,
      65528u, 65528u, 65529u, 65529u, 65529u, 65529u, 65530u, 65530u, 65530u, 65530u, 65531u, 65531u,
      65531u, 65531u, 65531u, 65532u, 65532u, 65532u, 65532u, 65532u, 65532u, 65533u, 65533u, 65533u,
      65533u, 65533u, 65533u, 65533u, 65533u, 65534u, 65534u, 65534u, 65534u, 65534u, 65534u, 65534u,
      65534u, 65534u, 65534u, 65535u
  };
  return table;
}

/* The int16 input scaled to the sigmoid table's grid: multiplier 0 means 3 << left_shift. */
static inline int32_t tf_gl_scale_s16_input(int32_t x, int32_t multiplier, int left_shift) {
  const uint32_t m = multiplier == 0 ? (3u << left_shift) : (uint32_t)multiplier;
  const int s = multiplier == 0 ? 0 : left_shift;
  const uint32_t round = s > 0 ? (1u << (s - 1)) : 0u;
  return (int32_t)((uint32_t)x * m + round) >> s;
}

/* reference_integer_ops::Logistic (int16): sigmoid table with 9-bit interpolation, Q0.15 out. */
static inline int16_t tf_gl_logistic_s16(int32_t x, int32_t multiplier, int left_shift) {
  const uint16_t *table = tf_gl_sigmoid_table();
  const int32_t input = tf_gl_scale_s16_input(x, multiplier, left_shift);
  const uint32_t abs = input < 0 ? 0u - (uint32_t)input : (uint32_t)input;
  const uint32_t uh = abs >> 9;
  int32_t result;
  if (uh >= 255) {
    result = 0x7fff << 10;
  } else {
    const int32_t ua = table[uh];
    result = ua * 512 + (int32_t)(abs & 0x1ff) * (table[uh + 1] - ua);
  }
  result = input >= 0 ? result + (1 << 9) : (1 << 25) - result + (1 << 9) - 1;
  return (int16_t)((uint32_t)result >> 10);
}

/* reference_integer_ops::Tanh (int16): tanh(x) = 2 sigmoid(2x) - 1 on the same table, Q0.15 out. */
static inline int16_t tf_gl_tanh_s16(int32_t x, int32_t multiplier, int left_shift) {
  const uint16_t *table = tf_gl_sigmoid_table();
  const int32_t input = tf_gl_scale_s16_input(x, multiplier, left_shift);
  const uint32_t abs = input < 0 ? 0u - (uint32_t)input : (uint32_t)input;
  const uint32_t uh = abs >> 8;
  int32_t result;
  if (uh >= 255) {
    result = 0xffff << 8;
  } else {
    const int32_t ua = table[uh];
    result = ua * 256 + (int32_t)(abs & 0xff) * (table[uh + 1] - ua);
  }
  result = input >= 0 ? result - (1 << 23) + (1 << 7) : -result + (1 << 23) + (1 << 7) - 1;
  return (int16_t)(result >> 8);
}

#endif /* TF_GEMMLOWP_H */

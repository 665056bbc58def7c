/*
 * tinyforge fixed-point helpers: TFLM's arithmetic (common.h, default double-rounding build),
 * behaviour-identical to src/quant/fixed-point.ts for every input in the stated ranges
 * (test/runtime/quant.test.ts: edge sweeps, millions of random vectors, host and Cortex-M).
 * Header-only so every kernel inlines them. C99, no libc beyond stdint.h. Like all of
 * runtime/, relies on >> of a negative value being arithmetic and on conversions to a
 * signed type wrapping (gcc, clang).
 *
 * Why these forms equal TFLM's. P = (int64)a * b, floor rounds toward -inf.
 * - SaturatingRoundingDoublingHighMul truncates (P + nudge) / 2^31 toward zero, nudge 2^30
 *   for P >= 0 and 1 - 2^30 for P < 0. For P < 0 that sum is negative, and truncating it is
 *   ceil((P + 1 - 2^30) / 2^31) = floor((P + 2^30) / 2^31). So SRDHM = floor((P + 2^30) / 2^31)
 *   for every P: one multiply-accumulate (SMLAL) and a shift, no division. Only P = 2^62
 *   (a = b = INT32_MIN) overflows int32; it alone has high word 2^30, and it saturates.
 * - RoundingDivideByPOT(v, e >= 1) is floor((v + 2^(e-1) - [v < 0]) / 2^e), and
 *   floor(floor(n / p) / q) = floor(n / pq): MBQM with a right shift e >= 1 is
 *   floor((P + 2^30 - [v < 0] 2^31 + 2^(30+e)) / 2^(31+e)), v the SRDHM. [v < 0] may be
 *   replaced by [(a ^ b) < 0]: they differ only when -2^30 <= P <= 0, where v = 0 and the
 *   result is 0 either way. With h the high word of B = P + 2^30 - [(a ^ b) < 0] 2^31, the
 *   result is (h + 2^(e-2)) >> (e-1) for e >= 2, and the high word of B + 2^31 for e = 1.
 *   At P = 2^62 that is 2^(31-e) = RoundingDivideByPOT(INT32_MAX, e): no saturation needed.
 */
#ifndef TF_QUANT_H
#define TF_QUANT_H

#include <stdint.h>

#define TF_INT32_MIN (-2147483647 - 1)
#define TF_INT32_MAX 2147483647

/* Shifts at or below this (a right shift of 2 or more) may use tf_mbqm_right. */
#define TF_MBQM_RIGHT_MAX_SHIFT (-2)

#if defined(__GNUC__)
#define TF_LIKELY(c) __builtin_expect(!!(c), 1)
#else
#define TF_LIKELY(c) (c)
#endif

/* SaturatingRoundingDoublingHighMul: high 32 bits of 2*a*b, rounded, saturated. */
static inline int32_t tf_srdhm(int32_t a, int32_t b) {
  const int64_t n = (int64_t)a * b + (INT64_C(1) << 30);
  const uint32_t hi = (uint32_t)(n >> 32);
  const uint32_t r = (hi << 1) | ((uint32_t)n >> 31);
  /* hi + 2^30 carries into bit 31 only for hi = 2^30: 2^31 - 1 = INT32_MAX there. */
  return (int32_t)(r - ((hi + 0x40000000u) >> 31));
}

/* RoundingDivideByPOT: x / 2^exponent rounded half away from zero, 0 <= exponent <= 31. */
static inline int32_t tf_rdbpot(int32_t x, int exponent) {
  const int32_t mask = (int32_t)((INT64_C(1) << exponent) - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/* x * 2^left with int32 wrap-around, as TFLM's `x * (1 << left_shift)` behaves. */
static inline int32_t tf_shl_wrap(int32_t x, int left) {
  return (int32_t)((uint32_t)x << left);
}

/*
 * tf_mbqm(x, multiplier, -right_shift) for 2 <= right_shift <= 31 and any x and multiplier:
 * a real multiplier below 1/4, as nearly every int8 conv/fc/pool requantization has. No
 * branch: callers that know the shifts (a per-tensor shift checked once, or per-channel
 * shifts checked once per tensor) save tf_mbqm's test per element.
 */
static inline int32_t tf_mbqm_right(int32_t x, int32_t multiplier, int right_shift) {
  const uint32_t negative = (uint32_t)(x ^ multiplier) & 0x80000000u;
  const int64_t bias = (int32_t)(negative | 0x40000000u); /* 2^30, or 2^30 - 2^31 */
  const int32_t hi = (int32_t)(((int64_t)x * multiplier + bias) >> 32);
  const int e1 = right_shift - 1;
  return (hi + ((1 << e1) >> 1)) >> e1;
}

/* tf_mbqm for -1 <= shift <= 31: its rarer half. */
static inline int32_t tf_mbqm_near(int32_t x, int32_t multiplier, int shift) {
  if (shift >= 0) return tf_srdhm(tf_shl_wrap(x, shift), multiplier);
  /* A right shift of 1: the high word of P + 2^30 - [(x ^ m) < 0] 2^31 + 2^31. */
  const uint32_t negative = (uint32_t)(x ^ multiplier) & 0x80000000u;
  const int64_t bias = (int64_t)(0xC0000000u ^ negative);
  return (int32_t)(((int64_t)x * multiplier + bias) >> 32);
}

/* MultiplyByQuantizedMultiplier (int32 x), -31 <= shift <= 31; shift > 0 shifts left. */
static inline int32_t tf_mbqm(int32_t x, int32_t multiplier, int shift) {
  if (TF_LIKELY(shift <= TF_MBQM_RIGHT_MAX_SHIFT)) return tf_mbqm_right(x, multiplier, -shift);
  return tf_mbqm_near(x, multiplier, shift);
}

/* MultiplyByQuantizedMultiplierSmallerThanOneExp (-31 <= left_shift <= 0). */
static inline int32_t tf_mbqm_smaller_than_one(int32_t x, int32_t multiplier, int left_shift) {
  return tf_mbqm(x, multiplier, left_shift);
}

/* MultiplyByQuantizedMultiplierGreaterThanOne (0 <= left_shift <= 31). */
static inline int32_t tf_mbqm_greater_than_one(int32_t x, int32_t multiplier, int left_shift) {
  return tf_srdhm(tf_shl_wrap(x, left_shift), multiplier);
}

/*
 * The int64-accumulator variant used by 16x8 kernels: the multiplier reduced to 16 bits,
 * then (x * reduced + 2^(t-1)) >> t with t = 15 - shift, kept to its low 32 bits.
 * -31 <= shift <= 14, |x| < 2^47.
 * For 16 <= t <= 32 (the usual case) scale numerator and divisor by 2^(32-t): the result is
 * the high word of x * (reduced << (32 - t)) + 2^31, where reduced << (32 - t) fits int32
 * and the low 64 bits of the product suffice: one 64x32 multiply, no 64-bit shift.
 */
static inline int32_t tf_mbqm_int64(int64_t x, int32_t multiplier, int shift) {
  const int32_t reduced = multiplier < 0x7FFF0000 ? ((multiplier + (1 << 15)) >> 16) : 0x7FFF;
  const uint32_t up = (uint32_t)(shift + 17); /* 32 - t */
  if (TF_LIKELY(up <= 16u)) {
    const int64_t scaled = (int32_t)((uint32_t)reduced << up);
    return (int32_t)(((uint64_t)x * (uint64_t)scaled + 0x80000000u) >> 32);
  }
  const int total_shift = 15 - shift;
  const int64_t v = x * (int64_t)reduced + (INT64_C(1) << (total_shift - 1));
  return (int32_t)(v >> total_shift);
}

static inline int32_t tf_clamp(int32_t x, int32_t lo, int32_t hi) {
  return x < lo ? lo : (x > hi ? hi : x);
}

static inline float tf_clampf(float x, float lo, float hi) {
  return x < lo ? lo : (x > hi ? hi : x);
}

#endif /* TF_QUANT_H */

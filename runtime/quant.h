/*
 * tinyforge fixed-point helpers: TFLM's arithmetic (common.h, default double-rounding build),
 * behaviour-identical to src/quant/fixed-point.ts and tested on the same vectors.
 * Header-only so every kernel inlines them. C99, no libc beyond stdint.h.
 */
#ifndef TF_QUANT_H
#define TF_QUANT_H

#include <stdint.h>

#define TF_INT32_MIN (-2147483647 - 1)
#define TF_INT32_MAX 2147483647

/* SaturatingRoundingDoublingHighMul: high 32 bits of 2*a*b, rounded, truncated toward zero. */
static inline int32_t tf_srdhm(int32_t a, int32_t b) {
  if (a == TF_INT32_MIN && b == TF_INT32_MIN) return TF_INT32_MAX;
  const int64_t ab = (int64_t)a * (int64_t)b;
  const int64_t nudge = ab >= 0 ? (INT64_C(1) << 30) : (INT64_C(1) - (INT64_C(1) << 30));
  return (int32_t)((ab + nudge) / (INT64_C(1) << 31));
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

/* MultiplyByQuantizedMultiplier (int32 x); shift > 0 shifts left. */
static inline int32_t tf_mbqm(int32_t x, int32_t multiplier, int shift) {
  const int left = shift > 0 ? shift : 0;
  const int right = shift > 0 ? 0 : -shift;
  return tf_rdbpot(tf_srdhm(tf_shl_wrap(x, left), multiplier), right);
}

/* MultiplyByQuantizedMultiplierSmallerThanOneExp (left_shift <= 0). */
static inline int32_t tf_mbqm_smaller_than_one(int32_t x, int32_t multiplier, int left_shift) {
  return tf_rdbpot(tf_srdhm(x, multiplier), -left_shift);
}

/* MultiplyByQuantizedMultiplierGreaterThanOne (left_shift >= 0). */
static inline int32_t tf_mbqm_greater_than_one(int32_t x, int32_t multiplier, int left_shift) {
  return tf_srdhm(tf_shl_wrap(x, left_shift), multiplier);
}

/* The int64-accumulator variant used by 16x8 kernels: 16-bit multiplier, one rounding shift. */
static inline int32_t tf_mbqm_int64(int64_t x, int32_t multiplier, int shift) {
  const int32_t reduced = multiplier < 0x7FFF0000 ? ((multiplier + (1 << 15)) >> 16) : 0x7FFF;
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

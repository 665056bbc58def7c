/* RSQRT: TFLM elementwise.cc (RsqrtEvalQuantized with GetInvSqrtQuantizedMultiplierExp, float32). */
#include "rsqrt.h"

#include <math.h>

#include "../quant.h"

/* Rescale<3> from 6 or 9 integer bits: a saturating left shift of the raw value. */
static inline int32_t saturating_shl(int32_t x, int exponent) {
  const int32_t limit = (int32_t)((INT64_C(1) << (31 - exponent)) - 1);
  if (x > limit) return TF_INT32_MAX;
  if (x < -limit) return TF_INT32_MIN;
  return tf_shl_wrap(x, exponent);
}

static inline int leading_zeros(uint32_t v) {
  int n = 0;
  while (n < 32 && !(v & (0x80000000u >> n))) ++n;
  return n;
}

/* GetInvSqrtQuantizedMultiplierExp(input, kReverseShift): Newton-Raphson in Q3.28. */
static void inv_sqrt_multiplier(int32_t input, int32_t *multiplier, int32_t *shift_out) {
  if (input <= 1) {
    *multiplier = TF_INT32_MAX;
    *shift_out = 0;
    return;
  }
  int32_t shift = 11;
  int32_t x = input;
  while (x >= (1 << 29)) {
    x /= 4;
    ++shift;
  }
  const int pairs = ((leading_zeros((uint32_t)x) - 1) >> 1) - 1;
  shift -= pairs;
  x = tf_shl_wrap(x, 2 * pairs);
  const int32_t half_input = tf_rdbpot(x >> 1, 1);
  const int32_t half_three = (1 << 28) + (1 << 27);
  int32_t y = 1 << 28;
  for (int i = 0; i < 5; ++i) {
    const int32_t y3 = saturating_shl(tf_srdhm(tf_srdhm(y, y), y), 6);
    const uint32_t diff = (uint32_t)tf_srdhm(half_three, y) - (uint32_t)tf_srdhm(half_input, y3);
    y = saturating_shl((int32_t)diff, 3);
  }
  int32_t inv = tf_srdhm(y, 1518500250);
  if (shift < 0) {
    inv = tf_shl_wrap(inv, -shift);
    shift = 0;
  }
  *multiplier = inv;
  *shift_out = -shift;
}

void tf_rsqrt_s8(const tf_rsqrt_q_t *p, const int8_t *input, int8_t *output) {
  const int32_t shift_bits = 20; /* kShift: the reciprocal square root in Q11.20 */
  const int32_t lo = -128 - p->output_offset, hi = 127 - p->output_offset;
  for (int32_t i = 0; i < p->count; ++i) {
    const int32_t value = input[i] - p->input_offset;
    if (value == 0) {
      output[i] = 127;
      continue;
    }
    int32_t inv, inv_shift;
    inv_sqrt_multiplier(value, &inv, &inv_shift);
    const int32_t data = tf_mbqm(1, inv, inv_shift + shift_bits);
    const int32_t r = tf_mbqm(data, p->multiplier, p->shift - shift_bits);
    output[i] = (int8_t)(tf_clamp(r, lo, hi) + p->output_offset);
  }
}

void tf_rsqrt_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) output[i] = 1.0f / sqrtf(input[i]);
}

/* L2_NORMALIZATION: TFLM reference/l2normalization.h (float32) and integer_ops/l2normalization.h (int8). */
#include "l2_normalization.h"

#include <math.h>

#include "../quant.h"

void tf_l2_normalization_f32(const tf_l2_normalization_t *p, const float *input, float *output) {
  const float epsilon = 1e-6f;
  for (int32_t row = 0; row < p->outer_size; ++row, input += p->depth, output += p->depth) {
    float squares = 0.0f;
    for (int32_t c = 0; c < p->depth; ++c) squares += input[c] * input[c];
    const float norm = sqrtf(squares);
    const float divisor = norm < epsilon ? epsilon : norm; /* std::max: a NaN norm stays */
    for (int32_t c = 0; c < p->depth; ++c) output[c] = input[c] / divisor;
  }
}

/* gemmlowp SaturatingRoundingMultiplyByPOT for a positive exponent: a saturating left shift. */
static int32_t saturating_shift_left(int32_t x, int exponent) {
  const int32_t threshold = (1 << (31 - exponent)) - 1;
  if (x > threshold) return TF_INT32_MAX;
  if (x < -threshold) return TF_INT32_MIN;
  return x * (1 << exponent);
}

/*
 * GetInvSqrtQuantizedMultiplierExp with reverse_shift = -1: 1/sqrt(input) as a multiplier and a
 * (left) shift, by five Newton-Raphson steps in Q3.28.
 */
static void inv_sqrt(int32_t input, int32_t *multiplier, int32_t *shift) {
  if (input <= 1) {
    *multiplier = TF_INT32_MAX;
    *shift = 0;
    return;
  }
  int32_t s = 11;
  while (input >= (1 << 29)) {
    input /= 4;
    ++s;
  }
  const int pairs = ((__builtin_clz((uint32_t)input) - 1) >> 1) - 1;
  s -= pairs;
  input <<= 2 * pairs;
  const int32_t half_input = tf_rdbpot(input >> 1, 1);
  const int32_t half_three = (1 << 28) + (1 << 27);
  int32_t x = 1 << 28;
  for (int i = 0; i < 5; ++i) {
    const int32_t x3 = saturating_shift_left(tf_srdhm(tf_srdhm(x, x), x), 6);
    const uint32_t diff = (uint32_t)tf_srdhm(half_three, x) - (uint32_t)tf_srdhm(half_input, x3);
    x = saturating_shift_left((int32_t)diff, 3);
  }
  int32_t m = tf_srdhm(x, 1518500250); /* 1/sqrt(2) in Q0.31 */
  if (s < 0) {
    m = tf_shl_wrap(m, -s);
    s = 0;
  }
  *multiplier = m;
  *shift = -s;
}

void tf_l2_normalization_s8(const tf_l2_normalization_t *p, const int8_t *input, int8_t *output) {
  const int32_t zp = p->input_zero_point;
  for (int32_t row = 0; row < p->outer_size; ++row, input += p->depth, output += p->depth) {
    uint32_t acc = 0; /* unsigned: wraps like TFLM's int32 without UB */
    for (int32_t c = 0; c < p->depth; ++c) {
      const int32_t diff = input[c] - zp;
      acc += (uint32_t)(diff * diff);
    }
    int32_t multiplier;
    int32_t shift;
    inv_sqrt((int32_t)acc, &multiplier, &shift);
    for (int32_t c = 0; c < p->depth; ++c) {
      /* kOutputScale = 7: the output is in steps of 1/128. */
      const int32_t v = tf_mbqm(input[c] - zp, multiplier, shift + 7);
      output[c] = (int8_t)tf_clamp(v, -128, 127);
    }
  }
}

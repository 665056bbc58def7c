/* SOFTMAX: TFLM softmax_common.cc with reference/softmax.h. */
#include "softmax.h"

#include <math.h>

#include "../gemmlowp.h"
#include "../quant.h"

/* reference/softmax.h: exp() input is Q5.26, the sum is Q12.19. */
#define TF_SOFTMAX_DIFF_BITS 5
#define TF_SOFTMAX_ACCUM_BITS 12

void tf_softmax_f32(const tf_softmax_t *p, const float *input, float *output) {
  for (int32_t i = 0; i < p->outer_size; ++i) {
    const float *x = input + i * p->depth;
    float *y = output + i * p->depth;
    float max = -3.40282347e38f;
    for (int32_t c = 0; c < p->depth; ++c) {
      if (max < x[c]) max = x[c];
    }
    float sum = 0.0f;
    for (int32_t c = 0; c < p->depth; ++c) {
      const float e = expf((x[c] - max) * p->beta);
      y[c] = e;
      sum += e;
    }
    for (int32_t c = 0; c < p->depth; ++c) y[c] = y[c] / sum;
  }
}

static int32_t scaled_exp(const tf_softmax_t *p, int32_t diff) {
  return tf_gl_exp_on_negative_values(tf_mbqm_greater_than_one(diff, p->input_multiplier, p->input_shift),
                                      TF_SOFTMAX_DIFF_BITS);
}

/* One row, int8 in: the Q0.31 reciprocal of the Q12 sum of exps and its exponent for out_bits. */
static int32_t row_reciprocal(const tf_softmax_t *p, const int8_t *x, int32_t max, int out_bits, int *exponent) {
  uint32_t sum = 0; /* wraps like TFLM's int32 sum */
  for (int32_t c = 0; c < p->depth; ++c) {
    const int32_t diff = x[c] - max;
    if (diff >= p->diff_min) sum += (uint32_t)tf_rdbpot(scaled_exp(p, diff), TF_SOFTMAX_ACCUM_BITS);
  }
  int bits_over_unit;
  const int32_t recip = tf_gl_get_reciprocal((int32_t)sum, TF_SOFTMAX_ACCUM_BITS, &bits_over_unit);
  *exponent = bits_over_unit + 31 - out_bits;
  return recip;
}

static int32_t row_max_s8(const int8_t *x, int32_t depth) {
  int32_t max = -128;
  for (int32_t c = 0; c < depth; ++c) {
    if (x[c] > max) max = x[c];
  }
  return max;
}

void tf_softmax_s8(const tf_softmax_t *p, const int8_t *input, int8_t *output) {
  for (int32_t i = 0; i < p->outer_size; ++i) {
    const int8_t *x = input + i * p->depth;
    int8_t *y = output + i * p->depth;
    const int32_t max = row_max_s8(x, p->depth);
    int exponent;
    const int32_t recip = row_reciprocal(p, x, max, 8, &exponent);
    for (int32_t c = 0; c < p->depth; ++c) {
      const int32_t diff = x[c] - max;
      if (diff < p->diff_min) {
        y[c] = -128;
        continue;
      }
      const int32_t unsat = tf_rdbpot(tf_srdhm(recip, scaled_exp(p, diff)), exponent);
      y[c] = (int8_t)tf_clamp(unsat - 128, -128, 127);
    }
  }
}

void tf_softmax_s8_s16(const tf_softmax_t *p, const int8_t *input, int16_t *output) {
  for (int32_t i = 0; i < p->outer_size; ++i) {
    const int8_t *x = input + i * p->depth;
    int16_t *y = output + i * p->depth;
    const int32_t max = row_max_s8(x, p->depth);
    int exponent;
    const int32_t recip = row_reciprocal(p, x, max, 16, &exponent);
    for (int32_t c = 0; c < p->depth; ++c) {
      const int32_t diff = x[c] - max;
      if (diff < p->diff_min) {
        y[c] = -32768;
        continue;
      }
      const int32_t unsat = tf_rdbpot(tf_srdhm(recip, scaled_exp(p, diff)), exponent);
      y[c] = (int16_t)tf_clamp(unsat - 32768, -32768, 32767);
    }
  }
}

/* int16: exp through the LUT (cached in the output row, as TFLM does), 1/sum through the 1/(1+x) LUT. */
void tf_softmax_s16(const tf_softmax_t *p, const int16_t *input, int16_t *output) {
  for (int32_t i = 0; i < p->outer_size; ++i) {
    const int16_t *x = input + i * p->depth;
    int16_t *y = output + i * p->depth;
    int32_t max = -32768;
    for (int32_t c = 0; c < p->depth; ++c) {
      if (x[c] > max) max = x[c];
    }
    uint32_t sum = 0;
    for (int32_t c = 0; c < p->depth; ++c) {
      const int32_t scaled = tf_mbqm(x[c] - max, p->input_multiplier, p->input_shift);
      y[c] = tf_gl_lut_lookup_s16(tf_clamp(scaled + 32767, -32768, 32767), p->exp_lut);
      sum += (uint32_t)(int32_t)y[c];
    }
    const int headroom_plus_one = tf_gl_clz32((int32_t)sum);
    /* The sum is positive below 65538 classes, so 1 <= headroom_plus_one <= 31. */
    const uint32_t normalized = sum << (headroom_plus_one - 1);
    const int32_t shifted_sum = (int32_t)((normalized + (1u << 13)) >> 14);
    const int32_t sym_shifted_sum = tf_clamp(shifted_sum - ((1 << 15) + (1 << 16)), -32768, 32767);
    const int32_t reciprocal = tf_gl_lut_lookup_s16(sym_shifted_sum, p->one_over_one_plus_x_lut);
    const int right_shift = 31 - headroom_plus_one;
    const int32_t round = right_shift > 0 ? (int32_t)1 << (right_shift - 1) : 0;
    for (int32_t c = 0; c < p->depth; ++c) {
      const int32_t result = (y[c] * reciprocal + round) >> right_shift;
      y[c] = (int16_t)tf_clamp(result, 0, 32767);
    }
  }
}

/* HARD_SWISH: TFLM hard_swish_common.cc + reference/hard_swish.h (int8, float32). */
#include "hard_swish.h"

#include "../quant.h"

/* gemmlowp SaturatingRoundingDoublingHighMul on int16 values (C division truncates toward zero). */
static inline int32_t srdhm16(int32_t a, int32_t b) {
  if (a == -32768 && b == -32768) return 32767;
  const int32_t ab = a * b;
  return (ab + (ab >= 0 ? (1 << 14) : 1 - (1 << 14))) / 32768;
}

/* SaturatingDoublingHighMul on int16: as srdhm16 without the rounding nudge. */
static inline int32_t sdhm16(int32_t a, int32_t b) {
  if (a == -32768 && b == -32768) return 32767;
  return (a * b) / 32768;
}

/* An int16 value times 2^amount, saturated to int16. */
static inline int32_t saturating_shl16(int32_t v, int32_t amount) {
  if (v == 0) return 0;
  if (amount > 16) return v > 0 ? 32767 : -32768;
  const int64_t shifted = (int64_t)v * ((int64_t)1 << amount);
  return shifted > 32767 ? 32767 : (shifted < -32768 ? -32768 : (int32_t)shifted);
}

static inline int32_t hard_swish_one(const tf_hard_swish_q_t *p, int32_t x) {
  const int32_t hires = (x - p->input_zero_point) * 128;
  const int32_t preshift_output = srdhm16(hires, p->output_multiplier);
  int32_t reluish = hires;
  if (p->reluish_exponent > 0) reluish = saturating_shl16(reluish, p->reluish_exponent - 1);
  reluish = srdhm16(reluish, p->reluish_multiplier);
  if (p->reluish_exponent > 0) reluish = saturating_shl16(reluish, 1);
  if (p->reluish_exponent < 0) reluish = tf_rdbpot(reluish, -p->reluish_exponent);
  reluish = (reluish + 32768) >> 1;
  const int32_t preshift = sdhm16(reluish, preshift_output);
  /* TFLM's output_value is an int16_t: adding the zero point wraps before the int8 clamp. */
  const int32_t sum = tf_rdbpot(preshift, -p->output_exponent) + p->output_zero_point;
  const int32_t wrapped = ((sum & 0xFFFF) ^ 0x8000) - 0x8000;
  return tf_clamp(wrapped, -128, 127);
}

void tf_hard_swish_s8(const tf_hard_swish_q_t *p, const int8_t *input, int8_t *output) {
  for (int32_t i = 0; i < p->count; ++i) output[i] = (int8_t)hard_swish_one(p, input[i]);
}

void tf_hard_swish_f32(const float *input, float *output, int32_t count) {
  for (int32_t i = 0; i < count; ++i) {
    const float v = input[i];
    const float t = v + 3.0f;
    /* std::min(6, std::max(0, t)): a NaN becomes 0. */
    const float clamped = 0.0f < t ? (t < 6.0f ? t : 6.0f) : 0.0f;
    output[i] = (v * clamped) / 6.0f;
  }
}

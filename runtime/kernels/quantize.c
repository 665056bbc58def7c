/* QUANTIZE: TFLM quantize_common.cc with reference/quantize.h (AffineQuantize) and reference/requantize.h. */
#include "quantize.h"

#include "../quant.h"

/*
 * static_cast<int32_t>(TfLiteRound(v)) as TFLM computes it on x86-64: round half away from
 * zero, and cvttss2si's INT32_MIN for NaN and out-of-range values. Written out because the
 * Cortex-M conversion saturates instead.
 */
static int32_t round_to_int32(float v) {
  float r = v;
  if (v < 8388608.0f && v > -8388608.0f) { /* below 2^23 a float may have a fraction */
    const float t = (float)(int32_t)v;
    const float frac = v - t; /* exact */
    r = frac >= 0.5f ? t + 1.0f : (frac <= -0.5f ? t - 1.0f : t);
  }
  return r >= -2147483648.0f && r < 2147483648.0f ? (int32_t)r : TF_INT32_MIN;
}

static int32_t quantize_one(const tf_quantize_t *p, float x) {
  return (int32_t)((uint32_t)round_to_int32(x / p->scale) + (uint32_t)p->output_zero_point);
}

void tf_quantize_f32_s8(const tf_quantize_t *p, const float *input, int8_t *output) {
  for (int32_t i = 0; i < p->size; ++i) output[i] = (int8_t)tf_clamp(quantize_one(p, input[i]), -128, 127);
}

void tf_quantize_f32_s16(const tf_quantize_t *p, const float *input, int16_t *output) {
  for (int32_t i = 0; i < p->size; ++i) {
    output[i] = (int16_t)tf_clamp(quantize_one(p, input[i]), -32768, 32767);
  }
}

/* (x - input zero point) rescaled, plus the output zero point; int32 wrap-around as in TFLM. */
static inline int32_t requantize_one(const tf_quantize_t *p, int32_t x) {
  const int32_t centered = (int32_t)((uint32_t)x - (uint32_t)p->input_zero_point);
  const int32_t scaled = tf_mbqm(centered, p->multiplier, p->shift);
  return (int32_t)((uint32_t)scaled + (uint32_t)p->output_zero_point);
}

#define TF_REQUANTIZE(name, in_t, out_t, lo, hi)                                                 \
  void name(const tf_quantize_t *p, const in_t *input, out_t *output) {                         \
    for (int32_t i = 0; i < p->size; ++i) output[i] = (out_t)tf_clamp(requantize_one(p, input[i]), lo, hi); \
  }

TF_REQUANTIZE(tf_requantize_s32_s8, int32_t, int8_t, -128, 127)
TF_REQUANTIZE(tf_requantize_s32_s16, int32_t, int16_t, -32768, 32767)
TF_REQUANTIZE(tf_requantize_s16_s8, int16_t, int8_t, -128, 127)
TF_REQUANTIZE(tf_requantize_s16_s16, int16_t, int16_t, -32768, 32767)
TF_REQUANTIZE(tf_requantize_s16_s32, int16_t, int32_t, TF_INT32_MIN, TF_INT32_MAX)
TF_REQUANTIZE(tf_requantize_s8_s8, int8_t, int8_t, -128, 127)
TF_REQUANTIZE(tf_requantize_s8_u8, int8_t, uint8_t, 0, 255)
TF_REQUANTIZE(tf_requantize_s8_s16, int8_t, int16_t, -32768, 32767)
TF_REQUANTIZE(tf_requantize_s8_s32, int8_t, int32_t, TF_INT32_MIN, TF_INT32_MAX)
TF_REQUANTIZE(tf_requantize_u8_s8, uint8_t, int8_t, -128, 127)

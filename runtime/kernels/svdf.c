/* SVDF: TFLM svdf_common.cc (integer with int8 or int16 state, float32). */
#include "svdf.h"

#include <math.h>
#include <string.h>

#include "../quant.h"
#include "fully_connected.h"

/* Dropping the oldest entry moves the whole state one element down; the newest get overwritten. */
static void shift_state(void *state, int32_t count, size_t elem_bytes) {
  if (count > 1) memmove(state, (uint8_t *)state + elem_bytes, (size_t)(count - 1) * elem_bytes);
}

static inline uint32_t dot_s16(const int16_t *w, const int16_t *x, int32_t depth) {
  uint32_t acc = 0;
  for (int32_t d = 0; d < depth; ++d) acc += (uint32_t)((int32_t)w[d] * x[d]);
  return acc;
}

/*
 * The feature dot products (int32, wrapping) of filters r..r+n-1 (n <= 4), rescaled to the
 * state's scale. Folded: sum w (x - zp) = sum w x + [-zp sum w], equal modulo 2^32.
 */
static void feature_values(const tf_svdf_t *p, int32_t r, int32_t n, const int8_t *weights, const int8_t *x,
                           int32_t v[4]) {
  const int8_t *w = weights + r * p->input_size;
  uint32_t acc[4];
  if (p->feature_folded && n == 4) {
    for (int32_t k = 0; k < 4; ++k) acc[k] = (uint32_t)p->feature_folded[r + k];
    tf_dot4_s8(w, p->input_size, x, acc);
  } else if (p->feature_folded) {
    for (int32_t k = 0; k < n; ++k, w += p->input_size) {
      acc[k] = (uint32_t)p->feature_folded[r + k] + tf_dot_s8(w, x, p->input_size);
    }
  } else {
    for (int32_t k = 0; k < n; ++k, w += p->input_size) {
      acc[k] = 0;
      for (int32_t c = 0; c < p->input_size; ++c) acc[k] += (uint32_t)(w[c] * (x[c] - p->input_zero_point));
    }
  }
  for (int32_t k = 0; k < n; ++k) v[k] = tf_mbqm((int32_t)acc[k], p->multiplier1, p->shift1);
}

/* The per-unit sum rescaled to the int8 output (clamped before the zero point: no overflow). */
static int8_t output_value(const tf_svdf_t *p, uint32_t acc) {
  const int32_t v = tf_mbqm((int32_t)acc, p->multiplier2, p->shift2);
  return (int8_t)(tf_clamp(v, -128 - p->output_zero_point, 127 - p->output_zero_point) + p->output_zero_point);
}

void tf_svdf_s8(const tf_svdf_t *p, const int8_t *input, const int8_t *weights_feature, const int8_t *weights_time,
                const int32_t *bias, int8_t *state, int8_t *output) {
  const int32_t szp = p->state_zero_point;
  shift_state(state, p->batches * p->filters * p->memory, sizeof *state);
  for (int32_t b = 0; b < p->batches; ++b) {
    const int8_t *x = input + b * p->input_size;
    int8_t *newest = state + b * p->filters * p->memory + p->memory - 1;
    for (int32_t r = 0; r < p->filters; r += 4) {
      const int32_t n = p->filters - r < 4 ? p->filters - r : 4;
      int32_t v[4];
      feature_values(p, r, n, weights_feature, x, v);
      /* TFLM clamps before adding the zero point, so the int8 state can wrap. */
      for (int32_t k = 0; k < n; ++k) newest[(r + k) * p->memory] = (int8_t)(tf_clamp(v[k], -128, 127) + szp);
    }
  }
  for (int32_t b = 0; b < p->batches; ++b) {
    const int8_t *s = state + b * p->filters * p->memory;
    const int8_t *w = weights_time;
    for (int32_t u = 0; u < p->units; ++u) {
      uint32_t acc;
      if (p->time_folded) {
        acc = (uint32_t)p->time_folded[u];
        for (int32_t k = 0; k < p->rank; ++k, w += p->memory, s += p->memory) acc += tf_dot_s8(w, s, p->memory);
      } else {
        acc = bias ? (uint32_t)bias[u] : 0u;
        for (int32_t k = 0; k < p->rank; ++k, w += p->memory, s += p->memory) {
          for (int32_t j = 0; j < p->memory; ++j) acc += (uint32_t)(w[j] * (s[j] - szp));
        }
      }
      output[b * p->units + u] = output_value(p, acc);
    }
  }
}

void tf_svdf_s8_s16(const tf_svdf_t *p, const int8_t *input, const int8_t *weights_feature,
                    const int16_t *weights_time, const int32_t *bias, int16_t *state, int8_t *output) {
  const int32_t szp = p->state_zero_point;
  shift_state(state, p->batches * p->filters * p->memory, sizeof *state);
  for (int32_t b = 0; b < p->batches; ++b) {
    const int8_t *x = input + b * p->input_size;
    int16_t *newest = state + b * p->filters * p->memory + p->memory - 1;
    for (int32_t r = 0; r < p->filters; r += 4) {
      const int32_t n = p->filters - r < 4 ? p->filters - r : 4;
      int32_t v[4];
      feature_values(p, r, n, weights_feature, x, v);
      for (int32_t k = 0; k < n; ++k) newest[(r + k) * p->memory] = (int16_t)(tf_clamp(v[k], -32768, 32767) + szp);
    }
  }
  for (int32_t b = 0; b < p->batches; ++b) {
    const int16_t *s = state + b * p->filters * p->memory;
    const int16_t *w = weights_time;
    for (int32_t u = 0; u < p->units; ++u) {
      uint32_t acc;
      if (p->time_folded) {
        acc = (uint32_t)p->time_folded[u];
        for (int32_t k = 0; k < p->rank; ++k, w += p->memory, s += p->memory) acc += dot_s16(w, s, p->memory);
      } else {
        acc = bias ? (uint32_t)bias[u] : 0u;
        for (int32_t k = 0; k < p->rank; ++k, w += p->memory, s += p->memory) {
          for (int32_t j = 0; j < p->memory; ++j) acc += (uint32_t)((int32_t)w[j] * (s[j] - szp));
        }
      }
      output[b * p->units + u] = output_value(p, acc);
    }
  }
}

static float activate(int32_t act, float a) {
  uint32_t bits;
  switch (act) {
    case TF_SVDF_ACT_RELU:
      return a < 0.0f ? 0.0f : a;
    case TF_SVDF_ACT_RELU_N1_TO_1:
      return a > 1.0f ? 1.0f : (a < -1.0f ? -1.0f : a);
    case TF_SVDF_ACT_RELU6:
      return a > 6.0f ? 6.0f : (a < 0.0f ? 0.0f : a);
    case TF_SVDF_ACT_TANH:
      return tanhf(a);
    case TF_SVDF_ACT_SIGN_BIT:
      memcpy(&bits, &a, sizeof bits);
      return a < 0.0f || (a == 0.0f && (bits >> 31)) ? 1.0f : 0.0f;
    default:
      return a;
  }
}

void tf_svdf_f32(const tf_svdf_t *p, const float *input, const float *weights_feature, const float *weights_time,
                 const float *bias, float *state, float *output) {
  shift_state(state, p->batches * p->filters * p->memory, sizeof *state);
  for (int32_t b = 0; b < p->batches; ++b) {
    const float *x = input + b * p->input_size;
    float *newest = state + b * p->filters * p->memory + p->memory - 1;
    for (int32_t r = 0; r < p->filters; ++r) {
      const float *w = weights_feature + r * p->input_size;
      float dot = 0.0f;
      for (int32_t c = 0; c < p->input_size; ++c) dot += w[c] * x[c];
      newest[r * p->memory] = dot;
    }
  }
  for (int32_t b = 0; b < p->batches; ++b) {
    for (int32_t u = 0; u < p->units; ++u) {
      float acc = bias ? bias[u] : 0.0f;
      for (int32_t f = u * p->rank; f < (u + 1) * p->rank; ++f) {
        const float *w = weights_time + f * p->memory;
        const float *s = state + (b * p->filters + f) * p->memory;
        float dot = 0.0f;
        for (int32_t j = 0; j < p->memory; ++j) dot += w[j] * s[j];
        acc += dot;
      }
      output[b * p->units + u] = activate(p->activation, acc);
    }
  }
}

/* FULLY_CONNECTED: TFLM reference integer_ops/fully_connected.h and reference/fully_connected.h. */
#include "fully_connected.h"

#include "../quant.h"

static inline int8_t requantize_s8(const tf_fully_connected_q_t *p, int32_t oc, uint32_t acc) {
  const int32_t c = p->per_channel ? oc : 0;
  const int32_t v = tf_mbqm((int32_t)acc, p->multipliers[c], p->shifts[c]) + p->output_offset;
  return (int8_t)tf_clamp(v, p->act_min, p->act_max);
}

/*
 * The folded form: sum (w + fo)(x + io) = sum w x + fo sum x + [io sum (w + fo)], the bracket
 * precomputed with the bias. Equal modulo 2^32, so byte-identical to the plain loop.
 */
static void fully_connected_s8_folded(const tf_fully_connected_q_t *p, const int8_t *input, const int8_t *filter,
                                      int8_t *output) {
  const int32_t f_off = p->per_channel ? 0 : p->filter_offset;
  for (int32_t b = 0; b < p->batches; ++b) {
    const int8_t *x = input + b * p->accum_depth;
    uint32_t x_term = 0;
    if (f_off != 0) {
      for (int32_t d = 0; d < p->accum_depth; ++d) x_term += (uint32_t)x[d];
      x_term *= (uint32_t)f_off;
    }
    int8_t *y = output + b * p->output_depth;
    uint32_t acc[4];
    int32_t oc = 0;
    for (; oc + 4 <= p->output_depth; oc += 4) {
      for (int32_t k = 0; k < 4; ++k) acc[k] = (uint32_t)p->folded_bias[oc + k] + x_term;
      tf_dot4_s8(filter + oc * p->accum_depth, p->accum_depth, x, acc);
      for (int32_t k = 0; k < 4; ++k) y[oc + k] = requantize_s8(p, oc + k, acc[k]);
    }
    for (; oc < p->output_depth; ++oc) {
      const uint32_t dot = tf_dot_s8(filter + oc * p->accum_depth, x, p->accum_depth);
      y[oc] = requantize_s8(p, oc, (uint32_t)p->folded_bias[oc] + x_term + dot);
    }
  }
}

void tf_fully_connected_s8(const tf_fully_connected_q_t *p, const int8_t *input, const int8_t *filter,
                           const int32_t *bias, int8_t *output) {
  if (p->folded_bias) {
    fully_connected_s8_folded(p, input, filter, output);
    return;
  }
  const int32_t f_off = p->per_channel ? 0 : p->filter_offset;
  for (int32_t b = 0; b < p->batches; ++b) {
    const int8_t *x = input + b * p->accum_depth;
    for (int32_t oc = 0; oc < p->output_depth; ++oc) {
      const int8_t *w = filter + oc * p->accum_depth;
      uint32_t acc = 0; /* unsigned: wraps like TFLM's int32 accumulator without UB */
      for (int32_t d = 0; d < p->accum_depth; ++d) {
        acc += (uint32_t)((w[d] + f_off) * (x[d] + p->input_offset));
      }
      if (bias) acc += (uint32_t)bias[oc];
      const int32_t c = p->per_channel ? oc : 0;
      int32_t v = tf_mbqm((int32_t)acc, p->multipliers[c], p->shifts[c]) + p->output_offset;
      output[b * p->output_depth + oc] = (int8_t)tf_clamp(v, p->act_min, p->act_max);
    }
  }
}

void tf_fully_connected_s16(const tf_fully_connected_q_t *p, const int16_t *input, const int8_t *filter,
                            const int32_t *bias, int16_t *output) {
  const int32_t f_off = p->per_channel ? 0 : p->filter_offset;
  for (int32_t b = 0; b < p->batches; ++b) {
    const int16_t *x = input + b * p->accum_depth;
    for (int32_t oc = 0; oc < p->output_depth; ++oc) {
      const int8_t *w = filter + oc * p->accum_depth;
      int64_t acc = 0;
      for (int32_t d = 0; d < p->accum_depth; ++d) acc += (int64_t)(w[d] + f_off) * x[d];
      uint32_t narrow = (uint32_t)acc;
      if (bias) narrow += (uint32_t)bias[oc];
      const int32_t c = p->per_channel ? oc : 0;
      int32_t v = tf_mbqm((int32_t)narrow, p->multipliers[c], p->shifts[c]);
      output[b * p->output_depth + oc] = (int16_t)tf_clamp(v, p->act_min, p->act_max);
    }
  }
}

void tf_fully_connected_s16_b64(const tf_fully_connected_q_t *p, const int16_t *input, const int8_t *filter,
                                const int64_t *bias, int16_t *output) {
  const int32_t f_off = p->per_channel ? 0 : p->filter_offset;
  for (int32_t b = 0; b < p->batches; ++b) {
    const int16_t *x = input + b * p->accum_depth;
    for (int32_t oc = 0; oc < p->output_depth; ++oc) {
      const int8_t *w = filter + oc * p->accum_depth;
      int64_t acc = 0;
      for (int32_t d = 0; d < p->accum_depth; ++d) acc += (int64_t)(w[d] + f_off) * x[d];
      if (bias) acc += bias[oc];
      const int32_t c = p->per_channel ? oc : 0;
      int32_t v = tf_mbqm_int64(acc, p->multipliers[c], p->shifts[c]);
      output[b * p->output_depth + oc] = (int16_t)tf_clamp(v, p->act_min, p->act_max);
    }
  }
}

/* Four output channels per pass (each x[d] loaded once); every channel still sums in d order. */
static void dot4_f32(const float *w, int32_t depth, const float *x, float total[4]) {
  const float *w0 = w, *w1 = w + depth, *w2 = w1 + depth, *w3 = w2 + depth;
  float t0 = 0.0f, t1 = 0.0f, t2 = 0.0f, t3 = 0.0f;
  for (int32_t d = 0; d < depth; ++d) {
    const float xv = x[d];
    t0 += xv * w0[d];
    t1 += xv * w1[d];
    t2 += xv * w2[d];
    t3 += xv * w3[d];
  }
  total[0] = t0;
  total[1] = t1;
  total[2] = t2;
  total[3] = t3;
}

void tf_fully_connected_f32(const tf_fully_connected_f_t *p, const float *input, const float *filter,
                            const float *bias, float *output) {
  for (int32_t b = 0; b < p->batches; ++b) {
    const float *x = input + b * p->accum_depth;
    float *y = output + b * p->output_depth;
    float total[4];
    int32_t oc = 0;
    for (; oc + 4 <= p->output_depth; oc += 4) {
      dot4_f32(filter + oc * p->accum_depth, p->accum_depth, x, total);
      for (int32_t k = 0; k < 4; ++k) {
        y[oc + k] = tf_clampf(total[k] + (bias ? bias[oc + k] : 0.0f), p->act_min, p->act_max);
      }
    }
    for (; oc < p->output_depth; ++oc) {
      const float *w = filter + oc * p->accum_depth;
      float one = 0.0f;
      for (int32_t d = 0; d < p->accum_depth; ++d) one += x[d] * w[d];
      y[oc] = tf_clampf(one + (bias ? bias[oc] : 0.0f), p->act_min, p->act_max);
    }
  }
}

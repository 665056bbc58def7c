/* TRANSPOSE_CONV: TFLM reference integer_ops/transpose_conv.h (int8, 16x8) and reference/transpose_conv.h (float32). */
#include "transpose_conv.h"

#include "../quant.h"

/*
 * The inputs reaching one output pixel: input rows iy in [y0, y1) with filter row
 * fy = ty - iy * stride_h (and likewise for columns), ascending as TFLM's scatter visits them.
 */
typedef struct {
  int32_t y0, y1, ty;
  int32_t x0, x1, tx;
} sources_t;

/* [*i0, *i1): the input indices i with 0 <= top - i * stride < taps, i < size. */
static void source_range(int32_t top, int32_t stride, int32_t taps, int32_t size, int32_t *i0, int32_t *i1) {
  const int32_t first = top - taps + 1;
  const int32_t lo = first <= 0 ? 0 : (first + stride - 1) / stride;
  int32_t hi = top < 0 ? 0 : top / stride + 1;
  if (hi > size) hi = size;
  *i0 = lo;
  *i1 = hi > lo ? hi : lo;
}

static sources_t sources_of(const tf_transpose_conv_geom_t *g, int32_t oy, int32_t ox) {
  sources_t s;
  s.ty = oy + g->pad_h;
  s.tx = ox + g->pad_w;
  source_range(s.ty, g->stride_h, g->filter_h, g->in_h, &s.y0, &s.y1);
  source_range(s.tx, g->stride_w, g->filter_w, g->in_w, &s.x0, &s.x1);
  return s;
}

/* Element offsets of input pixel (iy, ix) and of its filter tap, for channel 0 / output channel 0. */
static inline int32_t input_at(const tf_transpose_conv_geom_t *g, int32_t iy, int32_t ix) {
  return (iy * g->in_w + ix) * g->in_d;
}

static inline int32_t tap_at(const tf_transpose_conv_geom_t *g, const sources_t *s, int32_t iy, int32_t ix) {
  return ((s->ty - iy * g->stride_h) * g->filter_w + s->tx - ix * g->stride_w) * g->in_d;
}

/* acc[k] += sum_i w_k[i] * (x[i] + off) for the four filters w_k = w + k * stride. */
static inline void dot4_off(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, int32_t off,
                            uint32_t acc[4]) {
  const int8_t *w1 = w + stride, *w2 = w1 + stride, *w3 = w2 + stride;
  uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  for (int32_t i = 0; i < n; ++i) {
    const int32_t xv = x[i] + off;
    a0 += (uint32_t)(w[i] * xv);
    a1 += (uint32_t)(w1[i] * xv);
    a2 += (uint32_t)(w2[i] * xv);
    a3 += (uint32_t)(w3[i] * xv);
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

/* Up to four output channels (n) of one output pixel: int32 sums wrapping like TFLM's scratch. */
static void gather_s8(const tf_transpose_conv_q_t *p, const sources_t *s, const int8_t *in_batch,
                      const int8_t *w, int32_t n, uint32_t acc[4]) {
  const tf_transpose_conv_geom_t *g = &p->g;
  const int32_t filter_size = g->filter_h * g->filter_w * g->in_d;
  for (int32_t iy = s->y0; iy < s->y1; ++iy) {
    for (int32_t ix = s->x0; ix < s->x1; ++ix) {
      const int8_t *x = in_batch + input_at(g, iy, ix);
      const int8_t *wt = w + tap_at(g, s, iy, ix);
      if (n == 4) {
        dot4_off(x, wt, filter_size, g->in_d, p->input_offset, acc);
      } else {
        for (int32_t i = 0; i < g->in_d; ++i) acc[0] += (uint32_t)(wt[i] * (x[i] + p->input_offset));
      }
    }
  }
}

void tf_transpose_conv_s8(const tf_transpose_conv_q_t *p, const int8_t *input, const int8_t *filter,
                          const int32_t *bias, int8_t *output) {
  const tf_transpose_conv_geom_t *g = &p->g;
  const int32_t filter_size = g->filter_h * g->filter_w * g->in_d;
  for (int32_t b = 0; b < g->batches; ++b) {
    const int8_t *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      for (int32_t ox = 0; ox < g->out_w; ++ox, output += g->out_d) {
        const sources_t s = sources_of(g, oy, ox);
        for (int32_t oc = 0; oc < g->out_d;) {
          const int32_t n = oc + 4 <= g->out_d ? 4 : 1;
          uint32_t acc[4] = {0u, 0u, 0u, 0u};
          gather_s8(p, &s, in_batch, filter + oc * filter_size, n, acc);
          for (int32_t k = 0; k < n; ++k) {
            const uint32_t sum = acc[k] + (bias ? (uint32_t)bias[oc + k] : 0u);
            const int32_t v = tf_mbqm((int32_t)sum, p->multipliers[oc + k], p->shifts[oc + k]) + p->output_offset;
            output[oc + k] = (int8_t)tf_clamp(v, p->act_min, p->act_max);
          }
          oc += n;
        }
      }
    }
  }
}

static int64_t gather_s16(const tf_transpose_conv_geom_t *g, const sources_t *s, const int16_t *in_batch,
                          const int8_t *w) {
  int64_t acc = 0;
  for (int32_t iy = s->y0; iy < s->y1; ++iy) {
    for (int32_t ix = s->x0; ix < s->x1; ++ix) {
      const int16_t *x = in_batch + input_at(g, iy, ix);
      const int8_t *wt = w + tap_at(g, s, iy, ix);
      for (int32_t i = 0; i < g->in_d; ++i) acc += (int32_t)(wt[i] * x[i]);
    }
  }
  return acc;
}

void tf_transpose_conv_s16(const tf_transpose_conv_q_t *p, const int16_t *input, const int8_t *filter,
                           const int16_t *bias16, const int64_t *bias64, int16_t *output) {
  const tf_transpose_conv_geom_t *g = &p->g;
  const int32_t filter_size = g->filter_h * g->filter_w * g->in_d;
  for (int32_t b = 0; b < g->batches; ++b) {
    const int16_t *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      for (int32_t ox = 0; ox < g->out_w; ++ox, output += g->out_d) {
        const sources_t s = sources_of(g, oy, ox);
        for (int32_t oc = 0; oc < g->out_d; ++oc) {
          int64_t acc = gather_s16(g, &s, in_batch, filter + oc * filter_size);
          acc += bias64 ? bias64[oc] : (bias16 ? bias16[oc] : 0);
          const int32_t v = tf_mbqm_int64(acc, p->multipliers[oc], p->shifts[oc]);
          output[oc] = (int16_t)tf_clamp(v, p->act_min, p->act_max);
        }
      }
    }
  }
}

/* One output channel: products added in (iy, ix, channel) order from 0, as the scatter does. */
static float gather_f32(const tf_transpose_conv_geom_t *g, const sources_t *s, const float *in_batch,
                        const float *w) {
  float total = 0.0f;
  for (int32_t iy = s->y0; iy < s->y1; ++iy) {
    for (int32_t ix = s->x0; ix < s->x1; ++ix) {
      const float *x = in_batch + input_at(g, iy, ix);
      const float *wt = w + tap_at(g, s, iy, ix);
      for (int32_t i = 0; i < g->in_d; ++i) total += x[i] * wt[i];
    }
  }
  return total;
}

void tf_transpose_conv_f32(const tf_transpose_conv_f_t *p, const float *input, const float *filter,
                           const float *bias, float *output) {
  const tf_transpose_conv_geom_t *g = &p->g;
  const int32_t filter_size = g->filter_h * g->filter_w * g->in_d;
  for (int32_t b = 0; b < g->batches; ++b) {
    const float *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      for (int32_t ox = 0; ox < g->out_w; ++ox, output += g->out_d) {
        const sources_t s = sources_of(g, oy, ox);
        for (int32_t oc = 0; oc < g->out_d; ++oc) {
          const float total = gather_f32(g, &s, in_batch, filter + oc * filter_size);
          output[oc] = tf_clampf(total + (bias ? bias[oc] : 0.0f), p->act_min, p->act_max);
        }
      }
    }
  }
}

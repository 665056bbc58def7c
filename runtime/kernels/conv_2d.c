/* CONV_2D: TFLM reference integer_ops/conv.h (int8, int4 filter, 16x8) and reference/conv.h (float32). */
#include "conv_2d.h"

#include "../quant.h"

/*
 * The taps of one output pixel that fall inside the input: a rectangle of rows x cols filter
 * positions (TFLM skips the others), walked as rows of contiguous segments.
 */
typedef struct {
  int32_t in_first; /* input element of the first valid tap (channel 0) */
  int32_t w_first;  /* filter element of the first valid tap, within one output channel */
  int32_t rows;
  int32_t segs;       /* segments per row: 1 when a row's taps are adjacent in memory, else cols */
  int32_t seg;        /* elements per segment */
  int32_t in_row;     /* input elements between tap rows */
  int32_t in_seg;     /* input elements between segments */
  int32_t w_row;      /* filter elements between tap rows */
  int32_t full;       /* every tap is valid */
} window_t;

/* [*k0, *k1): the filter indices k with 0 <= origin + dilation * k < size. */
static void tap_range(int32_t origin, int32_t dilation, int32_t taps, int32_t size, int32_t *k0, int32_t *k1) {
  const int32_t lo = origin < 0 ? (dilation - 1 - origin) / dilation : 0;
  int32_t hi = size - origin <= 0 ? 0 : (size - origin + dilation - 1) / dilation;
  if (hi > taps) hi = taps;
  *k0 = lo;
  *k1 = hi > lo ? hi : lo;
}

static window_t window_at(const tf_conv_2d_geom_t *g, int32_t y0, int32_t x0) {
  int32_t fy0, fy1, fx0, fx1;
  tap_range(y0, g->dilation_h, g->filter_h, g->in_h, &fy0, &fy1);
  tap_range(x0, g->dilation_w, g->filter_w, g->in_w, &fx0, &fx1);
  window_t w;
  const int32_t cols = fx1 - fx0;
  const int32_t adjacent = g->dilation_w == 1 && g->filter_d == g->in_d;
  w.rows = fy1 - fy0;
  w.segs = cols == 0 ? 0 : (adjacent ? 1 : cols);
  w.seg = adjacent ? cols * g->filter_d : g->filter_d;
  w.in_row = g->dilation_h * g->in_w * g->in_d;
  w.in_seg = g->dilation_w * g->in_d;
  w.w_row = g->filter_w * g->filter_d;
  /* An empty window is never read: keep its offsets in range. */
  const int32_t empty = w.rows == 0 || cols == 0;
  if (empty) w.rows = 0;
  w.in_first = empty ? 0 : ((y0 + g->dilation_h * fy0) * g->in_w + x0 + g->dilation_w * fx0) * g->in_d;
  w.w_first = empty ? 0 : (fy0 * g->filter_w + fx0) * g->filter_d;
  w.full = w.rows == g->filter_h && cols == g->filter_w;
  return w;
}

/* acc[k] += sum_i w_k[i] * x[i] for the four filters w_k = w + k * stride. */
static inline void dot4(const int8_t *x, const int8_t *w, int32_t stride, int32_t n, uint32_t acc[4]) {
  const int8_t *w1 = w + stride, *w2 = w1 + stride, *w3 = w2 + stride;
  uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  for (int32_t i = 0; i < n; ++i) {
    const int32_t xv = x[i];
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

/* dot4 with the input offset added to every input value (windows cut by the padding). */
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

static inline uint32_t dot1_off(const int8_t *x, const int8_t *w, int32_t n, int32_t off) {
  uint32_t acc = 0;
  for (int32_t i = 0; i < n; ++i) acc += (uint32_t)(w[i] * (x[i] + off));
  return acc;
}

/* Four consecutive filters (w = the first one's window start) over the window at x. */
static void window4_s8(const window_t *win, const int8_t *x, const int8_t *w, int32_t stride, int32_t off,
                       uint32_t acc[4]) {
  for (int32_t r = 0; r < win->rows; ++r, x += win->in_row, w += win->w_row) {
    const int8_t *xs = x, *ws = w;
    for (int32_t s = 0; s < win->segs; ++s, xs += win->in_seg, ws += win->seg) {
      if (off == 0) {
        dot4(xs, ws, stride, win->seg, acc);
      } else {
        dot4_off(xs, ws, stride, win->seg, off, acc);
      }
    }
  }
}

static uint32_t window1_s8(const window_t *win, const int8_t *x, const int8_t *w, int32_t off) {
  uint32_t acc = 0;
  for (int32_t r = 0; r < win->rows; ++r, x += win->in_row, w += win->w_row) {
    const int8_t *xs = x, *ws = w;
    for (int32_t s = 0; s < win->segs; ++s, xs += win->in_seg, ws += win->seg) {
      acc += dot1_off(xs, ws, win->seg, off);
    }
  }
  return acc;
}

static inline int8_t requantize_s8(const tf_conv_2d_q_t *p, int32_t oc, uint32_t acc) {
  const int32_t v = tf_mbqm((int32_t)acc, p->multipliers[oc], p->shifts[oc]) + p->output_offset;
  return (int8_t)tf_clamp(v, p->act_min, p->act_max);
}

/*
 * One output pixel, all channels. A window wholly inside the input uses the folded form
 * sum w (x + off) = sum w x + off * sum w (equal modulo 2^32, so byte-identical); a window cut
 * by the padding adds the offset per element, over its valid taps only.
 */
static void pixel_s8(const tf_conv_2d_q_t *p, const int8_t *in_batch, const int8_t *filter, const int32_t *bias,
                     int32_t y0, int32_t x0, int8_t *out) {
  const tf_conv_2d_geom_t *g = &p->g;
  const window_t win = window_at(g, y0, x0);
  const int32_t folded = win.full && p->filter_sums != 0;
  const int32_t off = folded ? 0 : p->input_offset;
  const int32_t filter_size = g->filter_h * g->filter_w * g->filter_d;
  int32_t oc = 0;
  while (oc < g->out_d) {
    const int32_t group = oc / g->filters_per_group;
    const int8_t *x = in_batch + win.in_first + group * g->filter_d;
    const int8_t *w = filter + oc * filter_size + win.w_first;
    const int32_t n = (group + 1) * g->filters_per_group - oc >= 4 ? 4 : 1;
    uint32_t acc[4];
    for (int32_t k = 0; k < n; ++k) {
      acc[k] = bias ? (uint32_t)bias[oc + k] : 0u;
      if (folded) acc[k] += (uint32_t)p->input_offset * (uint32_t)p->filter_sums[oc + k];
    }
    if (n == 4) {
      window4_s8(&win, x, w, filter_size, off, acc);
    } else {
      acc[0] += window1_s8(&win, x, w, off);
    }
    for (int32_t k = 0; k < n; ++k) out[oc + k] = requantize_s8(p, oc + k, acc[k]);
    oc += n;
  }
}

void tf_conv_2d_s8(const tf_conv_2d_q_t *p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                   int8_t *output) {
  const tf_conv_2d_geom_t *g = &p->g;
  for (int32_t b = 0; b < g->batches; ++b) {
    const int8_t *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      for (int32_t ox = 0; ox < g->out_w; ++ox, output += g->out_d) {
        pixel_s8(p, in_batch, filter, bias, oy * g->stride_h - g->pad_h, ox * g->stride_w - g->pad_w, output);
      }
    }
  }
}

void tf_conv_2d_s8_int4(const tf_conv_2d_q_t *p, const int8_t *input, const uint8_t *packed_filter,
                        const int32_t *bias, int8_t *output, void *scratch) {
  const tf_conv_2d_geom_t *g = &p->g;
  const int32_t count = g->out_d * g->filter_h * g->filter_w * g->filter_d;
  int8_t *filter = (int8_t *)scratch;
  for (int32_t i = 0; i < count; ++i) {
    const uint8_t byte = packed_filter[i >> 1];
    const int32_t nibble = (i & 1) ? (byte >> 4) : (byte & 15);
    filter[i] = (int8_t)(nibble >= 8 ? nibble - 16 : nibble);
  }
  tf_conv_2d_s8(p, input, filter, bias, output);
}

/* sum w * x over one output channel's valid taps, int16 input (no input offset). */
static int64_t window_s16(const window_t *win, const int16_t *x, const int8_t *w) {
  int64_t acc = 0;
  for (int32_t r = 0; r < win->rows; ++r, x += win->in_row, w += win->w_row) {
    const int16_t *xs = x;
    const int8_t *ws = w;
    for (int32_t s = 0; s < win->segs; ++s, xs += win->in_seg, ws += win->seg) {
      for (int32_t i = 0; i < win->seg; ++i) acc += (int32_t)(ws[i] * xs[i]);
    }
  }
  return acc;
}

/* The 16x8 loop; wide selects the int64 bias and requantization, else the int32 wrap-around. */
static void conv_s16(const tf_conv_2d_q_t *p, const int16_t *input, const int8_t *filter, const int32_t *bias32,
                     const int64_t *bias64, int32_t wide, int16_t *output) {
  const tf_conv_2d_geom_t *g = &p->g;
  const int32_t filter_size = g->filter_h * g->filter_w * g->filter_d;
  for (int32_t b = 0; b < g->batches; ++b) {
    const int16_t *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      for (int32_t ox = 0; ox < g->out_w; ++ox, output += g->out_d) {
        const window_t win = window_at(g, oy * g->stride_h - g->pad_h, ox * g->stride_w - g->pad_w);
        for (int32_t oc = 0; oc < g->out_d; ++oc) {
          const int32_t group = oc / g->filters_per_group;
          const int64_t sum = window_s16(&win, in_batch + win.in_first + group * g->filter_d,
                                         filter + oc * filter_size + win.w_first);
          int32_t v;
          if (wide) {
            v = tf_mbqm_int64(sum + (bias64 ? bias64[oc] : 0), p->multipliers[oc], p->shifts[oc]);
          } else {
            const uint32_t acc = (uint32_t)sum + (bias32 ? (uint32_t)bias32[oc] : 0u);
            v = tf_mbqm((int32_t)acc, p->multipliers[oc], p->shifts[oc]) + p->output_offset;
          }
          output[oc] = (int16_t)tf_clamp(v, p->act_min, p->act_max);
        }
      }
    }
  }
}

void tf_conv_2d_s16(const tf_conv_2d_q_t *p, const int16_t *input, const int8_t *filter, const int32_t *bias,
                    int16_t *output) {
  conv_s16(p, input, filter, bias, 0, 0, output);
}

void tf_conv_2d_s16_b64(const tf_conv_2d_q_t *p, const int16_t *input, const int8_t *filter,
                        const int64_t *bias, int16_t *output) {
  conv_s16(p, input, filter, 0, bias, 1, output);
}

/* One output channel in TFLM's order: taps row by row, channels innermost, in single precision. */
static float window_f32(const window_t *win, const float *x, const float *w) {
  float total = 0.0f;
  for (int32_t r = 0; r < win->rows; ++r, x += win->in_row, w += win->w_row) {
    const float *xs = x, *ws = w;
    for (int32_t s = 0; s < win->segs; ++s, xs += win->in_seg, ws += win->seg) {
      for (int32_t i = 0; i < win->seg; ++i) total += xs[i] * ws[i];
    }
  }
  return total;
}

void tf_conv_2d_f32(const tf_conv_2d_f_t *p, const float *input, const float *filter, const float *bias,
                    float *output) {
  const tf_conv_2d_geom_t *g = &p->g;
  const int32_t filter_size = g->filter_h * g->filter_w * g->filter_d;
  for (int32_t b = 0; b < g->batches; ++b) {
    const float *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      for (int32_t ox = 0; ox < g->out_w; ++ox, output += g->out_d) {
        const window_t win = window_at(g, oy * g->stride_h - g->pad_h, ox * g->stride_w - g->pad_w);
        for (int32_t oc = 0; oc < g->out_d; ++oc) {
          const int32_t group = oc / g->filters_per_group;
          const float total = window_f32(&win, in_batch + win.in_first + group * g->filter_d,
                                         filter + oc * filter_size + win.w_first);
          output[oc] = tf_clampf(total + (bias ? bias[oc] : 0.0f), p->act_min, p->act_max);
        }
      }
    }
  }
}

/* DEPTHWISE_CONV_2D: TFLM reference integer_ops/depthwise_conv.h (int8, int4 filter, 16x8), reference/depthwiseconv_float.h. */
#include "depthwise_conv_2d.h"

#include "../quant.h"

/* The taps of one output pixel inside the input (TFLM skips the others): rows x cols positions. */
typedef struct {
  int32_t in_first; /* input element of the first valid tap, channel 0 */
  int32_t w_first;  /* filter element of the first valid tap, channel 0 */
  int32_t rows;
  int32_t cols;
  int32_t in_row; /* input elements between tap rows */
  int32_t in_col; /* input elements between tap columns */
  int32_t w_row;  /* filter elements between tap rows */
  int32_t full;   /* every tap is valid */
} window_t;

/* [*k0, *k1): the filter indices k with 0 <= origin + dilation * k < size. */
static void tap_range(int32_t origin, int32_t dilation, int32_t taps, int32_t size, int32_t *k0, int32_t *k1) {
  const int32_t lo = origin < 0 ? (dilation - 1 - origin) / dilation : 0;
  int32_t hi = size - origin <= 0 ? 0 : (size - origin + dilation - 1) / dilation;
  if (hi > taps) hi = taps;
  *k0 = lo;
  *k1 = hi > lo ? hi : lo;
}

static window_t window_at(const tf_depthwise_conv_2d_geom_t *g, int32_t y0, int32_t x0) {
  int32_t fy0, fy1, fx0, fx1;
  tap_range(y0, g->dilation_h, g->filter_h, g->in_h, &fy0, &fy1);
  tap_range(x0, g->dilation_w, g->filter_w, g->in_w, &fx0, &fx1);
  window_t w;
  w.rows = fy1 - fy0;
  w.cols = fx1 - fx0;
  w.full = w.rows == g->filter_h && w.cols == g->filter_w;
  /* An empty window is never read: keep its offsets in range. */
  if (w.rows == 0 || w.cols == 0) {
    w.rows = 0;
    w.cols = 0;
    fy0 = 0;
    fx0 = 0;
    y0 = 0;
    x0 = 0;
  }
  w.in_row = g->dilation_h * g->in_w * g->in_d;
  w.in_col = g->dilation_w * g->in_d;
  w.w_row = g->filter_w * g->out_d;
  w.in_first = ((y0 + g->dilation_h * fy0) * g->in_w + x0 + g->dilation_w * fx0) * g->in_d;
  w.w_first = (fy0 * g->filter_w + fx0) * g->out_d;
  return w;
}

/* Four adjacent channels, depth multiplier 1, offset folded away: acc[k] += sum w[k] * x[k]. */
static void taps4_dm1(const window_t *win, int32_t w_col, const int8_t *x, const int8_t *w, uint32_t acc[4]) {
  uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  for (int32_t r = 0; r < win->rows; ++r, x += win->in_row, w += win->w_row) {
    const int8_t *xc = x, *wc = w;
    for (int32_t c = 0; c < win->cols; ++c, xc += win->in_col, wc += w_col) {
      a0 += (uint32_t)(wc[0] * xc[0]);
      a1 += (uint32_t)(wc[1] * xc[1]);
      a2 += (uint32_t)(wc[2] * xc[2]);
      a3 += (uint32_t)(wc[3] * xc[3]);
    }
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

/* taps4_dm1 with the input offset added per element (windows cut by the padding). */
static void taps4_dm1_off(const window_t *win, int32_t w_col, const int8_t *x, const int8_t *w, int32_t off,
                          uint32_t acc[4]) {
  uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  for (int32_t r = 0; r < win->rows; ++r, x += win->in_row, w += win->w_row) {
    const int8_t *xc = x, *wc = w;
    for (int32_t c = 0; c < win->cols; ++c, xc += win->in_col, wc += w_col) {
      a0 += (uint32_t)(wc[0] * (xc[0] + off));
      a1 += (uint32_t)(wc[1] * (xc[1] + off));
      a2 += (uint32_t)(wc[2] * (xc[2] + off));
      a3 += (uint32_t)(wc[3] * (xc[3] + off));
    }
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

/* Four channels of one input channel (depth multiplier a multiple of 4): each input read once. */
static void taps4_shared(const window_t *win, int32_t w_col, const int8_t *x, const int8_t *w, int32_t off,
                         uint32_t acc[4]) {
  uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  for (int32_t r = 0; r < win->rows; ++r, x += win->in_row, w += win->w_row) {
    const int8_t *xc = x, *wc = w;
    for (int32_t c = 0; c < win->cols; ++c, xc += win->in_col, wc += w_col) {
      const int32_t xv = *xc + off;
      a0 += (uint32_t)(wc[0] * xv);
      a1 += (uint32_t)(wc[1] * xv);
      a2 += (uint32_t)(wc[2] * xv);
      a3 += (uint32_t)(wc[3] * xv);
    }
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

static uint32_t taps1(const window_t *win, int32_t w_col, const int8_t *x, const int8_t *w, int32_t off) {
  uint32_t acc = 0;
  for (int32_t r = 0; r < win->rows; ++r, x += win->in_row, w += win->w_row) {
    const int8_t *xc = x, *wc = w;
    for (int32_t c = 0; c < win->cols; ++c, xc += win->in_col, wc += w_col) acc += (uint32_t)(*wc * (*xc + off));
  }
  return acc;
}

static inline int8_t requantize_s8(const tf_depthwise_conv_2d_q_t *p, int32_t oc, uint32_t acc) {
  const int32_t v = tf_mbqm((int32_t)acc, p->multipliers[oc], p->shifts[oc]) + p->output_offset;
  return (int8_t)tf_clamp(v, p->act_min, p->act_max);
}

/*
 * The channel-block sums of one pixel. A window wholly inside the input uses the folded form
 * sum w (x + off) = sum w x + off * sum w (equal modulo 2^32, so byte-identical).
 */
static void block_s8(const tf_depthwise_conv_2d_q_t *p, const window_t *win, const int8_t *x, const int8_t *w,
                     int32_t folded, int32_t n, uint32_t acc[4]) {
  const int32_t off = folded ? 0 : p->input_offset;
  const int32_t dm = p->g.depth_multiplier;
  if (n == 1) {
    acc[0] += taps1(win, p->g.out_d, x, w, off);
  } else if (dm != 1) {
    taps4_shared(win, p->g.out_d, x, w, off, acc);
  } else if (folded) {
    taps4_dm1(win, p->g.out_d, x, w, acc);
  } else {
    taps4_dm1_off(win, p->g.out_d, x, w, off, acc);
  }
}

static void pixel_s8(const tf_depthwise_conv_2d_q_t *p, const int8_t *in_batch, const int8_t *filter,
                     const int32_t *bias, int32_t y0, int32_t x0, int8_t *out) {
  const tf_depthwise_conv_2d_geom_t *g = &p->g;
  const window_t win = window_at(g, y0, x0);
  const int32_t folded = win.full && p->filter_sums != 0;
  const int32_t dm = g->depth_multiplier;
  /* Blocks of 4 channels either read 4 adjacent inputs (dm 1) or share one (dm % 4 == 0). */
  const int32_t block = dm == 1 || dm % 4 == 0 ? 4 : 1;
  int32_t oc = 0;
  while (oc < g->out_d) {
    const int32_t n = oc + block <= g->out_d ? block : 1;
    uint32_t acc[4];
    for (int32_t k = 0; k < n; ++k) {
      acc[k] = bias ? (uint32_t)bias[oc + k] : 0u;
      if (folded) acc[k] += (uint32_t)p->input_offset * (uint32_t)p->filter_sums[oc + k];
    }
    block_s8(p, &win, in_batch + win.in_first + oc / dm, filter + win.w_first + oc, folded, n, acc);
    for (int32_t k = 0; k < n; ++k) out[oc + k] = requantize_s8(p, oc + k, acc[k]);
    oc += n;
  }
}

void tf_depthwise_conv_2d_s8(const tf_depthwise_conv_2d_q_t *p, const int8_t *input, const int8_t *filter,
                             const int32_t *bias, int8_t *output) {
  const tf_depthwise_conv_2d_geom_t *g = &p->g;
  for (int32_t b = 0; b < g->batches; ++b) {
    const int8_t *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      for (int32_t ox = 0; ox < g->out_w; ++ox, output += g->out_d) {
        pixel_s8(p, in_batch, filter, bias, oy * g->stride_h - g->pad_h, ox * g->stride_w - g->pad_w, output);
      }
    }
  }
}

void tf_depthwise_conv_2d_s8_int4(const tf_depthwise_conv_2d_q_t *p, const int8_t *input,
                                  const uint8_t *packed_filter, const int32_t *bias, int8_t *output,
                                  void *scratch) {
  const tf_depthwise_conv_2d_geom_t *g = &p->g;
  const int32_t count = g->filter_h * g->filter_w * g->out_d;
  int8_t *filter = (int8_t *)scratch;
  for (int32_t i = 0; i < count; ++i) {
    const uint8_t byte = packed_filter[i >> 1];
    const int32_t nibble = (i & 1) ? (byte >> 4) : (byte & 15);
    filter[i] = (int8_t)(nibble >= 8 ? nibble - 16 : nibble);
  }
  tf_depthwise_conv_2d_s8(p, input, filter, bias, output);
}

void tf_depthwise_conv_2d_s16(const tf_depthwise_conv_2d_q_t *p, const int16_t *input, const int8_t *filter,
                              const int64_t *bias, int16_t *output) {
  const tf_depthwise_conv_2d_geom_t *g = &p->g;
  for (int32_t b = 0; b < g->batches; ++b) {
    const int16_t *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      for (int32_t ox = 0; ox < g->out_w; ++ox, output += g->out_d) {
        const window_t win = window_at(g, oy * g->stride_h - g->pad_h, ox * g->stride_w - g->pad_w);
        for (int32_t oc = 0; oc < g->out_d; ++oc) {
          const int16_t *x = in_batch + win.in_first + oc / g->depth_multiplier;
          const int8_t *w = filter + win.w_first + oc;
          int64_t acc = bias ? bias[oc] : 0;
          for (int32_t r = 0; r < win.rows; ++r, x += win.in_row, w += win.w_row) {
            for (int32_t c = 0; c < win.cols; ++c) acc += (int32_t)(w[c * g->out_d] * x[c * win.in_col]);
          }
          const int32_t v = tf_mbqm_int64(acc, p->multipliers[oc], p->shifts[oc]);
          output[oc] = (int16_t)tf_clamp(v, p->act_min, p->act_max);
        }
      }
    }
  }
}

/* Each channel sums its window in TFLM's (filter_y, filter_x) order, in single precision. */
void tf_depthwise_conv_2d_f32(const tf_depthwise_conv_2d_f_t *p, const float *input, const float *filter,
                              const float *bias, float *output) {
  const tf_depthwise_conv_2d_geom_t *g = &p->g;
  for (int32_t b = 0; b < g->batches; ++b) {
    const float *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      for (int32_t ox = 0; ox < g->out_w; ++ox, output += g->out_d) {
        const window_t win = window_at(g, oy * g->stride_h - g->pad_h, ox * g->stride_w - g->pad_w);
        for (int32_t oc = 0; oc < g->out_d; ++oc) {
          const float *x = in_batch + win.in_first + oc / g->depth_multiplier;
          const float *w = filter + win.w_first + oc;
          float total = 0.0f;
          for (int32_t r = 0; r < win.rows; ++r, x += win.in_row, w += win.w_row) {
            for (int32_t c = 0; c < win.cols; ++c) total += x[c * win.in_col] * w[c * g->out_d];
          }
          output[oc] = tf_clampf(total + (bias ? bias[oc] : 0.0f), p->act_min, p->act_max);
        }
      }
    }
  }
}

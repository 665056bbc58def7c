/* DEPTHWISE_CONV_2D: TFLM reference integer_ops/depthwise_conv.h (int8, int4 filter, 16x8), reference/depthwiseconv_float.h. */
#include "depthwise_conv_2d.h"

#include "conv_common.h"

/* The taps of one output pixel inside the input (TFLM skips the others): rows x cols positions. */
typedef struct {
  int32_t in_first; /* input element of the first valid tap, channel 0 */
  int32_t w_first;  /* filter element of the first valid tap, channel 0 */
  int32_t rows;
  int32_t cols;
  int32_t in_col;  /* input elements between tap columns */
  int32_t in_skip; /* input elements from the end of one tap row to the start of the next */
  int32_t w_col;   /* filter elements between tap columns (out_d) */
  int32_t w_skip;  /* filter elements from the end of one tap row to the start of the next */
} window_t;

static window_t window_at(const tf_depthwise_conv_2d_geom_t *g, int32_t y0, int32_t x0) {
  int32_t fy0, fy1, fx0, fx1;
  tf_conv_tap_range(y0, g->dilation_h, g->filter_h, g->in_h, &fy0, &fy1);
  tf_conv_tap_range(x0, g->dilation_w, g->filter_w, g->in_w, &fx0, &fx1);
  window_t w;
  w.cols = fx1 - fx0;
  w.rows = w.cols == 0 ? 0 : fy1 - fy0;
  w.in_col = g->dilation_w * g->in_d;
  w.in_skip = g->dilation_h * g->in_w * g->in_d - w.cols * w.in_col;
  w.w_col = g->out_d;
  w.w_skip = (g->filter_w - w.cols) * g->out_d;
  /* An empty window is never read: keep its offsets in range. */
  w.in_first = w.rows == 0 ? 0 : ((y0 + g->dilation_h * fy0) * g->in_w + x0 + g->dilation_w * fx0) * g->in_d;
  w.w_first = w.rows == 0 ? 0 : (fy0 * g->filter_w + fx0) * g->out_d;
  return w;
}

/* Per-call constants of the int8 loops, copied out of the params once. */
typedef struct {
  const int32_t *mul;
  const int32_t *shift;
  const int32_t *folded; /* folded_bias */
  const int32_t *bias;
  int32_t offset; /* output offset */
  int32_t lo;
  int32_t hi;
  int32_t in_offset;
  int32_t out_d;
  int32_t dm;
} run_t;

TF_CONV_INLINE void requantize(const run_t *r, int32_t oc, int32_t n, const uint32_t *acc, int8_t *out) {
  /* Locals: stores through int8_t pointers would otherwise reload every field of *r. */
  const int32_t *mul = r->mul + oc, *shift = r->shift + oc;
  const int32_t offset = r->offset, lo = r->lo, hi = r->hi;
  out += oc;
  for (int32_t k = 0; k < n; ++k) out[k] = (int8_t)tf_conv_requant((int32_t)acc[k], mul[k], shift[k], offset, lo, hi);
}

TF_CONV_INLINE void start4(const int32_t *start, int32_t oc, uint32_t acc[4]) {
  if (start) {
    for (int32_t k = 0; k < 4; ++k) acc[k] = (uint32_t)start[oc + k];
  } else {
    for (int32_t k = 0; k < 4; ++k) acc[k] = 0u;
  }
}

/* One channel over the window (any depth multiplier): x and w at its first valid tap. */
static uint32_t taps1(const window_t *win, const int8_t *x, const int8_t *w, int32_t off) {
  uint32_t acc = 0;
  for (int32_t r = win->rows; r > 0; --r, x += win->in_skip, w += win->w_skip) {
    for (int32_t c = win->cols; c > 0; --c, x += win->in_col, w += win->w_col) acc += (uint32_t)(*w * (*x + off));
  }
  return acc;
}

/*
 * All channels of one pixel (x, w at its first valid tap), depth multiplier 1: blocks of 4
 * adjacent channels, then single ones. Sums start from `start` (folded_bias or bias, may be
 * NULL) and add off to every input (0 when folded).
 */
TF_CONV_INLINE void dm1_body(const run_t *r, const window_t *win, const int8_t *x, const int8_t *w,
                             const int32_t *start, int32_t off, int8_t *out) {
  const int32_t rows = win->rows, cols = win->cols, in_col = win->in_col, w_col = win->w_col;
  const int32_t in_skip = win->in_skip, w_skip = win->w_skip, out_d = r->out_d;
  int32_t oc = 0;
  for (; oc + 4 <= out_d; oc += 4) {
    uint32_t acc[4];
    start4(start, oc, acc);
    uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
    const int8_t *xp = x + oc, *wp = w + oc;
    for (int32_t i = rows; i > 0; --i, xp += in_skip, wp += w_skip) {
      for (int32_t j = cols; j > 0; --j, xp += in_col, wp += w_col) {
        a0 += (uint32_t)(wp[0] * (xp[0] + off));
        a1 += (uint32_t)(wp[1] * (xp[1] + off));
        a2 += (uint32_t)(wp[2] * (xp[2] + off));
        a3 += (uint32_t)(wp[3] * (xp[3] + off));
      }
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
    requantize(r, oc, 4, acc, out);
  }
  for (; oc < out_d; ++oc) {
    uint32_t acc = (start ? (uint32_t)start[oc] : 0u) + taps1(win, x + oc, w + oc, off);
    requantize(r, oc, 1, &acc, out);
  }
}

TF_CONV_HOT static void dm1_folded(const run_t *r, const window_t *win, const int8_t *x, const int8_t *w,
                                   int8_t *out) {
  dm1_body(r, win, x, w, r->folded, 0, out);
}

TF_CONV_HOT static void dm1_offset(const run_t *r, const window_t *win, const int8_t *x, const int8_t *w,
                                   int8_t *out) {
  dm1_body(r, win, x, w, r->bias, r->in_offset, out);
}

/*
 * Any other depth multiplier: blocks of 4 channels reading one input (dm % 4 == 0), else one
 * channel at a time.
 */
TF_CONV_HOT static void dm_any(const run_t *r, const window_t *win, int32_t folded, const int8_t *x,
                               const int8_t *w, int8_t *out) {
  const int32_t off = folded ? 0 : r->in_offset;
  const int32_t *start = folded ? r->folded : r->bias;
  const int32_t dm = r->dm, out_d = r->out_d;
  for (int32_t oc = 0; oc < out_d;) {
    if (dm % 4 != 0) {
      uint32_t acc = (start ? (uint32_t)start[oc] : 0u) + taps1(win, x + oc / dm, w + oc, off);
      requantize(r, oc, 1, &acc, out);
      oc += 1;
      continue;
    }
    uint32_t acc[4];
    start4(start, oc, acc);
    uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
    const int8_t *xp = x + oc / dm, *wp = w + oc;
    for (int32_t i = win->rows; i > 0; --i, xp += win->in_skip, wp += win->w_skip) {
      for (int32_t j = win->cols; j > 0; --j, xp += win->in_col, wp += win->w_col) {
        const int32_t u = *xp + off;
        a0 += (uint32_t)(wp[0] * u);
        a1 += (uint32_t)(wp[1] * u);
        a2 += (uint32_t)(wp[2] * u);
        a3 += (uint32_t)(wp[3] * u);
      }
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
    requantize(r, oc, 4, acc, out);
    oc += 4;
  }
}

/*
 * All channels of one pixel. A window wholly inside the input starts from folded_bias
 * (bias + off * sum w: sum w (x + off) = sum w x + off * sum w, equal modulo 2^32, so
 * byte-identical); a window cut by the padding adds the offset per element.
 */
static void pixel_s8(const run_t *r, const window_t *win, int32_t folded, const int8_t *x, const int8_t *w,
                     int8_t *out) {
  if (r->dm != 1) {
    dm_any(r, win, folded, x, w, out);
  } else if (folded) {
    dm1_folded(r, win, x, w, out);
  } else {
    dm1_offset(r, win, x, w, out);
  }
}

void tf_depthwise_conv_2d_s8(const tf_depthwise_conv_2d_q_t *p, const int8_t *input, const int8_t *filter,
                             const int32_t *bias, int8_t *output) {
  const tf_depthwise_conv_2d_geom_t *g = &p->g;
  const int32_t dm = g->depth_multiplier;
  const run_t r = {p->multipliers, p->shifts,      p->folded_bias, bias, p->output_offset, p->act_min,
                   p->act_max,     p->input_offset, g->out_d,       dm};
  int32_t oy_lo, oy_hi, ox_lo, ox_hi;
  tf_conv_full_span(g->out_h, g->stride_h, g->pad_h, g->dilation_h, g->filter_h, g->in_h, &oy_lo, &oy_hi);
  tf_conv_full_span(g->out_w, g->stride_w, g->pad_w, g->dilation_w, g->filter_w, g->in_w, &ox_lo, &ox_hi);
  const window_t whole = window_at(g, oy_lo * g->stride_h - g->pad_h, ox_lo * g->stride_w - g->pad_w);
  for (int32_t b = 0; b < g->batches; ++b) {
    const int8_t *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      const int32_t y0 = oy * g->stride_h - g->pad_h;
      const int32_t row_full = oy >= oy_lo && oy < oy_hi;
      for (int32_t ox = 0; ox < g->out_w; ++ox, output += g->out_d) {
        const int32_t x0 = ox * g->stride_w - g->pad_w;
        if (row_full && ox >= ox_lo && ox < ox_hi) {
          const int8_t *x = in_batch + (y0 * g->in_w + x0) * g->in_d;
          pixel_s8(&r, &whole, p->folded_bias != 0, x, filter, output);
        } else {
          const window_t win = window_at(g, y0, x0);
          const int32_t folded = win.rows == g->filter_h && win.cols == g->filter_w && p->folded_bias != 0;
          pixel_s8(&r, &win, folded, in_batch + win.in_first, filter + win.w_first, output);
        }
      }
    }
  }
}

void tf_depthwise_conv_2d_s8_int4(const tf_depthwise_conv_2d_q_t *p, const int8_t *input,
                                  const uint8_t *packed_filter, const int32_t *bias, int8_t *output,
                                  void *scratch) {
  const tf_depthwise_conv_2d_geom_t *g = &p->g;
  tf_conv_unpack_int4(packed_filter, g->filter_h * g->filter_w * g->out_d, (int8_t *)scratch);
  tf_depthwise_conv_2d_s8(p, input, (const int8_t *)scratch, bias, output);
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
          for (int32_t r = win.rows; r > 0; --r, x += win.in_skip, w += win.w_skip) {
            for (int32_t c = win.cols; c > 0; --c, x += win.in_col, w += win.w_col) acc += (int32_t)(*w * *x);
          }
          const int32_t v = tf_mbqm_int64(acc, p->multipliers[oc], p->shifts[oc]);
          output[oc] = (int16_t)tf_clamp(v, p->act_min, p->act_max);
        }
      }
    }
  }
}

/* One channel's window in TFLM's (filter_y, filter_x) order, in single precision. */
static float taps1_f32(const window_t *win, const float *x, const float *w) {
  float total = 0.0f;
  for (int32_t r = win->rows; r > 0; --r, x += win->in_skip, w += win->w_skip) {
    for (int32_t c = win->cols; c > 0; --c, x += win->in_col, w += win->w_col) total += *x * *w;
  }
  return total;
}

/* Four adjacent channels (depth multiplier 1), each with its own sum in the same order. */
TF_CONV_HOT static void taps4_f32(const window_t *win, const float *x, const float *w, float acc[4]) {
  float a0 = 0.0f, a1 = 0.0f, a2 = 0.0f, a3 = 0.0f;
  for (int32_t r = win->rows; r > 0; --r, x += win->in_skip, w += win->w_skip) {
    for (int32_t c = win->cols; c > 0; --c, x += win->in_col, w += win->w_col) {
      a0 += x[0] * w[0];
      a1 += x[1] * w[1];
      a2 += x[2] * w[2];
      a3 += x[3] * w[3];
    }
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

void tf_depthwise_conv_2d_f32(const tf_depthwise_conv_2d_f_t *p, const float *input, const float *filter,
                              const float *bias, float *output) {
  const tf_depthwise_conv_2d_geom_t *g = &p->g;
  const int32_t dm = g->depth_multiplier, block = dm == 1 ? 4 : 1;
  for (int32_t b = 0; b < g->batches; ++b) {
    const float *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      for (int32_t ox = 0; ox < g->out_w; ++ox, output += g->out_d) {
        const window_t win = window_at(g, oy * g->stride_h - g->pad_h, ox * g->stride_w - g->pad_w);
        const float *x = in_batch + win.in_first, *w = filter + win.w_first;
        for (int32_t oc = 0; oc < g->out_d;) {
          const int32_t n = oc + block <= g->out_d ? block : 1;
          float acc[4];
          if (n == 4) {
            taps4_f32(&win, x + oc, w + oc, acc);
          } else {
            acc[0] = taps1_f32(&win, x + oc / dm, w + oc);
          }
          for (int32_t k = 0; k < n; ++k) {
            output[oc + k] = tf_clampf(acc[k] + (bias ? bias[oc + k] : 0.0f), p->act_min, p->act_max);
          }
          oc += n;
        }
      }
    }
  }
}

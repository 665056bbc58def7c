/* CONV_2D float32: TFLM reference/conv.h in single precision. */
#include "conv_2d_f32.h"

/*
 * Every output channel sums its products from 0 in TFLM's order (taps row by row, channels
 * innermost, skipping taps outside the input); blocks of 4 channels of a blocked filter share
 * each input load, and pairs of interior pixels share each weight load. Accumulators are
 * separate, so the order per channel (and the float result) is unchanged.
 */
TF_CONV_HOT static void dot4x2(const float *x, int32_t x1, const float *w, int32_t n, float acc[8]) {
  float a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  float b0 = acc[4], b1 = acc[5], b2 = acc[6], b3 = acc[7];
  const float *y = x + x1;
  for (int32_t i = 0; i < n; ++i, w += 4) {
    const float u = x[i], v = y[i];
    a0 += u * w[0];
    b0 += v * w[0];
    a1 += u * w[1];
    b1 += v * w[1];
    a2 += u * w[2];
    b2 += v * w[2];
    a3 += u * w[3];
    b3 += v * w[3];
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
  acc[4] = b0;
  acc[5] = b1;
  acc[6] = b2;
  acc[7] = b3;
}

TF_CONV_HOT static void dot4(const float *x, const float *w, int32_t n, float acc[4]) {
  float a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  for (int32_t i = 0; i < n; ++i, w += 4) {
    const float u = x[i];
    a0 += u * w[0];
    a1 += u * w[1];
    a2 += u * w[2];
    a3 += u * w[3];
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

static float dot1(const float *x, const float *w, int32_t n, float total) {
  for (int32_t i = 0; i < n; ++i) total += x[i] * w[i];
  return total;
}

/* Channels in the block starting at oc: 4 when blocked and 4 remain in its group, else 1. */
static int32_t block_at(const tf_conv_2d_f_t *p, int32_t oc) {
  const int32_t per_group = p->g.filters_per_group;
  return p->blocked && per_group - oc % per_group >= 4 ? 4 : 1;
}

/*
 * One block of n channels over the window at x (w at the block's first valid tap); a second
 * pixel x1 elements on when pair.
 */
static void block(const tf_conv_window_t *win, const float *x, int32_t x1, const float *w, int32_t n,
                  int32_t pair, float *acc) {
  for (int32_t r = 0; r < win->rows; ++r, x += win->in_row, w += n * win->w_row) {
    const float *xs = x, *ws = w;
    for (int32_t s = 0; s < win->segs; ++s, xs += win->in_seg, ws += n * win->seg) {
      if (n == 4 && pair) {
        dot4x2(xs, x1, ws, win->seg, acc);
      } else if (n == 4) {
        dot4(xs, ws, win->seg, acc);
      } else {
        acc[0] = dot1(xs, ws, win->seg, acc[0]);
        if (pair) acc[1] = dot1(xs + x1, ws, win->seg, acc[1]);
      }
    }
  }
}

/* One pixel, or two x1 elements apart with whole windows (pair). */
static void pixels(const tf_conv_2d_f_t *p, const tf_conv_window_t *win, const float *in_batch, int32_t x1,
                   int32_t pair, const float *filter, const float *bias, float *out) {
  const tf_conv_2d_geom_t *g = &p->g;
  const int32_t filter_size = g->filter_h * g->filter_w * g->filter_d;
  const float lo = p->act_min, hi = p->act_max;
  for (int32_t oc = 0; oc < g->out_d;) {
    const int32_t n = block_at(p, oc);
    float acc[8] = {0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f};
    const float *x = in_batch + win->in_first + oc / g->filters_per_group * g->filter_d;
    block(win, x, x1, filter + n * win->w_first, n, pair, acc);
    for (int32_t k = 0; k < n; ++k) {
      const float b = bias ? bias[oc + k] : 0.0f;
      out[oc + k] = tf_clampf(acc[k] + b, lo, hi);
      if (pair) out[g->out_d + oc + k] = tf_clampf(acc[n + k] + b, lo, hi);
    }
    filter += n * filter_size;
    oc += n;
  }
}

void tf_conv_2d_f32(const tf_conv_2d_f_t *p, const float *input, const float *filter, const float *bias,
                    float *output) {
  const tf_conv_2d_geom_t *g = &p->g;
  const int32_t x1 = g->stride_w * g->in_d;
  int32_t oy_lo, oy_hi, ox_lo, ox_hi;
  tf_conv_full_span(g->out_h, g->stride_h, g->pad_h, g->dilation_h, g->filter_h, g->in_h, &oy_lo, &oy_hi);
  tf_conv_full_span(g->out_w, g->stride_w, g->pad_w, g->dilation_w, g->filter_w, g->in_w, &ox_lo, &ox_hi);
  for (int32_t b = 0; b < g->batches; ++b) {
    const float *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      const int32_t row_full = oy >= oy_lo && oy < oy_hi;
      for (int32_t ox = 0; ox < g->out_w;) {
        const tf_conv_window_t win = tf_conv_window_at(g, oy * g->stride_h - g->pad_h, ox * g->stride_w - g->pad_w);
        const int32_t pair = row_full && ox >= ox_lo && ox + 1 < ox_hi;
        pixels(p, &win, in_batch, x1, pair, filter, bias, output);
        output += (pair ? 2 : 1) * g->out_d;
        ox += pair ? 2 : 1;
      }
    }
  }
}

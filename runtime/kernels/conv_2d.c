/* CONV_2D int8 (and int4 filters): TFLM reference integer_ops/conv.h. */
#include "conv_2d.h"

#include "conv_common.h"

/*
 * int8 filters of constant models come blocked (tf_conv_2d_q_t.blocked): within each group, runs
 * of 4 output channels interleaved element by element ([e][4]), the rest as plain rows. These
 * loops walk n filter elements against n inputs of one pixel, or of two pixels x1 apart.
 */
TF_CONV_HOT static void dot4x2(const int8_t *x, int32_t x1, const int8_t *w, int32_t n, uint32_t acc[8]) {
  uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  uint32_t b0 = acc[4], b1 = acc[5], b2 = acc[6], b3 = acc[7];
  const int8_t *y = x + x1;
  for (const int8_t *end = x + n; x < end; w += 4) {
    const int32_t u = *x++, v = *y++;
    int32_t k = w[0];
    a0 += (uint32_t)(k * u);
    b0 += (uint32_t)(k * v);
    k = w[1];
    a1 += (uint32_t)(k * u);
    b1 += (uint32_t)(k * v);
    k = w[2];
    a2 += (uint32_t)(k * u);
    b2 += (uint32_t)(k * v);
    k = w[3];
    a3 += (uint32_t)(k * u);
    b3 += (uint32_t)(k * v);
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

TF_CONV_HOT static void dot1x2(const int8_t *x, int32_t x1, const int8_t *w, int32_t n, uint32_t acc[2]) {
  uint32_t a = acc[0], b = acc[1];
  const int8_t *y = x + x1;
  for (const int8_t *end = x + n; x < end;) {
    const int32_t k = *w++;
    a += (uint32_t)(k * *x++);
    b += (uint32_t)(k * *y++);
  }
  acc[0] = a;
  acc[1] = b;
}

/* One pixel, a block of 4 channels, the input offset added per element (0 when folded). */
TF_CONV_HOT static void dot4(const int8_t *x, const int8_t *w, int32_t n, int32_t off, uint32_t acc[4]) {
  uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  for (const int8_t *end = x + n; x < end; w += 4) {
    const int32_t u = *x++ + off;
    a0 += (uint32_t)(w[0] * u);
    a1 += (uint32_t)(w[1] * u);
    a2 += (uint32_t)(w[2] * u);
    a3 += (uint32_t)(w[3] * u);
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

static uint32_t dot1(const int8_t *x, const int8_t *w, int32_t n, int32_t off) {
  uint32_t acc = 0;
  for (int32_t i = 0; i < n; ++i) acc += (uint32_t)(w[i] * (x[i] + off));
  return acc;
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
  int32_t per_group;
  int32_t filter_d;
  int32_t filter_size;
  int32_t out_d;
  int32_t blocked;
} run_t;

static inline int8_t requant(const run_t *r, uint32_t acc, int32_t m, int32_t s) {
  return (int8_t)tf_conv_requant((int32_t)acc, m, s, r->offset, r->lo, r->hi);
}

/* Channels in the block starting at oc: 4 when blocked and 4 remain in its group, else 1. */
static inline int32_t block_at(const run_t *r, int32_t oc) {
  return r->blocked && r->per_group - oc % r->per_group >= 4 ? 4 : 1;
}

/*
 * Two pixels x1 elements apart whose windows lie inside the input, channels oc..oc+3 of a
 * blocked filter (w at the block's first tap), in the folded form.
 */
TF_CONV_HOT static void pair_block4(const run_t *r, const tf_conv_window_t *win, const int8_t *x, int32_t x1,
                                    const int8_t *w, int32_t oc, int8_t *out0, int8_t *out1) {
  uint32_t acc[8];
  for (int32_t k = 0; k < 4; ++k) acc[k] = acc[4 + k] = (uint32_t)r->folded[oc + k];
  for (int32_t row = 0; row < win->rows; ++row, x += win->in_row, w += 4 * win->w_row) {
    const int8_t *xs = x, *ws = w;
    for (int32_t s = 0; s < win->segs; ++s, xs += win->in_seg, ws += 4 * win->seg) dot4x2(xs, x1, ws, win->seg, acc);
  }
  /* Locals: stores through int8_t pointers would otherwise reload every field of *r. */
  const int32_t *mul = r->mul + oc, *shift = r->shift + oc;
  const int32_t offset = r->offset, lo = r->lo, hi = r->hi;
  out0 += oc;
  out1 += oc;
  for (int32_t k = 0; k < 4; ++k) {
    const int32_t m = mul[k], s = shift[k];
    out0[k] = (int8_t)tf_conv_requant((int32_t)acc[k], m, s, offset, lo, hi);
    out1[k] = (int8_t)tf_conv_requant((int32_t)acc[4 + k], m, s, offset, lo, hi);
  }
}

static void pair_block1(const run_t *r, const tf_conv_window_t *win, const int8_t *x, int32_t x1, const int8_t *w,
                        int32_t oc, int8_t *out0, int8_t *out1) {
  uint32_t acc[2];
  acc[0] = acc[1] = (uint32_t)r->folded[oc];
  for (int32_t row = 0; row < win->rows; ++row, x += win->in_row, w += win->w_row) {
    const int8_t *xs = x, *ws = w;
    for (int32_t s = 0; s < win->segs; ++s, xs += win->in_seg, ws += win->seg) dot1x2(xs, x1, ws, win->seg, acc);
  }
  const int8_t v0 = requant(r, acc[0], r->mul[oc], r->shift[oc]);
  out1[oc] = requant(r, acc[1], r->mul[oc], r->shift[oc]);
  out0[oc] = v0;
}

/*
 * Two horizontally adjacent pixels whose windows lie inside the input (x1 elements apart), in
 * the folded form sum w (x + off) = sum w x + off * sum w: equal modulo 2^32, so byte-identical.
 */
static void pair_s8(const run_t *r, const int8_t *in_batch, const int8_t *filter, const tf_conv_window_t *win, int32_t x1,
                    int8_t *out0, int8_t *out1) {
  for (int32_t oc = 0; oc < r->out_d;) {
    const int32_t n = block_at(r, oc);
    const int8_t *x = in_batch + win->in_first + oc / r->per_group * r->filter_d;
    if (n == 4) {
      pair_block4(r, win, x, x1, filter + 4 * win->w_first, oc, out0, out1);
    } else {
      pair_block1(r, win, x, x1, filter + win->w_first, oc, out0, out1);
    }
    filter += n * r->filter_size;
    oc += n;
  }
}

/* One pixel: folded when its window is whole, else the offset is added over the valid taps. */
static void single_s8(const run_t *r, const int8_t *in_batch, const int8_t *filter, const tf_conv_window_t *win,
                      int8_t *out) {
  const int32_t folded = win->full && r->folded != 0;
  const int32_t off = folded ? 0 : r->in_offset;
  const int32_t *start = folded ? r->folded : r->bias;
  for (int32_t oc = 0; oc < r->out_d;) {
    const int32_t n = block_at(r, oc);
    const int8_t *x = in_batch + win->in_first + oc / r->per_group * r->filter_d;
    const int8_t *w = filter + n * win->w_first;
    uint32_t acc[4];
    for (int32_t k = 0; k < n; ++k) acc[k] = start ? (uint32_t)start[oc + k] : 0u;
    for (int32_t row = 0; row < win->rows; ++row, x += win->in_row, w += n * win->w_row) {
      const int8_t *xs = x, *ws = w;
      for (int32_t s = 0; s < win->segs; ++s, xs += win->in_seg, ws += n * win->seg) {
        if (n == 4) {
          dot4(xs, ws, win->seg, off, acc);
        } else {
          acc[0] += dot1(xs, ws, win->seg, off);
        }
      }
    }
    const run_t q = *r;
    for (int32_t k = 0; k < n; ++k) out[oc + k] = requant(&q, acc[k], q.mul[oc + k], q.shift[oc + k]);
    filter += n * r->filter_size;
    oc += n;
  }
}

static run_t run_of(const tf_conv_2d_q_t *p, const int32_t *bias) {
  const tf_conv_2d_geom_t *g = &p->g;
  run_t r;
  r.mul = p->multipliers;
  r.shift = p->shifts;
  r.folded = p->folded_bias;
  r.bias = bias;
  r.offset = p->output_offset;
  r.lo = p->act_min;
  r.hi = p->act_max;
  r.in_offset = p->input_offset;
  r.per_group = g->filters_per_group;
  r.filter_d = g->filter_d;
  r.filter_size = g->filter_h * g->filter_w * g->filter_d;
  r.out_d = g->out_d;
  r.blocked = p->blocked;
  return r;
}

/*
 * A 1x1 convolution with stride 1 reads pixel i at i * in_d for every batch and row: the output
 * is one run of pixels, paired across row ends.
 */
static void pointwise_s8(const tf_conv_2d_q_t *p, const run_t *r, const int8_t *input, const int8_t *filter,
                         const tf_conv_window_t *whole, int8_t *output) {
  const tf_conv_2d_geom_t *g = &p->g;
  const int32_t pixels = g->batches * g->out_h * g->out_w;
  tf_conv_window_t win = *whole;
  int32_t i = 0;
  for (win.in_first = 0; i + 2 <= pixels; i += 2, win.in_first += 2 * g->in_d, output += 2 * g->out_d) {
    pair_s8(r, input, filter, &win, g->in_d, output, output + g->out_d);
  }
  if (i < pixels) single_s8(r, input, filter, &win, output);
}

/*
 * Every group's window of one pixel, group gi's for pair slot k at buf + (2 gi + k) * size. Taps
 * outside the input get the input zero point (pad): its offset input is 0, so border pixels
 * take the folded form too.
 */
static void gather_pixel(const tf_conv_2d_geom_t *g, const int8_t *in_batch, int32_t oy, int32_t ox, int8_t pad,
                         int32_t k, int8_t *buf) {
  const int32_t size = g->filter_h * g->filter_w * g->filter_d;
  for (int32_t gi = 0; gi * g->filter_d < g->in_d; ++gi) {
    tf_conv_gather(g, in_batch, oy * g->stride_h - g->pad_h, ox * g->stride_w - g->pad_w, gi * g->filter_d,
                   pad, buf + (2 * gi + k) * size);
  }
}

/*
 * The channels of gathered pixels: a pair (out1 != NULL) or one pixel, each group's windows
 * contiguous, in the folded form.
 */
static void gathered_s8(const run_t *r, const int8_t *buf, const int8_t *w, int8_t *out0, int8_t *out1) {
  const int32_t size = r->filter_size;
  const tf_conv_window_t flat = {0, 0, 1, 1, size, 0, 0, 0, 1};
  for (int32_t oc = 0; oc < r->out_d; buf += 2 * size) {
    for (const int32_t end = oc + r->per_group; oc < end;) {
      const int32_t n = block_at(r, oc);
      if (out1 && n == 4) {
        pair_block4(r, &flat, buf, size, w, oc, out0, out1);
      } else if (out1) {
        pair_block1(r, &flat, buf, size, w, oc, out0, out1);
      } else {
        uint32_t acc[4];
        for (int32_t k = 0; k < n; ++k) acc[k] = (uint32_t)r->folded[oc + k];
        if (n == 4) {
          dot4(buf, w, size, 0, acc);
        } else {
          acc[0] += dot1(buf, w, size, 0);
        }
        for (int32_t k = 0; k < n; ++k) out0[oc + k] = requant(r, acc[k], r->mul[oc + k], r->shift[oc + k]);
      }
      w += n * size;
      oc += n;
    }
  }
}

/* How tf_conv_2d_s8 walks the output, fixed per call. */
typedef struct {
  int32_t oy_lo, oy_hi, ox_lo, ox_hi; /* pixels whose windows lie inside the input */
  tf_conv_window_t whole;             /* their window, in_first aside */
  int32_t in_place;                   /* pair such pixels, reading the input in place */
  int8_t *buf;                        /* else gather into scratch (NULL: one pixel at a time) */
  int8_t pad;                         /* the input zero point */
} walk_t;

/* One output row; *pending is a gathered pixel's output waiting for a partner (or NULL). */
static int8_t *row_s8(const tf_conv_2d_q_t *p, const run_t *r, const walk_t *k, const int8_t *in_batch,
                      const int8_t *filter, int32_t oy, int8_t *output, int8_t **pending) {
  const tf_conv_2d_geom_t *g = &p->g;
  const int32_t y0 = oy * g->stride_h - g->pad_h, row_full = oy >= k->oy_lo && oy < k->oy_hi;
  for (int32_t ox = 0; ox < g->out_w;) {
    const int32_t x0 = ox * g->stride_w - g->pad_w, full = row_full && ox >= k->ox_lo && ox < k->ox_hi;
    tf_conv_window_t win = k->whole;
    win.in_first = (y0 * g->in_w + x0) * g->in_d;
    if (k->in_place && full && ox + 1 < k->ox_hi) {
      pair_s8(r, in_batch, filter, &win, g->stride_w * g->in_d, output, output + g->out_d);
      output += 2 * g->out_d;
      ox += 2;
      continue;
    }
    if (k->buf) {
      gather_pixel(g, in_batch, oy, ox, k->pad, *pending ? 1 : 0, k->buf);
      if (*pending) gathered_s8(r, k->buf, filter, *pending, output);
      *pending = *pending ? 0 : output;
    } else {
      if (!full) win = tf_conv_window_at(g, y0, x0);
      single_s8(r, in_batch, filter, &win, output);
    }
    output += g->out_d;
    ox += 1;
  }
  return output;
}

/*
 * Pixels in row order. With a blocked filter and folded bias, pairs of interior pixels whose
 * windows come in long runs read the input in place; with scratch, the other pixels are
 * gathered (gather_pixel) and paired across row ends. Else one pixel at a time in place.
 */
void tf_conv_2d_s8(const tf_conv_2d_q_t *p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                   int8_t *output, void *scratch) {
  const tf_conv_2d_geom_t *g = &p->g;
  const int32_t pairs = p->blocked && p->folded_bias != 0;
  const int32_t one_tap = g->filter_h == 1 && g->filter_w == 1;
  const run_t r = run_of(p, bias);
  walk_t k;
  tf_conv_full_span(g->out_h, g->stride_h, g->pad_h, g->dilation_h, g->filter_h, g->in_h, &k.oy_lo, &k.oy_hi);
  tf_conv_full_span(g->out_w, g->stride_w, g->pad_w, g->dilation_w, g->filter_w, g->in_w, &k.ox_lo, &k.ox_hi);
  k.whole = tf_conv_window_at(g, k.oy_lo * g->stride_h - g->pad_h, k.ox_lo * g->stride_w - g->pad_w);
  if (pairs && one_tap && g->stride_h == 1 && g->stride_w == 1 && g->filter_d == g->in_d) {
    pointwise_s8(p, &r, input, filter, &k.whole, output);
    return;
  }
  k.buf = pairs && !one_tap ? (int8_t *)scratch : 0;
  /* Gathering pays off for short runs (a few channels per tap); long ones are read in place. */
  k.in_place = pairs && (k.whole.seg >= 8 || !k.buf);
  k.pad = (int8_t)(-p->input_offset);
  int8_t *pending = 0;
  for (int32_t b = 0; b < g->batches; ++b) {
    const int8_t *in_batch = input + b * g->in_h * g->in_w * g->in_d;
    for (int32_t oy = 0; oy < g->out_h; ++oy) output = row_s8(p, &r, &k, in_batch, filter, oy, output, &pending);
  }
  if (pending) gathered_s8(&r, k.buf, filter, pending, 0);
}

void tf_conv_2d_s8_int4(const tf_conv_2d_q_t *p, const int8_t *input, const uint8_t *packed_filter,
                        const int32_t *bias, int8_t *output, void *scratch) {
  const tf_conv_2d_geom_t *g = &p->g;
  tf_conv_unpack_int4(packed_filter, g->out_d * g->filter_h * g->filter_w * g->filter_d, (int8_t *)scratch);
  tf_conv_2d_s8(p, input, (const int8_t *)scratch, bias, output, 0);
}

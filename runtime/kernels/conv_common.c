/* Shared pieces of the convolution kernels: see conv_common.h. */
#include "conv_common.h"

#include <string.h>

int32_t tf_conv_mbqm(int32_t acc, int32_t multiplier, int32_t shift) { return tf_mbqm(acc, multiplier, shift); }

void tf_conv_tap_range(int32_t origin, int32_t dilation, int32_t taps, int32_t size, int32_t *k0, int32_t *k1) {
  const int32_t lo = origin < 0 ? (dilation - 1 - origin) / dilation : 0;
  int32_t hi = size - origin <= 0 ? 0 : (size - origin + dilation - 1) / dilation;
  if (hi > taps) hi = taps;
  *k0 = lo;
  *k1 = hi > lo ? hi : lo;
}

void tf_conv_full_span(int32_t out, int32_t stride, int32_t pad, int32_t dilation, int32_t taps, int32_t size,
                       int32_t *lo, int32_t *hi) {
  const int32_t first = (pad + stride - 1) / stride;
  const int32_t room = size - 1 + pad - (taps - 1) * dilation;
  int32_t end = room < 0 ? 0 : room / stride + 1;
  if (end > out) end = out;
  *lo = first < end ? first : end;
  *hi = end;
}

void tf_conv_unpack_int4(const uint8_t *packed, int32_t count, int8_t *out) {
  for (int32_t i = 0; i < count; ++i) {
    const uint8_t byte = packed[i >> 1];
    const int32_t nibble = (i & 1) ? (byte >> 4) : (byte & 15);
    out[i] = (int8_t)(nibble >= 8 ? nibble - 16 : nibble);
  }
}

tf_conv_window_t tf_conv_window_at(const tf_conv_2d_geom_t *g, int32_t y0, int32_t x0) {
  int32_t fy0, fy1, fx0, fx1;
  tf_conv_tap_range(y0, g->dilation_h, g->filter_h, g->in_h, &fy0, &fy1);
  tf_conv_tap_range(x0, g->dilation_w, g->filter_w, g->in_w, &fx0, &fx1);
  tf_conv_window_t w;
  const int32_t cols = fx1 - fx0;
  const int32_t adjacent = g->dilation_w == 1 && g->filter_d == g->in_d;
  w.rows = cols == 0 ? 0 : fy1 - fy0;
  w.segs = adjacent ? 1 : cols;
  w.seg = adjacent ? cols * g->filter_d : g->filter_d;
  w.in_row = g->dilation_h * g->in_w * g->in_d;
  w.in_seg = g->dilation_w * g->in_d;
  w.w_row = g->filter_w * g->filter_d;
  w.full = w.rows == g->filter_h && cols == g->filter_w;
  /* An empty window is never read: keep its offsets in range. */
  const int32_t empty = w.rows == 0;
  w.in_first = empty ? 0 : ((y0 + g->dilation_h * fy0) * g->in_w + x0 + g->dilation_w * fx0) * g->in_d;
  w.w_first = empty ? 0 : (fy0 * g->filter_w + fx0) * g->filter_d;
  return w;
}

/* A byte copy in 32-bit words (unaligned word access is allowed on Armv7-M and x86). */
static void copy_bytes(int8_t *dst, const int8_t *src, int32_t n) {
  for (; n >= 4; n -= 4, dst += 4, src += 4) {
    uint32_t word;
    memcpy(&word, src, 4);
    memcpy(dst, &word, 4);
  }
  for (; n > 0; --n) *dst++ = *src++;
}

void tf_conv_gather(const tf_conv_2d_geom_t *g, const int8_t *in_batch, int32_t y0, int32_t x0, int32_t c0,
                   int8_t pad, int8_t *buf) {
  const int32_t fd = g->filter_d, row_len = g->filter_w * fd;
  int32_t fx0, fx1;
  tf_conv_tap_range(x0, g->dilation_w, g->filter_w, g->in_w, &fx0, &fx1);
  const int32_t run = g->dilation_w == 1 && fd == g->in_d;
  for (int32_t fy = 0; fy < g->filter_h; ++fy, buf += row_len) {
    const int32_t iy = y0 + g->dilation_h * fy;
    if (iy < 0 || iy >= g->in_h || fx0 == fx1) {
      memset(buf, pad, (size_t)row_len);
      continue;
    }
    const int8_t *row = in_batch + (iy * g->in_w + x0) * g->in_d + c0;
    if (fx0 > 0) memset(buf, pad, (size_t)(fx0 * fd));
    if (run) {
      copy_bytes(buf + fx0 * fd, row + fx0 * fd, (fx1 - fx0) * fd);
    } else {
      for (int32_t fx = fx0; fx < fx1; ++fx) copy_bytes(buf + fx * fd, row + fx * g->dilation_w * g->in_d, fd);
    }
    if (fx1 < g->filter_w) memset(buf + fx1 * fd, pad, (size_t)((g->filter_w - fx1) * fd));
  }
}

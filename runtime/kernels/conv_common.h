/*
 * Shared pieces of the convolution kernels (conv_2d*, depthwise_conv_2d), mirroring
 * src/kernels/common/conv-params.ts: CONV_2D's parameters and window clipping, int4 unpacking
 * and the per-channel requantization.
 */
#ifndef TF_KERNEL_CONV_COMMON_H
#define TF_KERNEL_CONV_COMMON_H

#include <stdint.h>

#include "../quant.h"

/*
 * Hot inner loops stay out of line: inlined into the pixel loops they would share registers
 * with every loop-invariant value and spill their accumulators. TF_CONV_INLINE bodies are
 * instantiated in several of them, with constants (such as a zero input offset) folded in.
 */
#if defined(__GNUC__)
#define TF_CONV_HOT __attribute__((noinline))
#define TF_CONV_INLINE static inline __attribute__((always_inline))
#else
#define TF_CONV_HOT
#define TF_CONV_INLINE static inline
#endif

/*
 * tf_mbqm(acc, multiplier, shift) + offset, clamped: the same value for every input, cheaper.
 * For shift <= -2 (a right shift e >= 2) and 0 <= multiplier < 2^31, the two roundings
 * v = floor((acc*m + 2^30) / 2^31) (the SRDHM) and floor((v + 2^(e-1) - [v<0]) / 2^e) (the
 * RDBPOT) nest into floor((acc*m + c + 2^(30+e)) / 2^(31+e)) with c = -2^30 when
 * acc*m + 2^30 < 0, else 2^30. Split at bit 32: floor(((hi >> (e-2)) + 1) / 2), hi the high
 * word of acc*m + c.
 */
/* tf_mbqm out of line: the rare shifts above -2 keep the inlined fast path small. */
int32_t tf_conv_mbqm(int32_t acc, int32_t multiplier, int32_t shift);

static inline int32_t tf_conv_requant(int32_t acc, int32_t multiplier, int32_t shift, int32_t offset,
                                      int32_t act_min, int32_t act_max) {
  int32_t v;
  if (shift <= -2) {
    int64_t a = (int64_t)acc * multiplier + (INT64_C(1) << 30);
    a -= (a >> 63) & (INT64_C(1) << 31);
    v = (((int32_t)(a >> 32) >> (-2 - shift)) + 1) >> 1;
  } else {
    v = tf_conv_mbqm(acc, multiplier, shift);
  }
  return tf_clamp(v + offset, act_min, act_max);
}

/* NHWC input/output, OHWI filter; filter_d = in_d / groups. */
typedef struct {
  int32_t batches;
  int32_t in_h;
  int32_t in_w;
  int32_t in_d;
  int32_t filter_h;
  int32_t filter_w;
  int32_t filter_d;
  int32_t out_h;
  int32_t out_w;
  int32_t out_d;
  int32_t filters_per_group;
  int32_t stride_h;
  int32_t stride_w;
  int32_t dilation_h;
  int32_t dilation_w;
  int32_t pad_h;
  int32_t pad_w;
} tf_conv_2d_geom_t;

typedef struct {
  tf_conv_2d_geom_t g;
  int32_t input_offset; /* 0 for int16 */
  int32_t output_offset;
  const int32_t *multipliers; /* per output channel */
  const int32_t *shifts;
  int32_t act_min;
  int32_t act_max;
  /*
   * int8 with a constant filter and bias, else NULL: bias + input_offset * sum(weights) per output
   * channel (int32, wrapping), the start of a pixel whose window lies inside the input, which
   * then needs no input offset per element.
   */
  const int32_t *folded_bias;
  /*
   * int8: 1 when the filter comes in the blocked order of the code generator (blockFilter in
   * src/codegen/c/ops/conv-2d.ts): per group, runs of 4 output channels interleaved element by
   * element, the remaining channels as plain rows. 0: the TFLite OHWI layout.
   */
  int32_t blocked;
} tf_conv_2d_q_t;

/*
 * The taps of one output pixel that fall inside the input: a rectangle of rows x cols filter
 * positions (TFLM skips the others), walked as rows of contiguous segments.
 */
typedef struct {
  int32_t in_first; /* input element of the first valid tap (channel 0) */
  int32_t w_first;  /* filter element of the first valid tap, within one output channel */
  int32_t rows;
  int32_t segs;   /* segments per row: 1 when a row's taps are adjacent in memory, else cols */
  int32_t seg;    /* elements per segment */
  int32_t in_row; /* input elements between tap rows */
  int32_t in_seg; /* input elements between segments */
  int32_t w_row;  /* filter elements between tap rows */
  int32_t full;   /* every tap is valid */
} tf_conv_window_t;

/* The window of the output pixel whose first tap would be input (y0, x0). */
tf_conv_window_t tf_conv_window_at(const tf_conv_2d_geom_t *g, int32_t y0, int32_t x0);

/* [*k0, *k1): the filter taps k with 0 <= origin + dilation * k < size (k < taps). */
void tf_conv_tap_range(int32_t origin, int32_t dilation, int32_t taps, int32_t size, int32_t *k0, int32_t *k1);

/*
 * [*lo, *hi): the output positions o whose whole window o * stride - pad + dilation * k
 * (k < taps) lies inside [0, size); empty (lo == hi) when there are none.
 */
void tf_conv_full_span(int32_t out, int32_t stride, int32_t pad, int32_t dilation, int32_t taps, int32_t size,
                       int32_t *lo, int32_t *hi);

/*
 * Copies the window of the pixel at input (y0, x0) (channels c0..c0+filter_d-1 of each tap,
 * taps row by row: the filter's order) to buf; taps outside the input get `pad`.
 */
void tf_conv_gather(const tf_conv_2d_geom_t *g, const int8_t *in_batch, int32_t y0, int32_t x0, int32_t c0,
                    int8_t pad, int8_t *buf);

/* UnpackDenseInt4IntoInt8: two's-complement nibbles, low nibble first. */
void tf_conv_unpack_int4(const uint8_t *packed, int32_t count, int8_t *out);

#endif

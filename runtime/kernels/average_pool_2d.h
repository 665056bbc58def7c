/*
 * AVERAGE_POOL_2D: mirrors src/kernels/average-pool-2d.ts (TFLM reference pooling.h). Also
 * declares the pooling geometry MAX_POOL_2D and L2_POOL_2D share, as the TS file does.
 */
#ifndef TF_KERNEL_AVERAGE_POOL_2D_H
#define TF_KERNEL_AVERAGE_POOL_2D_H

#include <stdint.h>

/* NHWC input and output; windows start at out * stride - pad (TFLM's leading padding). */
typedef struct {
  int32_t batches;
  int32_t in_h;
  int32_t in_w;
  int32_t depth;
  int32_t out_h;
  int32_t out_w;
  int32_t filter_h;
  int32_t filter_w;
  int32_t stride_h;
  int32_t stride_w;
  int32_t pad_h;
  int32_t pad_w;
} tf_pool_geometry_t;

typedef struct {
  tf_pool_geometry_t g;
  int32_t act_min;
  int32_t act_max;
} tf_pool_q_t;

typedef struct {
  tf_pool_geometry_t g;
  float act_min;
  float act_max;
} tf_pool_f_t;

/* The filter taps of one output row (or column) that fall inside the input. */
typedef struct {
  int32_t first; /* input row (column) of the first tap */
  int32_t count; /* taps inside the input, >= 1 for a consistent geometry */
} tf_pool_span_t;

static inline tf_pool_span_t tf_pool_span(int32_t out, int32_t stride, int32_t pad, int32_t filter,
                                          int32_t in_size) {
  const int32_t origin = out * stride - pad;
  const int32_t start = origin < 0 ? -origin : 0;
  const int32_t end = in_size - origin < filter ? in_size - origin : filter;
  tf_pool_span_t s;
  s.first = origin + start;
  s.count = end - start;
  return s;
}

/*
 * The taps of one output pixel: `rows` runs of `cols` pixels from `offset` (elements into the
 * image). A window spanning whole input rows is one run: the same order with fewer loops.
 */
typedef struct {
  int32_t offset;
  int32_t rows;
  int32_t cols;
} tf_pool_window_t;

static inline tf_pool_window_t tf_pool_window(const tf_pool_geometry_t *g, tf_pool_span_t ys, tf_pool_span_t xs) {
  const int whole_rows = xs.count == g->in_w;
  tf_pool_window_t w;
  w.offset = (ys.first * g->in_w + xs.first) * g->depth;
  w.rows = whole_rows ? 1 : ys.count;
  w.cols = whole_rows ? ys.count * xs.count : xs.count;
  return w;
}

void tf_average_pool_2d_s8(const tf_pool_q_t *p, const int8_t *input, int8_t *output);
void tf_average_pool_2d_s16(const tf_pool_q_t *p, const int16_t *input, int16_t *output);
void tf_average_pool_2d_f32(const tf_pool_f_t *p, const float *input, float *output);

#endif

/* AVERAGE_POOL_2D: TFLM reference integer_ops/pooling.h and reference/pooling.h AveragePool. */
#include "average_pool_2d.h"

#include "../quant.h"

/*
 * One loop nest for int8 and int16: per output pixel and channel, the int32 sum of the window
 * taps inside the input, divided by their count rounding half away from zero.
 */
#define TF_AVERAGE_POOL_INT(NAME, T)                                                               \
  void NAME(const tf_pool_q_t *p, const T *input, T *output) {                                     \
    const tf_pool_geometry_t *g = &p->g;                                                           \
    const int32_t row_step = g->in_w * g->depth;                                                   \
    for (int32_t b = 0; b < g->batches; ++b) {                                                     \
      const T *image = input + b * g->in_h * row_step;                                             \
      for (int32_t oy = 0; oy < g->out_h; ++oy) {                                                  \
        const tf_pool_span_t ys = tf_pool_span(oy, g->stride_h, g->pad_h, g->filter_h, g->in_h);   \
        for (int32_t ox = 0; ox < g->out_w; ++ox) {                                                \
          const tf_pool_span_t xs = tf_pool_span(ox, g->stride_w, g->pad_w, g->filter_w, g->in_w); \
          const tf_pool_window_t w = tf_pool_window(g, ys, xs);                                    \
          const int32_t count = w.rows * w.cols;                                                   \
          const int32_t half = count >> 1;                                                         \
          const T *corner = image + w.offset;                                                      \
          for (int32_t c = 0; c < g->depth; ++c) {                                                 \
            int32_t acc = 0;                                                                       \
            const T *row = corner + c;                                                             \
            for (int32_t fy = 0; fy < w.rows; ++fy, row += row_step) {                             \
              const T *tap = row;                                                                  \
              for (int32_t fx = 0; fx < w.cols; ++fx, tap += g->depth) acc += *tap;                \
            }                                                                                      \
            const int32_t avg = acc > 0 ? (acc + half) / count : (acc - half) / count;             \
            *output++ = (T)tf_clamp(avg, p->act_min, p->act_max);                                  \
          }                                                                                        \
        }                                                                                          \
      }                                                                                            \
    }                                                                                              \
  }

TF_AVERAGE_POOL_INT(tf_average_pool_2d_s8, int8_t)
TF_AVERAGE_POOL_INT(tf_average_pool_2d_s16, int16_t)

void tf_average_pool_2d_f32(const tf_pool_f_t *p, const float *input, float *output) {
  const tf_pool_geometry_t *g = &p->g;
  const int32_t row_step = g->in_w * g->depth;
  for (int32_t b = 0; b < g->batches; ++b) {
    const float *image = input + b * g->in_h * row_step;
    for (int32_t oy = 0; oy < g->out_h; ++oy) {
      const tf_pool_span_t ys = tf_pool_span(oy, g->stride_h, g->pad_h, g->filter_h, g->in_h);
      for (int32_t ox = 0; ox < g->out_w; ++ox) {
        const tf_pool_span_t xs = tf_pool_span(ox, g->stride_w, g->pad_w, g->filter_w, g->in_w);
        const tf_pool_window_t w = tf_pool_window(g, ys, xs);
        const float count = (float)(w.rows * w.cols);
        const float *corner = image + w.offset;
        for (int32_t c = 0; c < g->depth; ++c) {
          float total = 0.0f;
          const float *row = corner + c;
          for (int32_t fy = 0; fy < w.rows; ++fy, row += row_step) {
            const float *tap = row;
            for (int32_t fx = 0; fx < w.cols; ++fx, tap += g->depth) total += *tap;
          }
          *output++ = tf_clampf(total / count, p->act_min, p->act_max);
        }
      }
    }
  }
}

/* MAX_POOL_2D: TFLM reference integer_ops/pooling.h and reference/pooling.h MaxPool. */
#include "max_pool_2d.h"

#include "../quant.h"

#define TF_FLOAT_LOWEST (-3.40282347e+38f)

/* Per output pixel and channel: the largest window tap inside the input (from `lowest`), clamped. */
#define TF_MAX_POOL(NAME, PARAMS, T, ACC, LOWEST, CLAMP)                                           \
  void NAME(const PARAMS *p, const T *input, T *output) {                                          \
    const tf_pool_geometry_t *g = &p->g;                                                           \
    const int32_t row_step = g->in_w * g->depth;                                                   \
    for (int32_t b = 0; b < g->batches; ++b) {                                                     \
      const T *image = input + b * g->in_h * row_step;                                             \
      for (int32_t oy = 0; oy < g->out_h; ++oy) {                                                  \
        const tf_pool_span_t ys = tf_pool_span(oy, g->stride_h, g->pad_h, g->filter_h, g->in_h);   \
        for (int32_t ox = 0; ox < g->out_w; ++ox) {                                                \
          const tf_pool_span_t xs = tf_pool_span(ox, g->stride_w, g->pad_w, g->filter_w, g->in_w); \
          const tf_pool_window_t w = tf_pool_window(g, ys, xs);                                    \
          const T *corner = image + w.offset;                                                      \
          for (int32_t c = 0; c < g->depth; ++c) {                                                 \
            ACC max = LOWEST;                                                                      \
            const T *row = corner + c;                                                             \
            for (int32_t fy = 0; fy < w.rows; ++fy, row += row_step) {                             \
              const T *tap = row;                                                                  \
              for (int32_t fx = 0; fx < w.cols; ++fx, tap += g->depth)                             \
                if (max < *tap) max = *tap;                                                        \
            }                                                                                      \
            *output++ = (T)CLAMP(max, p->act_min, p->act_max);                                     \
          }                                                                                        \
        }                                                                                          \
      }                                                                                            \
    }                                                                                              \
  }

TF_MAX_POOL(tf_max_pool_2d_s8, tf_pool_q_t, int8_t, int32_t, -128, tf_clamp)
TF_MAX_POOL(tf_max_pool_2d_s16, tf_pool_q_t, int16_t, int32_t, -32768, tf_clamp)
TF_MAX_POOL(tf_max_pool_2d_f32, tf_pool_f_t, float, float, TF_FLOAT_LOWEST, tf_clampf)

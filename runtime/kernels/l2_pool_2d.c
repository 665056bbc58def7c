/* L2_POOL_2D: TFLM reference/pooling.h L2Pool (float32 only, as TFLM). */
#include "l2_pool_2d.h"

#include <math.h>

#include "../quant.h"

void tf_l2_pool_2d_f32(const tf_pool_f_t *p, const float *input, float *output) {
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
          float sum_squares = 0.0f;
          const float *row = corner + c;
          for (int32_t fy = 0; fy < w.rows; ++fy, row += row_step) {
            const float *tap = row;
            for (int32_t fx = 0; fx < w.cols; ++fx, tap += g->depth) sum_squares += *tap * *tap;
          }
          /* sqrtf is correctly rounded, as the TS kernel's fround(Math.sqrt(x)) of a float x. */
          *output++ = tf_clampf(sqrtf(sum_squares / count), p->act_min, p->act_max);
        }
      }
    }
  }
}

/* RESIZE_BILINEAR: TFLM reference resize_bilinear.h ResizeBilinear and ResizeBilinearInteger. */
#include "resize_bilinear.h"

void tf_resize_bilinear_f32(const tf_resize_bilinear_t *p, const float *dy, const float *dx,
                            const float *input, float *output) {
  const int32_t depth = p->depth;
  const int32_t row_step = p->in_w * depth;
  for (int32_t b = 0; b < p->batches; ++b, input += p->in_h * row_step) {
    for (int32_t r = 0; r < p->out_h; ++r) {
      const float *row0 = input + p->y_lo[r] * row_step;
      const float *row1 = input + p->y_hi[r] * row_step;
      const float wy = dy[r];
      const float ry = 1.0f - wy;
      for (int32_t c = 0; c < p->out_w; ++c) {
        const float *i00 = row0 + p->x_lo[c] * depth;
        const float *i10 = row1 + p->x_lo[c] * depth;
        const float *i01 = row0 + p->x_hi[c] * depth;
        const float *i11 = row1 + p->x_hi[c] * depth;
        const float wx = dx[c];
        const float rx = 1.0f - wx;
        for (int32_t d = 0; d < depth; ++d) {
          /* TFLM's expression, left to right in float; "+ 0" turns -0 into +0 as it does there. */
          const float t = ((i00[d] * ry) * rx + (i10[d] * wy) * rx) + (i01[d] * ry) * wx;
          *output++ = (t + (i11[d] * wy) * wx) + 0.0f;
        }
      }
    }
  }
}

void tf_resize_bilinear_s8(const tf_resize_bilinear_t *p, const int32_t *dy, const int32_t *dx,
                           const int8_t *input, int8_t *output) {
  const int32_t depth = p->depth;
  const int32_t row_step = p->in_w * depth;
  for (int32_t b = 0; b < p->batches; ++b, input += p->in_h * row_step) {
    for (int32_t r = 0; r < p->out_h; ++r) {
      const int8_t *row0 = input + p->y_lo[r] * row_step;
      const int8_t *row1 = input + p->y_hi[r] * row_step;
      const int32_t wy = dy[r];
      for (int32_t c = 0; c < p->out_w; ++c) {
        const int8_t *i00 = row0 + p->x_lo[c] * depth;
        const int8_t *i10 = row1 + p->x_lo[c] * depth;
        const int8_t *i01 = row0 + p->x_hi[c] * depth;
        const int8_t *i11 = row1 + p->x_hi[c] * depth;
        const int32_t wx = dx[c];
        /* The products are exact integers, so the weights may be formed first. */
        const int32_t w00 = (1024 - wy) * (1024 - wx);
        const int32_t w10 = wy * (1024 - wx);
        const int32_t w01 = (1024 - wy) * wx;
        const int32_t w11 = wy * wx;
        for (int32_t d = 0; d < depth; ++d) {
          const int32_t sum = i00[d] * w00 + i10[d] * w10 + i01[d] * w01 + i11[d] * w11;
          const int32_t rounded = (sum + (sum > 0 ? (1 << 19) : -(1 << 19))) / (1 << 20);
          *output++ = (int8_t)rounded; /* wraps like TFLM's static_cast */
        }
      }
    }
  }
}

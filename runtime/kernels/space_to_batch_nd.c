/* SPACE_TO_BATCH_ND: TFLM reference/space_to_batch_nd.h, one depth row per output pixel. */
#include "space_to_batch_nd.h"

#include <stddef.h>
#include <string.h>

void tf_space_to_batch_nd(const tf_space_to_batch_nd_t *p, const void *input, void *output) {
  const int32_t in_n = p->in_shape[0];
  const int32_t in_h = p->in_shape[1];
  const int32_t in_w = p->in_shape[2];
  const size_t pixel = (size_t)p->in_shape[3] * (size_t)p->width;
  const uint8_t *in = (const uint8_t *)input;
  uint8_t *o = (uint8_t *)output;
  for (int32_t out_b = 0; out_b < p->out_shape[0]; ++out_b) {
    const int32_t in_b = out_b % in_n;
    const int32_t shift_w = (out_b / in_n) % p->block_w;
    const int32_t shift_h = (out_b / in_n) / p->block_w;
    for (int32_t out_y = 0; out_y < p->out_shape[1]; ++out_y) {
      const int32_t in_y = out_y * p->block_h + shift_h - p->top;
      const int row_inside = in_y >= 0 && in_y < in_h;
      const size_t row = (size_t)in_b * (size_t)in_h + (size_t)(row_inside ? in_y : 0);
      const uint8_t *src_row = in + row * (size_t)in_w * pixel;
      for (int32_t out_x = 0; out_x < p->out_shape[2]; ++out_x, o += pixel) {
        const int32_t in_x = out_x * p->block_w + shift_w - p->left;
        if (!row_inside || in_x < 0 || in_x >= in_w) {
          memset(o, 0, pixel);
        } else {
          memcpy(o, src_row + (size_t)in_x * pixel, pixel);
        }
      }
    }
  }
}

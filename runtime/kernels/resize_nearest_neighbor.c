/* RESIZE_NEAREST_NEIGHBOR: TFLM reference resize_nearest_neighbor.h (a gather of whole pixels). */
#include "resize_nearest_neighbor.h"

#include <string.h>

/* One output row; 1- and 4-byte pixels (int8 / float32 depth 1) skip the general copy. */
static void gather_row(uint8_t *out, const uint8_t *src, const int32_t *cols, int32_t n, int32_t bytes) {
  if (bytes == 1) {
    for (int32_t x = 0; x < n; ++x) out[x] = src[cols[x]];
  } else if (bytes == 4) {
    for (int32_t x = 0; x < n; ++x, out += 4) memcpy(out, src + cols[x], 4);
  } else {
    for (int32_t x = 0; x < n; ++x, out += bytes) memcpy(out, src + cols[x], (size_t)bytes);
  }
}

void tf_resize_nearest_neighbor(const tf_resize_nearest_t *p, const void *input, void *output) {
  const uint8_t *image = (const uint8_t *)input;
  uint8_t *out = (uint8_t *)output;
  const int32_t row_bytes = p->out_w * p->pixel_bytes;
  for (int32_t b = 0; b < p->batches; ++b, image += p->image_bytes) {
    for (int32_t y = 0; y < p->out_h; ++y, out += row_bytes) {
      /* Upscaling repeats source rows: copy the finished output row instead of gathering again. */
      if (y > 0 && p->row_offsets[y] == p->row_offsets[y - 1]) {
        memcpy(out, out - row_bytes, (size_t)row_bytes);
      } else {
        gather_row(out, image + p->row_offsets[y], p->col_offsets, p->out_w, p->pixel_bytes);
      }
    }
  }
}

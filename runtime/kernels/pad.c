/*
 * PAD, PADV2: TFLM reference/pad.h fills every output element with the pad value or an input
 * element; here each output byte is written once, walking the output in order.
 */
#include "pad.h"

#include <stddef.h>
#include <string.h>

#include "shape_common.h"

static uint8_t *fill(uint8_t *out, const void *value, int32_t width, int32_t count) {
  if (count == 0) return out;
  tf_fill_elements(out, value, width, count);
  return out + (size_t)count * (size_t)width;
}

void tf_pad(const tf_pad_t *p, const void *input, const void *pad_value, void *output) {
  const int32_t w = p->width;
  const int32_t *n = p->in_shape;
  const int32_t *l = p->left_fill;
  const int32_t *r = p->right_fill;
  const size_t row_bytes = (size_t)n[4] * (size_t)w;
  const uint8_t *in = (const uint8_t *)input;
  uint8_t *o = fill((uint8_t *)output, pad_value, w, l[0]);
  for (int32_t i0 = 0; i0 < n[0]; ++i0) {
    o = fill(o, pad_value, w, l[1]);
    for (int32_t i1 = 0; i1 < n[1]; ++i1) {
      o = fill(o, pad_value, w, l[2]);
      for (int32_t i2 = 0; i2 < n[2]; ++i2) {
        o = fill(o, pad_value, w, l[3]);
        for (int32_t i3 = 0; i3 < n[3]; ++i3) {
          o = fill(o, pad_value, w, l[4]);
          memcpy(o, in, row_bytes);
          o = fill(o + row_bytes, pad_value, w, r[4]);
          in += row_bytes;
        }
        o = fill(o, pad_value, w, r[3]);
      }
      o = fill(o, pad_value, w, r[2]);
    }
    o = fill(o, pad_value, w, r[1]);
  }
  fill(o, pad_value, w, r[0]);
}

/* GATHER: TFLM micro/kernels/gather.cc, one slice of inner_size elements per position. */
#include "gather.h"

#include <stddef.h>
#include <string.h>

static int64_t position(const tf_gather_t *p, const void *coords, int32_t i) {
  if (p->coords_int64) return ((const int64_t *)coords)[i];
  return ((const int32_t *)coords)[i];
}

void tf_gather(const tf_gather_t *p, const void *input, const void *coords, void *output) {
  const size_t slice = (size_t)p->inner_size * (size_t)p->width;
  const uint8_t *in = (const uint8_t *)input;
  uint8_t *o = (uint8_t *)output;
  for (int32_t batch = 0; batch < p->batch_size; ++batch) {
    for (int32_t outer = 0; outer < p->outer_size; ++outer) {
      const int32_t row = batch * p->outer_size + outer;
      for (int32_t c = 0; c < p->coord_size; ++c, o += slice) {
        const int64_t index = position(p, coords, batch * p->coord_size + c);
        if (index < 0 || index >= p->axis_size) {
          memset(o, 0, slice);
        } else {
          memcpy(o, in + ((size_t)row * (size_t)p->axis_size + (size_t)index) * slice, slice);
        }
      }
    }
  }
}

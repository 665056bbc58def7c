/*
 * RESIZE_NEAREST_NEIGHBOR: mirrors src/kernels/resize-nearest-neighbor.ts (TFLM reference
 * resize_nearest_neighbor.h): every output pixel is a byte copy of its source pixel, so one
 * kernel serves float32, int8 and int16.
 */
#ifndef TF_KERNEL_RESIZE_NEAREST_NEIGHBOR_H
#define TF_KERNEL_RESIZE_NEAREST_NEIGHBOR_H

#include <stdint.h>

typedef struct {
  int32_t batches;
  int32_t out_h;
  int32_t out_w;
  int32_t pixel_bytes;       /* depth * element size */
  int32_t image_bytes;       /* one input image: in_h * in_w * pixel_bytes */
  const int32_t *row_offsets; /* per output row: byte offset of its source row in the image */
  const int32_t *col_offsets; /* per output column: byte offset of its source pixel in a row */
} tf_resize_nearest_t;

void tf_resize_nearest_neighbor(const tf_resize_nearest_t *p, const void *input, void *output);

#endif

/* GATHER: mirrors src/kernels/gather.ts (TFLM micro/kernels/gather.cc). */
#ifndef TF_KERNEL_GATHER_H
#define TF_KERNEL_GATHER_H

#include <stdint.h>

typedef struct {
  int32_t width; /* element bytes */
  int32_t batch_size;
  int32_t outer_size;
  int32_t axis_size;
  int32_t inner_size;
  int32_t coord_size;
  int32_t coords_int64; /* positions are int64_t, else int32_t */
} tf_gather_t;

/*
 * TFLM fails the invoke on a position outside [0, axis_size); the generated code has no error
 * path per op, so such a slice is written as zero bytes instead (never reading out of bounds).
 */
void tf_gather(const tf_gather_t *p, const void *input, const void *coords, void *output);

#endif

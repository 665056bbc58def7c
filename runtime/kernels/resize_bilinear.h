/*
 * RESIZE_BILINEAR: mirrors src/kernels/resize-bilinear.ts (TFLM reference resize_bilinear.h
 * ResizeBilinear for float32, ResizeBilinearInteger for int8). The code generator tabulates each
 * output row's and column's two source indices and its fractional offset.
 */
#ifndef TF_KERNEL_RESIZE_BILINEAR_H
#define TF_KERNEL_RESIZE_BILINEAR_H

#include <stdint.h>

typedef struct {
  int32_t batches;
  int32_t in_h;
  int32_t in_w;
  int32_t depth;
  int32_t out_h;
  int32_t out_w;
  /* Per output row / column: the lower and upper source row / column. */
  const int32_t *y_lo;
  const int32_t *y_hi;
  const int32_t *x_lo;
  const int32_t *x_hi;
} tf_resize_bilinear_t;

/* dy, dx: position minus the lower index, in single precision. */
void tf_resize_bilinear_f32(const tf_resize_bilinear_t *p, const float *dy, const float *dx,
                            const float *input, float *output);
/* dy, dx in 1/1024 units; the four weights sum to 2^20, the result rounds half away from zero. */
void tf_resize_bilinear_s8(const tf_resize_bilinear_t *p, const int32_t *dy, const int32_t *dx,
                           const int8_t *input, int8_t *output);

#endif

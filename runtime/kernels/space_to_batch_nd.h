/* SPACE_TO_BATCH_ND: mirrors src/kernels/space-to-batch-nd.ts (TFLM reference/space_to_batch_nd.h). */
#ifndef TF_KERNEL_SPACE_TO_BATCH_ND_H
#define TF_KERNEL_SPACE_TO_BATCH_ND_H

#include <stdint.h>

/* Shapes as 4-D NHWC (a 3-D NHC tensor has W = 1). */
typedef struct {
  int32_t width; /* element bytes */
  int32_t in_shape[4];
  int32_t out_shape[4];
  int32_t block_h;
  int32_t block_w;
  int32_t top;  /* padding rows before the first input row */
  int32_t left; /* padding columns before the first input column */
} tf_space_to_batch_nd_t;

/* Padding is zero bytes for every dtype, as TFLM micro writes it (see the TS kernel). */
void tf_space_to_batch_nd(const tf_space_to_batch_nd_t *p, const void *input, void *output);

#endif

/* PAD, PADV2: mirrors src/kernels/pad.ts (TFLM reference/pad.h) as a border-fill + row copy. */
#ifndef TF_KERNEL_PAD_H
#define TF_KERNEL_PAD_H

#include <stdint.h>

#define TF_PAD_RANK 5

/*
 * The padded shape with leading size-1 axes and trailing unpadded axes folded by the code
 * generator: the input is in_shape[0] x ... x in_shape[3] rows of in_shape[4] elements, and
 * axis d is wrapped in left_fill[d] / right_fill[d] pad elements (its padding times the output
 * elements one index of it holds).
 */
typedef struct {
  int32_t width; /* element bytes */
  int32_t in_shape[TF_PAD_RANK];
  int32_t left_fill[TF_PAD_RANK];
  int32_t right_fill[TF_PAD_RANK];
} tf_pad_t;

/* `pad_value` points at one element of `width` bytes (the PADV2 input or a constant). */
void tf_pad(const tf_pad_t *p, const void *input, const void *pad_value, void *output);

#endif

/* CONV_2D float32: mirrors src/kernels/conv-2d.ts (TFLM reference/conv.h in single precision). */
#ifndef TF_KERNEL_CONV_2D_F32_H
#define TF_KERNEL_CONV_2D_F32_H

#include <stdint.h>

#include "conv_common.h"

typedef struct {
  tf_conv_2d_geom_t g;
  float act_min;
  float act_max;
  /* 1: the filter comes in tf_conv_2d_q_t.blocked's order (runs of 4 channels interleaved). */
  int32_t blocked;
} tf_conv_2d_f_t;

/* bias may be NULL (no bias input). */
void tf_conv_2d_f32(const tf_conv_2d_f_t *p, const float *input, const float *filter, const float *bias,
                    float *output);

#endif

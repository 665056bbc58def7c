/* CONV_2D 16x8: mirrors src/kernels/conv-2d.ts (TFLM reference arithmetic, byte-identical). */
#ifndef TF_KERNEL_CONV_2D_S16_H
#define TF_KERNEL_CONV_2D_S16_H

#include <stdint.h>

#include "conv_common.h"

/* 16x8 with an int32 bias: the sum wraps to int32 like TFLM's accumulator. */
void tf_conv_2d_s16(const tf_conv_2d_q_t *p, const int16_t *input, const int8_t *filter, const int32_t *bias,
                    int16_t *output);
/* 16x8 with an int64 bias: int64 accumulator and the 64-bit requantization. */
void tf_conv_2d_s16_b64(const tf_conv_2d_q_t *p, const int16_t *input, const int8_t *filter,
                        const int64_t *bias, int16_t *output);

#endif

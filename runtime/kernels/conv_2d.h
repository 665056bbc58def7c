/* CONV_2D int8: mirrors src/kernels/conv-2d.ts (TFLM reference arithmetic, byte-identical). */
#ifndef TF_KERNEL_CONV_2D_H
#define TF_KERNEL_CONV_2D_H

#include <stdint.h>

#include "conv_common.h"

/*
 * bias may be NULL (no bias input). scratch: 2 * filter_h * filter_w * in_d bytes for windows
 * wider than one tap (the gathered pixel pairs of a blocked filter), else NULL.
 */
void tf_conv_2d_s8(const tf_conv_2d_q_t *p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                   int8_t *output, void *scratch);
/* Packed int4 weights (low nibble first): unpacked into scratch (out_d*filter_h*filter_w*filter_d bytes). */
void tf_conv_2d_s8_int4(const tf_conv_2d_q_t *p, const int8_t *input, const uint8_t *packed_filter,
                        const int32_t *bias, int8_t *output, void *scratch);

#endif

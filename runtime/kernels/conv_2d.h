/* CONV_2D: mirrors src/kernels/conv-2d.ts (TFLM reference arithmetic, byte-identical). */
#ifndef TF_KERNEL_CONV_2D_H
#define TF_KERNEL_CONV_2D_H

#include <stdint.h>

/* NHWC input/output, OHWI filter; filter_d = in_d / groups. */
typedef struct {
  int32_t batches;
  int32_t in_h;
  int32_t in_w;
  int32_t in_d;
  int32_t filter_h;
  int32_t filter_w;
  int32_t filter_d;
  int32_t out_h;
  int32_t out_w;
  int32_t out_d;
  int32_t filters_per_group;
  int32_t stride_h;
  int32_t stride_w;
  int32_t dilation_h;
  int32_t dilation_w;
  int32_t pad_h;
  int32_t pad_w;
} tf_conv_2d_geom_t;

typedef struct {
  tf_conv_2d_geom_t g;
  int32_t input_offset; /* 0 for int16 */
  int32_t output_offset;
  const int32_t *multipliers; /* per output channel */
  const int32_t *shifts;
  int32_t act_min;
  int32_t act_max;
  /*
   * int8 with a constant filter and bias, else NULL: bias + input_offset * sum(weights) per output
   * channel (int32, wrapping), the start of a pixel whose window lies inside the input, which
   * then needs no input offset per element.
   */
  const int32_t *folded_bias;
  /*
   * int8: 1 when the filter comes in the blocked order of the code generator (blockFilter in
   * src/codegen/c/ops/conv-2d.ts): per group, runs of 4 output channels interleaved element by
   * element, the remaining channels as plain rows. 0: the TFLite OHWI layout.
   */
  int32_t blocked;
} tf_conv_2d_q_t;

typedef struct {
  tf_conv_2d_geom_t g;
  float act_min;
  float act_max;
} tf_conv_2d_f_t;

/*
 * bias may be NULL (no bias input). scratch: 2 * filter_h * filter_w * in_d bytes for windows
 * wider than one tap (the gathered pixel pairs of a blocked filter), else NULL.
 */
void tf_conv_2d_s8(const tf_conv_2d_q_t *p, const int8_t *input, const int8_t *filter, const int32_t *bias,
                   int8_t *output, void *scratch);
/* Packed int4 weights (low nibble first): unpacked into scratch (out_d*filter_h*filter_w*filter_d bytes). */
void tf_conv_2d_s8_int4(const tf_conv_2d_q_t *p, const int8_t *input, const uint8_t *packed_filter,
                        const int32_t *bias, int8_t *output, void *scratch);
/* 16x8 with an int32 bias: the sum wraps to int32 like TFLM's accumulator. */
void tf_conv_2d_s16(const tf_conv_2d_q_t *p, const int16_t *input, const int8_t *filter, const int32_t *bias,
                    int16_t *output);
/* 16x8 with an int64 bias: int64 accumulator and the 64-bit requantization. */
void tf_conv_2d_s16_b64(const tf_conv_2d_q_t *p, const int16_t *input, const int8_t *filter,
                        const int64_t *bias, int16_t *output);
void tf_conv_2d_f32(const tf_conv_2d_f_t *p, const float *input, const float *filter, const float *bias,
                    float *output);

#endif

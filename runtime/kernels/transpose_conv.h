/* TRANSPOSE_CONV: mirrors src/kernels/transpose-conv.ts (TFLM reference arithmetic, byte-identical). */
#ifndef TF_KERNEL_TRANSPOSE_CONV_H
#define TF_KERNEL_TRANSPOSE_CONV_H

#include <stdint.h>

/* NHWC input/output, OHWI filter (I = in_d); input (iy, ix) reaches output (iy*stride - pad + fy, ...). */
typedef struct {
  int32_t batches;
  int32_t in_h;
  int32_t in_w;
  int32_t in_d;
  int32_t filter_h;
  int32_t filter_w;
  int32_t out_h;
  int32_t out_w;
  int32_t out_d;
  int32_t stride_h;
  int32_t stride_w;
  int32_t pad_h;
  int32_t pad_w;
} tf_transpose_conv_geom_t;

typedef struct {
  tf_transpose_conv_geom_t g;
  int32_t input_offset; /* 0 for int16 */
  int32_t output_offset;
  const int32_t *multipliers; /* per output channel */
  const int32_t *shifts;
  int32_t act_min;
  int32_t act_max;
} tf_transpose_conv_q_t;

typedef struct {
  tf_transpose_conv_geom_t g;
  float act_min;
  float act_max;
} tf_transpose_conv_f_t;

/*
 * Each output gathers its contributions in the order TFLM's scatter adds them (input y, x,
 * channel), so no accumulator scratch is needed. bias may be NULL.
 */
void tf_transpose_conv_s8(const tf_transpose_conv_q_t *p, const int8_t *input, const int8_t *filter,
                          const int32_t *bias, int8_t *output);
/* 16x8: int64 accumulator, an int16 or int64 bias (at most one non-NULL), 64-bit requantization. */
void tf_transpose_conv_s16(const tf_transpose_conv_q_t *p, const int16_t *input, const int8_t *filter,
                           const int16_t *bias16, const int64_t *bias64, int16_t *output);
void tf_transpose_conv_f32(const tf_transpose_conv_f_t *p, const float *input, const float *filter,
                           const float *bias, float *output);

#endif

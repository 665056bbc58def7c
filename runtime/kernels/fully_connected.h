/* FULLY_CONNECTED: mirrors src/kernels/fully-connected.ts (TFLM reference arithmetic). */
#ifndef TF_KERNEL_FULLY_CONNECTED_H
#define TF_KERNEL_FULLY_CONNECTED_H

#include <stdint.h>

typedef struct {
  int32_t batches;
  int32_t output_depth;
  int32_t accum_depth;
  int32_t input_offset;
  int32_t filter_offset; /* ignored when per_channel */
  int32_t output_offset;
  /* One entry (per tensor) or output_depth entries (per channel). */
  const int32_t *multipliers;
  const int32_t *shifts;
  int32_t per_channel;
  int32_t act_min;
  int32_t act_max;
  /*
   * int8 with a constant filter and bias, else NULL: bias[oc] + input_offset * sum_d(filter[oc][d]
   * + filter_offset) per output channel (int32, wrapping), so the inner loop needs no input
   * offset; the call then passes no bias.
   */
  const int32_t *folded_bias;
} tf_fully_connected_q_t;

typedef struct {
  int32_t batches;
  int32_t output_depth;
  int32_t accum_depth;
  float act_min;
  float act_max;
} tf_fully_connected_f_t;

void tf_fully_connected_s8(const tf_fully_connected_q_t *p, const int8_t *input, const int8_t *filter,
                           const int32_t *bias, int8_t *output);
void tf_fully_connected_s16(const tf_fully_connected_q_t *p, const int16_t *input, const int8_t *filter,
                            const int32_t *bias, int16_t *output);
void tf_fully_connected_s16_b64(const tf_fully_connected_q_t *p, const int16_t *input, const int8_t *filter,
                                const int64_t *bias, int16_t *output);
void tf_fully_connected_f32(const tf_fully_connected_f_t *p, const float *input, const float *filter,
                            const float *bias, float *output);

#endif

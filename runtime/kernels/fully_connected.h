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

/* sum_d w[d] * x[d] (int32, wrapping), four products per iteration (no overflow within one). */
static inline uint32_t tf_dot_s8(const int8_t *w, const int8_t *x, int32_t depth) {
  uint32_t acc = 0;
  int32_t d = 0;
  for (; d + 4 <= depth; d += 4) {
    acc += (uint32_t)(w[d] * x[d] + w[d + 1] * x[d + 1] + w[d + 2] * x[d + 2] + w[d + 3] * x[d + 3]);
  }
  for (; d < depth; ++d) acc += (uint32_t)(w[d] * x[d]);
  return acc;
}

/* acc[k] += sum_d w_k[d] * x[d] for the four weight rows at w (row length depth): each x[d] is loaded once. */
static inline void tf_dot4_s8(const int8_t *w, int32_t depth, const int8_t *x, uint32_t acc[4]) {
  const int8_t *w0 = w, *w1 = w + depth, *w2 = w1 + depth, *w3 = w2 + depth;
  uint32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  for (int32_t d = 0; d < depth; ++d) {
    const int32_t xv = x[d];
    a0 += (uint32_t)(w0[d] * xv);
    a1 += (uint32_t)(w1[d] * xv);
    a2 += (uint32_t)(w2[d] * xv);
    a3 += (uint32_t)(w3[d] * xv);
  }
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

void tf_fully_connected_s8(const tf_fully_connected_q_t *p, const int8_t *input, const int8_t *filter,
                           const int32_t *bias, int8_t *output);
void tf_fully_connected_s16(const tf_fully_connected_q_t *p, const int16_t *input, const int8_t *filter,
                            const int32_t *bias, int16_t *output);
void tf_fully_connected_s16_b64(const tf_fully_connected_q_t *p, const int16_t *input, const int8_t *filter,
                                const int64_t *bias, int16_t *output);
void tf_fully_connected_f32(const tf_fully_connected_f_t *p, const float *input, const float *filter,
                            const float *bias, float *output);

#endif

/* RSQRT: mirrors src/kernels/rsqrt.ts (TFLM reference arithmetic). The float32 kernel uses sqrtf (math.h). */
#ifndef TF_KERNEL_RSQRT_H
#define TF_KERNEL_RSQRT_H

#include <stdint.h>

typedef struct {
  int32_t count;
  int32_t input_offset;
  int32_t output_offset;
  /* 1 / (sqrt(input_scale) * output_scale) as a quantized multiplier. */
  int32_t multiplier;
  int32_t shift;
} tf_rsqrt_q_t;

/* Inputs below the zero point are treated like an input of 1 (TFLM fails the invoke). */
void tf_rsqrt_s8(const tf_rsqrt_q_t *p, const int8_t *input, int8_t *output);
void tf_rsqrt_f32(const float *input, float *output, int32_t count);

#endif

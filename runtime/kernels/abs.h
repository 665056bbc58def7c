/*
 * ABS: mirrors src/kernels/abs.ts (TFLM reference arithmetic). int8 runs as a table of the TS
 * kernel's results (tf_lut_s8). The float32 kernel uses fabsf (math.h).
 */
#ifndef TF_KERNEL_ABS_H
#define TF_KERNEL_ABS_H

#include <stdint.h>

typedef struct {
  int32_t count;
  int32_t input_offset;
  int32_t output_offset;
  /* Set when input and output scales differ: |x - input_offset| is rescaled. */
  int32_t needs_rescale;
  int32_t multiplier;
  int32_t shift;
} tf_abs_q_t;

/* Quantized int16 (zero points 0). */
void tf_abs_s16(const tf_abs_q_t *p, const int16_t *input, int16_t *output);
/* int16 without quantization: std::abs, so -32768 stays -32768. */
void tf_abs_s16_raw(const int16_t *input, int16_t *output, int32_t count);
void tf_abs_f32(const float *input, float *output, int32_t count);

#endif

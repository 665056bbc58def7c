/* DEQUANTIZE: mirrors src/kernels/dequantize.ts (TFLM reference arithmetic). */
#ifndef TF_KERNEL_DEQUANTIZE_H
#define TF_KERNEL_DEQUANTIZE_H

#include <stdint.h>

typedef struct {
  int32_t size;
  float scale;
  int32_t zero_point;
} tf_dequantize_t;

void tf_dequantize_s8(const tf_dequantize_t *p, const int8_t *input, float *output);
void tf_dequantize_s16(const tf_dequantize_t *p, const int16_t *input, float *output);
void tf_dequantize_u8(const tf_dequantize_t *p, const uint8_t *input, float *output);

#endif

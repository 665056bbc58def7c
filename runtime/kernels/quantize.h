/* QUANTIZE: mirrors src/kernels/quantize.ts (TFLM reference arithmetic). */
#ifndef TF_KERNEL_QUANTIZE_H
#define TF_KERNEL_QUANTIZE_H

#include <stdint.h>

typedef struct {
  int32_t size;
  float scale; /* float32 input: the output scale */
  int32_t input_zero_point;
  int32_t output_zero_point;
  /* Integer input: input_scale / output_scale as a quantized multiplier. */
  int32_t multiplier;
  int32_t shift;
} tf_quantize_t;

/* float32 -> int: round half away from zero; out-of-range and NaN become INT32_MIN before clamping. */
void tf_quantize_f32_s8(const tf_quantize_t *p, const float *input, int8_t *output);
void tf_quantize_f32_s16(const tf_quantize_t *p, const float *input, int16_t *output);

/* Integer -> integer (reference/requantize.h). */
void tf_requantize_s32_s8(const tf_quantize_t *p, const int32_t *input, int8_t *output);
void tf_requantize_s32_s16(const tf_quantize_t *p, const int32_t *input, int16_t *output);
void tf_requantize_s16_s8(const tf_quantize_t *p, const int16_t *input, int8_t *output);
void tf_requantize_s16_s16(const tf_quantize_t *p, const int16_t *input, int16_t *output);
void tf_requantize_s16_s32(const tf_quantize_t *p, const int16_t *input, int32_t *output);
void tf_requantize_s8_s8(const tf_quantize_t *p, const int8_t *input, int8_t *output);
void tf_requantize_s8_u8(const tf_quantize_t *p, const int8_t *input, uint8_t *output);
void tf_requantize_s8_s16(const tf_quantize_t *p, const int8_t *input, int16_t *output);
void tf_requantize_s8_s32(const tf_quantize_t *p, const int8_t *input, int32_t *output);
void tf_requantize_u8_s8(const tf_quantize_t *p, const uint8_t *input, int8_t *output);

#endif

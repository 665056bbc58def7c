/* RELU6: mirrors src/kernels/relu6.ts (raw values clamped: the output shares the input quantization). */
#ifndef TF_KERNEL_RELU6_H
#define TF_KERNEL_RELU6_H

#include <stdint.h>

void tf_relu6_s8(const int8_t *input, int8_t *output, int32_t count, int32_t lower, int32_t upper);
void tf_relu6_s16(const int16_t *input, int16_t *output, int32_t count, int32_t lower, int32_t upper);
void tf_relu6_f32(const float *input, float *output, int32_t count, float lower, float upper);

#endif

/*
 * BATCH_MATMUL: mirrors src/kernels/batch-matmul.ts (TFLM reference batch_matmul.h): per
 * broadcast batch, output[a][c] = sum_k lhs[a][k] * rhs[k][c] with the operands read in place
 * (adj_x / adj_y pick the strides), so no transposed copies and no scratch.
 */
#ifndef TF_KERNEL_BATCH_MATMUL_H
#define TF_KERNEL_BATCH_MATMUL_H

#include <stdint.h>

#define TF_BATCH_MATMUL_MAX_BATCH_DIMS 3

typedef struct {
  int32_t batch_rank; /* 0..TF_BATCH_MATMUL_MAX_BATCH_DIMS */
  int32_t batch_shape[TF_BATCH_MATMUL_MAX_BATCH_DIMS];
  /* Per batch index, each operand's step in matrices (0 where it broadcasts). */
  int32_t lhs_steps[TF_BATCH_MATMUL_MAX_BATCH_DIMS];
  int32_t rhs_steps[TF_BATCH_MATMUL_MAX_BATCH_DIMS];
  int32_t rows;
  int32_t depth;
  int32_t cols;
  int32_t adj_x;
  int32_t adj_y;
  /* Quantized only: -lhs zero point, -rhs zero point, output zero point, output rescale. */
  int32_t lhs_offset;
  int32_t rhs_offset;
  int32_t output_offset;
  int32_t multiplier;
  int32_t shift;
} tf_batch_matmul_t;

void tf_batch_matmul_f32(const tf_batch_matmul_t *p, const float *lhs, const float *rhs, float *output);
/* int32 accumulator (wrapping), MultiplyByQuantizedMultiplier. */
void tf_batch_matmul_s8(const tf_batch_matmul_t *p, const int8_t *lhs, const int8_t *rhs, int8_t *output);
/* int64 accumulator, 64-bit MultiplyByQuantizedMultiplier; zero points are 0. */
void tf_batch_matmul_s16(const tf_batch_matmul_t *p, const int16_t *lhs, const int16_t *rhs, int16_t *output);

#endif

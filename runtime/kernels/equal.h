/*
 * EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL: mirrors src/kernels/equal.ts
 * (the comparison kernel every comparison op shares). Stored values are compared raw (bool
 * bytes included), except int8 (and int16 for GREATER), brought to a common scale first.
 * One function per op and dtype, as TFLM's eval switch accepts them: tf_<op>_<dtype>.
 */
#ifndef TF_KERNEL_EQUAL_H
#define TF_KERNEL_EQUAL_H

#include <stdint.h>

#include "elementwise_common.h"

typedef struct {
  tf_bcast_plan_t plan;
  int32_t left_shift;
  int32_t input1_offset;
  int32_t input1_multiplier;
  int32_t input1_shift;
  int32_t input2_offset;
  int32_t input2_multiplier;
  int32_t input2_shift;
} tf_comparison_q_t;

#define TF_COMPARE_RAW_DECLARE(OP, SFX, T)                                                         \
  void tf_##OP##_##SFX(const tf_bcast_plan_t *p, const T *input1, const T *input2, uint8_t *output);
#define TF_COMPARE_SCALED_DECLARE(OP, SFX, T)                                                      \
  void tf_##OP##_##SFX(const tf_comparison_q_t *p, const T *input1, const T *input2, uint8_t *output);

/* X(op, operator) over the six comparisons. */
#define TF_COMPARISONS(X)                                                                          \
  X(equal, ==)                                                                                     \
  X(not_equal, !=)                                                                                 \
  X(less, <)                                                                                       \
  X(less_equal, <=)                                                                                \
  X(greater, >)                                                                                    \
  X(greater_equal, >=)

#define TF_COMPARE_DECLARE(OP, CMP)                                                                \
  TF_COMPARE_RAW_DECLARE(OP, f32, float)                                                           \
  TF_COMPARE_RAW_DECLARE(OP, s32, int32_t)                                                         \
  TF_COMPARE_RAW_DECLARE(OP, s64, int64_t)                                                         \
  TF_COMPARE_SCALED_DECLARE(OP, s8, int8_t)

TF_COMPARISONS(TF_COMPARE_DECLARE)
TF_COMPARE_RAW_DECLARE(equal, b8, uint8_t)
TF_COMPARE_RAW_DECLARE(not_equal, b8, uint8_t)
TF_COMPARE_SCALED_DECLARE(greater, s16, int16_t)

#endif

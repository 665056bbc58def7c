/*
 * MAXIMUM and MINIMUM: mirrors src/kernels/maximum.ts and minimum.ts (stored values compared
 * raw; el1 > el2 ? el1 : el2 and el1 < el2 ? el1 : el2, so a NaN picks el2 as in TFLM).
 */
#ifndef TF_KERNEL_MAXIMUM_H
#define TF_KERNEL_MAXIMUM_H

#include <stdint.h>

#include "elementwise_common.h"

#define TF_MAXMIN_DECLARE(OP, SFX, T)                                                              \
  void tf_##OP##_##SFX(const tf_bcast_plan_t *p, const T *input1, const T *input2, T *output);

#define TF_MAXMIN_DECLARE_ALL(OP)                                                                  \
  TF_MAXMIN_DECLARE(OP, s8, int8_t)                                                                \
  TF_MAXMIN_DECLARE(OP, s16, int16_t)                                                              \
  TF_MAXMIN_DECLARE(OP, s32, int32_t)                                                              \
  TF_MAXMIN_DECLARE(OP, s64, int64_t)                                                              \
  TF_MAXMIN_DECLARE(OP, f32, float)

/* tf_maximum_s8 ... tf_maximum_f32 and tf_minimum_s8 ... tf_minimum_f32. */
TF_MAXMIN_DECLARE_ALL(maximum)
TF_MAXMIN_DECLARE_ALL(minimum)

#endif

/*
 * ADD and SUB: mirrors src/kernels/add.ts and sub.ts (TFLM reference arithmetic; the two ops
 * differ only in the sign of the second input and in how TS prepare derived the constants).
 */
#ifndef TF_KERNEL_ADD_H
#define TF_KERNEL_ADD_H

#include <stdint.h>

#include "elementwise_common.h"

typedef struct {
  tf_bcast_plan_t plan;
  /* Both inputs are shifted up by left_shift (20 for int8, 15 for int16), rescaled to a common scale. */
  int32_t left_shift;
  int32_t input1_offset;
  int32_t input1_multiplier;
  int32_t input1_shift;
  int32_t input2_offset;
  int32_t input2_multiplier;
  int32_t input2_shift;
  int32_t output_offset;
  int32_t output_multiplier;
  int32_t output_shift;
  int32_t act_min;
  int32_t act_max;
  /* int8 only: each input's common-scale value for all 256 stored values, at [v + 128]; SUB's
     second table holds them negated. */
  const int32_t *input1_table;
  const int32_t *input2_table;
} tf_add_sub_q_t;

typedef struct {
  tf_bcast_plan_t plan;
  int32_t act_min;
  int32_t act_max;
} tf_add_sub_i_t;

typedef struct {
  tf_bcast_plan_t plan;
  float act_min;
  float act_max;
} tf_add_sub_f_t;

/* Also SUB's int8 kernel: the code generator negates input2_table. */
void tf_add_s8(const tf_add_sub_q_t *p, const int8_t *input1, const int8_t *input2, int8_t *output);
void tf_add_s16(const tf_add_sub_q_t *p, const int16_t *input1, const int16_t *input2, int16_t *output);
void tf_add_s32(const tf_add_sub_i_t *p, const int32_t *input1, const int32_t *input2, int32_t *output);
void tf_add_f32(const tf_add_sub_f_t *p, const float *input1, const float *input2, float *output);
void tf_sub_s16(const tf_add_sub_q_t *p, const int16_t *input1, const int16_t *input2, int16_t *output);
void tf_sub_s32(const tf_add_sub_i_t *p, const int32_t *input1, const int32_t *input2, int32_t *output);
void tf_sub_f32(const tf_add_sub_f_t *p, const float *input1, const float *input2, float *output);

#endif

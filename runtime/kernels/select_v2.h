/* SELECT_V2: mirrors src/kernels/select-v2.ts (condition ? x : y, up to 5D broadcasting of all three). */
#ifndef TF_KERNEL_SELECT_V2_H
#define TF_KERNEL_SELECT_V2_H

#include <stdint.h>

#include "elementwise_common.h"

/* The plan's inputs are condition, x, y. */
void tf_select_v2_s8(const tf_bcast_plan_t *p, const uint8_t *condition, const int8_t *x, const int8_t *y,
                     int8_t *output);
void tf_select_v2_s16(const tf_bcast_plan_t *p, const uint8_t *condition, const int16_t *x, const int16_t *y,
                      int16_t *output);
void tf_select_v2_f32(const tf_bcast_plan_t *p, const uint8_t *condition, const float *x, const float *y,
                      float *output);

#endif

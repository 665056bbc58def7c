/*
 * FLOOR_DIV: mirrors src/kernels/floor-div.ts (float32: floorf(a / b), math.h). A zero divisor
 * stores the infinity or NaN where TFLM fails the invoke.
 */
#ifndef TF_KERNEL_FLOOR_DIV_H
#define TF_KERNEL_FLOOR_DIV_H

#include <stdint.h>

#include "elementwise_common.h"

void tf_floor_div_f32(const tf_bcast_plan_t *p, const float *input1, const float *input2, float *output);

#endif

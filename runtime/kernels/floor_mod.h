/* FLOOR_MOD: mirrors src/kernels/floor-mod.ts (float32: fmodf moved to the divisor's sign, math.h). */
#ifndef TF_KERNEL_FLOOR_MOD_H
#define TF_KERNEL_FLOOR_MOD_H

#include <stdint.h>

#include "elementwise_common.h"

void tf_floor_mod_f32(const tf_bcast_plan_t *p, const float *input1, const float *input2, float *output);

#endif

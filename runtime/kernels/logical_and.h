/* LOGICAL_AND and LOGICAL_OR: mirrors src/kernels/logical-and.ts and logical-or.ts (nonzero is true). */
#ifndef TF_KERNEL_LOGICAL_AND_H
#define TF_KERNEL_LOGICAL_AND_H

#include <stdint.h>

#include "elementwise_common.h"

void tf_logical_and_b8(const tf_bcast_plan_t *p, const uint8_t *input1, const uint8_t *input2,
                       uint8_t *output);
void tf_logical_or_b8(const tf_bcast_plan_t *p, const uint8_t *input1, const uint8_t *input2,
                      uint8_t *output);

#endif

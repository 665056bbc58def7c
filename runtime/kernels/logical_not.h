/* LOGICAL_NOT: mirrors src/kernels/logical-not.ts (bool; any nonzero byte is true). */
#ifndef TF_KERNEL_LOGICAL_NOT_H
#define TF_KERNEL_LOGICAL_NOT_H

#include <stdint.h>

void tf_logical_not_b8(const uint8_t *input, uint8_t *output, int32_t count);

#endif

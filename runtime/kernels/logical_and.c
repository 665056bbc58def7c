/* LOGICAL_AND and LOGICAL_OR: TFLM logical.cc LogicalImpl. */
#include "logical_and.h"

#define TF_LOGICAL_DEFINE(NAME, OP)                                                                \
  void NAME(const tf_bcast_plan_t *p, const uint8_t *input1, const uint8_t *input2, uint8_t *output) { \
    tf_bcast_iter_t it;                                                                            \
    for (int32_t r = tf_bcast_begin(&it, p, 2); r > 0; --r, tf_bcast_next(&it)) {                  \
      const uint8_t *a = input1 + it.off[0];                                                       \
      const uint8_t *b = input2 + it.off[1];                                                       \
      uint8_t *o = output + it.out;                                                                \
      const int32_t n = it.run, sa = it.step[0], sb = it.step[1];                                  \
      for (int32_t k = 0; k < n; ++k, a += sa, b += sb) o[k] = (uint8_t)((*a != 0) OP (*b != 0));  \
    }                                                                                              \
  }

TF_LOGICAL_DEFINE(tf_logical_and_b8, &&)
TF_LOGICAL_DEFINE(tf_logical_or_b8, ||)

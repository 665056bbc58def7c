/* FLOOR_DIV: TFLM floor_div.cc + reference/floor_div.h (float32, BroadcastBinaryFunction4DSlow). */
#include "floor_div.h"

#include <math.h>

void tf_floor_div_f32(const tf_bcast_plan_t *p, const float *input1, const float *input2, float *output) {
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, p, 2); r > 0; --r, tf_bcast_next(&it)) {
    const float *a = input1 + it.off[0];
    const float *b = input2 + it.off[1];
    float *o = output + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < n; ++k, a += sa, b += sb) o[k] = floorf(*a / *b);
  }
}

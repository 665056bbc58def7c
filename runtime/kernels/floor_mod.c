/* FLOOR_MOD: TFLM floor_mod.cc + reference/floor_mod.h (float32, BroadcastBinaryFunction4DSlow). */
#include "floor_mod.h"

#include <math.h>

/* FloorMod<float>: std::fmod (exact), plus the divisor when the remainder's sign differs from it. */
static inline float floor_mod(float a, float b) {
  const float mod = fmodf(a, b);
  return mod != 0.0f && (b < 0.0f) != (mod < 0.0f) ? mod + b : mod;
}

void tf_floor_mod_f32(const tf_bcast_plan_t *p, const float *input1, const float *input2, float *output) {
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, p, 2); r > 0; --r, tf_bcast_next(&it)) {
    const float *a = input1 + it.off[0];
    const float *b = input2 + it.off[1];
    float *o = output + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < n; ++k, a += sa, b += sb) o[k] = floor_mod(*a, *b);
  }
}

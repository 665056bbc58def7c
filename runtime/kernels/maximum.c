/* MAXIMUM and MINIMUM: TFLM maximum_minimum.cc + reference/maximum_minimum.h. */
#include "maximum.h"

#define TF_MAXMIN_DEFINE(OP, SFX, T, CMP)                                                          \
  void tf_##OP##_##SFX(const tf_bcast_plan_t *p, const T *input1, const T *input2, T *output) {    \
    tf_bcast_iter_t it;                                                                            \
    for (int32_t r = tf_bcast_begin(&it, p, 2); r > 0; --r, tf_bcast_next(&it)) {                  \
      const T *a = input1 + it.off[0];                                                             \
      const T *b = input2 + it.off[1];                                                             \
      T *o = output + it.out;                                                                      \
      const int32_t n = it.run, sa = it.step[0], sb = it.step[1];                                  \
      for (int32_t k = 0; k < n; ++k, a += sa, b += sb) {                                          \
        const T x = *a, y = *b;                                                                    \
        o[k] = x CMP y ? x : y;                                                                    \
      }                                                                                            \
    }                                                                                              \
  }

#define TF_MAXMIN_DEFINE_ALL(OP, CMP)                                                              \
  TF_MAXMIN_DEFINE(OP, s8, int8_t, CMP)                                                            \
  TF_MAXMIN_DEFINE(OP, s16, int16_t, CMP)                                                          \
  TF_MAXMIN_DEFINE(OP, s32, int32_t, CMP)                                                          \
  TF_MAXMIN_DEFINE(OP, s64, int64_t, CMP)                                                          \
  TF_MAXMIN_DEFINE(OP, f32, float, CMP)

TF_MAXMIN_DEFINE_ALL(maximum, >)
TF_MAXMIN_DEFINE_ALL(minimum, <)

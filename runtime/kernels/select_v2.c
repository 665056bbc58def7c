/* SELECT_V2: TFLM select.cc + reference/select.h (Select, BroadcastSelect5DSlow). */
#include "select_v2.h"

#define TF_SELECT_DEFINE(NAME, T)                                                                  \
  void NAME(const tf_bcast_plan_t *p, const uint8_t *condition, const T *x, const T *y, T *output) { \
    tf_bcast_iter_t it;                                                                            \
    for (int32_t r = tf_bcast_begin(&it, p, 3); r > 0; --r, tf_bcast_next(&it)) {                  \
      const uint8_t *c = condition + it.off[0];                                                    \
      const T *a = x + it.off[1];                                                                  \
      const T *b = y + it.off[2];                                                                  \
      T *o = output + it.out;                                                                      \
      const int32_t n = it.run, sc = it.step[0], sa = it.step[1], sb = it.step[2];                 \
      for (int32_t k = 0; k < n; ++k, c += sc, a += sa, b += sb) o[k] = *c != 0 ? *a : *b;         \
    }                                                                                              \
  }

TF_SELECT_DEFINE(tf_select_v2_s8, int8_t)
TF_SELECT_DEFINE(tf_select_v2_s16, int16_t)
TF_SELECT_DEFINE(tf_select_v2_f32, float)

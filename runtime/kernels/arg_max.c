/* ARG_MAX / ARG_MIN: TFLM reference arg_min_max.h ArgMinMax. */
#include "arg_max.h"

#define TF_ARG_MIN_MAX(NAME, T, BETTER)                                                            \
  void NAME(const tf_arg_min_max_t *p, const T *input, int32_t *output) {                          \
    const int32_t inner = p->inner_size;                                                           \
    for (int32_t outer = 0; outer < p->outer_size; ++outer, input += p->axis_size * inner) {       \
      for (int32_t i = 0; i < inner; ++i) {                                                        \
        const T *x = input + i;                                                                    \
        T best = *x;                                                                               \
        int32_t best_index = 0;                                                                    \
        for (int32_t a = 1; a < p->axis_size; ++a) {                                               \
          x += inner;                                                                              \
          if (BETTER(*x, best)) {                                                                  \
            best = *x;                                                                             \
            best_index = a;                                                                        \
          }                                                                                        \
        }                                                                                          \
        *output++ = best_index;                                                                    \
      }                                                                                            \
    }                                                                                              \
  }

#define TF_GREATER(a, b) ((a) > (b))
#define TF_LESS(a, b) ((a) < (b))

TF_ARG_MIN_MAX(tf_arg_max_s8, int8_t, TF_GREATER)
TF_ARG_MIN_MAX(tf_arg_max_f32, float, TF_GREATER)
TF_ARG_MIN_MAX(tf_arg_min_s8, int8_t, TF_LESS)
TF_ARG_MIN_MAX(tf_arg_min_f32, float, TF_LESS)

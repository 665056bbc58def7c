/* PRELU: TFLM prelu_common.cc + reference/prelu.h BroadcastPrelu4DSlow. */
#include "prelu.h"

#include "../quant.h"

/* Non-negative inputs are rescaled alone, negative ones times alpha: operands selected, not branched. */
#define TF_PRELU_QUANTIZED(NAME, T, LO, HI)                                                        \
  void NAME(const tf_prelu_q_t *p, const T *input, const int8_t *alpha, T *output) {               \
    const int32_t io = p->input_offset, ao = p->alpha_offset, oo = p->output_offset;               \
    const int32_t mi = p->identity_multiplier, si = p->identity_shift;                             \
    const int32_t ma = p->alpha_multiplier, sha = p->alpha_shift;                                  \
    const int32_t lo = (LO) - oo, hi = (HI) - oo;                                                  \
    tf_bcast_iter_t it;                                                                            \
    for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {           \
      const T *x = input + it.off[0];                                                              \
      const int8_t *a = alpha + it.off[1];                                                         \
      T *o = output + it.out;                                                                      \
      const int32_t n = it.run, sx = it.step[0], sa = it.step[1];                                  \
      for (int32_t k = 0; k < n; ++k, x += sx, a += sa) {                                          \
        const int32_t v = io + *x;                                                                 \
        const int32_t positive = v >= 0;                                                           \
        const int32_t operand = positive ? v : v * (ao + *a);                                      \
        const int32_t m = positive ? mi : ma;                                                      \
        const int32_t sh = positive ? si : sha;                                                    \
        o[k] = (T)(tf_clamp(tf_mbqm(operand, m, sh), lo, hi) + oo);                                \
      }                                                                                            \
    }                                                                                              \
  }

TF_PRELU_QUANTIZED(tf_prelu_s8, int8_t, -128, 127)
TF_PRELU_QUANTIZED(tf_prelu_s16, int16_t, -32768, 32767)

void tf_prelu_f32(const tf_bcast_plan_t *p, const float *input, const float *alpha, float *output) {
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, p, 2); r > 0; --r, tf_bcast_next(&it)) {
    const float *x = input + it.off[0];
    const float *a = alpha + it.off[1];
    float *o = output + it.out;
    const int32_t n = it.run, sx = it.step[0], sa = it.step[1];
    for (int32_t k = 0; k < n; ++k, x += sx, a += sa) o[k] = *x >= 0.0f ? *x : *x * *a;
  }
}

/* MUL: TFLM mul_common.cc + integer_ops/mul.h (int8, int16), reference/mul.h (float32, int32). */
#include "mul.h"

#include "../quant.h"

/* The product of the offset inputs, rescaled; clamped before the output offset is added (no overflow). */
#define TF_MUL_QUANTIZED(NAME, T)                                                                  \
  void NAME(const tf_mul_q_t *p, const T *input1, const T *input2, T *output) {                    \
    const int32_t o1 = p->input1_offset, o2 = p->input2_offset, oo = p->output_offset;             \
    const int32_t m = p->output_multiplier, sh = p->output_shift;                                  \
    const int32_t lo = p->act_min - oo, hi = p->act_max - oo;                                      \
    tf_bcast_iter_t it;                                                                            \
    for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {           \
      const T *a = input1 + it.off[0];                                                             \
      const T *b = input2 + it.off[1];                                                             \
      T *o = output + it.out;                                                                      \
      const int32_t n = it.run, sa = it.step[0], sb = it.step[1];                                  \
      for (int32_t k = 0; k < n; ++k, a += sa, b += sb)                                            \
        o[k] = (T)(tf_clamp(tf_mbqm((o1 + *a) * (o2 + *b), m, sh), lo, hi) + oo);                  \
    }                                                                                              \
  }

TF_MUL_QUANTIZED(tf_mul_s8, int8_t)
TF_MUL_QUANTIZED(tf_mul_s16, int16_t)

void tf_mul_s32(const tf_mul_q_t *p, const int32_t *input1, const int32_t *input2, int32_t *output) {
  const int32_t lo = p->act_min, hi = p->act_max;
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const int32_t *a = input1 + it.off[0];
    const int32_t *b = input2 + it.off[1];
    int32_t *o = output + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < n; ++k, a += sa, b += sb) {
      const int32_t product = (int32_t)((uint32_t)*a * (uint32_t)*b); /* wraps like TFLM's int32 */
      o[k] = tf_clamp(product, lo, hi);
    }
  }
}

void tf_mul_f32(const tf_mul_f_t *p, const float *input1, const float *input2, float *output) {
  const float lo = p->act_min, hi = p->act_max;
  tf_bcast_iter_t it;
  for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
    const float *a = input1 + it.off[0];
    const float *b = input2 + it.off[1];
    float *o = output + it.out;
    const int32_t n = it.run, sa = it.step[0], sb = it.step[1];
    for (int32_t k = 0; k < n; ++k, a += sa, b += sb) o[k] = tf_clampf(*a * *b, lo, hi);
  }
}

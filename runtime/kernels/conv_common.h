/*
 * Shared pieces of the convolution kernels (conv_2d, depthwise_conv_2d, transpose_conv),
 * mirroring src/kernels/common/conv-params.ts: window clipping, int4 unpacking and the
 * per-channel requantization.
 */
#ifndef TF_KERNEL_CONV_COMMON_H
#define TF_KERNEL_CONV_COMMON_H

#include <stdint.h>

#include "../quant.h"

/*
 * Hot inner loops stay out of line: inlined into the pixel loops they would share registers
 * with every loop-invariant value and spill their accumulators. TF_CONV_INLINE bodies are
 * instantiated in several of them, with constants (such as a zero input offset) folded in.
 */
#if defined(__GNUC__)
#define TF_CONV_HOT __attribute__((noinline))
#define TF_CONV_INLINE static inline __attribute__((always_inline))
#else
#define TF_CONV_HOT
#define TF_CONV_INLINE static inline
#endif

/*
 * tf_mbqm(acc, multiplier, shift) + offset, clamped: the same value for every input, cheaper.
 * For shift <= -2 (a right shift e >= 2) and 0 <= multiplier < 2^31, the two roundings
 * v = floor((acc*m + 2^30) / 2^31) (the SRDHM) and floor((v + 2^(e-1) - [v<0]) / 2^e) (the
 * RDBPOT) nest into floor((acc*m + c + 2^(30+e)) / 2^(31+e)) with c = -2^30 when
 * acc*m + 2^30 < 0, else 2^30. Split at bit 32: floor(((hi >> (e-2)) + 1) / 2), hi the high
 * word of acc*m + c.
 */
/* tf_mbqm out of line: the rare shifts above -2 keep the inlined fast path small. */
int32_t tf_conv_mbqm(int32_t acc, int32_t multiplier, int32_t shift);

static inline int32_t tf_conv_requant(int32_t acc, int32_t multiplier, int32_t shift, int32_t offset,
                                      int32_t act_min, int32_t act_max) {
  int32_t v;
  if (shift <= -2) {
    int64_t a = (int64_t)acc * multiplier + (INT64_C(1) << 30);
    a -= (a >> 63) & (INT64_C(1) << 31);
    v = (((int32_t)(a >> 32) >> (-2 - shift)) + 1) >> 1;
  } else {
    v = tf_conv_mbqm(acc, multiplier, shift);
  }
  return tf_clamp(v + offset, act_min, act_max);
}

/* [*k0, *k1): the filter taps k with 0 <= origin + dilation * k < size (k < taps). */
void tf_conv_tap_range(int32_t origin, int32_t dilation, int32_t taps, int32_t size, int32_t *k0, int32_t *k1);

/*
 * [*lo, *hi): the output positions o whose whole window o * stride - pad + dilation * k
 * (k < taps) lies inside [0, size); empty (lo == hi) when there are none.
 */
void tf_conv_full_span(int32_t out, int32_t stride, int32_t pad, int32_t dilation, int32_t taps, int32_t size,
                       int32_t *lo, int32_t *hi);

/* UnpackDenseInt4IntoInt8: two's-complement nibbles, low nibble first. */
void tf_conv_unpack_int4(const uint8_t *packed, int32_t count, int8_t *out);

#endif

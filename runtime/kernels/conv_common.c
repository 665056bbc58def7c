/* Shared pieces of the convolution kernels: see conv_common.h. */
#include "conv_common.h"

int32_t tf_conv_mbqm(int32_t acc, int32_t multiplier, int32_t shift) { return tf_mbqm(acc, multiplier, shift); }

void tf_conv_tap_range(int32_t origin, int32_t dilation, int32_t taps, int32_t size, int32_t *k0, int32_t *k1) {
  const int32_t lo = origin < 0 ? (dilation - 1 - origin) / dilation : 0;
  int32_t hi = size - origin <= 0 ? 0 : (size - origin + dilation - 1) / dilation;
  if (hi > taps) hi = taps;
  *k0 = lo;
  *k1 = hi > lo ? hi : lo;
}

void tf_conv_full_span(int32_t out, int32_t stride, int32_t pad, int32_t dilation, int32_t taps, int32_t size,
                       int32_t *lo, int32_t *hi) {
  const int32_t first = (pad + stride - 1) / stride;
  const int32_t room = size - 1 + pad - (taps - 1) * dilation;
  int32_t end = room < 0 ? 0 : room / stride + 1;
  if (end > out) end = out;
  *lo = first < end ? first : end;
  *hi = end;
}

void tf_conv_unpack_int4(const uint8_t *packed, int32_t count, int8_t *out) {
  for (int32_t i = 0; i < count; ++i) {
    const uint8_t byte = packed[i >> 1];
    const int32_t nibble = (i & 1) ? (byte >> 4) : (byte & 15);
    out[i] = (int8_t)(nibble >= 8 ? nibble - 16 : nibble);
  }
}

/* CUMSUM: TFLM reference cumsum.h (float32, int8 with a 20-bit left shift). */
#include "cumsum.h"

#include "../quant.h"

/* First element of line (a, b) and the step along it, both reversed when asked (TFLM's order). */
static int32_t line_start(const tf_cumsum_t *p, int32_t a, int32_t b) {
  const int32_t ai = p->reverse ? p->after - 1 - a : a;
  const int32_t bi = p->reverse ? p->before - 1 - b : b;
  const int32_t di = p->reverse ? p->depth - 1 : 0;
  return ai + bi * p->depth * p->after + di * p->after;
}

void tf_cumsum_f32(const tf_cumsum_t *p, const float *input, float *output) {
  const int32_t step = p->reverse ? -p->after : p->after;
  for (int32_t a = 0; a < p->after; ++a) {
    for (int32_t b = 0; b < p->before; ++b) {
      int32_t i = line_start(p, a, b);
      float acc = 0.0f;
      for (int32_t d = 0; d < p->depth; ++d, i += step) {
        const float prior = acc;
        acc += input[i];
        output[i] = p->exclusive ? prior : acc;
      }
    }
  }
}

static inline int32_t scaled(const tf_cumsum_t *p, int32_t y) {
  return tf_mbqm_smaller_than_one(y * (1 << 20), p->input_multiplier, p->input_shift);
}

void tf_cumsum_s8(const tf_cumsum_t *p, const int8_t *input, int8_t *output) {
  const int32_t step = p->reverse ? -p->after : p->after;
  const int32_t start = scaled(p, p->input_offset);
  for (int32_t a = 0; a < p->after; ++a) {
    for (int32_t b = 0; b < p->before; ++b) {
      int32_t i = line_start(p, a, b);
      uint32_t acc = (uint32_t)start; /* unsigned: wraps like TFLM's int32 without UB */
      for (int32_t d = 0; d < p->depth; ++d, i += step) {
        const uint32_t prior = acc;
        acc += (uint32_t)scaled(p, p->input_offset + input[i]);
        const int32_t sum = (int32_t)(p->exclusive ? prior : acc);
        const int64_t raw =
            (int64_t)tf_mbqm_smaller_than_one(sum, p->output_multiplier, p->output_shift) + p->output_offset;
        output[i] = (int8_t)(raw < -128 ? -128 : (raw > 127 ? 127 : raw));
      }
    }
  }
}

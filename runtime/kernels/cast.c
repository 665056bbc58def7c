/* CAST: TFLM cast.cc copyCast, as the x86-64 build evaluates it (see cast.h). */
#include "cast.h"

/* static_cast<int>(float) on x86-64: cvttss2si gives INT32_MIN for NaN and out-of-range values. */
static inline int32_t f32_to_s32(float v) {
  return v >= -2147483648.0f && v < 2147483648.0f ? (int32_t)v : (-2147483647 - 1);
}

/* static_cast<uint32_t>(float) on x86-64: cvttss2si r64 (INT64_MIN out of range), low 32 bits kept. */
static inline uint32_t f32_to_u32(float v) {
  return v >= -9223372036854775808.0f && v < 9223372036854775808.0f ? (uint32_t)(int64_t)v : 0u;
}

/* Integer to narrower integer keeps the low bits, as every target compiler converts. */
#define TF_CAST_CONVERT_PLAIN(TT, x) ((TT)(x))
#define TF_CAST_CONVERT_BOOL(TT, x) ((TT)((x) != 0))

#define TF_CAST_DEFINE(FROM, FT, TO, TT, CONVERT)                                                  \
  void tf_cast_##FROM##_##TO(const FT *input, TT *output, int32_t count) {                         \
    for (int32_t i = 0; i < count; ++i) output[i] = CONVERT(TT, input[i]);                         \
  }

/* From an integer: to bool by != 0, otherwise a plain conversion (rounding to nearest for float). */
#define TF_CAST_FROM_INT(FROM, FT, TO, TT) TF_CAST_DEFINE(FROM, FT, TO, TT, TF_CAST_CONVERT_PLAIN)
#define TF_CAST_FROM_INT_ALL(FROM, FT)                                                             \
  TF_CAST_FROM_INT(FROM, FT, s8, int8_t)                                                           \
  TF_CAST_FROM_INT(FROM, FT, u8, uint8_t)                                                          \
  TF_CAST_FROM_INT(FROM, FT, s16, int16_t)                                                         \
  TF_CAST_FROM_INT(FROM, FT, s32, int32_t)                                                         \
  TF_CAST_FROM_INT(FROM, FT, u32, uint32_t)                                                        \
  TF_CAST_FROM_INT(FROM, FT, f32, float)                                                           \
  TF_CAST_DEFINE(FROM, FT, b8, uint8_t, TF_CAST_CONVERT_BOOL)

TF_CAST_FROM_INT_ALL(s8, int8_t)
TF_CAST_FROM_INT_ALL(u8, uint8_t)
TF_CAST_FROM_INT_ALL(s16, int16_t)
TF_CAST_FROM_INT_ALL(s32, int32_t)
TF_CAST_FROM_INT_ALL(u32, uint32_t)

/* From float: integers through f32_to_s32 (narrowed) or f32_to_u32. */
#define TF_CAST_CONVERT_F32_S(TT, x) ((TT)f32_to_s32(x))
#define TF_CAST_CONVERT_F32_U32(TT, x) ((TT)f32_to_u32(x))
TF_CAST_DEFINE(f32, float, s8, int8_t, TF_CAST_CONVERT_F32_S)
TF_CAST_DEFINE(f32, float, u8, uint8_t, TF_CAST_CONVERT_F32_S)
TF_CAST_DEFINE(f32, float, s16, int16_t, TF_CAST_CONVERT_F32_S)
TF_CAST_DEFINE(f32, float, s32, int32_t, TF_CAST_CONVERT_F32_S)
TF_CAST_DEFINE(f32, float, u32, uint32_t, TF_CAST_CONVERT_F32_U32)
TF_CAST_DEFINE(f32, float, f32, float, TF_CAST_CONVERT_PLAIN)
TF_CAST_DEFINE(f32, float, b8, uint8_t, TF_CAST_CONVERT_BOOL)

/* From bool: 0 or 1 in the target type, whatever nonzero byte stood for true. */
#define TF_CAST_FROM_BOOL(FROM, FT, TO, TT) TF_CAST_DEFINE(FROM, FT, TO, TT, TF_CAST_CONVERT_BOOL)
TF_CAST_TO_ALL(TF_CAST_FROM_BOOL, b8, uint8_t)

/*
 * CAST: mirrors src/kernels/cast.ts (static_cast per element). One function per dtype pair,
 * tf_cast_<from>_<to>, over s8, u8, s16, s32, u32, f32 and b8 (bool, any nonzero byte true).
 * Float to integer reproduces the x86-64 build explicitly: truncation, with NaN and values
 * outside int32 becoming INT32_MIN before narrowing (cvttss2si); to uint32 through int64.
 */
#ifndef TF_KERNEL_CAST_H
#define TF_KERNEL_CAST_H

#include <stdint.h>

#define TF_CAST_TO_ALL(X, FROM, FT)                                                                \
  X(FROM, FT, s8, int8_t)                                                                          \
  X(FROM, FT, u8, uint8_t)                                                                         \
  X(FROM, FT, s16, int16_t)                                                                        \
  X(FROM, FT, s32, int32_t)                                                                        \
  X(FROM, FT, u32, uint32_t)                                                                       \
  X(FROM, FT, f32, float)                                                                          \
  X(FROM, FT, b8, uint8_t)

/* Applies X(from, from_type, to, to_type) to every pair. */
#define TF_CAST_ALL_PAIRS(X)                                                                       \
  TF_CAST_TO_ALL(X, s8, int8_t)                                                                    \
  TF_CAST_TO_ALL(X, u8, uint8_t)                                                                   \
  TF_CAST_TO_ALL(X, s16, int16_t)                                                                  \
  TF_CAST_TO_ALL(X, s32, int32_t)                                                                  \
  TF_CAST_TO_ALL(X, u32, uint32_t)                                                                 \
  TF_CAST_TO_ALL(X, f32, float)                                                                    \
  TF_CAST_TO_ALL(X, b8, uint8_t)

#define TF_CAST_DECLARE(FROM, FT, TO, TT)                                                          \
  void tf_cast_##FROM##_##TO(const FT *input, TT *output, int32_t count);

TF_CAST_ALL_PAIRS(TF_CAST_DECLARE)

#endif

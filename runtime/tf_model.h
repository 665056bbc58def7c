/*
 * What every generated model shares: the I/O description type and the attributes and hooks
 * the generated code uses. Firmware may define TF_OP_BEGIN/TF_OP_END before including the
 * model to measure each op (they receive the op's position in execution order).
 */
#ifndef TF_MODEL_H
#define TF_MODEL_H

#include <stdint.h>

typedef struct {
  const char *name;
  uint8_t dtype; /* TFLite TensorType code: 0 float32, 2 int32, 7 int16, 9 int8 ... */
  uint8_t rank;
  const int32_t *dims;
  float scale; /* 0 when not quantized */
  int32_t zero_point;
  uint32_t bytes;
} tf_io_spec_t;

#if defined(__GNUC__) || defined(__clang__)
#define TF_ALIGNED(n) __attribute__((aligned(n)))
#define TF_SECTION(s) __attribute__((section(s)))
#define TF_FLOAT_INF (__builtin_inff())
#else
#define TF_ALIGNED(n)
#define TF_SECTION(s)
#define TF_FLOAT_INF (1e30f * 1e30f)
#endif

#ifndef TF_OP_BEGIN
#define TF_OP_BEGIN(i) ((void)0)
#endif
#ifndef TF_OP_END
#define TF_OP_END(i) ((void)0)
#endif

#endif /* TF_MODEL_H */

/*
 * LOGISTIC: mirrors src/kernels/logistic.ts (TFLM reference arithmetic). int8 is a 256-entry
 * table the generator computes with the TS kernel's arithmetic; the float32 kernel uses expf
 * (math.h). Output may alias the input (in place).
 */
#ifndef TF_KERNEL_LOGISTIC_H
#define TF_KERNEL_LOGISTIC_H

#include <stdint.h>

typedef struct {
  int32_t size;
  /* int16: the sigmoid table's input scaling (multiplier 0 means 3 << shift). */
  int32_t input_multiplier;
  int32_t input_shift;
  /* int8: the output for input value v is lut[v + 128]. */
  const int8_t *lut;
} tf_logistic_t;

/* The float logistic TFLM uses: 1 above ~16.6, exp(x) below -9. Shared with the LSTM kernel. */
float tf_logistic_f32_value(float x);

void tf_logistic_f32(const tf_logistic_t *p, const float *input, float *output);
void tf_logistic_s8(const tf_logistic_t *p, const int8_t *input, int8_t *output);
void tf_logistic_s16(const tf_logistic_t *p, const int16_t *input, int16_t *output);

#endif

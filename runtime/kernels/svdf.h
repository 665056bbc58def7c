/*
 * SVDF: mirrors src/kernels/svdf.ts (TFLM reference arithmetic). The state is the op's variable
 * tensor (kept between invokes); the float32 kernel's TANH activation uses tanhf (math.h).
 */
#ifndef TF_KERNEL_SVDF_H
#define TF_KERNEL_SVDF_H

#include <stdint.h>

/* Fused activations of the float32 kernel (TFLite ActivationFunctionType codes). */
#define TF_SVDF_ACT_NONE 0
#define TF_SVDF_ACT_RELU 1
#define TF_SVDF_ACT_RELU_N1_TO_1 2
#define TF_SVDF_ACT_RELU6 3
#define TF_SVDF_ACT_TANH 4
#define TF_SVDF_ACT_SIGN_BIT 5

typedef struct {
  int32_t batches;
  int32_t input_size;
  int32_t filters;
  int32_t units;
  int32_t rank;
  int32_t memory;
  int32_t activation; /* float32 only: integer SVDF ignores it, as TFLM does */
  int32_t input_zero_point;
  int32_t state_zero_point;
  int32_t output_zero_point;
  /* input * feature weights -> state, and state * time weights -> output. */
  int32_t multiplier1;
  int32_t shift1;
  int32_t multiplier2;
  int32_t shift2;
  /*
   * Integer with constant weights (and bias), else NULL: the zero points folded into constants
   * (int32, wrapping) so the inner loops need none. feature_folded[filter] = -input_zero_point *
   * sum(feature weights row); time_folded[unit] = bias - state_zero_point * sum(the unit's time
   * weights); the call then passes no bias.
   */
  const int32_t *feature_folded;
  const int32_t *time_folded;
} tf_svdf_t;

/* int8 input and output; int8 (s8) or int16 (s16) time weights and state; bias may be NULL. */
void tf_svdf_s8(const tf_svdf_t *p, const int8_t *input, const int8_t *weights_feature, const int8_t *weights_time,
                const int32_t *bias, int8_t *state, int8_t *output);
void tf_svdf_s8_s16(const tf_svdf_t *p, const int8_t *input, const int8_t *weights_feature,
                    const int16_t *weights_time, const int32_t *bias, int16_t *state, int8_t *output);
void tf_svdf_f32(const tf_svdf_t *p, const float *input, const float *weights_feature, const float *weights_time,
                 const float *bias, float *state, float *output);

#endif

/*
 * UNIDIRECTIONAL_SEQUENCE_LSTM: mirrors src/kernels/unidirectional-sequence-lstm.ts and
 * src/kernels/common/lstm-step.ts (TFLM reference arithmetic, no peephole/projection/layer norm).
 * Hidden and cell state are the op's variable tensors (kept between invokes). Scratch: four gate
 * buffers of rows * state_size cell-type elements (rows = batches when time-major, else 1). The
 * float32 kernel uses expf/tanhf (math.h).
 */
#ifndef TF_KERNEL_UNIDIRECTIONAL_SEQUENCE_LSTM_H
#define TF_KERNEL_UNIDIRECTIONAL_SEQUENCE_LSTM_H

#include <stdint.h>

/* One gate's FC(input) + FC(hidden) into Q3.12 (integer kernels). */
typedef struct {
  int32_t input_multiplier;
  int32_t input_shift;
  int32_t recurrent_multiplier;
  int32_t recurrent_shift;
  int32_t input_weights_offset; /* -zero point of each weights tensor */
  int32_t recurrent_weights_offset;
  /*
   * int8 with constant weights and bias, else NULL: per output, bias + input_offset * sum(input
   * weights row + offset), and hidden_offset * sum(recurrent weights row + offset) (int32,
   * wrapping), so the inner loops need no activation offset.
   */
  const int32_t *input_folded_bias;
  const int32_t *recurrent_folded_bias;
} tf_lstm_gate_t;

/* An element-wise int16 multiply requantized to its output. */
typedef struct {
  int32_t multiplier;
  int32_t shift;
  int32_t zero_point;
  int32_t min;
  int32_t max;
} tf_lstm_mul_t;

typedef struct {
  int32_t time_major;
  int32_t batches;
  int32_t time_steps;
  int32_t input_size;
  int32_t state_size;
  tf_lstm_gate_t forget;
  tf_lstm_gate_t input_gate;
  tf_lstm_gate_t cell;
  tf_lstm_gate_t output_gate;
  int32_t input_offset; /* -zero point of the input and of the hidden state */
  int32_t hidden_offset;
  float cell_clip; /* clipping is on when > 0 */
  int32_t quantized_cell_clip;
  /* tanh(cell state) input scaling: multiplier 0 means 3 << shift. */
  int32_t cell_tanh_multiplier;
  int32_t cell_tanh_shift;
  tf_lstm_mul_t forget_cell_mul;
  tf_lstm_mul_t input_cell_mul;
  tf_lstm_mul_t hidden_mul;
} tf_lstm_t;

/* Weights and bias of one gate: int8 weights with int32 (s8) or int64 (s16) bias, or float. */
typedef struct {
  const void *input_weights;
  const void *recurrent_weights;
  const void *bias;
} tf_lstm_gate_tensors_t;

typedef struct {
  const void *input;
  void *output;
  void *hidden_state;
  void *cell_state; /* int16 for the integer kernels */
  tf_lstm_gate_tensors_t forget;
  tf_lstm_gate_tensors_t input_gate;
  tf_lstm_gate_tensors_t cell;
  tf_lstm_gate_tensors_t output_gate;
} tf_lstm_tensors_t;

/* int8 activations (s8), int16 activations (s16, 16x8), float32 (f32). */
void tf_lstm_s8(const tf_lstm_t *p, const tf_lstm_tensors_t *t, void *scratch);
void tf_lstm_s16(const tf_lstm_t *p, const tf_lstm_tensors_t *t, void *scratch);
void tf_lstm_f32(const tf_lstm_t *p, const tf_lstm_tensors_t *t, void *scratch);

#endif

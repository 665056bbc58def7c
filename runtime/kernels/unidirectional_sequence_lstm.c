/*
 * UNIDIRECTIONAL_SEQUENCE_LSTM: TFLM unidirectional_sequence_lstm.cc, lstm_eval_common.cc and
 * lstm_eval.h. Integer gates are Q3.12 before their non-linearity and Q0.15 after it.
 */
#include "unidirectional_sequence_lstm.h"

#include <math.h>
#include <stddef.h>

#include "../gemmlowp.h"
#include "../quant.h"
#include "fully_connected.h"
#include "logistic.h"

#define TF_LSTM_FLOAT_MAX 3.40282347e38f

/* Where one step reads and writes, and how many rows (batches) it processes at once. */
typedef struct {
  int32_t rows;
  int32_t input_offset;
  int32_t state_offset;
  int32_t output_offset;
} lstm_slice_t;

/* One FC operand of a gate: activations at an offset with their -zero point, weights, requantization. */
typedef struct {
  int32_t depth;
  int32_t x_offset;
  int32_t w_offset;
  int32_t multiplier;
  int32_t shift;
} lstm_fc_t;

static inline int32_t sat16(int32_t v) { return tf_clamp(v, -32768, 32767); }

/*
 * fc_s8 with the activation offset folded into a per-output constant: sum (w + wo)(x + xo) =
 * sum w x + wo sum x + [xo sum (w + wo) (+ bias)]. Equal modulo 2^32, so byte-identical.
 */
static void fc_s8_folded(const tf_lstm_t *p, const lstm_fc_t *a, const int8_t *x, const int8_t *w,
                         const int32_t *folded, int32_t rows, int16_t *out) {
  for (int32_t b = 0; b < rows; ++b, x += a->depth) {
    uint32_t x_term = 0;
    if (a->w_offset != 0) {
      for (int32_t d = 0; d < a->depth; ++d) x_term += (uint32_t)x[d];
      x_term *= (uint32_t)a->w_offset;
    }
    uint32_t acc[4];
    int32_t oc = 0;
    for (; oc + 4 <= p->state_size; oc += 4) {
      for (int32_t k = 0; k < 4; ++k) acc[k] = (uint32_t)folded[oc + k] + x_term;
      tf_dot4_s8(w + oc * a->depth, a->depth, x, acc);
      for (int32_t k = 0; k < 4; ++k) *out++ = (int16_t)sat16(tf_mbqm((int32_t)acc[k], a->multiplier, a->shift));
    }
    for (; oc < p->state_size; ++oc) {
      const uint32_t one = (uint32_t)folded[oc] + x_term + tf_dot_s8(w + oc * a->depth, x, a->depth);
      *out++ = (int16_t)sat16(tf_mbqm((int32_t)one, a->multiplier, a->shift));
    }
  }
}

/* reference_integer_ops::FullyConnected into int16 with int8 activations and int32 bias. */
static void fc_s8(const tf_lstm_t *p, const lstm_fc_t *a, const int8_t *x, const int8_t *w, const int32_t *bias,
                  const int32_t *folded, int32_t rows, int16_t *out) {
  if (folded) {
    fc_s8_folded(p, a, x, w, folded, rows, out);
    return;
  }
  for (int32_t b = 0; b < rows; ++b, x += a->depth) {
    const int8_t *wr = w;
    for (int32_t oc = 0; oc < p->state_size; ++oc, wr += a->depth) {
      uint32_t acc = bias ? (uint32_t)bias[oc] : 0u;
      for (int32_t d = 0; d < a->depth; ++d) acc += (uint32_t)((wr[d] + a->w_offset) * (x[d] + a->x_offset));
      *out++ = (int16_t)sat16(tf_mbqm((int32_t)acc, a->multiplier, a->shift));
    }
  }
}

/* The 16x8 variant: int16 activations, int64 accumulator and bias, the 64-bit requantization. */
static void fc_s16(const tf_lstm_t *p, const lstm_fc_t *a, const int16_t *x, const int8_t *w, const int64_t *bias,
                   int32_t rows, int16_t *out) {
  for (int32_t b = 0; b < rows; ++b, x += a->depth) {
    const int8_t *wr = w;
    for (int32_t oc = 0; oc < p->state_size; ++oc, wr += a->depth) {
      int64_t acc = bias ? bias[oc] : 0;
      for (int32_t d = 0; d < a->depth; ++d) acc += (int64_t)((wr[d] + a->w_offset) * (x[d] + a->x_offset));
      *out++ = (int16_t)sat16(tf_mbqm_int64(acc, a->multiplier, a->shift));
    }
  }
}

/* FC(input) + FC(hidden), saturated, then sigmoid (or tanh for the cell gate) into out. */
static void gate_integer(const tf_lstm_t *p, const tf_lstm_tensors_t *t, const lstm_slice_t *s, const tf_lstm_gate_t *g,
                         const tf_lstm_gate_tensors_t *gt, int wide, int sigmoid, int16_t *out, int16_t *tmp) {
  const lstm_fc_t in = {p->input_size, p->input_offset, g->input_weights_offset, g->input_multiplier, g->input_shift};
  const lstm_fc_t rec = {p->state_size, p->hidden_offset, g->recurrent_weights_offset, g->recurrent_multiplier,
                         g->recurrent_shift};
  if (wide) {
    fc_s16(p, &in, (const int16_t *)t->input + s->input_offset, (const int8_t *)gt->input_weights,
           (const int64_t *)gt->bias, s->rows, out);
    fc_s16(p, &rec, (const int16_t *)t->hidden_state + s->state_offset, (const int8_t *)gt->recurrent_weights, NULL,
           s->rows, tmp);
  } else {
    fc_s8(p, &in, (const int8_t *)t->input + s->input_offset, (const int8_t *)gt->input_weights,
          (const int32_t *)gt->bias, g->input_folded_bias, s->rows, out);
    fc_s8(p, &rec, (const int8_t *)t->hidden_state + s->state_offset, (const int8_t *)gt->recurrent_weights, NULL,
          g->recurrent_folded_bias, s->rows, tmp);
  }
  const int32_t n = s->rows * p->state_size;
  /* Gates are Q3.12: sigmoid's exact path is multiplier 3, and tanh's shift for 2^-12 is 0. */
  if (sigmoid) {
    for (int32_t i = 0; i < n; ++i) out[i] = tf_gl_logistic_s16(sat16(out[i] + tmp[i]), 0, 0);
  } else {
    for (int32_t i = 0; i < n; ++i) out[i] = tf_gl_tanh_s16(sat16(out[i] + tmp[i]), 0, 0);
  }
}

/* reference_integer_ops::MulElementwise of two int16 values (clamped before the zero point: no overflow). */
static inline int32_t mul_integer(const tf_lstm_mul_t *m, int32_t a, int32_t b) {
  const int32_t v = tf_mbqm(a * b, m->multiplier, m->shift);
  return tf_clamp(v, m->min - m->zero_point, m->max - m->zero_point) + m->zero_point;
}

static void step_integer(const tf_lstm_t *p, const tf_lstm_tensors_t *t, const lstm_slice_t *s, int wide,
                         int16_t *buf) {
  const int32_t n = s->rows * p->state_size;
  int16_t *b0 = buf, *b1 = buf + n, *b2 = buf + 2 * n, *b3 = buf + 3 * n;
  gate_integer(p, t, s, &p->forget, &t->forget, wide, 1, b0, b3);
  gate_integer(p, t, s, &p->input_gate, &t->input_gate, wide, 1, b1, b3);
  gate_integer(p, t, s, &p->cell, &t->cell, wide, 0, b2, b3);
  int16_t *cell = (int16_t *)t->cell_state + s->state_offset;
  for (int32_t i = 0; i < n; ++i) {
    const int32_t kept = mul_integer(&p->forget_cell_mul, b0[i], cell[i]);
    int32_t v = sat16(kept + mul_integer(&p->input_cell_mul, b1[i], b2[i]));
    if (p->cell_clip > 0.0f) v = tf_clamp(v, -p->quantized_cell_clip, p->quantized_cell_clip);
    cell[i] = (int16_t)v;
  }
  gate_integer(p, t, s, &p->output_gate, &t->output_gate, wide, 1, b1, b3);
  for (int32_t i = 0; i < n; ++i) {
    const int32_t tanh_cell = tf_gl_tanh_s16(cell[i], p->cell_tanh_multiplier, p->cell_tanh_shift);
    b1[i] = (int16_t)mul_integer(&p->hidden_mul, tanh_cell, b1[i]); /* within the hidden type's range */
  }
  if (wide) {
    int16_t *hidden = (int16_t *)t->hidden_state + s->state_offset;
    int16_t *output = (int16_t *)t->output + s->output_offset;
    for (int32_t i = 0; i < n; ++i) hidden[i] = output[i] = b1[i];
  } else {
    int8_t *hidden = (int8_t *)t->hidden_state + s->state_offset;
    int8_t *output = (int8_t *)t->output + s->output_offset;
    for (int32_t i = 0; i < n; ++i) hidden[i] = output[i] = (int8_t)b1[i];
  }
}

/* reference_ops::FullyConnected with no activation (results still clamp to +-FLT_MAX). */
static void fc_f32(const tf_lstm_t *p, const float *x, int32_t depth, const float *w, const float *bias, int32_t rows,
                   float *out) {
  for (int32_t b = 0; b < rows; ++b, x += depth) {
    const float *wr = w;
    for (int32_t oc = 0; oc < p->state_size; ++oc, wr += depth) {
      float total = 0.0f;
      for (int32_t d = 0; d < depth; ++d) total += x[d] * wr[d];
      *out++ = tf_clampf(total + (bias ? bias[oc] : 0.0f), -TF_LSTM_FLOAT_MAX, TF_LSTM_FLOAT_MAX);
    }
  }
}

static void gate_f32(const tf_lstm_t *p, const tf_lstm_tensors_t *t, const lstm_slice_t *s,
                     const tf_lstm_gate_tensors_t *gt, int sigmoid, float *out, float *tmp) {
  fc_f32(p, (const float *)t->input + s->input_offset, p->input_size, (const float *)gt->input_weights,
         (const float *)gt->bias, s->rows, out);
  fc_f32(p, (const float *)t->hidden_state + s->state_offset, p->state_size, (const float *)gt->recurrent_weights,
         NULL, s->rows, tmp);
  const int32_t n = s->rows * p->state_size;
  for (int32_t i = 0; i < n; ++i) {
    const float v = out[i] + tmp[i];
    out[i] = sigmoid ? tf_logistic_f32_value(v) : tanhf(v);
  }
}

static inline float mul_f32(float a, float b) { return tf_clampf(a * b, -TF_LSTM_FLOAT_MAX, TF_LSTM_FLOAT_MAX); }

static void step_f32(const tf_lstm_t *p, const tf_lstm_tensors_t *t, const lstm_slice_t *s, float *buf) {
  const int32_t n = s->rows * p->state_size;
  float *b0 = buf, *b1 = buf + n, *b2 = buf + 2 * n, *b3 = buf + 3 * n;
  gate_f32(p, t, s, &t->forget, 1, b0, b3);
  gate_f32(p, t, s, &t->input_gate, 1, b1, b3);
  gate_f32(p, t, s, &t->cell, 0, b2, b3);
  float *cell = (float *)t->cell_state + s->state_offset;
  for (int32_t i = 0; i < n; ++i) {
    float v = mul_f32(b0[i], cell[i]) + mul_f32(b1[i], b2[i]);
    if (p->cell_clip > 0.0f) v = tf_clampf(v, -p->cell_clip, p->cell_clip);
    cell[i] = v;
  }
  gate_f32(p, t, s, &t->output_gate, 1, b1, b3);
  float *hidden = (float *)t->hidden_state + s->state_offset;
  float *output = (float *)t->output + s->output_offset;
  for (int32_t i = 0; i < n; ++i) {
    hidden[i] = mul_f32(tanhf(cell[i]), b1[i]);
    output[i] = hidden[i];
  }
}

enum { LSTM_S8, LSTM_S16, LSTM_F32 };

/* The steps in TFLM's order: all batches per step when time-major, else batch by batch. */
static void run(const tf_lstm_t *p, const tf_lstm_tensors_t *t, void *scratch, int kind) {
  const int32_t rows = p->time_major ? p->batches : 1;
  const int32_t outer = p->time_major ? 1 : p->batches;
  for (int32_t b = 0; b < outer; ++b) {
    for (int32_t step = b * p->time_steps; step < (b + 1) * p->time_steps; ++step) {
      const lstm_slice_t s = {rows, step * rows * p->input_size, b * p->state_size, step * rows * p->state_size};
      if (kind == LSTM_F32) {
        step_f32(p, t, &s, (float *)scratch);
      } else {
        step_integer(p, t, &s, kind == LSTM_S16, (int16_t *)scratch);
      }
    }
  }
}

void tf_lstm_s8(const tf_lstm_t *p, const tf_lstm_tensors_t *t, void *scratch) { run(p, t, scratch, LSTM_S8); }

void tf_lstm_s16(const tf_lstm_t *p, const tf_lstm_tensors_t *t, void *scratch) { run(p, t, scratch, LSTM_S16); }

void tf_lstm_f32(const tf_lstm_t *p, const tf_lstm_tensors_t *t, void *scratch) { run(p, t, scratch, LSTM_F32); }

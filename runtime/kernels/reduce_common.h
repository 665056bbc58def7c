/*
 * MEAN, SUM, REDUCE_MAX, REDUCE_MIN (and REDUCE_PROD's walk): mirrors src/kernels/common/reduce.ts.
 * Every input element is folded, in row-major order, into the output element whose index skips
 * the reduced dimensions, so float results accumulate in TFLM's order.
 */
#ifndef TF_KERNEL_REDUCE_COMMON_H
#define TF_KERNEL_REDUCE_COMMON_H

#include <stdint.h>

#define TF_REDUCE_MAX_DIMS 8

/*
 * The input shape as the code generator collapsed it: unit dimensions dropped, neighbours that
 * are both reduced (or both kept) merged. A kept dimension moves the output index by its stride.
 */
typedef struct {
  int32_t rank; /* 1..TF_REDUCE_MAX_DIMS */
  int32_t shape[TF_REDUCE_MAX_DIMS];
  int32_t out_strides[TF_REDUCE_MAX_DIMS]; /* 0 for reduced dimensions */
  int32_t input_count;
  int32_t output_count;
  int32_t reduce_count; /* input elements per output element */
} tf_reduce_plan_t;

/* Integer MEAN / SUM (QuantizedMeanOrSum) and REDUCE_PROD requantization. */
typedef struct {
  tf_reduce_plan_t plan;
  int32_t input_zero_point;
  int32_t output_zero_point;
  int32_t multiplier;
  int32_t shift;
} tf_reduce_q_t;

/*
 * The walk goes row by row over the innermost dimension; the cursor holds the outer indices and
 * the output offset of the row's first element.
 */
typedef struct {
  int32_t idx[TF_REDUCE_MAX_DIMS];
  int32_t out;
} tf_reduce_cursor_t;

static inline void tf_reduce_start(tf_reduce_cursor_t *c) {
  for (int32_t d = 0; d < TF_REDUCE_MAX_DIMS; ++d) c->idx[d] = 0;
  c->out = 0;
}

/* Rows of the innermost dimension (0 for an empty input). */
static inline int32_t tf_reduce_rows(const tf_reduce_plan_t *p) {
  return p->input_count == 0 ? 0 : p->input_count / p->shape[p->rank - 1];
}

static inline void tf_reduce_next_row(const tf_reduce_plan_t *p, tf_reduce_cursor_t *c) {
  for (int32_t d = p->rank - 2; d >= 0; --d) {
    c->out += p->out_strides[d];
    if (++c->idx[d] < p->shape[d]) return;
    c->out -= p->out_strides[d] * p->shape[d];
    c->idx[d] = 0;
  }
}

/* Whether the current row holds the first input element of each output it touches. */
static inline int tf_reduce_first_row(const tf_reduce_plan_t *p, const tf_reduce_cursor_t *c) {
  for (int32_t d = 0; d < p->rank - 1; ++d)
    if (p->out_strides[d] == 0 && c->idx[d] != 0) return 0;
  return 1;
}

/* Float sum per output (ReduceGeneric / Mean's temp_sum): output = input + output in input order. */
void tf_reduce_sum_f32(const tf_reduce_plan_t *p, const float *input, float *output);

/*
 * QuantizedMeanOrSum: int32 (wrapping) sums per output in `scratch` (4 * output_count bytes),
 * minus zero point * count, rescaled and saturated. An empty input leaves every output 0.
 */
void tf_reduce_sum_s8(const tf_reduce_q_t *p, const int8_t *input, int8_t *output, void *scratch);
void tf_reduce_sum_s16(const tf_reduce_q_t *p, const int16_t *input, int16_t *output, void *scratch);

/* ReduceGeneric with a max / min reducer from numeric_limits lowest / max; NaN never wins. */
void tf_reduce_max_s8(const tf_reduce_plan_t *p, const int8_t *input, int8_t *output);
void tf_reduce_max_f32(const tf_reduce_plan_t *p, const float *input, float *output);
void tf_reduce_min_s8(const tf_reduce_plan_t *p, const int8_t *input, int8_t *output);
void tf_reduce_min_f32(const tf_reduce_plan_t *p, const float *input, float *output);

#endif

/* BATCH_MATMUL: TFLM reference batch_matmul.h BatchMatMul (float32, int8, int16). */
#include "batch_matmul.h"

#include "../quant.h"

/* Where each output matrix's operands start and how to step through them. */
typedef struct {
  int32_t idx[TF_BATCH_MATMUL_MAX_BATCH_DIMS];
  int32_t lhs_matrix; /* matrix index of the current batch's operands */
  int32_t rhs_matrix;
  int32_t lhs_row_step; /* between rows a of the LHS */
  int32_t lhs_k_step;   /* along the depth in the LHS */
  int32_t rhs_col_step; /* between columns c of the RHS */
  int32_t rhs_k_step;   /* along the depth in the RHS */
} walk_t;

/* Positions the walk on the first batch; returns 0 when there is none (a zero batch dimension). */
static int walk_start(const tf_batch_matmul_t *p, walk_t *w) {
  int nonempty = 1;
  for (int32_t i = 0; i < TF_BATCH_MATMUL_MAX_BATCH_DIMS; ++i) w->idx[i] = 0;
  for (int32_t i = 0; i < p->batch_rank; ++i)
    if (p->batch_shape[i] == 0) nonempty = 0;
  w->lhs_matrix = 0;
  w->rhs_matrix = 0;
  w->lhs_row_step = p->adj_x ? 1 : p->depth;
  w->lhs_k_step = p->adj_x ? p->rows : 1;
  w->rhs_col_step = p->adj_y ? p->depth : 1;
  w->rhs_k_step = p->adj_y ? 1 : p->cols;
  return nonempty;
}

/* Moves to the next batch (row-major over the broadcast batch shape); returns 0 after the last. */
static int walk_next(const tf_batch_matmul_t *p, walk_t *w) {
  for (int32_t i = p->batch_rank - 1; i >= 0; --i) {
    w->lhs_matrix += p->lhs_steps[i];
    w->rhs_matrix += p->rhs_steps[i];
    if (++w->idx[i] < p->batch_shape[i]) return 1;
    w->lhs_matrix -= p->lhs_steps[i] * p->batch_shape[i];
    w->rhs_matrix -= p->rhs_steps[i] * p->batch_shape[i];
    w->idx[i] = 0;
  }
  return 0;
}

static float dot_f32(const tf_batch_matmul_t *p, const walk_t *w, const float *x, const float *y) {
  float total = 0.0f;
  for (int32_t k = 0; k < p->depth; ++k, x += w->lhs_k_step, y += w->rhs_k_step) total += *y * *x;
  return total;
}

static int8_t dot_s8(const tf_batch_matmul_t *p, const walk_t *w, const int8_t *x, const int8_t *y) {
  uint32_t total = 0; /* unsigned: wraps like TFLM's int32 without UB */
  for (int32_t k = 0; k < p->depth; ++k, x += w->lhs_k_step, y += w->rhs_k_step)
    total += (uint32_t)((*y + p->rhs_offset) * (*x + p->lhs_offset));
  const int64_t v = (int64_t)tf_mbqm((int32_t)total, p->multiplier, p->shift) + p->output_offset;
  return (int8_t)(v < -128 ? -128 : (v > 127 ? 127 : v));
}

static int16_t dot_s16(const tf_batch_matmul_t *p, const walk_t *w, const int16_t *x, const int16_t *y) {
  int64_t total = 0;
  for (int32_t k = 0; k < p->depth; ++k, x += w->lhs_k_step, y += w->rhs_k_step) total += *y * *x;
  const int64_t v = (int64_t)tf_mbqm_int64(total, p->multiplier, p->shift) + p->output_offset;
  return (int16_t)(v < -32768 ? -32768 : (v > 32767 ? 32767 : v));
}

/* Every batch, row and column in output order; DOT is one of the dot_* above. */
#define TF_BATCH_MATMUL(NAME, T, DOT)                                                              \
  void NAME(const tf_batch_matmul_t *p, const T *lhs, const T *rhs, T *output) {                   \
    walk_t w;                                                                                      \
    for (int more = walk_start(p, &w); more; more = walk_next(p, &w)) {                            \
      const T *l_mat = lhs + w.lhs_matrix * p->rows * p->depth;                                    \
      const T *r_mat = rhs + w.rhs_matrix * p->depth * p->cols;                                    \
      for (int32_t a = 0; a < p->rows; ++a)                                                        \
        for (int32_t c = 0; c < p->cols; ++c)                                                      \
          *output++ = DOT(p, &w, l_mat + a * w.lhs_row_step, r_mat + c * w.rhs_col_step);          \
    }                                                                                              \
  }

TF_BATCH_MATMUL(tf_batch_matmul_f32, float, dot_f32)
TF_BATCH_MATMUL(tf_batch_matmul_s8, int8_t, dot_s8)
TF_BATCH_MATMUL(tf_batch_matmul_s16, int16_t, dot_s16)

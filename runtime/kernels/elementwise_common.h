/*
 * The broadcast walker of the element-wise kernels (mirrors forEachRun in
 * src/kernels/common/elementwise.ts). The code generator emits the plan TS prepare computed:
 * merged output dimensions, the last one a contiguous output run, and per input its element
 * step along each dimension (0 where the input repeats). A kernel visits the output run by run
 * and keeps its per-element work in its own tight loop:
 *
 *   tf_bcast_iter_t it;
 *   for (int32_t r = tf_bcast_begin(&it, &p->plan, 2); r > 0; --r, tf_bcast_next(&it)) {
 *     // it.run output elements from it.out; input k starts at it.off[k], steps it.step[k] (0 or 1)
 *   }
 *
 * Kernels declared 'in-place' may get output == input 0: the planner only allows that when
 * input 0 has the output's shape, so reading element i before writing element i is enough.
 */
#ifndef TF_KERNEL_ELEMENTWISE_COMMON_H
#define TF_KERNEL_ELEMENTWISE_COMMON_H

#include <stdint.h>

#define TF_BCAST_MAX_INPUTS 3
#define TF_BCAST_MAX_RANK 6

typedef struct {
  int32_t rank; /* 1..TF_BCAST_MAX_RANK */
  const int32_t *dims;
  /* inputs x rank: input k's element step along dims[d] at [k * rank + d]. */
  const int32_t *strides;
} tf_bcast_plan_t;

typedef struct {
  /* The current run: elements, output start, each input's start and step per element. */
  int32_t run;
  int32_t out;
  int32_t off[TF_BCAST_MAX_INPUTS];
  int32_t step[TF_BCAST_MAX_INPUTS];
  /* The odometer over the outer dimensions; the innermost of them is stepped inline. */
  const tf_bcast_plan_t *plan;
  int32_t inputs;
  int32_t at;
  int32_t count;
  int32_t inner[TF_BCAST_MAX_INPUTS];
  int32_t idx[TF_BCAST_MAX_RANK];
} tf_bcast_iter_t;

/* Positions `it` on the first run; returns the number of runs (0 for an empty output). */
int32_t tf_bcast_begin(tf_bcast_iter_t *it, const tf_bcast_plan_t *plan, int32_t inputs);
/* Wraps the innermost outer dimension and carries into the ones outside it. */
void tf_bcast_carry(tf_bcast_iter_t *it);

/*
 * An int8 unary op as its table of all 256 results (lut[x + 128]), computed at code generation
 * by the TS kernel itself: one load per element whatever the op's fixed-point arithmetic.
 */
void tf_lut_s8(const int8_t *lut, const int8_t *input, int8_t *output, int32_t count);

static inline void tf_bcast_next(tf_bcast_iter_t *it) {
  it->out += it->run;
  it->off[0] += it->inner[0];
  it->off[1] += it->inner[1];
  it->off[2] += it->inner[2];
  if (++it->at == it->count) tf_bcast_carry(it);
}

#endif

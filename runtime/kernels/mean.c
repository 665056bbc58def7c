/* MEAN: TFLM reduce_common.cc EvalMeanHelper with reference/reduce.h Mean (float32). */
#include "mean.h"

void tf_mean_f32(const tf_reduce_plan_t *p, const float *input, float *output) {
  tf_reduce_sum_f32(p, input, output);
  if (p->reduce_count == 0) return;
  const float n = (float)p->reduce_count;
  for (int32_t o = 0; o < p->output_count; ++o) output[o] = output[o] / n;
}

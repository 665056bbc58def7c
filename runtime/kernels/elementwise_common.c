/* Broadcast walker and int8 table lookup of the element-wise kernels: see elementwise_common.h. */
#include "elementwise_common.h"

int32_t tf_bcast_begin(tf_bcast_iter_t *it, const tf_bcast_plan_t *plan, int32_t inputs) {
  const int32_t last = plan->rank - 1;
  int32_t runs = 1;
  for (int32_t d = 0; d < last; ++d) {
    runs *= plan->dims[d];
    it->idx[d] = 0;
  }
  it->plan = plan;
  it->inputs = inputs;
  it->run = plan->dims[last];
  it->out = 0;
  it->at = 0;
  it->count = last > 0 ? plan->dims[last - 1] : 1;
  for (int32_t k = 0; k < TF_BCAST_MAX_INPUTS; ++k) {
    it->off[k] = 0;
    it->step[k] = 0;
    it->inner[k] = 0;
  }
  for (int32_t k = 0; k < inputs; ++k) {
    const int32_t *st = plan->strides + k * plan->rank;
    it->step[k] = st[last];
    if (last > 0) it->inner[k] = st[last - 1];
  }
  return it->run == 0 ? 0 : runs;
}

void tf_bcast_carry(tf_bcast_iter_t *it) {
  const tf_bcast_plan_t *p = it->plan;
  for (int32_t k = 0; k < it->inputs; ++k) it->off[k] -= it->inner[k] * it->count;
  it->at = 0;
  for (int32_t d = p->rank - 3; d >= 0; --d) {
    const int32_t wrapped = ++it->idx[d] == p->dims[d];
    for (int32_t k = 0; k < it->inputs; ++k) {
      const int32_t st = p->strides[k * p->rank + d];
      it->off[k] += wrapped ? st * (1 - p->dims[d]) : st;
    }
    if (!wrapped) return;
    it->idx[d] = 0;
  }
}

void tf_lut_s8(const int8_t *lut, const int8_t *input, int8_t *output, int32_t count) {
  const int8_t *centered = lut + 128;
  for (int32_t i = 0; i < count; ++i) output[i] = centered[input[i]];
}

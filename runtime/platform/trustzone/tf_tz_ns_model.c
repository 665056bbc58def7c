#include "tf_tz_ns_model.h"

#include <stddef.h>

#define TF_TZ_NS_IO_ALIGN 16u

static tf_tz_tensor_info_t tensor_info[TF_TZ_NS_MAX_TENSORS];
static uint8_t io_pool[TF_TZ_NS_IO_BYTES > 0 ? TF_TZ_NS_IO_BYTES : 1] __attribute__((aligned(16)));

static void describe(tf_proto_tensor_t *t, const tf_tz_tensor_info_t *info, uint8_t *data) {
  t->name = info->name;
  t->dtype = (uint8_t)info->dtype;
  t->rank = (uint8_t)info->rank;
  t->dims = info->dims;
  t->scale = info->scale;
  t->zero_point = info->zero_point;
  t->byte_size = info->byte_size;
  t->data = data;
}

int32_t tf_tz_ns_model_load(tf_tz_ns_model_t *m) {
  uint32_t i;
  uint32_t count;
  uint32_t used = 0;
  int32_t status = tf_tz_get_info(&m->info);
  if (status != 0) return status;
  count = m->info.n_inputs + m->info.n_outputs;
  if (count > TF_TZ_NS_MAX_TENSORS) return -1;
  for (i = 0; i < count; ++i) {
    uint32_t size;
    status = tf_tz_get_tensor(i, &tensor_info[i]);
    if (status != 0) return status;
    size = tensor_info[i].byte_size;
    if (size > sizeof(io_pool) - used) return -1;
    describe(&m->tensors[i], &tensor_info[i], io_pool + used);
    m->buffers[i].data = io_pool + used;
    m->buffers[i].size = size;
    used += (size + TF_TZ_NS_IO_ALIGN - 1u) & ~(TF_TZ_NS_IO_ALIGN - 1u);
    if (used > sizeof(io_pool)) used = sizeof(io_pool);
  }
  return 0;
}

int32_t tf_tz_ns_model_invoke(const tf_tz_ns_model_t *m) {
  return tf_tz_invoke(m->buffers, m->info.n_inputs, m->buffers + m->info.n_inputs,
                      m->info.n_outputs);
}

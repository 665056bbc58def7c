/* The non-secure application's view of the secure model: tensor descriptions fetched through
 * the entries and buffers in non-secure RAM (tf_tz_ns_model.c). */
#ifndef TF_TZ_NS_MODEL_H
#define TF_TZ_NS_MODEL_H

#include <stdint.h>

#include "tf_protocol.h"
#include "tf_tz_api.h"
#include "tf_tz_layout.h"

typedef struct {
  tf_tz_info_t info;
  tf_proto_tensor_t tensors[TF_TZ_NS_MAX_TENSORS]; /* inputs, then outputs */
  tf_tz_buffer_t buffers[TF_TZ_NS_MAX_TENSORS];
} tf_tz_ns_model_t;

/* Asks the secure side for the model and places every tensor in the non-secure I/O pool;
 * returns a TF_SEC_* status, or -1 when the pool or the tensor table is too small. */
int32_t tf_tz_ns_model_load(tf_tz_ns_model_t *m);

/* tf_tz_invoke with the pool's buffers. */
int32_t tf_tz_ns_model_invoke(const tf_tz_ns_model_t *m);

#endif /* TF_TZ_NS_MODEL_H */

#include "tf_secure_core.h"

#include <stddef.h>

static int32_t check_sizes(const tf_proto_tensor_t *tensors, uint32_t count, const uint32_t *sizes) {
  uint32_t i;
  if (count > 0u && sizes == NULL) return TF_SEC_ERR_BAD_SIZE;
  for (i = 0; i < count; ++i) {
    if (sizes[i] != tensors[i].byte_size) return TF_SEC_ERR_BAD_SIZE;
  }
  return TF_SEC_OK;
}

int32_t tf_sec_check_request(const tf_proto_model_t *model, const tf_sec_request_t *req) {
  int32_t status;
  if (model == NULL) return TF_SEC_ERR_NOT_READY;
  if (req == NULL) return TF_SEC_ERR_BAD_COUNT;
  if (req->n_inputs != model->n_inputs || req->n_outputs != model->n_outputs)
    return TF_SEC_ERR_BAD_COUNT;
  status = check_sizes(model->inputs, req->n_inputs, req->input_sizes);
  if (status != TF_SEC_OK) return status;
  return check_sizes(model->outputs, req->n_outputs, req->output_sizes);
}

int32_t tf_sec_invoke(const tf_proto_model_t *model, const tf_sec_request_t *req,
                      const tf_sec_transfer_t *xfer) {
  uint32_t i;
  int32_t status = tf_sec_check_request(model, req);
  if (status != TF_SEC_OK) return status;
  if (xfer == NULL || xfer->read_input == NULL || xfer->write_output == NULL)
    return TF_SEC_ERR_TRANSFER;
  for (i = 0; i < model->n_inputs; ++i) {
    const tf_proto_tensor_t *t = &model->inputs[i];
    status = xfer->read_input(xfer->ctx, i, t->data, t->byte_size);
    if (status != TF_SEC_OK) return status;
  }
  if (model->invoke(model->user) != 0) return TF_SEC_ERR_INVOKE;
  for (i = 0; i < model->n_outputs; ++i) {
    const tf_proto_tensor_t *t = &model->outputs[i];
    status = xfer->write_output(xfer->ctx, i, t->data, t->byte_size);
    if (status != TF_SEC_OK) return status;
  }
  return TF_SEC_OK;
}

int32_t tf_sec_reset(const tf_proto_model_t *model) {
  if (model == NULL) return TF_SEC_ERR_NOT_READY;
  if (model->reset == NULL) return TF_SEC_OK;
  return model->reset(model->user) == 0 ? TF_SEC_OK : TF_SEC_ERR_RESET;
}

const tf_proto_tensor_t *tf_sec_tensor(const tf_proto_model_t *model, uint32_t index) {
  if (model == NULL) return NULL;
  if (index < model->n_inputs) return &model->inputs[index];
  index -= model->n_inputs;
  return index < model->n_outputs ? &model->outputs[index] : NULL;
}

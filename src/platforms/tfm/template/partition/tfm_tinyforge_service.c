/*
 * A tinyforge model as a TF-M secure partition (PSA Firmware Framework for M 1.1): the
 * generated model and its arena live in the partition's memory; clients reach it only through
 * psa_call, whose vectors the SPM checked and copies with psa_read / psa_write.
 *
 * The request is validated and run by the same core the trustzone platform's CMSE entry uses
 * (secure/tf_secure_core.c): vector count and every length must match the model's tensors
 * exactly, and nothing is read before the whole request has been checked.
 *
 * Built for the SFN model by default; the partition's CMakeLists.txt defines
 * TINYFORGE_PARTITION_IPC for the IPC model (manifest "model": "IPC").
 */
#include <stddef.h>
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/tfm_tinyforge_partition.h"
#include "tf_app.h"
#include "tf_secure_core.h"
#include "tinyforge_service_api.h"

#ifndef TINYFORGE_BOARD_NAME
#define TINYFORGE_BOARD_NAME "tf-m"
#endif

static const tf_proto_model_t *tinyforge_model;

/* TF-M gives a partition no cycle counter of its own: the app glue's counts stay zero. */
void tf_app_counter_start(void) {}
uint64_t tf_app_counter_read(void) { return 0u; }
uint8_t tf_app_counter_unit(void) { return TF_PROTO_UNIT_NONE; }

static int32_t read_input(void *ctx, uint32_t index, uint8_t *dst, uint32_t size) {
  const psa_msg_t *msg = (const psa_msg_t *)ctx;
  return psa_read(msg->handle, index, dst, size) == size ? TF_SEC_OK : TF_SEC_ERR_TRANSFER;
}

static int32_t write_output(void *ctx, uint32_t index, const uint8_t *src, uint32_t size) {
  const psa_msg_t *msg = (const psa_msg_t *)ctx;
  psa_write(msg->handle, index, src, size);
  return TF_SEC_OK;
}

static psa_status_t psa_status_of(int32_t status) {
  switch (status) {
    case TF_SEC_OK:
      return PSA_SUCCESS;
    case TF_SEC_ERR_NOT_READY:
      return PSA_ERROR_BAD_STATE;
    case TF_SEC_ERR_BAD_COUNT:
    case TF_SEC_ERR_BAD_SIZE:
    case TF_SEC_ERR_BAD_POINTER:
    case TF_SEC_ERR_BAD_INDEX:
      return PSA_ERROR_INVALID_ARGUMENT;
    case TF_SEC_ERR_TRANSFER:
      return PSA_ERROR_COMMUNICATION_FAILURE;
    default:
      return PSA_ERROR_GENERIC_ERROR;
  }
}

/* PSA has no vector count in the message: vectors past the model's tensors must be empty. */
static int32_t copy_sizes(const size_t *from, uint32_t used, uint32_t *to) {
  uint32_t i;
  for (i = 0; i < PSA_MAX_IOVEC; ++i) {
    if (i >= used) {
      if (from[i] != 0u) return TF_SEC_ERR_BAD_COUNT;
    } else if (from[i] != (uint32_t)from[i]) {
      return TF_SEC_ERR_BAD_SIZE;
    } else {
      to[i] = (uint32_t)from[i];
    }
  }
  return TF_SEC_OK;
}

static int32_t invoke(const psa_msg_t *msg) {
  uint32_t in_sizes[PSA_MAX_IOVEC];
  uint32_t out_sizes[PSA_MAX_IOVEC];
  const tf_proto_model_t *m = tinyforge_model;
  tf_sec_request_t req;
  tf_sec_transfer_t xfer;
  int32_t status;
  if (m == NULL) return TF_SEC_ERR_NOT_READY;
  if (m->n_inputs > PSA_MAX_IOVEC || m->n_outputs > PSA_MAX_IOVEC) return TF_SEC_ERR_BAD_COUNT;
  status = copy_sizes(msg->in_size, m->n_inputs, in_sizes);
  if (status == TF_SEC_OK) status = copy_sizes(msg->out_size, m->n_outputs, out_sizes);
  if (status != TF_SEC_OK) return status;
  req.n_inputs = m->n_inputs;
  req.input_sizes = in_sizes;
  req.n_outputs = m->n_outputs;
  req.output_sizes = out_sizes;
  xfer.read_input = read_input;
  xfer.write_output = write_output;
  xfer.ctx = (void *)(uintptr_t)msg;
  return tf_sec_invoke(m, &req, &xfer);
}

/* One request, whichever model (SFN or IPC) delivered it. */
static psa_status_t tinyforge_handle(const psa_msg_t *msg) {
  switch (msg->type) {
    case PSA_IPC_CONNECT:
    case PSA_IPC_DISCONNECT:
      return PSA_SUCCESS;
    case TINYFORGE_REQUEST_INVOKE:
      return psa_status_of(invoke(msg));
    case TINYFORGE_REQUEST_RESET:
      return psa_status_of(tf_sec_reset(tinyforge_model));
    default:
      return PSA_ERROR_NOT_SUPPORTED;
  }
}

static psa_status_t tinyforge_init(void) {
  tinyforge_model = tf_app_init(TINYFORGE_BOARD_NAME);
  return tinyforge_model != NULL ? PSA_SUCCESS : PSA_ERROR_GENERIC_ERROR;
}

#ifdef TINYFORGE_PARTITION_IPC
void tfm_tinyforge_main(void) {
  psa_msg_t msg;
  (void)tinyforge_init();
  for (;;) {
    if (psa_wait(PSA_WAIT_ANY, PSA_BLOCK) & TFM_TINYFORGE_SERVICE_SIGNAL) {
      if (psa_get(TFM_TINYFORGE_SERVICE_SIGNAL, &msg) == PSA_SUCCESS)
        psa_reply(msg.handle, tinyforge_handle(&msg));
    }
  }
}
#else
psa_status_t tfm_tinyforge_init(void) { return tinyforge_init(); }

psa_status_t tfm_tinyforge_service_sfn(const psa_msg_t *msg) { return tinyforge_handle(msg); }
#endif

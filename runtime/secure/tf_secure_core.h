/*
 * The model behind a security boundary (TrustZone secure entry, TF-M partition): the part of
 * a secure service that does not depend on how the boundary is crossed.
 *
 * The caller claims how many buffers it passes and how large each is; those claims are checked
 * against the model's own tensor sizes before any byte moves, and the bytes then move only
 * through the boundary's copy functions (cmse-checked memcpy, psa_read/psa_write). The core
 * never dereferences caller memory and never takes a length from the caller for a copy.
 */
#ifndef TF_SECURE_CORE_H
#define TF_SECURE_CORE_H

#include <stdint.h>

#include "tf_protocol.h"

/* Status codes of every secure call (0 = success). */
#define TF_SEC_OK 0
#define TF_SEC_ERR_NOT_READY 1   /* the model failed to initialise at boot */
#define TF_SEC_ERR_BAD_COUNT 2   /* number of input or output buffers differs from the model's */
#define TF_SEC_ERR_BAD_SIZE 3    /* a buffer's size differs from its tensor's byte size */
#define TF_SEC_ERR_BAD_POINTER 4 /* a buffer is not wholly in the caller's (non-secure) memory */
#define TF_SEC_ERR_BAD_INDEX 5   /* tensor index out of range */
#define TF_SEC_ERR_INVOKE 6      /* the model returned non-zero */
#define TF_SEC_ERR_RESET 7       /* the model's reset returned non-zero */
#define TF_SEC_ERR_TRANSFER 8    /* the boundary moved fewer bytes than the tensor holds */

/* At most this many inputs and outputs per call (PSA passes 4 + 4 iovecs). */
#define TF_SEC_MAX_BUFFERS 16u

/* How bytes cross the boundary. Each copies exactly `size` bytes (the tensor's own size) and
 * returns TF_SEC_OK or a refusal; `index` is the input or output position. */
typedef struct {
  int32_t (*read_input)(void *ctx, uint32_t index, uint8_t *dst, uint32_t size);
  int32_t (*write_output)(void *ctx, uint32_t index, const uint8_t *src, uint32_t size);
  void *ctx;
} tf_sec_transfer_t;

/* What the caller claims to pass. */
typedef struct {
  uint32_t n_inputs;
  const uint32_t *input_sizes;
  uint32_t n_outputs;
  const uint32_t *output_sizes;
} tf_sec_request_t;

/* Checks counts and sizes against the model (model == NULL: TF_SEC_ERR_NOT_READY). */
int32_t tf_sec_check_request(const tf_proto_model_t *model, const tf_sec_request_t *req);

/* Checks the request, copies the inputs in, runs the model, copies the outputs out. Nothing is
 * read from the caller before the whole request has been checked. */
int32_t tf_sec_invoke(const tf_proto_model_t *model, const tf_sec_request_t *req,
                      const tf_sec_transfer_t *xfer);

/* Resets the model's state (no-op for a stateless model). */
int32_t tf_sec_reset(const tf_proto_model_t *model);

/* The tensor at global `index` (inputs first, then outputs), or NULL when out of range. */
const tf_proto_tensor_t *tf_sec_tensor(const tf_proto_model_t *model, uint32_t index);

#endif /* TF_SECURE_CORE_H */

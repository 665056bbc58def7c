/*
 * The tinyforge model service of a TF-M secure partition: what a client passes to psa_call.
 * Shared by the partition (tfm_tinyforge_service.c) and non-secure clients.
 *
 *   psa_call(TFM_TINYFORGE_SERVICE_HANDLE, TINYFORGE_REQUEST_INVOKE,
 *            inputs, number of model inputs, outputs, number of model outputs)
 *
 * Each in_vec / out_vec is one tensor, in model order, and its length must equal the tensor's
 * byte size exactly; anything else is refused with PSA_ERROR_INVALID_ARGUMENT before a byte is
 * read. TINYFORGE_REQUEST_RESET (no vectors) resets the state of a stateful model.
 */
#ifndef TINYFORGE_SERVICE_API_H
#define TINYFORGE_SERVICE_API_H

#define TINYFORGE_REQUEST_INVOKE 1
#define TINYFORGE_REQUEST_RESET 2

#endif /* TINYFORGE_SERVICE_API_H */

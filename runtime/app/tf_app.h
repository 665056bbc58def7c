/*
 * The glue between a generated model and the device protocol: tf_app_model.c (generated per
 * model) owns the model's static buffers and describes them; a platform's main feeds bytes
 * from its transport to the protocol server it gets from tf_app_init().
 */
#ifndef TF_APP_H
#define TF_APP_H

#include <stdint.h>

#include "tf_protocol.h"

/* Platform hooks: a cycle/instruction counter around invoke and each op (may be no-ops). */
void tf_app_counter_start(void);
uint64_t tf_app_counter_read(void);
uint8_t tf_app_counter_unit(void); /* TF_PROTO_UNIT_* */

/* Initializes the model with its static buffers and returns the protocol descriptor,
 * or NULL when the model refuses its buffers. */
const tf_proto_model_t *tf_app_init(const char *board_name);

/* Per-op counts of the last invoke (filled by the profiling hooks). */
void tf_app_op_begin(int op);
void tf_app_op_end(int op);

#endif

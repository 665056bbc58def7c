/*
 * The CMSE entry functions (tf_tz_api.h). Everything the non-secure caller passes is
 * untrusted: descriptor arrays are copied into secure memory once (so the caller cannot change
 * them between check and use), every range is checked with cmse_check_address_range against
 * the caller's view of memory (security attribution and its MPU), and every copy is sized by
 * the model's own tensor sizes, which the claimed sizes must equal.
 */
#include <arm_cmse.h>
#include <stddef.h>
#include <string.h>

#include "tf_secure_core.h"
#include "tf_tz_api.h"
#include "tf_tz_secure.h"

typedef struct {
  const tf_tz_buffer_t *inputs;
  const tf_tz_buffer_t *outputs;
} transfer_ctx_t;

/* An unprivileged caller may only reach what its MPU grants unprivileged code. */
static int caller_flags(int flags) {
  uint32_t control_ns;
  __asm__ volatile("mrs %0, control_ns" : "=r"(control_ns));
  return (control_ns & 1u) ? flags | CMSE_MPU_UNPRIV : flags;
}

static int caller_can_read(const void *p, uint32_t size) {
  if (size == 0u) return 1;
  return cmse_check_address_range((void *)(uintptr_t)p, size,
                                  caller_flags(CMSE_NONSECURE | CMSE_MPU_READ)) != NULL;
}

static int caller_can_write(void *p, uint32_t size) {
  if (size == 0u) return 1;
  return cmse_check_address_range(p, size, caller_flags(CMSE_NONSECURE | CMSE_MPU_READWRITE)) !=
         NULL;
}

static int32_t copy_descriptors(const tf_tz_buffer_t *from, uint32_t count, tf_tz_buffer_t *to,
                                uint32_t *sizes) {
  uint32_t i;
  if (count > TF_SEC_MAX_BUFFERS) return TF_SEC_ERR_BAD_COUNT;
  if (!caller_can_read(from, count * (uint32_t)sizeof(*from))) return TF_SEC_ERR_BAD_POINTER;
  memcpy(to, from, count * sizeof(*from));
  for (i = 0; i < count; ++i) sizes[i] = to[i].size;
  return TF_SEC_OK;
}

static int32_t check_buffers(const tf_tz_buffer_t *inputs, uint32_t n_in,
                             const tf_tz_buffer_t *outputs, uint32_t n_out) {
  uint32_t i;
  for (i = 0; i < n_in; ++i)
    if (!caller_can_read(inputs[i].data, inputs[i].size)) return TF_SEC_ERR_BAD_POINTER;
  for (i = 0; i < n_out; ++i)
    if (!caller_can_write(outputs[i].data, outputs[i].size)) return TF_SEC_ERR_BAD_POINTER;
  return TF_SEC_OK;
}

static int32_t read_input(void *ctx, uint32_t index, uint8_t *dst, uint32_t size) {
  const tf_tz_buffer_t *b = &((const transfer_ctx_t *)ctx)->inputs[index];
  if (!caller_can_read(b->data, size)) return TF_SEC_ERR_BAD_POINTER;
  memcpy(dst, b->data, size);
  return TF_SEC_OK;
}

static int32_t write_output(void *ctx, uint32_t index, const uint8_t *src, uint32_t size) {
  const tf_tz_buffer_t *b = &((const transfer_ctx_t *)ctx)->outputs[index];
  if (!caller_can_write(b->data, size)) return TF_SEC_ERR_BAD_POINTER;
  memcpy(b->data, src, size);
  return TF_SEC_OK;
}

TF_TZ_ENTRY int32_t tf_tz_invoke(const tf_tz_buffer_t *inputs, uint32_t n_inputs,
                                 const tf_tz_buffer_t *outputs, uint32_t n_outputs) {
  tf_tz_buffer_t in[TF_SEC_MAX_BUFFERS];
  tf_tz_buffer_t out[TF_SEC_MAX_BUFFERS];
  uint32_t in_sizes[TF_SEC_MAX_BUFFERS];
  uint32_t out_sizes[TF_SEC_MAX_BUFFERS];
  const tf_sec_request_t req = {n_inputs, in_sizes, n_outputs, out_sizes};
  transfer_ctx_t ctx = {in, out};
  const tf_sec_transfer_t xfer = {read_input, write_output, &ctx};
  int32_t status = copy_descriptors(inputs, n_inputs, in, in_sizes);
  if (status == TF_SEC_OK) status = copy_descriptors(outputs, n_outputs, out, out_sizes);
  if (status == TF_SEC_OK) status = tf_sec_check_request(tf_tz_model(), &req);
  if (status == TF_SEC_OK) status = check_buffers(in, n_inputs, out, n_outputs);
  if (status == TF_SEC_OK) status = tf_sec_invoke(tf_tz_model(), &req, &xfer);
  return status;
}

static void copy_text(char *to, const char *from) {
  size_t n = from == NULL ? 0u : strlen(from);
  if (n >= TF_TZ_TEXT_BYTES) n = TF_TZ_TEXT_BYTES - 1u;
  memcpy(to, from, n);
  to[n] = '\0';
}

TF_TZ_ENTRY int32_t tf_tz_get_info(tf_tz_info_t *info) {
  const tf_proto_model_t *m = tf_tz_model();
  tf_tz_info_t out;
  if (m == NULL) return TF_SEC_ERR_NOT_READY;
  if (!caller_can_write(info, sizeof(*info))) return TF_SEC_ERR_BAD_POINTER;
  memset(&out, 0, sizeof(out));
  copy_text(out.runtime_version, m->runtime_version);
  copy_text(out.board_name, m->board_name);
  copy_text(out.model_name, m->model_name);
  memcpy(out.model_hash, m->model_hash, sizeof(out.model_hash));
  out.n_inputs = m->n_inputs;
  out.n_outputs = m->n_outputs;
  out.op_count = m->stats != NULL ? m->stats->per_op_count : 0u;
  memcpy(info, &out, sizeof(out));
  return TF_SEC_OK;
}

TF_TZ_ENTRY int32_t tf_tz_get_tensor(uint32_t index, tf_tz_tensor_info_t *tensor) {
  const tf_proto_tensor_t *t = tf_sec_tensor(tf_tz_model(), index);
  tf_tz_tensor_info_t out;
  uint32_t i;
  if (tf_tz_model() == NULL) return TF_SEC_ERR_NOT_READY;
  if (t == NULL) return TF_SEC_ERR_BAD_INDEX;
  if (!caller_can_write(tensor, sizeof(*tensor))) return TF_SEC_ERR_BAD_POINTER;
  memset(&out, 0, sizeof(out));
  copy_text(out.name, t->name);
  out.dtype = t->dtype;
  out.rank = t->rank <= TF_TZ_MAX_RANK ? t->rank : TF_TZ_MAX_RANK;
  for (i = 0; i < out.rank; ++i) out.dims[i] = t->dims[i];
  out.scale = t->scale;
  out.zero_point = t->zero_point;
  out.byte_size = t->byte_size;
  memcpy(tensor, &out, sizeof(out));
  return TF_SEC_OK;
}

TF_TZ_ENTRY int32_t tf_tz_get_stats(tf_tz_stats_t *stats, uint64_t *per_op, uint32_t capacity) {
  const tf_proto_model_t *m = tf_tz_model();
  tf_tz_stats_t out;
  uint32_t count;
  if (m == NULL || m->stats == NULL) return TF_SEC_ERR_NOT_READY;
  count = capacity < m->stats->per_op_count ? capacity : m->stats->per_op_count;
  if (!caller_can_write(stats, sizeof(*stats))) return TF_SEC_ERR_BAD_POINTER;
  if (!caller_can_write(per_op, count * (uint32_t)sizeof(*per_op))) return TF_SEC_ERR_BAD_POINTER;
  out.unit = m->stats->unit;
  out.op_count = m->stats->per_op_count;
  out.total = m->stats->total;
  out.arena_size_bytes = m->stats->arena_size_bytes;
  out.arena_used_bytes = m->stats->arena_used_bytes;
  out.stack_used_bytes = m->stats->stack_used_bytes;
  out.ram_bytes = m->stats->ram_bytes;
  memcpy(stats, &out, sizeof(out));
  if (count > 0u) memcpy(per_op, m->stats->per_op, count * sizeof(*per_op));
  return TF_SEC_OK;
}

TF_TZ_ENTRY int32_t tf_tz_reset(void) { return tf_sec_reset(tf_tz_model()); }

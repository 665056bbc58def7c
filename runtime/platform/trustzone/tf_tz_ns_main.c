/*
 * The non-secure application: the device protocol server (the same one the plain firmware
 * runs) on the UART, with a model whose every call crosses into the secure image. Its buffers
 * are in non-secure RAM; INVOKE hands them to tf_tz_invoke, and a refused call comes back to
 * the host as INVOKE_FAILED with the secure status as the detail.
 */
#include <stddef.h>
#include <stdint.h>

#include "tf_platform.h"
#include "tf_protocol.h"
#include "tf_tz_layout.h"
#include "tf_tz_ns_model.h"

#define TF_TZ_READY_BYTE 0x00u

static tf_tz_ns_model_t ns_model;
static tf_proto_model_t proto_model;
static tf_proto_stats_t stats;
static uint64_t per_op[TF_TZ_NS_MAX_OPS > 0 ? TF_TZ_NS_MAX_OPS : 1];

static void refresh_stats(void) {
  tf_tz_stats_t s;
  if (tf_tz_get_stats(&s, per_op, TF_TZ_NS_MAX_OPS) != 0) return;
  stats.unit = (uint8_t)s.unit;
  stats.total = s.total;
  stats.per_op = per_op;
  stats.per_op_count = (uint16_t)(s.op_count < TF_TZ_NS_MAX_OPS ? s.op_count : TF_TZ_NS_MAX_OPS);
  stats.arena_size_bytes = s.arena_size_bytes;
  stats.arena_used_bytes = s.arena_used_bytes;
  stats.stack_used_bytes = s.stack_used_bytes;
  stats.ram_bytes = s.ram_bytes;
}

static int ns_invoke(void *user) {
  int32_t status;
  (void)user;
  status = tf_tz_ns_model_invoke(&ns_model);
  refresh_stats();
  return (int)status;
}

static int ns_reset(void *user) {
  (void)user;
  return (int)tf_tz_reset();
}

static void uart_write(const uint8_t *data, size_t len, void *user) {
  (void)user;
  tf_uart_write(data, len);
}

static void describe_model(void) {
  const tf_tz_info_t *info = &ns_model.info;
  uint32_t i;
  proto_model.runtime_version = info->runtime_version;
  proto_model.board_name = info->board_name;
  proto_model.model_name = info->model_name;
  for (i = 0; i < TF_PROTO_HASH_BYTES; ++i) proto_model.model_hash[i] = info->model_hash[i];
  proto_model.inputs = ns_model.tensors;
  proto_model.n_inputs = (uint8_t)info->n_inputs;
  proto_model.outputs = ns_model.tensors + info->n_inputs;
  proto_model.n_outputs = (uint8_t)info->n_outputs;
  proto_model.invoke = ns_invoke;
  proto_model.reset = ns_reset;
  proto_model.stats = &stats;
  proto_model.user = NULL;
}

int main(void) {
  static tf_proto_server_t server;
  static const tf_proto_io_t io = {uart_write, NULL};
  int32_t status = tf_tz_ns_model_load(&ns_model);
  if (status != 0) {
    tf_puts("tinyforge: the secure model is not available, status ");
    tf_put_i32(status);
    tf_puts("\n");
    return 1;
  }
  describe_model();
  refresh_stats();
  if (tf_proto_server_init(&server, &proto_model, &io) != 0) {
    tf_puts("tinyforge: protocol server refused the model\n");
    return 2;
  }
  /* Ready: a lone frame delimiter, as the plain firmware sends (runtime/platform/cortex_m/app/
   * tf_main.c); the host waits for it before its first request. */
  tf_uart_putc(TF_TZ_READY_BYTE);
  for (;;) {
    tf_proto_server_feed(&server, tf_uart_getc());
  }
}

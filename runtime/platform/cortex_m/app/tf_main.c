/*
 * The main of every Cortex-M firmware tinyforge generates (platforms qemu and baremetal): the
 * generated model behind the device protocol, fed byte by byte from the UART.
 *
 * Counting (docs/platforms.md): the app glue times each invoke and each op with the SysTick
 * counter and reports timer ticks; the host turns them into instructions (QEMU -icount:
 * ticks * 1e9 / TF_SYSTICK_HZ) or cycles (a real core clocking SysTick). Each invoke also runs
 * between the exact-count markers, so QEMU's counting plugin can report it to the host.
 * The stack is painted at start-up and its high-water mark goes into STATS after every invoke.
 */
#include <stddef.h>
#include <stdint.h>

#include "tf_app.h"
#include "tf_platform.h"

#ifndef TF_BOARD_NAME
#define TF_BOARD_NAME "cortex-m"
#endif

/* Left on words of the stack nothing has written yet. */
#define TF_STACK_PAINT 0xA5A5A5A5u
/* Words kept free below main's frame while painting (the painting loop's own frame). */
#define TF_STACK_PAINT_MARGIN 32u
#define TF_READY_BYTE 0x00u

extern uint32_t __stack_limit[];
extern uint32_t __stack_top[];
extern uint32_t __bss_end[];

static const tf_proto_model_t *app_model;
static tf_proto_model_t measured_model;
static tf_proto_stats_t measured_stats;

void tf_app_counter_start(void) { tf_counter_start(); }
uint64_t tf_app_counter_read(void) { return tf_counter_read(); }
uint8_t tf_app_counter_unit(void) { return TF_PROTO_UNIT_TICKS; }

#ifdef TF_NO_SEMIHOSTING
/* Without a debugger attached a semihosting call faults again: a board just stops. */
void tf_exit(int code) {
  (void)code;
  for (;;) {
    __asm__ volatile("wfi");
  }
}
#endif

static void uart_write(const uint8_t *data, size_t len, void *user) {
  (void)user;
  tf_uart_write(data, len);
}

static void paint_stack(void) {
  uint32_t *word = __stack_limit;
  uint32_t *end = (uint32_t *)__builtin_frame_address(0) - TF_STACK_PAINT_MARGIN;
  while (word < end) {
    *word++ = TF_STACK_PAINT;
  }
}

static uint32_t stack_used_bytes(void) {
  const uint32_t *word = __stack_limit;
  while (word < __stack_top && *word == TF_STACK_PAINT) {
    word++;
  }
  return (uint32_t)((uintptr_t)__stack_top - (uintptr_t)word);
}

static int measured_invoke(void *user) {
  int rc;
  TF_INSN_REGION_BEGIN();
  rc = app_model->invoke(user);
  TF_INSN_REGION_END();
  measured_stats = *app_model->stats;
  measured_stats.stack_used_bytes = stack_used_bytes();
  measured_stats.ram_bytes = (uint32_t)((uintptr_t)__bss_end - (uintptr_t)__stack_limit);
  return rc;
}

int main(void) {
  static tf_proto_server_t server;
  static const tf_proto_io_t io = {uart_write, NULL};
  paint_stack();
  app_model = tf_app_init(TF_BOARD_NAME);
  if (app_model == NULL || app_model->stats == NULL) {
    tf_puts("tinyforge: model initialization failed\n");
    return 1;
  }
  measured_model = *app_model;
  measured_model.invoke = measured_invoke;
  measured_stats = *app_model->stats;
  measured_model.stats = &measured_stats;
  if (tf_proto_server_init(&server, &measured_model, &io) != 0) {
    tf_puts("tinyforge: protocol server refused the model\n");
    return 2;
  }
  /* Ready: a lone frame delimiter, which every receiver ignores (an empty frame). The host
   * waits for it because QEMU holds bytes that arrive before the UART's receiver is enabled
   * for up to a second. */
  tf_uart_putc(TF_READY_BYTE);
  for (;;) {
    tf_proto_server_feed(&server, tf_uart_getc());
  }
}

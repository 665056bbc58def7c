/*
 * The secure image's main: initialise the model in secure memory, lock the memory map down
 * (tf_tz_config.c), then hand the core to the non-secure application, which reaches the model
 * only through the entries of tf_tz_entry.c.
 *
 * Counting works as in the plain firmware (runtime/platform/cortex_m/app/tf_main.c): the secure
 * SysTick times each invoke and op, the invoke runs between the exact-count markers, and the
 * painted secure stack gives its high-water mark.
 */
#include <stddef.h>
#include <stdint.h>

#include "tf_app.h"
#include "tf_platform.h"
#include "tf_tz_secure.h"

#ifndef TF_BOARD_NAME
#define TF_BOARD_NAME "trustzone"
#endif

#define TF_STACK_PAINT 0xA5A5A5A5u
#define TF_STACK_PAINT_MARGIN 32u

extern uint32_t __stack_limit[];
extern uint32_t __stack_top[];
extern uint32_t __bss_end[];

static const tf_proto_model_t *app_model;
static tf_proto_model_t measured_model;
static tf_proto_stats_t measured_stats;
static int model_ready;

void tf_app_counter_start(void) { tf_counter_start(); }
uint64_t tf_app_counter_read(void) { return tf_counter_read(); }
uint8_t tf_app_counter_unit(void) { return TF_PROTO_UNIT_TICKS; }

const tf_proto_model_t *tf_tz_model(void) { return model_ready ? &measured_model : NULL; }

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
  paint_stack();
  app_model = tf_app_init(TF_BOARD_NAME);
  if (app_model == NULL || app_model->stats == NULL) {
    tf_puts("tinyforge: model initialization failed (secure)\n");
    return 1;
  }
  measured_model = *app_model;
  measured_model.invoke = measured_invoke;
  measured_stats = *app_model->stats;
  measured_model.stats = &measured_stats;
  model_ready = 1;
  tf_tz_configure();
  tf_tz_start_nonsecure();
}

/* Two ways to count work deterministically under QEMU (docs/firmware.md):
 *
 * 1. SysTick ticks (tf_counter_start/tf_counter_read). Deterministic only when QEMU runs with
 *    `-icount shift=0,align=off,sleep=off`: every instruction then takes 1 ns of virtual time,
 *    so instructions ~= ticks * 1e9 / systickHz (40 per tick at 25 MHz). Resolution is one
 *    tick; the 24-bit counter wraps every 2^24 ticks, counted by the SysTick interrupt.
 *    Without -icount the ticks follow the host's wall clock.
 *
 * 2. Exact instruction counts: the tools/qemu-plugin/insn_count.c plugin counts the
 *    instructions executed strictly between TF_INSN_REGION_BEGIN() and TF_INSN_REGION_END()
 *    and reports each count on QEMU's log (stderr). The markers are architectural no-ops.
 *    Leave the SysTick counter stopped in a measured region, or its interrupt handler's
 *    instructions are counted too. */
#ifndef TF_COUNTER_H
#define TF_COUNTER_H

#include <stdint.h>

/* Reload value; a test may shrink it to exercise the wrap handling quickly. */
#ifndef TF_COUNTER_RELOAD
#define TF_COUNTER_RELOAD 0xFFFFFFu
#endif

/* Restarts the count at zero and enables the SysTick interrupt. */
void tf_counter_start(void);
/* SysTick ticks since the last tf_counter_start(). */
uint64_t tf_counter_read(void);
void tf_counter_stop(void);

void tf_systick_handler(void);

/* `mov r10, r10` / `mov r11, r11`: no-ops the compiler never emits, so the plugin can look
 * for their encodings (0x46d2 / 0x46db). The memory clobber keeps loads and stores inside. */
#define TF_INSN_REGION_BEGIN() __asm__ volatile("mov r10, r10" ::: "memory")
#define TF_INSN_REGION_END() __asm__ volatile("mov r11, r11" ::: "memory")

#endif

/* One reporter for every fault: a single line the host can grep, then a non-zero exit.
 * Example: "FAULT BusFault CFSR=00008200 HFSR=00000000 PC=000001c4 LR=00000197 ADDR=f0000000" */
#include <stdint.h>

#include "tf_platform.h"

#define TF_SCB_CFSR (*(volatile uint32_t *)0xE000ED28u)
#define TF_SCB_HFSR (*(volatile uint32_t *)0xE000ED2Cu)
#define TF_SCB_MMFAR (*(volatile uint32_t *)0xE000ED34u)
#define TF_SCB_BFAR (*(volatile uint32_t *)0xE000ED38u)
#define TF_CFSR_MMARVALID (1u << 7)
#define TF_CFSR_BFARVALID (1u << 15)
#define TF_FRAME_LR 5
#define TF_FRAME_PC 6
#define TF_FRAME_WORDS 8

extern uint32_t __stack_limit[];
extern uint32_t __stack_top[];

static const char *tf_exception_name(uint32_t number) {
  static const char *const names[] = {"Thread",    "Reset",     "NMI",        "HardFault",
                                      "MemManage", "BusFault",  "UsageFault", "SecureFault",
                                      "Reserved",  "Reserved",  "Reserved",   "SVCall",
                                      "DebugMon",  "Reserved",  "PendSV",     "SysTick"};
  return number < sizeof(names) / sizeof(names[0]) ? names[number] : "IRQ";
}

/* The stacked frame is only trusted when it lies inside the stack: after an overflow or a
 * stacking error, reading it would fault again. */
static int tf_frame_readable(const uint32_t *frame) {
  return frame >= __stack_limit && frame + TF_FRAME_WORDS <= __stack_top;
}

static void tf_put_field(const char *name, uint32_t value) {
  tf_puts(name);
  tf_put_hex32(value);
}

void tf_fault_report(const uint32_t *frame) {
  uint32_t ipsr;
  __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
  uint32_t number = ipsr & 0x1FFu;
  uint32_t cfsr = TF_SCB_CFSR;
  tf_uart_init();
  tf_puts("\nFAULT ");
  tf_puts(tf_exception_name(number));
  if (number >= 16u) {
    tf_put_u32(number - 16u);
  }
  tf_put_field(" CFSR=", cfsr);
  tf_put_field(" HFSR=", TF_SCB_HFSR);
  if (tf_frame_readable(frame)) {
    tf_put_field(" PC=", frame[TF_FRAME_PC]);
    tf_put_field(" LR=", frame[TF_FRAME_LR]);
  }
  if (cfsr & TF_CFSR_BFARVALID) {
    tf_put_field(" ADDR=", TF_SCB_BFAR);
  } else if (cfsr & TF_CFSR_MMARVALID) {
    tf_put_field(" ADDR=", TF_SCB_MMFAR);
  }
  tf_puts("\n");
  tf_exit(TF_EXIT_FAULT);
}

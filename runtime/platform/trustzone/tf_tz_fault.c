/*
 * Every fault the secure image handles — its own, and the non-secure side's SecureFaults,
 * BusFaults and HardFaults (those target the secure state) — as one line on the UART:
 *
 *   FAULT SecureFault SFSR=00000008 (AUVIOL) CFSR=00000000 HFSR=00000000 from non-secure PC=80000b2e LR=80000a99
 *
 * "from non-secure" when the exception interrupted non-secure code (EXC_RETURN.S = 0); the
 * stacked PC/LR are then read from the non-secure stack. QEMU never sets SFAR, so the address
 * appears only when the core recorded it (SFAR, BFAR or MMFAR valid).
 */
#include <stdint.h>

#include "tf_platform.h"
#include "tf_tz_fault.h"
#include "tf_tz_layout.h"

#define TF_REG(addr) (*(volatile uint32_t *)(addr))
#define TF_SCB_CFSR TF_REG(0xE000ED28u)
#define TF_SCB_HFSR TF_REG(0xE000ED2Cu)
#define TF_SCB_MMFAR TF_REG(0xE000ED34u)
#define TF_SCB_BFAR TF_REG(0xE000ED38u)
#define TF_SAU_SFSR TF_REG(0xE000EDE4u)
#define TF_SAU_SFAR TF_REG(0xE000EDE8u)
#define TF_CFSR_MMARVALID (1u << 7)
#define TF_CFSR_BFARVALID (1u << 15)
#define TF_SFSR_SFARVALID (1u << 6)
#define TF_EXC_RETURN_S (1u << 6)
#define TF_FRAME_LR 5
#define TF_FRAME_PC 6
#define TF_FRAME_WORDS 8

extern uint32_t __stack_limit[];
extern uint32_t __stack_top[];

static const char *exception_name(uint32_t number) {
  static const char *const names[] = {"Thread",    "Reset",     "NMI",        "HardFault",
                                      "MemManage", "BusFault",  "UsageFault", "SecureFault",
                                      "Reserved",  "Reserved",  "Reserved",   "SVCall",
                                      "DebugMon",  "Reserved",  "PendSV",     "SysTick"};
  return number < sizeof(names) / sizeof(names[0]) ? names[number] : "IRQ";
}

static const char *sfsr_name(uint32_t sfsr) {
  static const char *const names[] = {"INVEP", "INVIS",  "INVER",     "AUVIOL",
                                      "INVTRAN", "LSPERR", "SFARVALID", "LSERR"};
  uint32_t bit;
  for (bit = 0; bit < sizeof(names) / sizeof(names[0]); ++bit) {
    if (bit != 6u && (sfsr & (1u << bit))) return names[bit];
  }
  return NULL;
}

static int frame_readable(const uint32_t *frame, int from_secure) {
  uintptr_t start = from_secure ? (uintptr_t)__stack_limit : TF_TZ_NS_RAM_START;
  uintptr_t end = from_secure ? (uintptr_t)__stack_top : TF_TZ_NS_RAM_START + TF_TZ_NS_RAM_SIZE;
  return (uintptr_t)frame >= start && (uintptr_t)(frame + TF_FRAME_WORDS) <= end;
}

static void put_field(const char *name, uint32_t value) {
  tf_puts(name);
  tf_put_hex32(value);
}

static void put_address(uint32_t cfsr, uint32_t sfsr) {
  if (sfsr & TF_SFSR_SFARVALID) {
    put_field(" ADDR=", TF_SAU_SFAR);
  } else if (cfsr & TF_CFSR_BFARVALID) {
    put_field(" ADDR=", TF_SCB_BFAR);
  } else if (cfsr & TF_CFSR_MMARVALID) {
    put_field(" ADDR=", TF_SCB_MMFAR);
  }
}

void tf_tz_fault_report(const uint32_t *frame, uint32_t exc_return) {
  uint32_t ipsr;
  uint32_t sfsr = TF_SAU_SFSR;
  uint32_t cfsr = TF_SCB_CFSR;
  int from_secure = (exc_return & TF_EXC_RETURN_S) != 0u;
  const char *cause = sfsr_name(sfsr);
  __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
  tf_uart_init();
  tf_puts("\nFAULT ");
  tf_puts(exception_name(ipsr & 0x1FFu));
  put_field(" SFSR=", sfsr);
  if (cause != NULL) {
    tf_puts(" (");
    tf_puts(cause);
    tf_puts(")");
  }
  put_field(" CFSR=", cfsr);
  put_field(" HFSR=", TF_SCB_HFSR);
  tf_puts(from_secure ? " from secure" : " from non-secure");
  if (frame_readable(frame, from_secure)) {
    put_field(" PC=", frame[TF_FRAME_PC]);
    put_field(" LR=", frame[TF_FRAME_LR]);
  }
  put_address(cfsr, sfsr);
  tf_puts("\n");
  tf_exit(TF_EXIT_FAULT);
}

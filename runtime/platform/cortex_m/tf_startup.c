/* Vector table and reset handler for every Cortex-M board of the qemu platform. Only the 16
 * core exceptions have vectors: the runtime polls its peripherals and enables no external
 * interrupt, so a full IRQ table would only cost flash. */
#include <stdint.h>
#include <string.h>

#include "tf_counter.h"
#include "tf_platform.h"
#include "tf_uart.h"

/* Defined by the generated linker script (src/platforms/common/linker-script.ts). */
extern uint32_t __data_load[];
extern uint32_t __data_start[];
extern uint32_t __data_end[];
extern uint32_t __bss_start[];
extern uint32_t __bss_end[];
extern uint32_t __stack_limit[];
extern uint32_t __stack_top[];

int main(void);
void tf_reset_handler(void) __attribute__((noreturn));

#define TF_SCB_CPACR (*(volatile uint32_t *)0xE000ED88u)
/* Full access to coprocessors 10 and 11 (the FPU, and MVE on v8.1-M). */
#define TF_CPACR_CP10_CP11 (0xFu << 20)

typedef void (*tf_handler_t)(void);

typedef struct {
  void *initial_sp;
  tf_handler_t handlers[15];
} tf_vector_table_t;

/* The handlers a program does not define fall into the fault reporter, which names the
 * exception (e.g. "FAULT SysTick") instead of hanging. */
void tf_systick_handler(void) __attribute__((weak, alias("tf_fault_entry")));

__attribute__((section(".vectors"), used)) static const tf_vector_table_t tf_vectors = {
    __stack_top,
    {
        tf_reset_handler,
        tf_fault_entry, /* NMI */
        tf_fault_entry, /* HardFault */
        tf_fault_entry, /* MemManage */
        tf_fault_entry, /* BusFault */
        tf_fault_entry, /* UsageFault */
        tf_fault_entry, /* SecureFault (v8-M) */
        0,
        0,
        0,
        tf_fault_entry, /* SVCall */
        tf_fault_entry, /* DebugMonitor */
        0,
        tf_fault_entry, /* PendSV */
        tf_systick_handler,
    },
};

/* Hands the faulting stack frame to the reporter. It keeps running on the current stack
 * (below the frame) unless that stack has overflowed, then it restarts at the top: the
 * reporter never returns, and the frame is not read in that case. */
__attribute__((naked)) void tf_fault_entry(void) {
  __asm__ volatile(
      "tst lr, #4\n\t"
      "ite eq\n\t"
      "mrseq r0, msp\n\t"
      "mrsne r0, psp\n\t"
      "mrs r1, msp\n\t"
      "ldr r2, =__stack_limit + 256\n\t"
      "cmp r1, r2\n\t"
      "bhs 1f\n\t"
      "ldr r1, =__stack_top\n\t"
      "mov sp, r1\n"
      "1:\n\t"
      "b tf_fault_report\n\t");
}

__attribute__((weak)) void tf_exit(int code) { tf_semihost_exit(code); }

void tf_reset_handler(void) {
  memcpy(__data_start, __data_load, (size_t)((uintptr_t)__data_end - (uintptr_t)__data_start));
  memset(__bss_start, 0, (size_t)((uintptr_t)__bss_end - (uintptr_t)__bss_start));
#if defined(__ARM_FP) || defined(__ARM_FEATURE_MVE)
  TF_SCB_CPACR |= TF_CPACR_CP10_CP11;
  __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
#if defined(__ARM_ARCH_8M_MAIN__) || defined(__ARM_ARCH_8_1M_MAIN__)
  /* v8-M checks the stack limit in hardware: an overflow faults (UsageFault STKOF) instead
   * of silently corrupting .data. */
  __asm__ volatile("msr msplim, %0" ::"r"(__stack_limit));
#endif
  tf_uart_init();
  tf_exit(main());
}

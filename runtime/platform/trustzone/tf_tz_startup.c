/*
 * Vector table and reset handler of the secure image. Like the plain firmware's startup
 * (runtime/platform/cortex_m/tf_startup.c) but with the secure fault reporter, which also
 * reads SFSR and the frame a non-secure fault stacked on the non-secure stack.
 */
#include <stdint.h>
#include <string.h>

#include "tf_platform.h"
#include "tf_tz_fault.h"

extern uint32_t __data_load[];
extern uint32_t __data_start[];
extern uint32_t __data_end[];
extern uint32_t __bss_start[];
extern uint32_t __bss_end[];
extern uint32_t __stack_limit[];
extern uint32_t __stack_top[];

int main(void);
void tf_tz_reset_handler(void) __attribute__((noreturn));

#define TF_SCB_CPACR (*(volatile uint32_t *)0xE000ED88u)
#define TF_CPACR_CP10_CP11 (0xFu << 20)

typedef void (*tf_handler_t)(void);

typedef struct {
  void *initial_sp;
  tf_handler_t handlers[15];
} tf_vector_table_t;

/* Hands the stacked frame (secure or non-secure stack) and EXC_RETURN to the reporter; moves to
 * the top of the secure stack only when too little of it is left to print. */
__attribute__((naked)) void tf_tz_fault_entry(void) {
  __asm__ volatile(
      "mov r1, lr\n\t"
      "tst lr, #0x40\n\t"
      "beq 1f\n\t"
      "tst lr, #4\n\t"
      "ite eq\n\t"
      "mrseq r0, msp\n\t"
      "mrsne r0, psp\n\t"
      "b 2f\n"
      "1:\n\t"
      "tst lr, #4\n\t"
      "ite eq\n\t"
      "mrseq r0, msp_ns\n\t"
      "mrsne r0, psp_ns\n"
      "2:\n\t"
      "mrs r2, msp\n\t"
      "ldr r3, =__stack_limit + 256\n\t"
      "cmp r2, r3\n\t"
      "bhs 3f\n\t"
      "ldr r2, =__stack_top\n\t"
      "mov sp, r2\n"
      "3:\n\t"
      "b tf_tz_fault_report\n\t");
}

void tf_systick_handler(void) __attribute__((weak, alias("tf_tz_fault_entry")));

__attribute__((section(".vectors"), used)) static const tf_vector_table_t tf_tz_vectors = {
    __stack_top,
    {
        tf_tz_reset_handler,
        tf_tz_fault_entry, /* NMI */
        tf_tz_fault_entry, /* HardFault */
        tf_tz_fault_entry, /* MemManage */
        tf_tz_fault_entry, /* BusFault */
        tf_tz_fault_entry, /* UsageFault */
        tf_tz_fault_entry, /* SecureFault */
        0,
        0,
        0,
        tf_tz_fault_entry, /* SVCall */
        tf_tz_fault_entry, /* DebugMonitor */
        0,
        tf_tz_fault_entry, /* PendSV */
        tf_systick_handler,
    },
};

void tf_exit(int code) { tf_semihost_exit(code); }

void tf_tz_reset_handler(void) {
  memcpy(__data_start, __data_load, (size_t)((uintptr_t)__data_end - (uintptr_t)__data_start));
  memset(__bss_start, 0, (size_t)((uintptr_t)__bss_end - (uintptr_t)__bss_start));
#if defined(__ARM_FP)
  TF_SCB_CPACR |= TF_CPACR_CP10_CP11;
  __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
  __asm__ volatile("msr msplim, %0" ::"r"(__stack_limit));
  tf_uart_init();
  tf_exit(main());
}

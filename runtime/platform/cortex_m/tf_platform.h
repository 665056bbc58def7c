/* Everything the Cortex-M platform base offers a firmware. The build passes the board's
 * facts as macros (src/platforms/common/toolchain.ts boardDefines): TF_UART_BASE and
 * TF_SYSTICK_HZ. The reset handler has already initialised .data, .bss, the FPU and the
 * UART when main() runs; main's return value becomes QEMU's exit status. */
#ifndef TF_PLATFORM_H
#define TF_PLATFORM_H

#include "tf_counter.h"
#include "tf_print.h"
#include "tf_semihost.h"
#include "tf_uart.h"

/* Exit status after a fault (the fault line has been printed on the UART first). */
#define TF_EXIT_FAULT 125

/* Ends the program. The default reports `code` via semihosting; a real-board platform
 * overrides it (it is weak). */
void tf_exit(int code) __attribute__((noreturn));

void tf_fault_entry(void);
void tf_fault_report(const uint32_t *frame) __attribute__((noreturn));

#endif

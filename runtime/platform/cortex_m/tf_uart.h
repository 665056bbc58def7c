/* Polled driver for the CMSDK APB UART of the MPS2/MPS3 boards. The base address comes from
 * the board (boards.json uartBase) as -DTF_UART_BASE=... . Polling, not interrupts: the
 * protocol is strictly request/response, and QEMU never drops a byte (it back-pressures). */
#ifndef TF_UART_H
#define TF_UART_H

#include <stddef.h>
#include <stdint.h>

void tf_uart_init(void);
void tf_uart_putc(uint8_t byte);
/* Blocks until a byte arrives. */
uint8_t tf_uart_getc(void);
/* Returns 1 and stores the byte when one is waiting, 0 otherwise (never blocks). */
int tf_uart_getc_poll(uint8_t *byte);
void tf_uart_write(const void *buf, size_t len);
void tf_uart_read(void *buf, size_t len);

#endif

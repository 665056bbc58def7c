#include "tf_uart.h"

#ifndef TF_UART_BASE
#error "TF_UART_BASE must be defined by the board (boards.json uartBase)"
#endif

typedef struct {
  volatile uint32_t data;
  volatile uint32_t state;
  volatile uint32_t ctrl;
  volatile uint32_t intstatus;
  volatile uint32_t bauddiv;
} tf_cmsdk_uart_t;

#define TF_UART ((tf_cmsdk_uart_t *)(uintptr_t)(TF_UART_BASE))
#define TF_UART_STATE_TX_FULL 1u
#define TF_UART_STATE_RX_FULL 2u
#define TF_UART_CTRL_TX_RX 3u
/* The CMSDK UART refuses to run with a divider below 16; QEMU ignores the baud rate. */
#define TF_UART_MIN_BAUDDIV 16u
/* A real board sets it to its UART clock / baud rate (the baremetal platform does). */
#ifndef TF_UART_BAUDDIV
#define TF_UART_BAUDDIV TF_UART_MIN_BAUDDIV
#endif

void tf_uart_init(void) {
  TF_UART->bauddiv = TF_UART_BAUDDIV;
  TF_UART->ctrl = TF_UART_CTRL_TX_RX;
  /* Drops a stale byte; under QEMU the read also makes the serial backend look for input
   * again, which it stopped doing while the receiver was off (otherwise bytes sent before
   * this point wait up to a second). */
  (void)TF_UART->data;
}

void tf_uart_putc(uint8_t byte) {
  while (TF_UART->state & TF_UART_STATE_TX_FULL) {
  }
  TF_UART->data = byte;
}

uint8_t tf_uart_getc(void) {
  while (!(TF_UART->state & TF_UART_STATE_RX_FULL)) {
  }
  return (uint8_t)TF_UART->data;
}

int tf_uart_getc_poll(uint8_t *byte) {
  if (!(TF_UART->state & TF_UART_STATE_RX_FULL)) {
    return 0;
  }
  *byte = (uint8_t)TF_UART->data;
  return 1;
}

void tf_uart_write(const void *buf, size_t len) {
  const uint8_t *bytes = (const uint8_t *)buf;
  for (size_t i = 0; i < len; i++) {
    tf_uart_putc(bytes[i]);
  }
}

void tf_uart_read(void *buf, size_t len) {
  uint8_t *bytes = (uint8_t *)buf;
  for (size_t i = 0; i < len; i++) {
    bytes[i] = tf_uart_getc();
  }
}

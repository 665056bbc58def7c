#include "tf_print.h"

#include "tf_uart.h"

void tf_puts(const char *text) {
  while (*text != '\0') {
    tf_uart_putc((uint8_t)*text++);
  }
}

void tf_put_hex32(uint32_t value) {
  for (int shift = 28; shift >= 0; shift -= 4) {
    uint32_t nibble = (value >> shift) & 0xFu;
    tf_uart_putc((uint8_t)(nibble < 10u ? '0' + nibble : 'a' + nibble - 10u));
  }
}

void tf_put_u32(uint32_t value) {
  char digits[10];
  int count = 0;
  do {
    digits[count++] = (char)('0' + value % 10u);
    value /= 10u;
  } while (value != 0u);
  while (count > 0) {
    tf_uart_putc((uint8_t)digits[--count]);
  }
}

void tf_put_i32(int32_t value) {
  if (value < 0) {
    tf_uart_putc('-');
    tf_put_u32(0u - (uint32_t)value);
    return;
  }
  tf_put_u32((uint32_t)value);
}

/* printf-free text output over the UART: enough for diagnostics without pulling a libc
 * formatter (several KB of flash) into firmware whose size is being measured. Lines end
 * with "\n" only; the channel is binary, nothing is translated. */
#ifndef TF_PRINT_H
#define TF_PRINT_H

#include <stdint.h>

void tf_puts(const char *text);
/* Always 8 lowercase hex digits, no prefix. */
void tf_put_hex32(uint32_t value);
void tf_put_u32(uint32_t value);
void tf_put_i32(int32_t value);

#endif

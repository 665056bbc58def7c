/* The secure image's fault reporter: one line on the UART, then exit TF_EXIT_FAULT. */
#ifndef TF_TZ_FAULT_H
#define TF_TZ_FAULT_H

#include <stdint.h>

void tf_tz_fault_entry(void);
void tf_tz_fault_report(const uint32_t *frame, uint32_t exc_return) __attribute__((noreturn));

#endif /* TF_TZ_FAULT_H */

/* Boot into the non-secure image: its vector table sits at the start of its code partition. */
#include <arm_cmse.h>
#include <stdint.h>

#include "tf_tz_layout.h"
#include "tf_tz_secure.h"

#define TF_SCB_VTOR_NS (*(volatile uint32_t *)0xE002ED08u)

typedef void __attribute__((cmse_nonsecure_call)) (*tf_ns_entry_t)(void);

void tf_tz_start_nonsecure(void) {
  const volatile uint32_t *vectors = (const volatile uint32_t *)TF_TZ_NS_FLASH_START;
  tf_ns_entry_t entry;
  TF_SCB_VTOR_NS = TF_TZ_NS_FLASH_START;
  __asm__ volatile("msr msp_ns, %0" ::"r"(vectors[0]));
  entry = (tf_ns_entry_t)cmse_nsfptr_create(vectors[1]);
  entry();
  /* The non-secure application never returns; if it does, stop here. */
  for (;;) {
    __asm__ volatile("wfi");
  }
}

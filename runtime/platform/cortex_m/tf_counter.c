#include "tf_counter.h"

#define TF_SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define TF_SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define TF_SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define TF_SCB_ICSR (*(volatile uint32_t *)0xE000ED04u)
#define TF_ICSR_PENDSTSET (1u << 26)
/* CLKSOURCE = processor clock, TICKINT, ENABLE. */
#define TF_SYST_CSR_RUN 7u
#define TF_COUNTER_PERIOD ((uint64_t)TF_COUNTER_RELOAD + 1u)

static volatile uint32_t tf_counter_wraps;
static uint64_t tf_counter_base;

void tf_systick_handler(void) { tf_counter_wraps++; }

/* Ticks since the counter was enabled. The wrap interrupt pends when the counter reaches 0,
 * so a pending-but-not-yet-taken wrap is folded in here with interrupts masked; without
 * that, a read racing the wrap would step back by a whole period. */
static uint64_t tf_counter_raw(void) {
  uint32_t primask;
  __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask)::"memory");
  uint32_t wraps = tf_counter_wraps;
  uint32_t current = TF_SYST_CVR;
  if (TF_SCB_ICSR & TF_ICSR_PENDSTSET) {
    current = TF_SYST_CVR;
    wraps++;
  }
  __asm__ volatile("msr primask, %0" ::"r"(primask) : "memory");
  uint32_t into_period = current == 0u ? 0u : TF_COUNTER_RELOAD + 1u - current;
  return (uint64_t)wraps * TF_COUNTER_PERIOD + into_period;
}

void tf_counter_start(void) {
  TF_SYST_CSR = 0u;
  TF_SYST_RVR = TF_COUNTER_RELOAD;
  TF_SYST_CVR = 0u;
  tf_counter_wraps = 0u;
  TF_SYST_CSR = TF_SYST_CSR_RUN;
  tf_counter_base = tf_counter_raw();
}

uint64_t tf_counter_read(void) { return tf_counter_raw() - tf_counter_base; }

void tf_counter_stop(void) { TF_SYST_CSR = 0u; }

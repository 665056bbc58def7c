/*
 * The secure image's boot configuration of the SSE-200 (mps2-an505 / an521), from the layout
 * tinyforge generated (tf_tz_layout.h):
 *
 * - SAU: four regions only: the non-secure code and RAM partitions and the peripheral space
 *   0x40000000-0x4FFFFFFF (non-secure), and the veneers (non-secure callable). Everything else,
 *   secure flash and RAM included, is secure, so a non-secure access there raises SecureFault.
 * - MPCs of the three SSRAMs (where the secure image lives): every block secure, and a blocked
 *   access answers with a bus error instead of reading as zero. The SAU already stops the
 *   non-secure side; the MPCs stop anything whose SAU entry is ever widened by mistake.
 * - NSCCFG.CODENSC lets the IDAU mark the 0x1000_0000 code region non-secure-callable (without
 *   it, calls into the veneers fault with INVEP); UART0 goes to the non-secure side.
 * - SecureFault, BusFault, UsageFault and MemManage get their own handlers (reported by
 *   tf_tz_fault.c); the non-secure side may use the FPU.
 */
#include <stdint.h>

#include "tf_tz_layout.h"
#include "tf_tz_secure.h"

#define TF_REG(addr) (*(volatile uint32_t *)(addr))

#define TF_SAU_CTRL TF_REG(0xE000EDD0u)
#define TF_SAU_RNR TF_REG(0xE000EDD8u)
#define TF_SAU_RBAR TF_REG(0xE000EDDCu)
#define TF_SAU_RLAR TF_REG(0xE000EDE0u)
#define TF_SAU_RLAR_ENABLE 1u
#define TF_SAU_RLAR_NSC 2u
#define TF_SAU_GRANULE_MASK 0xFFFFFFE0u

#define TF_SCB_SHCSR TF_REG(0xE000ED24u)
#define TF_SHCSR_FAULT_ENABLES (0xFu << 16) /* MemManage, BusFault, UsageFault, SecureFault */
#define TF_SCB_NSACR TF_REG(0xE000ED8Cu)
#define TF_NSACR_CP10_CP11 (3u << 10)

/* SSE-200 secure privilege control block. */
#define TF_SPC_NSCCFG TF_REG(0x50080014u)
#define TF_NSCCFG_CODENSC 1u
#define TF_SPC_APBNSPPCEXP1 TF_REG(0x50080084u)
#define TF_PPCEXP1_UART0 (1u << 5)

/* Memory protection controllers of SSRAM1, SSRAM2 and SSRAM3 (secure aliases). */
#define TF_MPC_CTRL 0x00u
#define TF_MPC_BLK_MAX 0x10u
#define TF_MPC_BLK_IDX 0x18u
#define TF_MPC_BLK_LUT 0x1Cu
#define TF_MPC_CTRL_SEC_RESP (1u << 4)
static const uint32_t tf_mpc_bases[] = {0x58007000u, 0x58008000u, 0x58009000u};

static void sau_region(uint32_t number, uint32_t start, uint32_t size, uint32_t flags) {
  TF_SAU_RNR = number;
  TF_SAU_RBAR = start & TF_SAU_GRANULE_MASK;
  TF_SAU_RLAR = ((start + size - 1u) & TF_SAU_GRANULE_MASK) | flags | TF_SAU_RLAR_ENABLE;
}

static void mpc_all_secure(uint32_t base) {
  uint32_t words = TF_REG(base + TF_MPC_BLK_MAX) + 1u;
  uint32_t i;
  for (i = 0; i < words; ++i) {
    TF_REG(base + TF_MPC_BLK_IDX) = i;
    TF_REG(base + TF_MPC_BLK_LUT) = 0u;
  }
  TF_REG(base + TF_MPC_CTRL) |= TF_MPC_CTRL_SEC_RESP;
}

void tf_tz_configure(void) {
  uint32_t i;
  for (i = 0; i < sizeof(tf_mpc_bases) / sizeof(tf_mpc_bases[0]); ++i) mpc_all_secure(tf_mpc_bases[i]);
  sau_region(0u, TF_TZ_NS_FLASH_START, TF_TZ_NS_FLASH_SIZE, 0u);
  sau_region(1u, TF_TZ_NS_RAM_START, TF_TZ_NS_RAM_SIZE, 0u);
  sau_region(2u, TF_TZ_NSC_START, TF_TZ_NSC_SIZE, TF_SAU_RLAR_NSC);
  sau_region(3u, TF_TZ_NS_PERIPHERAL_START, TF_TZ_NS_PERIPHERAL_SIZE, 0u);
  TF_SAU_CTRL = 1u;
  TF_SPC_NSCCFG |= TF_NSCCFG_CODENSC;
  TF_SPC_APBNSPPCEXP1 |= TF_PPCEXP1_UART0;
  TF_SCB_SHCSR |= TF_SHCSR_FAULT_ENABLES;
#if defined(__ARM_FP)
  TF_SCB_NSACR |= TF_NSACR_CP10_CP11;
#endif
  __asm__ volatile("dsb\n\tisb" ::: "memory");
}

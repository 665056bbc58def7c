/* Exact instruction counts for tinyforge firmware under qemu-system-arm 7.2.
 *
 * Counts the guest instructions executed strictly between a `mov r10, r10` (region begin)
 * and a `mov r11, r11` (region end): see TF_INSN_REGION_BEGIN/END in
 * runtime/platform/cortex_m/tf_counter.h. Every end marker prints one line on QEMU's log
 * (stderr with `-d plugin`):   tf-insn-count <count>
 * The 7.2 plugin API cannot write guest memory or registers, so the count cannot be handed
 * back to the firmware; the host runner (src/qemu/) collects the lines instead.
 *
 * Cost: one inline add per executed instruction (~25% slower emulation), plus a call at each
 * marker. A single add per translation block would be cheaper, but QEMU leaves blocks early
 * (exceptions, and I/O under -icount) and the block's add would then count instructions that
 * never ran. The markers themselves are not counted.
 *
 * Debian ships no qemu-plugin.h, so the few declarations needed are written here; they
 * match QEMU 7.2's API (plugin version 1). Build: gcc -shared -fPIC -O2 -o insn_count.so */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn, enum qemu_plugin_op op,
                                                void *ptr, uint64_t imm);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn, qemu_plugin_vcpu_udata_cb_t cb,
                                            enum qemu_plugin_cb_flags flags, void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
const void *qemu_plugin_insn_data(const struct qemu_plugin_insn *insn);
size_t qemu_plugin_insn_size(const struct qemu_plugin_insn *insn);
void qemu_plugin_outs(const char *string);

#define EXPORT __attribute__((visibility("default")))
EXPORT int qemu_plugin_version = 1;

/* Thumb encodings of `mov r10, r10` and `mov r11, r11`. */
#define MARK_BEGIN 0x46d2u
#define MARK_END 0x46dbu

/* Instructions executed so far, markers excluded (single vCPU: the M-profile boards have one). */
static uint64_t total;
static uint64_t region_start;
static int region_open;

static void on_begin(unsigned int vcpu, void *unused) {
  (void)vcpu;
  (void)unused;
  region_start = total;
  region_open = 1;
}

static void on_end(unsigned int vcpu, void *unused) {
  (void)vcpu;
  (void)unused;
  if (!region_open) {
    return;
  }
  char line[48];
  snprintf(line, sizeof line, "tf-insn-count %llu\n", (unsigned long long)(total - region_start));
  qemu_plugin_outs(line);
  region_open = 0;
}

static unsigned marker_of(const struct qemu_plugin_insn *insn) {
  uint16_t half;
  if (qemu_plugin_insn_size(insn) != sizeof half) {
    return 0;
  }
  memcpy(&half, qemu_plugin_insn_data(insn), sizeof half);
  return half == MARK_BEGIN || half == MARK_END ? half : 0;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb) {
  (void)id;
  size_t n = qemu_plugin_tb_n_insns(tb);
  for (size_t i = 0; i < n; i++) {
    struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
    unsigned marker = marker_of(insn);
    if (marker == MARK_BEGIN) {
      qemu_plugin_register_vcpu_insn_exec_cb(insn, on_begin, QEMU_PLUGIN_CB_NO_REGS, NULL);
    } else if (marker == MARK_END) {
      qemu_plugin_register_vcpu_insn_exec_cb(insn, on_end, QEMU_PLUGIN_CB_NO_REGS, NULL);
    } else {
      qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &total, 1);
    }
  }
}

EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const void *info, int argc, char **argv) {
  (void)info;
  (void)argc;
  (void)argv;
  qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
  return 0;
}

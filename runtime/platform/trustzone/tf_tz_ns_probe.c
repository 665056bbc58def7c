/*
 * The isolation probe: a non-secure application that attacks the secure image and reports
 * what happened on the UART, one "probe:" line per attempt. `tinyforge demo sine --platform
 * trustzone --check-isolation` and the tests run it and read the lines.
 *
 * 1. A valid call (the control), then calls whose buffers or descriptors point into secure
 *    memory or run past the end of non-secure RAM: each must come back refused with
 *    TF_SEC_ERR_BAD_POINTER, and nothing is read or written there.
 * 2. A plain non-secure read of the secure weights: it must raise SecureFault, which the secure
 *    image reports ("FAULT SecureFault ... from non-secure") before exiting with 125. If the
 *    read returns, the probe says so and exits 3.
 *
 * __tf_weights_start is the secure image's own symbol (linked with --just-symbols), so the
 * probe aims at the weights wherever the secure link put them.
 */
#include <stdint.h>

#include "tf_platform.h"
#include "tf_tz_layout.h"
#include "tf_tz_ns_model.h"

#define TF_PROBE_NOT_ISOLATED 3
#define TF_PROBE_NO_MODEL 2

extern const uint8_t __tf_weights_start[];

static tf_tz_ns_model_t ns_model;

static void report(const char *what, int32_t status) {
  tf_puts("probe: ");
  tf_puts(what);
  tf_puts(" -> status ");
  tf_put_i32(status);
  tf_puts("\n");
}

/* tf_tz_invoke with tensor `index`'s buffer moved to `data`. */
static int32_t invoke_with(uint32_t index, void *data) {
  tf_tz_buffer_t buffers[TF_TZ_NS_MAX_TENSORS];
  uint32_t i;
  uint32_t n_in = ns_model.info.n_inputs;
  for (i = 0; i < n_in + ns_model.info.n_outputs; ++i) buffers[i] = ns_model.buffers[i];
  buffers[index].data = data;
  return tf_tz_invoke(buffers, n_in, buffers + n_in, ns_model.info.n_outputs);
}

static void probe_entries(void) {
  uint32_t out = ns_model.info.n_inputs;
  uint32_t size = ns_model.buffers[0].size;
  uint32_t ns_ram_end = TF_TZ_NS_RAM_START + TF_TZ_NS_RAM_SIZE;
  report("valid call", tf_tz_ns_model_invoke(&ns_model));
  report("input in secure flash (the weights)", invoke_with(0, (void *)(uintptr_t)__tf_weights_start));
  report("input in secure RAM", invoke_with(0, (void *)(uintptr_t)TF_TZ_S_RAM_START));
  report("output in secure RAM", invoke_with(out, (void *)(uintptr_t)TF_TZ_S_RAM_START));
  report("input crossing the end of non-secure RAM",
         invoke_with(0, (void *)(uintptr_t)(ns_ram_end - (size > 1u ? size - 1u : 0u))));
  report("descriptors in secure RAM",
         tf_tz_invoke((const tf_tz_buffer_t *)TF_TZ_S_RAM_START, ns_model.info.n_inputs,
                      ns_model.buffers + out, ns_model.info.n_outputs));
  report("info written to secure RAM", tf_tz_get_info((tf_tz_info_t *)TF_TZ_S_RAM_START));
}

int main(void) {
  volatile const uint32_t *weights = (volatile const uint32_t *)(uintptr_t)__tf_weights_start;
  uint32_t value;
  int32_t status = tf_tz_ns_model_load(&ns_model);
  if (status != 0) {
    report("load the model", status);
    return TF_PROBE_NO_MODEL;
  }
  probe_entries();
  tf_puts("probe: reading the secure weights at 0x");
  tf_put_hex32((uint32_t)(uintptr_t)weights);
  tf_puts(" from the non-secure side\n");
  value = *weights;
  tf_puts("probe: the read returned 0x");
  tf_put_hex32(value);
  tf_puts(": NOT ISOLATED\n");
  return TF_PROBE_NOT_ISOLATED;
}

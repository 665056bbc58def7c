#include "tf_semihost.h"

/* ADP_Stopped_ApplicationExit: the "normal exit" reason SYS_EXIT_EXTENDED expects. */
#define TF_ADP_APPLICATION_EXIT 0x20026u

uint32_t tf_semihost_call(uint32_t op, const void *arg) {
  register uint32_t r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

void tf_semihost_exit(int code) {
  const uint32_t block[2] = {TF_ADP_APPLICATION_EXIT, (uint32_t)code};
  tf_semihost_call(TF_SH_EXIT_EXTENDED, block);
  for (;;) {
    __asm__ volatile("wfi");
  }
}

void tf_semihost_write0(const char *text) { tf_semihost_call(TF_SH_WRITE0, text); }

int tf_semihost_open(const char *path, int mode) {
  size_t len = 0;
  while (path[len] != '\0') {
    len++;
  }
  const uint32_t block[3] = {(uint32_t)(uintptr_t)path, (uint32_t)mode, (uint32_t)len};
  return (int)tf_semihost_call(TF_SH_OPEN, block);
}

int tf_semihost_close(int handle) {
  const uint32_t block[1] = {(uint32_t)handle};
  return (int)tf_semihost_call(TF_SH_CLOSE, block);
}

size_t tf_semihost_read(int handle, void *buf, size_t len) {
  const uint32_t block[3] = {(uint32_t)handle, (uint32_t)(uintptr_t)buf, (uint32_t)len};
  return tf_semihost_call(TF_SH_READ, block);
}

size_t tf_semihost_write(int handle, const void *buf, size_t len) {
  const uint32_t block[3] = {(uint32_t)handle, (uint32_t)(uintptr_t)buf, (uint32_t)len};
  return tf_semihost_call(TF_SH_WRITE, block);
}

/* Arm semihosting (bkpt 0xab): the debugger/emulator side-channel used under QEMU with
 * `-semihosting-config enable=on,target=native`. Without a semihosting host attached the
 * breakpoint faults, so real-board platforms must override tf_exit(). */
#ifndef TF_SEMIHOST_H
#define TF_SEMIHOST_H

#include <stddef.h>
#include <stdint.h>

enum {
  TF_SH_OPEN = 0x01,
  TF_SH_CLOSE = 0x02,
  TF_SH_WRITE0 = 0x04,
  TF_SH_WRITE = 0x05,
  TF_SH_READ = 0x06,
  TF_SH_EXIT_EXTENDED = 0x20
};

/* Modes of SYS_OPEN (index into fopen's "r","rb","r+","r+b","w","wb",...). */
enum { TF_SH_MODE_RB = 1, TF_SH_MODE_WB = 5 };

uint32_t tf_semihost_call(uint32_t op, const void *arg);

/* QEMU exits with `code` as its own exit status. */
void tf_semihost_exit(int code) __attribute__((noreturn));

void tf_semihost_write0(const char *text);

/* Returns a handle, or -1. Relative paths resolve against QEMU's working directory. */
int tf_semihost_open(const char *path, int mode);
int tf_semihost_close(int handle);
/* Both return the number of bytes NOT transferred (0 on full success), as semihosting does. */
size_t tf_semihost_read(int handle, void *buf, size_t len);
size_t tf_semihost_write(int handle, const void *buf, size_t len);

#endif

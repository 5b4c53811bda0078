// SPDX-License-Identifier: MIT
// semihost.h: QEMU's Xtensa semihosting ("simcall") calls used by hal_qemu.
//
// Convention (QEMU target/xtensa/xtensa-semi.c, checked by probing; see
// README.md): the `simcall` instruction traps to QEMU with the call number
// in a2 and arguments in a3, a4, a5. QEMU returns the result in a2 and a
// guest errno in a3 (0 on success). Only on a machine started with
// -semihosting; without it simcall is an illegal instruction.
//
// With no semihosting chardev, fds 0/1/2 are QEMU's own stdin, stdout and
// stderr, passed to the host's read/write/select as they are.
#ifndef HAL_QEMU_SEMIHOST_H
#define HAL_QEMU_SEMIHOST_H

#include <stdint.h>

enum {
  SEMI_SYS_EXIT = 1,        // a3 = status; QEMU calls exit(status)
  SEMI_SYS_READ = 3,        // a3 = fd, a4 = buffer, a5 = length
  SEMI_SYS_WRITE = 4,       // a3 = fd, a4 = buffer, a5 = length
  SEMI_SYS_SELECT_ONE = 29, // a3 = fd, a4 = SEMI_SELECT_*, a5 = timeval or 0
  SEMI_SYS_ARGC = 1000,     // the number of arguments (the ELF's name first)
  SEMI_SYS_ARGV_SZ = 1001,  // bytes SEMI_SYS_ARGV needs
  SEMI_SYS_ARGV = 1002,     // a3 = buffer: argc+1 pointers, then the strings
};

// Guest errno values QEMU returns in a3 (those we act on).
enum { SEMI_EINTR = 4 };

// What SEMI_SYS_SELECT_ONE waits for.
enum { SEMI_SELECT_READ = 1, SEMI_SELECT_WRITE = 2, SEMI_SELECT_EXCEPT = 3 };

// The timeout of SEMI_SYS_SELECT_ONE: two guest words, as struct timeval
// on a 32-bit host. The wait is in host (wall-clock) time.
typedef struct {
  int32_t sec;
  int32_t usec;
} semi_timeval_t;

// Traps to QEMU. Returns a2; stores a3 (the guest errno) in *[err].
static inline int32_t semi_call(int32_t nr, int32_t arg1, int32_t arg2, int32_t arg3, int32_t *err) {
  register int32_t a2 __asm__("a2") = nr;
  register int32_t a3 __asm__("a3") = arg1;
  register int32_t a4 __asm__("a4") = arg2;
  register int32_t a5 __asm__("a5") = arg3;
  __asm__ volatile("simcall" : "+r"(a2), "+r"(a3) : "r"(a4), "r"(a5) : "memory");
  *err = a3;
  return a2;
}

// Ends QEMU with exit status [status]. Never returns.
static inline void __attribute__((noreturn)) semi_exit(int status) {
  int32_t err;
  semi_call(SEMI_SYS_EXIT, status, 0, 0, &err);
  for (;;) {
  }
}

#endif

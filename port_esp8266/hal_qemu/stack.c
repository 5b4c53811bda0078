// SPDX-License-Identifier: MIT
// stack.c: the C stack's guard word and high-water mark.
//
// The C stack is the 8 KiB below 0x40000000 (pyrite-qemu.ld: _stack_limit
// to _stack_top); below it lie the fault stack and the reset note, then
// the end of dram0. Nothing in the core stops the stack from growing past
// its limit (on the chip neither), so a deep C recursion would silently
// overwrite that memory. At boot every free stack word is painted with a
// pattern, and so is the free RAM below it. The console calls then check a
// band around the limit: a changed word there is reported as a fatal error
// (exit status HAL_QEMU_EXIT_FATAL) instead of running on, as the chip
// would, with the memory below the stack overwritten. The painted words
// still intact tell the peak use (reported on request, see hal_qemu.c).
// The check runs only at console calls, so an overflow is caught at the
// next one, not when it happens.
#include "hal_qemu.h"
#include "semihost.h"

#include <stddef.h>

#define PAINT 0x5AA5C33Cu
// The band checked for writes: 1 KiB below the stack's limit and its
// lowest 16 bytes. A frame may leave part of itself unwritten (a local
// buffer), so a single guard word could be stepped over; the C frames met
// so far are well under 1 KiB.
#define BAND_BELOW_WORDS 256
#define BAND_ABOVE_WORDS 4

extern uint32_t _stack_limit[], _stack_top[], _fault_stack_top[];

void hal_qemu_stack_paint(void) {
  uint32_t *sp;
  __asm__ volatile("mov %0, a1" : "=r"(sp));
  // From the free RAM below the stack up to the live frames (and a margin
  // for this one), so that the peak can also tell an overflow's depth.
  for (uint32_t *w = _fault_stack_top; w < sp - 16; w++)
    *w = PAINT;
}

void hal_qemu_stack_check(void) {
  for (const uint32_t *w = _stack_limit - BAND_BELOW_WORDS; w < _stack_limit + BAND_ABOVE_WORDS; w++) {
    if (*w != PAINT) {
      static const char msg[] = "\r\nFatal: C stack overflow (8 KiB below 0x40000000)\r\n";
      int32_t err;
      semi_call(SEMI_SYS_WRITE, 1, (int32_t)(uintptr_t)msg, (int32_t)(sizeof msg - 1), &err);
      semi_exit(HAL_QEMU_EXIT_FATAL);
    }
  }
}

size_t hal_qemu_stack_peak(void) {
  const uint32_t *w = _fault_stack_top;
  while (w < _stack_top && *w == PAINT)
    w++;
  return (size_t)((const char *)_stack_top - (const char *)w);
}

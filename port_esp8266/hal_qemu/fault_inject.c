// SPDX-License-Identifier: MIT
// fault_inject.c: a real CPU exception on demand, so that the rig's crash
// handling can be tested on the lx106 core (vboard's --fault does the
// same for its own faults).
//
//   run-qemu.sh ELF -append fault-after-ms=N
//
// makes the board, at its first console call once N ms of guest time have
// passed since this boot, load a word through a null pointer: the core
// takes the exception vector with LoadProhibitedCause (28), excvaddr 0,
// and fault.c reports it as the SDK would before QEMU exits with status 3.
// Each boot (a soft reset too) starts the N ms afresh. Without the
// argument nothing is armed and the poll costs a compare.
#include "board_hal.h"
#include "hal_qemu.h"

#include <stdint.h>

// Microseconds since boot at which to fault; 0: never.
static uint64_t fault_at_us;

// The value of "fault-after-ms=N" among QEMU's -append words, or 0.
static uint32_t option_value(void) {
  const char *p = hal_qemu_argument("fault-after-ms=");
  uint32_t ms = 0;
  for (; p && *p >= '0' && *p <= '9' && ms < 100000000u; p++)
    ms = ms * 10 + (uint32_t)(*p - '0');
  return ms;
}

void hal_qemu_fault_inject_init(void) {
  uint32_t ms = option_value();
  fault_at_us = ms ? (uint64_t)ms * 1000 : 0;
}

void hal_qemu_fault_inject_poll(void) {
  if (fault_at_us == 0 || board_ticks_us() < fault_at_us) return;
  // The address goes through an empty asm so that the compiler cannot see
  // the null pointer and put a trap instruction in place of the load.
  uintptr_t addr = 0;
  __asm__ volatile("" : "+r"(addr));
  (void)*(volatile uint32_t *)addr;
}

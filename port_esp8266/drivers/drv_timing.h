// SPDX-License-Identifier: MIT
// drv_timing.h: busy-wait timing on the CPU cycle counter, shared by the
// bit-banged drivers. Everything here is board_cycles() arithmetic: no
// timers, no sleeps, so the drivers time the same way on every back-end.
//
// Deadlines are absolute cycle counts; comparisons use the signed
// difference, which is right across the 2^32 wrap of CCOUNT for waits
// shorter than 2^31 cycles (13 s at 160 MHz).
#ifndef DRV_TIMING_H
#define DRV_TIMING_H

#include <stdbool.h>
#include <stdint.h>

#include "board_hal.h"

// Cycles in [ns] nanoseconds at [hz], rounded to nearest.
static inline uint32_t drv_ns_to_cycles(uint32_t ns, uint32_t hz) {
  return (uint32_t)(((uint64_t)ns * hz + 500000000u) / 1000000000u);
}

// Cycles in [us] microseconds at the current CPU frequency.
static inline uint32_t drv_us_to_cycles(uint32_t us) {
  return us * (board_cpu_hz() / 1000000u);
}

// True once the cycle counter has reached [deadline].
static inline bool drv_reached(uint32_t deadline) {
  return (int32_t)(board_cycles() - deadline) >= 0;
}

// Spins until the cycle counter reaches [deadline].
static inline void drv_wait_until(uint32_t deadline) {
  while (!drv_reached(deadline)) {
  }
}

#endif

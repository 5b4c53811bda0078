// SPDX-License-Identifier: MIT
// clock_sdk.c: clock.c's part of board_hal.h when Espressif's SDK is
// linked. The SDK sets the PLL itself and drives FRC2 for its own timers
// (os_timer), so the ticks come from its microsecond clock,
// system_get_time(), widened to 64 bits here as clock.c widens FRC2: each
// read folds the step since the previous one (mod 2^32) into the total.
// It wraps every 71 minutes; the console polls far more often.
//
// Invariant: clk.total only grows; it is the sum of every step seen.
#include "board_hal.h"
#include "hal_esp8266.h"
#include "sdk_api.h"

static struct {
  uint32_t last;  // system_get_time() at the previous update
  uint64_t total; // microseconds since hal_clock_init
} clk;

void hal_clock_init(void) {
  clk.last = system_get_time();
  clk.total = 0;
}

uint64_t board_ticks_us(void) {
  hal_wdt_feed();
  uint32_t state = board_irq_disable();
  uint32_t now = system_get_time();
  clk.total += (uint32_t)(now - clk.last);
  clk.last = now;
  uint64_t total = clk.total;
  board_irq_restore(state);
  return total;
}

HAL_IRAM uint32_t board_cycles(void) {
  uint32_t c;
  __asm__ volatile("rsr %0, ccount" : "=r"(c));
  return c;
}

uint32_t board_cpu_hz(void) {
  return system_get_cpu_freq() * 1000000u;
}

// system_update_cpu_freq also tells the ROM's delay loop the new speed.
int board_cpu_set_hz(uint32_t hz) {
  if (hz != 80000000u && hz != 160000000u) return -1;
  return system_update_cpu_freq((uint8_t)(hz / 1000000u)) ? 0 : -1;
}

// SPDX-License-Identifier: MIT
// sim_board.h: the virtual board under the driver tests. board_up makes a
// clock and pins and binds board_hal.h's pin section to them (sim_hal),
// so the drivers run exactly as they would in vboard.
#ifndef SIM_BOARD_H
#define SIM_BOARD_H

#include <stdio.h>

#include "sim_hal.h"

static sim_clock_t *clk;
static sim_pins_t *pins;

static inline void board_up(uint32_t hz) {
  clk = sim_clock_new(hz);
  pins = sim_pins_new(clk);
  sim_hal_bind(clk, pins);
}

static inline void board_down(void) {
  sim_hal_bind(NULL, NULL);
  sim_pins_free(pins);
  sim_clock_free(clk);
}

// Real ns between edges [i] and [j] of [pin]'s history.
static inline uint64_t edge_ns(int pin, size_t i, size_t j) {
  return sim_clock_ns(clk, sim_pins_edge(pins, pin, j)->cycle - sim_pins_edge(pins, pin, i)->cycle);
}

// One line of measured figures for the log (ctest -V shows them).
#define FIGURE(...) (printf("  figure: " __VA_ARGS__), printf("\n"), fflush(stdout))

#endif

// SPDX-License-Identifier: MIT
// sim_hal.c: board_hal.h's pin and cycle-counter section on the simulator.
#include "sim_hal.h"

#include "board_hal.h"

// The one board this process simulates, reached only through bind.
static struct {
  sim_clock_t *clock;
  sim_pins_t *pins;
} hal;

void sim_hal_bind(sim_clock_t *clock, sim_pins_t *pins) {
  hal.clock = clock;
  hal.pins = pins;
}

uint32_t board_cycles(void) {
  if (!hal.clock) return 0;
  // The counter is read as the instruction starts; the loop around it
  // then costs its cycles.
  uint32_t v = sim_clock_ccount(hal.clock);
  sim_clock_spend(hal.clock, SIM_OP_CYCLES);
  return v;
}

uint32_t board_cpu_hz(void) {
  return hal.clock ? sim_clock_cpu_hz(hal.clock) : 80000000u;
}

int board_pin_mode(int pin, int mode) {
  if (!hal.pins || pin < 0 || pin >= BOARD_PIN_COUNT || (pin >= 6 && pin <= 11)) return -1;
  sim_clock_spend(hal.clock, SIM_OP_PIN_MODE);
  switch (mode) {
  case BOARD_PIN_INPUT: return sim_pins_mode(hal.pins, pin, SIM_PIN_INPUT, false);
  case BOARD_PIN_INPUT_PULLUP: return sim_pins_mode(hal.pins, pin, SIM_PIN_INPUT, true);
  case BOARD_PIN_OUTPUT: return sim_pins_mode(hal.pins, pin, SIM_PIN_OUTPUT, false);
  case BOARD_PIN_OPEN_DRAIN: return sim_pins_mode(hal.pins, pin, SIM_PIN_OPEN_DRAIN, false);
  case BOARD_PIN_OPEN_DRAIN_PULLUP: return sim_pins_mode(hal.pins, pin, SIM_PIN_OPEN_DRAIN, true);
  default: return -1;
  }
}

void board_pin_write(int pin, int level) {
  if (!hal.pins) return;
  sim_clock_spend(hal.clock, SIM_OP_PIN_WRITE);
  sim_pins_write(hal.pins, pin, level);
}

int board_pin_read(int pin) {
  if (!hal.pins) return 0;
  sim_clock_spend(hal.clock, SIM_OP_PIN_READ);
  return sim_pins_read(hal.pins, pin);
}

uint32_t board_irq_disable(void) {
  if (!hal.clock) return 0;
  sim_clock_spend(hal.clock, SIM_OP_IRQ);
  return sim_clock_irq_mask(hal.clock, true);
}

void board_irq_restore(uint32_t state) {
  if (!hal.clock) return;
  sim_clock_irq_mask(hal.clock, state != 0);
  sim_clock_spend(hal.clock, SIM_OP_IRQ);
}

// SPDX-License-Identifier: MIT
// sim_hal.h: the "Pins and cycle counter" section of board_hal.h on top of
// sim_clock and sim_pins, for vboard's hal_sim and for the driver tests.
//
// sim_hal.c defines board_cycles, board_cpu_hz, board_pin_mode,
// board_pin_write, board_pin_read, board_irq_disable and board_irq_restore.
// Each call first charges its SIM_OP_* cost to the bound clock (so the
// firmware's busy-waits advance virtual time), then acts on the bound pins.
// GPIO6..11 refuse every mode, as they hold the SPI flash on the chip.
#ifndef SIM_HAL_H
#define SIM_HAL_H

#include "sim_clock.h"
#include "sim_pins.h"

// Binds the board functions to [clock] and [pins] (borrowed). Unbound,
// they do nothing and read 0.
void sim_hal_bind(sim_clock_t *clock, sim_pins_t *pins);

#endif

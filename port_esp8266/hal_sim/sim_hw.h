// SPDX-License-Identifier: MIT
// sim_hw.h: the virtual board's hardware: one cycle clock and 17 pins
// (sim/), the devices of its wiring maps, the time the firmware reads, pin
// interrupts, the ADC, deep sleep and the RTC memory. Implements the rest
// of board_hal.h's pin section around sim/sim_hal.c, plus board_ticks_us.
//
// Time: virtual time (sim_clock) only moves forward. Bit-banged drivers
// move it by busy-waiting on board_cycles(), exactly as on the chip; and
// every board_ticks_us() call first brings it up to the host's monotonic
// time since start, so sleeps, conversions and write cycles come due. The
// firmware's ticks count cycles at the frequency it believes in, so a
// slow-clock fault (skew) makes its idea of time run slow against the
// devices' and the host's, as a slow crystal would.
//
// PWM: the board layer's engine (port_pwm.h) hands its channels to a
// generator here whose edges are events on the clock: exact in virtual
// time (see sim_hw.c).
//
// Power-on: every GPIO an input without its internal pull-up, latch 0.
// GPIO0 and GPIO2 are pulled up by the module (what a flash boot needs of
// the straps), so they read 1 until something drives them; the rest float
// and read 0 (GPIO15's pull-down alike).
#ifndef SIM_HW_H
#define SIM_HW_H

#include "sim_clock.h"
#include "sim_pins.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Makes the clock at [cpu_mhz] and the pins (with the module's pull-ups),
// binds board_hal.h's pin section to them and gives port_pwm the
// generator. Returns 0, or -1 when out of memory.
int sim_hw_init(unsigned cpu_mhz);

sim_clock_t *sim_hw_clock(void);
sim_pins_t *sim_hw_pins(void);

// What a reset does to the chip: pins back to inputs, PWM stopped,
// interrupts disarmed, CPU back at its default frequency, ticks from 0. [power_on] also clears
// the RTC memory. The devices outside keep their state.
void sim_hw_reset(bool power_on);

// Virtual time caught up with the host's clock (between transactions).
void sim_hw_sync(void);

// The slow-clock fault: every cycle lasts [ppm] parts per million longer
// than the firmware believes (negative: shorter).
void sim_hw_set_skew_ppm(int32_t ppm);
int32_t sim_hw_skew_ppm(void);

// What the ADC pin reads (a wiring map's "adc" device); default 0.
void sim_hw_set_adc(int value);

// GPIO16 wired to RST (a wiring map's "deepsleep-wake").
void sim_hw_set_deepsleep_wake(bool wired);

#endif

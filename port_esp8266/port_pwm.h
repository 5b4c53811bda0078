// SPDX-License-Identifier: MIT
// port_pwm.h: PWM as the ESP8266 does it (its PWM is a timer interrupt
// toggling GPIOs, not a hardware block): up to PORT_PWM_CHANNELS pins,
// each with a period and a high time in microseconds.
//
// The waveform: a new channel, or a new period, starts a period at once
// (high first); a new high time alone keeps the periods where they are and
// applies at once, so a program that keeps changing the duty (a fading
// LED, a servo) does not disturb the rate.
//
// Who makes the edges:
// * A back-end that can time them itself hands the engine its generator
//   (port_pwm_use_generator) before the firmware starts. vboard does: each
//   edge is an event on its cycle clock, made at its exact cycle whenever
//   virtual time passes it, as the chip's timer interrupt would.
// * Otherwise (QEMU, the chip today: no timer interrupt) the engine toggles
//   the pins in software where the firmware waits: the scheduler's polls
//   (every VM poll point and sleep slice), hal_delay_us (which cuts its
//   waits at the next edge) and machine.time_pulse_us. Each service puts
//   every pin at the level its phase asks for now, so edges land where
//   they are due within the wait granularity; a long C busy-wait (a
//   bit-banged bus) holds the level, as masked interrupts would on the chip.
#ifndef PORT_PWM_H
#define PORT_PWM_H

#include <stdbool.h>
#include <stdint.h>

#define PORT_PWM_CHANNELS 8

// A back-end's own waveform generator. The engine keeps the channel table
// and calls these; the generator owns the pin's latch while it runs.
typedef struct {
  // [pin] runs at [period_us] > 0 with [high_us] high (0: always low;
  // >= period: always high). [restart]: a period starts now; else the
  // periods keep their grid and only the high time changes. A new
  // channel's pin becomes an output just after, its latch already set.
  void (*set)(int pin, uint32_t period_us, uint32_t high_us, bool restart);
  // [pin] stops where it stands: it keeps its present level.
  void (*stop)(int pin);
} port_pwm_generator_t;

// Makes the engine hand every channel to [gen] (borrowed; NULL: back to
// software). Call before the firmware starts; soft resets keep it.
void port_pwm_use_generator(const port_pwm_generator_t *gen);

// Starts or changes [pin]'s channel: [period_us] > 0, high for [high_us]
// of it (0: always low; >= period: always high). Returns false when every
// channel is taken.
bool port_pwm_set(int pin, uint32_t period_us, uint32_t high_us);

// Stops [pin]'s channel; the pin stays at its last level.
void port_pwm_stop(int pin);

// Soft reset: every channel stops.
void port_pwm_reset(void);

// Software engine: puts every active pin at its level for now. Nothing to
// do with a generator.
void port_pwm_service(void);

// Software engine: board_ticks_us of the next edge of any channel, or
// UINT64_MAX (always with a generator: no wait needs cutting short).
uint64_t port_pwm_next_edge_us(void);

#endif

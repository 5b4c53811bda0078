// SPDX-License-Identifier: MIT
// port_pwm.h: software PWM, as the ESP8266 does it (its PWM is a timer
// interrupt toggling GPIOs, not a hardware block): up to PORT_PWM_CHANNELS
// pins, each with a period and a high time in microseconds.
//
// Our back-ends have no timer interrupt, so the engine is serviced where
// the firmware waits: the scheduler's polls (every VM poll point and sleep
// slice), hal_delay_us (which cuts its waits at the next edge) and
// machine.time_pulse_us. Each service puts every pin at the level its
// phase asks for now, so edges land where they are due within the wait
// granularity; a long C busy-wait (a bit-banged bus) holds the level, as
// masked interrupts would on the chip.
#ifndef PORT_PWM_H
#define PORT_PWM_H

#include <stdbool.h>
#include <stdint.h>

#define PORT_PWM_CHANNELS 8

// Starts or changes [pin]'s channel: [period_us] > 0, high for [high_us]
// of it (0: always low; >= period: always high). Returns false when every
// channel is taken.
bool port_pwm_set(int pin, uint32_t period_us, uint32_t high_us);

// Stops [pin]'s channel; the pin stays at its last level.
void port_pwm_stop(int pin);

// Soft reset: every channel stops.
void port_pwm_reset(void);

// Puts every active pin at its level for now.
void port_pwm_service(void);

// board_ticks_us of the next edge of any channel, or UINT64_MAX.
uint64_t port_pwm_next_edge_us(void);

#endif

// SPDX-License-Identifier: MIT
// port_pwm.c: the software PWM engine (see port_pwm.h).
#include "port_pwm.h"
#include "board_hal.h"

static struct {
  uint32_t active; // bit n: channel n runs
  struct {
    int pin;
    uint32_t period_us, high_us;
    uint64_t start_us; // a period began here
    int level;         // what the pin was last set to
  } ch[PORT_PWM_CHANNELS];
} pwm;

static int find(int pin) {
  for (int i = 0; i < PORT_PWM_CHANNELS; i++)
    if ((pwm.active >> i & 1) && pwm.ch[i].pin == pin) return i;
  return -1;
}

// [i]'s phase at [now]: its period start moves up by whole periods, so
// the arithmetic stays 32-bit (the lx106 has no divide instruction), as
// long as services come less than 71 minutes apart.
static uint32_t phase_at(int i, uint64_t now) {
  uint32_t elapsed = (uint32_t)(now - pwm.ch[i].start_us), period = pwm.ch[i].period_us;
  if (elapsed >= period) {
    pwm.ch[i].start_us += elapsed - elapsed % period;
    elapsed %= period;
  }
  return elapsed;
}

static int level_at(int i, uint64_t now) {
  return phase_at(i, now) < pwm.ch[i].high_us;
}

bool port_pwm_set(int pin, uint32_t period_us, uint32_t high_us) {
  int i = find(pin);
  if (i < 0) {
    for (i = 0; i < PORT_PWM_CHANNELS && (pwm.active >> i & 1); i++) {
    }
    if (i == PORT_PWM_CHANNELS) return false;
    pwm.ch[i].pin = pin;
    pwm.ch[i].start_us = board_ticks_us();
    pwm.ch[i].level = -1;
    board_pin_mode(pin, BOARD_PIN_OUTPUT);
  }
  pwm.ch[i].period_us = period_us ? period_us : 1;
  pwm.ch[i].high_us = high_us;
  pwm.active |= 1u << i;
  port_pwm_service();
  return true;
}

void port_pwm_stop(int pin) {
  int i = find(pin);
  if (i >= 0) pwm.active &= ~(1u << i);
}

void port_pwm_reset(void) {
  pwm.active = 0;
}

void port_pwm_service(void) {
  if (!pwm.active) return;
  uint64_t now = board_ticks_us();
  for (uint32_t left = pwm.active; left; left &= left - 1) {
    int i = __builtin_ctz(left);
    int level = level_at(i, now);
    if (level != pwm.ch[i].level) {
      board_pin_write(pwm.ch[i].pin, level);
      pwm.ch[i].level = level;
    }
  }
}

uint64_t port_pwm_next_edge_us(void) {
  if (!pwm.active) return UINT64_MAX;
  uint64_t now = board_ticks_us(), next = UINT64_MAX;
  for (uint32_t left = pwm.active; left; left &= left - 1) { // the active channels only
    int i = __builtin_ctz(left);
    uint32_t period = pwm.ch[i].period_us, high = pwm.ch[i].high_us;
    if (high == 0 || high >= period) continue; // a steady level has no edges
    uint32_t phase = phase_at(i, now);
    uint64_t edge = now + (phase < high ? high - phase : period - phase);
    if (edge < next) next = edge;
  }
  return next;
}

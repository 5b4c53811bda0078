// SPDX-License-Identifier: MIT
// port_pwm.c: the PWM engine: the channel table, handed to a back-end
// generator or run in software (see port_pwm.h).
#include "port_pwm.h"
#include "board_hal.h"

static struct {
  const port_pwm_generator_t *gen; // the back-end's, or NULL: software
  uint32_t active;                 // bit n: channel n runs
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

void port_pwm_use_generator(const port_pwm_generator_t *gen) {
  pwm.gen = gen;
}

bool port_pwm_set(int pin, uint32_t period_us, uint32_t high_us) {
  if (!period_us) period_us = 1;
  int i = find(pin);
  bool fresh = i < 0, restart = fresh || pwm.ch[i].period_us != period_us;
  if (fresh) {
    for (i = 0; i < PORT_PWM_CHANNELS && (pwm.active >> i & 1); i++) {
    }
    if (i == PORT_PWM_CHANNELS) return false;
    pwm.ch[i].pin = pin;
    pwm.ch[i].level = -1;
  }
  pwm.ch[i].period_us = period_us;
  pwm.ch[i].high_us = high_us;
  pwm.active |= 1u << i;
  if (pwm.gen) {
    pwm.gen->set(pin, period_us, high_us, restart);
  } else {
    if (fresh) board_pin_write(pin, high_us != 0);
    if (restart) pwm.ch[i].start_us = board_ticks_us();
  }
  // The pin turns output once its latch holds the first period's level:
  // no glitch (GPIO0 and GPIO2 are pulled up on every module), and the
  // first edge is where the period starts when the pin already drove.
  if (fresh) board_pin_mode(pin, BOARD_PIN_OUTPUT);
  if (!pwm.gen) port_pwm_service();
  return true;
}

void port_pwm_stop(int pin) {
  int i = find(pin);
  if (i < 0) return;
  pwm.active &= ~(1u << i);
  if (pwm.gen) pwm.gen->stop(pin);
}

void port_pwm_reset(void) {
  for (uint32_t left = pwm.active; pwm.gen && left; left &= left - 1)
    pwm.gen->stop(pwm.ch[__builtin_ctz(left)].pin);
  pwm.active = 0;
}

void port_pwm_service(void) {
  if (!pwm.active || pwm.gen) return;
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
  if (!pwm.active || pwm.gen) return UINT64_MAX;
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

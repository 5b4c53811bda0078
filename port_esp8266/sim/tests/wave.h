// SPDX-License-Identifier: MIT
// wave.h: drawing hand-computed waveforms for the device tests. Time is
// given in ns from the start of the clock; each step runs the clock to
// the instant (firing device events on the way) and then sets a pin as
// the firmware would, so an edge lands exactly where the test says.
#ifndef WAVE_H
#define WAVE_H

#include "sim_pins.h"

typedef struct {
  sim_clock_t *c;
  sim_pins_t *p;
  uint64_t t; // ns of the last step
} wave_t;

// Runs the clock to [ns] (absolute).
static inline void wave_at(wave_t *w, uint64_t ns) {
  w->t = ns;
  sim_clock_run_until(w->c, sim_clock_cycles_for_ns(w->c, ns));
}

// Runs the clock [ns] past the last step.
static inline void wave_after(wave_t *w, uint64_t ns) {
  wave_at(w, w->t + ns);
}

// Sets [pin]'s latch now.
static inline void wave_set(wave_t *w, int pin, int level) {
  sim_pins_write(w->p, pin, level);
}

// The level on [pin] now.
static inline int wave_get(wave_t *w, int pin) {
  return sim_pins_read(w->p, pin);
}

#endif

// SPDX-License-Identifier: MIT
// dev_ws2812.c: WS2812 chain decoded from its data pin (see dev_ws2812.h).
//
// State: a rise opens a pulse (rise_at); the fall closes its high half and
// arms the latch timer; the next rise closes the low half and the bit is
// taken then. If the timer fires first, the pending bit is the frame's
// last and the frame latches. Bits of the frame in progress collect in
// `incoming`; only complete pixels reach `shown` at the latch.
#include "dev_ws2812.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

// clang-format off
const dev_ws2812_timing_t dev_ws2812b_timing = {
    .name = "WS2812B",
    .t0h_min = 250, .t0h_max = 550, .t0l_min = 700, .t0l_max = 1000,
    .t1h_min = 650, .t1h_max = 950, .t1l_min = 300, .t1l_max = 600,
    .threshold_ns = 600, .reset_ns = 50000,
};

const dev_ws2812_timing_t dev_ws2812b_v5_timing = {
    .name = "WS2812B-V5",
    .t0h_min = 220, .t0h_max = 380, .t0l_min = 580, .t0l_max = 1000,
    .t1h_min = 580, .t1h_max = 1000, .t1l_min = 580, .t1l_max = 1000,
    .threshold_ns = 480, .reset_ns = 280000,
};

const dev_ws2812_timing_t dev_ws2812_orig_timing = {
    .name = "WS2812",
    .t0h_min = 200, .t0h_max = 500, .t0l_min = 650, .t0l_max = 950,
    .t1h_min = 550, .t1h_max = 850, .t1l_min = 450, .t1l_max = 750,
    .threshold_ns = 525, .reset_ns = 50000,
};
// clang-format on

struct dev_ws2812 {
  sim_pins_t *pins;
  sim_clock_t *clock;
  int pin;
  const dev_ws2812_timing_t *t;
  size_t n_leds, bpp, n_bytes;
  uint8_t *shown, *incoming;
  // Pulse being decoded.
  bool have_rise, have_fall;
  uint64_t rise_at, fall_at;
  uint32_t latch_event;
  // Frame in progress and the last latched one.
  size_t bits, frame_bits, frame_forwarded;
  uint32_t errors_now, frame_errors, errors, frames;
  // Raw pulses.
  dev_ws2812_pulse_t *pulses;
  size_t n_pulses, max_pulses;
  uint64_t dropped;
};

static bool in(uint32_t v, uint32_t lo, uint32_t hi) {
  return v >= lo && v <= hi;
}

// Takes one bit with its measured halves; [last] when a latch ended it.
static void take_bit(dev_ws2812_t *d, uint32_t high, uint32_t low, bool last) {
  const dev_ws2812_timing_t *t = d->t;
  uint8_t bit = high > t->threshold_ns;
  uint8_t flags = last ? DEV_WS2812_LAST : 0;
  if (bit ? !in(high, t->t1h_min, t->t1h_max) : !in(high, t->t0h_min, t->t0h_max))
    flags |= DEV_WS2812_BAD_HIGH;
  if (!last && (bit ? !in(low, t->t1l_min, t->t1l_max) : !in(low, t->t0l_min, t->t0l_max)))
    flags |= DEV_WS2812_BAD_LOW;
  if (flags & (DEV_WS2812_BAD_HIGH | DEV_WS2812_BAD_LOW)) d->errors_now++;
  if (d->bits < d->n_bytes * 8) {
    uint8_t *byte = &d->incoming[d->bits / 8];
    uint8_t mask = (uint8_t)(0x80 >> (d->bits % 8));
    *byte = bit ? (uint8_t)(*byte | mask) : (uint8_t)(*byte & ~mask);
  }
  d->bits++;
  if (d->n_pulses < d->max_pulses) {
    d->pulses[d->n_pulses++] =
        (dev_ws2812_pulse_t){.high_ns = high, .low_ns = low, .frame = d->frames, .bit = bit, .flags = flags};
  } else {
    d->dropped++;
  }
}

static void latch(void *ctx, uint64_t when, intptr_t arg) {
  (void)arg;
  dev_ws2812_t *d = ctx;
  d->latch_event = 0;
  if (d->have_rise && d->have_fall) {
    uint64_t gap = sim_clock_ns(d->clock, when - d->fall_at);
    take_bit(d, (uint32_t)sim_clock_ns(d->clock, d->fall_at - d->rise_at), (uint32_t)gap, true);
  }
  d->have_rise = d->have_fall = false;
  if (d->bits == 0) return;
  size_t whole = d->bits / (8 * d->bpp);
  if (whole > d->n_leds) whole = d->n_leds;
  memcpy(d->shown, d->incoming, whole * d->bpp);
  d->frame_bits = d->bits;
  d->frame_forwarded = d->bits > d->n_bytes * 8 ? d->bits - d->n_bytes * 8 : 0;
  d->frame_errors = d->errors_now;
  d->errors += d->errors_now;
  d->errors_now = 0;
  d->bits = 0;
  d->frames++;
}

static void on_edge(void *ctx, int pin, int level, uint64_t cycle) {
  (void)pin;
  dev_ws2812_t *d = ctx;
  if (level) {
    if (d->latch_event) sim_clock_cancel(d->clock, d->latch_event);
    d->latch_event = 0;
    if (d->have_rise && d->have_fall)
      take_bit(d, (uint32_t)sim_clock_ns(d->clock, d->fall_at - d->rise_at),
               (uint32_t)sim_clock_ns(d->clock, cycle - d->fall_at), false);
    d->have_rise = true;
    d->have_fall = false;
    d->rise_at = cycle;
  } else {
    d->fall_at = cycle;
    d->have_fall = d->have_rise;
    uint64_t wait = sim_clock_cycles_for_ns(d->clock, d->t->reset_ns);
    if (d->latch_event) sim_clock_cancel(d->clock, d->latch_event);
    d->latch_event = sim_clock_schedule(d->clock, cycle + wait, latch, d, 0);
  }
}

dev_ws2812_t *dev_ws2812_new(sim_pins_t *pins, int pin, size_t n_leds, int bpp,
                             const dev_ws2812_timing_t *timing, size_t max_pulses) {
  if (!pins || n_leds == 0 || (bpp != 3 && bpp != 4)) return NULL;
  dev_ws2812_t *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->pins = pins;
  d->clock = sim_pins_clock(pins);
  d->pin = pin;
  d->t = timing ? timing : &dev_ws2812b_timing;
  d->n_leds = n_leds;
  d->bpp = (size_t)bpp;
  d->n_bytes = n_leds * d->bpp;
  d->max_pulses = max_pulses ? max_pulses : 65536;
  d->shown = calloc(d->n_bytes, 1);
  d->incoming = calloc(d->n_bytes, 1);
  d->pulses = calloc(d->max_pulses, sizeof *d->pulses);
  if (!d->shown || !d->incoming || !d->pulses || sim_pins_listen(pins, pin, on_edge, d) != 0) {
    dev_ws2812_free(d);
    return NULL;
  }
  return d;
}

void dev_ws2812_free(dev_ws2812_t *d) {
  if (!d) return;
  sim_pins_unlisten(d->pins, d);
  sim_clock_cancel_ctx(d->clock, d);
  free(d->shown);
  free(d->incoming);
  free(d->pulses);
  free(d);
}

uint32_t dev_ws2812_frames(const dev_ws2812_t *d) {
  return d->frames;
}

const uint8_t *dev_ws2812_leds(const dev_ws2812_t *d, size_t *len) {
  if (len) *len = d->n_bytes;
  return d->shown;
}

int dev_ws2812_rgb(const dev_ws2812_t *d, size_t i, uint8_t out[4]) {
  if (i >= d->n_leds) return -1;
  const uint8_t *p = d->shown + i * d->bpp;
  out[0] = p[1];
  out[1] = p[0];
  out[2] = p[2];
  out[3] = d->bpp == 4 ? p[3] : 0;
  return 0;
}

size_t dev_ws2812_frame_bits(const dev_ws2812_t *d) {
  return d->frame_bits;
}
uint32_t dev_ws2812_frame_errors(const dev_ws2812_t *d) {
  return d->frame_errors;
}
size_t dev_ws2812_frame_forwarded(const dev_ws2812_t *d) {
  return d->frame_forwarded;
}
uint32_t dev_ws2812_errors(const dev_ws2812_t *d) {
  return d->errors;
}
size_t dev_ws2812_pulse_count(const dev_ws2812_t *d) {
  return d->n_pulses;
}

const dev_ws2812_pulse_t *dev_ws2812_pulse(const dev_ws2812_t *d, size_t i) {
  return i < d->n_pulses ? &d->pulses[i] : NULL;
}

uint64_t dev_ws2812_pulses_dropped(const dev_ws2812_t *d) {
  return d->dropped;
}

void dev_ws2812_clear_pulses(dev_ws2812_t *d) {
  d->n_pulses = 0;
  d->dropped = 0;
}

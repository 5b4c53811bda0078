// SPDX-License-Identifier: MIT
// synth.c: synthetic waveforms for the analysers' tests (see synth.h).
#include "synth.h"

#include <math.h>
#include <stdio.h>

pen_t pen_new(capture_t *cap, const char *name, int initial) {
  pen_t p = {.cap = cap, .ch = capture_add_channel(cap, name, initial), .t = 0};
  return p;
}

void pen_hold(pen_t *p, int level, int64_t ns) {
  capture_set_level(p->cap, p->ch, p->t, level);
  p->t += ns;
  if (p->t > p->cap->end_ns) p->cap->end_ns = p->t;
}

void synth_ws2812(pen_t *p, const uint8_t *bytes, size_t n, int t0h, int t0l, int t1h, int t1l,
                  int reset_ns) {
  for (size_t i = 0; i < n; i++)
    for (int k = 7; k >= 0; k--) {
      int one = bytes[i] >> k & 1;
      pen_hold(p, 1, one ? t1h : t0h);
      int last = i + 1 == n && k == 0;
      pen_hold(p, 0, last ? reset_ns : (one ? t1l : t0l));
    }
}

void synth_i2c_init(i2c_pen_t *b, capture_t *cap, int scl_pin, int sda_pin, int64_t half_ns) {
  char name[16];
  snprintf(name, sizeof name, "gpio%d", scl_pin);
  b->scl = pen_new(cap, name, 1);
  snprintf(name, sizeof name, "gpio%d", sda_pin);
  b->sda = pen_new(cap, name, 1);
  b->half_ns = half_ns;
  b->busy = 0;
  b->scl.t = b->sda.t = 10000;
}

// Both lines move together: the clock is the pen's time.
static void both(i2c_pen_t *b, int scl, int sda, int64_t ns) {
  pen_hold(&b->scl, scl, ns);
  pen_hold(&b->sda, sda, ns);
}

static int level(const pen_t *p) {
  const capture_channel_t *c = &p->cap->channels[p->ch];
  return c->count ? c->edges[c->count - 1].level : c->initial;
}

void synth_i2c_start(i2c_pen_t *b) {
  // From idle, or after a byte with SCL low (a repeated START): SDA high,
  // SCL high, SDA falls, then SCL falls.
  if (b->busy) {
    both(b, 0, level(&b->sda), b->half_ns / 2);
    both(b, 0, 1, b->half_ns - b->half_ns / 2);
  }
  b->busy = 1;
  both(b, 1, 1, b->half_ns);
  both(b, 1, 0, b->half_ns);
  both(b, 0, 0, b->half_ns / 2);
}

static void bit(i2c_pen_t *b, int v) {
  both(b, 0, level(&b->sda), b->half_ns / 2); // data changes in the middle of SCL low
  both(b, 0, v, b->half_ns - b->half_ns / 2);
  both(b, 1, v, b->half_ns);
}

void synth_i2c_byte(i2c_pen_t *b, uint8_t v, int ack) {
  for (int k = 7; k >= 0; k--)
    bit(b, v >> k & 1);
  bit(b, ack ? 0 : 1);
}

void synth_i2c_stop(i2c_pen_t *b) {
  b->busy = 0;
  both(b, 0, level(&b->sda), b->half_ns / 2);
  both(b, 0, 0, b->half_ns - b->half_ns / 2);
  both(b, 1, 0, b->half_ns);
  both(b, 1, 1, 3 * b->half_ns);
}

void synth_ow_reset(pen_t *p, int presence) {
  pen_hold(p, 0, 480000);
  if (presence) {
    pen_hold(p, 1, 30000);
    pen_hold(p, 0, 120000);
    pen_hold(p, 1, 330000);
  } else {
    pen_hold(p, 1, 480000);
  }
}

static void ow_bit(pen_t *p, int one) {
  pen_hold(p, 0, one ? 6000 : 60000);
  pen_hold(p, 1, one ? 64000 : 10000);
}

void synth_ow_bytes(pen_t *p, const uint8_t *bytes, size_t n) {
  for (size_t i = 0; i < n; i++)
    for (int k = 0; k < 8; k++)
      ow_bit(p, bytes[i] >> k & 1);
}

void synth_ow_search(pen_t *p, const uint8_t rom[8]) {
  const uint8_t f0 = 0xF0;
  synth_ow_bytes(p, &f0, 1);
  for (int i = 0; i < 64; i++) {
    int b = rom[i / 8] >> (i % 8) & 1;
    ow_bit(p, b);  // the bit
    ow_bit(p, !b); // its complement
    ow_bit(p, b);  // the master's choice
  }
}

void synth_uart(pen_t *p, const uint8_t *bytes, size_t n, double baud) {
  double bit = 1e9 / baud, t = (double)p->t;
  int64_t start = p->t;
  for (size_t i = 0; i < n; i++) {
    int levels[10];
    levels[0] = 0;
    for (int k = 0; k < 8; k++)
      levels[k + 1] = bytes[i] >> k & 1;
    levels[9] = 1;
    for (int k = 0; k < 10; k++) {
      int64_t from = (int64_t)llround(t);
      t += bit;
      p->t = from;
      pen_hold(p, levels[k], (int64_t)llround(t) - from);
    }
  }
  p->t = (int64_t)llround(t);
  pen_hold(p, 1, (int64_t)llround(bit));
  (void)start;
}

void synth_pwm(pen_t *p, int periods, int64_t period_ns, int64_t high_ns) {
  for (int i = 0; i < periods; i++) {
    pen_hold(p, 1, high_ns);
    pen_hold(p, 0, period_ns - high_ns);
  }
}

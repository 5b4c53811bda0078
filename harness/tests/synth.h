// SPDX-License-Identifier: MIT
// synth.h: synthetic captures for the analysers' tests: waveforms drawn
// edge by edge with exact, chosen timings (a WS2812 frame, I2C
// transactions, 1-Wire slots, UART bytes, PWM), so each test knows the
// figures the analyser must measure, and can bend one timing or one bit to
// make a negative control.
#ifndef RIG_TEST_SYNTH_H
#define RIG_TEST_SYNTH_H

#include "capture.h"

#include <stddef.h>
#include <stdint.h>

// A pen on one channel: the time it has reached.
typedef struct {
  capture_t *cap;
  int ch;
  int64_t t;
} pen_t;

pen_t pen_new(capture_t *cap, const char *name, int initial);
// Holds [level] for [ns] from the pen's time on.
void pen_hold(pen_t *p, int level, int64_t ns);

// WS2812 bits of [bytes], MSB first, with the given high/low times, then a
// low of [reset_ns].
void synth_ws2812(pen_t *p, const uint8_t *bytes, size_t n, int t0h, int t0l, int t1h, int t1l, int reset_ns);

// An I2C bus drawn on two pens sharing a clock at [half_ns] per half period.
typedef struct {
  pen_t scl, sda;
  int64_t half_ns;
  int busy; // between a START and a STOP
} i2c_pen_t;

void synth_i2c_init(i2c_pen_t *b, capture_t *cap, int scl_pin, int sda_pin, int64_t half_ns);
void synth_i2c_start(i2c_pen_t *b);
// Sends a byte and then the acknowledge [ack] (1: SDA low in the ninth bit).
void synth_i2c_byte(i2c_pen_t *b, uint8_t v, int ack);
void synth_i2c_stop(i2c_pen_t *b);

// 1-Wire, standard speed as MicroPython's driver times it: a reset with or
// without a presence pulse, then bytes LSB first (1: low 6 us, 0: low 60 us).
void synth_ow_reset(pen_t *p, int presence);
void synth_ow_bytes(pen_t *p, const uint8_t *bytes, size_t n);
// The slots of a ROM search that finds [rom] (one device on the bus).
void synth_ow_search(pen_t *p, const uint8_t rom[8]);

// UART 8N1 bytes at [baud], then one idle bit time.
void synth_uart(pen_t *p, const uint8_t *bytes, size_t n, double baud);

// [periods] PWM periods of [period_ns] with [high_ns] high.
void synth_pwm(pen_t *p, int periods, int64_t period_ns, int64_t high_ns);

#endif

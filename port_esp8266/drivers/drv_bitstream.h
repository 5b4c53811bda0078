// SPDX-License-Identifier: MIT
// drv_bitstream.h: timed bit streams on one pin (machine.bitstream, the
// WS2812 "NeoPixel" protocol; PROTOCOLS.md 7).
//
// Each bit is a high then a low; its value picks the pair. Bytes go MSB
// first. The timing is an absolute schedule on the cycle counter: bit n's
// rising edge is due at start + the periods of bits 0..n-1, its falling
// edge at that + its high time, and every edge is written right after a
// busy-wait on its deadline. So both halves come out exact to within one
// turn of the wait loop, with no drift over a long strip, and no overhead
// constant to tune per board. Interrupts are masked for the whole stream.
#ifndef DRV_BITSTREAM_H
#define DRV_BITSTREAM_H

#include <stddef.h>
#include <stdint.h>

// machine.bitstream's WS2812 timing at 800 kHz in ns: high0, low0, high1,
// low1 (neopixel timing=1), and the 400 kHz one (timing=0).
#define DRV_BITSTREAM_WS2812_800K_NS                                                                         \
  { 400, 850, 800, 450 }
#define DRV_BITSTREAM_WS2812_400K_NS                                                                         \
  { 800, 1700, 1600, 900 }

// Converts a (high0, low0, high1, low1) tuple in [ns] to cycles at [hz].
void drv_bitstream_cycles(const uint32_t ns[4], uint32_t hz, uint32_t cycles[4]);

// Sends [len] bytes of [buf] on [pin] (made a push-pull output, left low)
// with [t0h]/[t0l] cycles for a 0 and [t1h]/[t1l] for a 1. Returns when
// the last bit's low time has passed. The caller leaves the line low for
// the latch time (>= 50 us on WS2812B, >= 280 us on newer parts).
void drv_bitstream_high_low(int pin, uint32_t t0h, uint32_t t0l, uint32_t t1h, uint32_t t1l,
                            const uint8_t *buf, size_t len);

// machine.bitstream(pin, 0, timing_ns, buf): converts at the current CPU
// frequency and sends.
void drv_bitstream_ns(int pin, const uint32_t timing_ns[4], const uint8_t *buf, size_t len);

#endif

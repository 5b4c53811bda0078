// SPDX-License-Identifier: MIT
// dev_ws2812.h: a chain of WS2812-class LEDs on one data pin, decoded from
// the pin's edges (PROTOCOLS.md 7).
//
// Each high pulse followed by its low is one bit. The bit's value is what
// the LED itself would take: 1 if the high lasted longer than the part's
// sample point (threshold_ns), else 0. Each pulse is also checked against
// the datasheet windows for the value it decoded to; a pulse outside them
// is flagged (the bit is still taken, as a real part may or may not take
// it). A low of reset_ns or longer latches the frame: the bits received
// since the previous latch fill the LEDs in order, 24 (or 32) bits per LED,
// G R B [W], MSB first, pixel 0 first; LEDs that got no complete pixel keep
// what they showed; bits beyond the chain are counted as forwarded.
//
// Every pulse goes to a raw list (high and low in ns, the bit, its flags,
// its frame number) for the rig's analyser; the list stops growing at its
// capacity and counts what it dropped.
#ifndef DEV_WS2812_H
#define DEV_WS2812_H

#include <stddef.h>
#include <stdint.h>

#include "sim_pins.h"

// Windows of one part, in ns; a pulse inside [min, max] is in spec.
typedef struct {
  const char *name;
  uint32_t t0h_min, t0h_max, t0l_min, t0l_max;
  uint32_t t1h_min, t1h_max, t1l_min, t1l_max;
  uint32_t threshold_ns; // high longer than this reads as 1
  uint32_t reset_ns;     // low at least this long latches
} dev_ws2812_timing_t;

// WS2812B, classic datasheet: 400/850, 800/450 +-150 ns, reset >= 50 us.
extern const dev_ws2812_timing_t dev_ws2812b_timing;
// WS2812B V5: T0H 220-380, the rest 580-1000 ns, reset > 280 us.
extern const dev_ws2812_timing_t dev_ws2812b_v5_timing;
// WS2812 (original): 350/800, 700/600 +-150 ns, reset > 50 us.
extern const dev_ws2812_timing_t dev_ws2812_orig_timing;

// Flags of a pulse.
enum {
  DEV_WS2812_BAD_HIGH = 1, // high outside the window of its bit value
  DEV_WS2812_BAD_LOW = 2,  // low outside the window of its bit value
  DEV_WS2812_LAST = 4      // last bit before a latch: its low is the gap
};

typedef struct {
  uint32_t high_ns, low_ns;
  uint32_t frame; // frame it belongs to (0 = the first latched frame)
  uint8_t bit, flags;
} dev_ws2812_pulse_t;

typedef struct dev_ws2812 dev_ws2812_t;

// Puts a chain of [n_leds] LEDs with [bpp] bytes each (3 or 4) on [pin],
// with [timing] (NULL: dev_ws2812b_timing; borrowed). Keeps at most
// [max_pulses] raw pulses (0: 65536). NULL on bad arguments or no memory.
dev_ws2812_t *dev_ws2812_new(sim_pins_t *pins, int pin, size_t n_leds, int bpp,
                             const dev_ws2812_timing_t *timing, size_t max_pulses);
void dev_ws2812_free(dev_ws2812_t *d);

// Frames latched so far.
uint32_t dev_ws2812_frames(const dev_ws2812_t *d);
// What the LEDs show: n_leds * bpp bytes in wire order (G R B [W]).
const uint8_t *dev_ws2812_leds(const dev_ws2812_t *d, size_t *len);
// LED [i] as R G B (W): returns 0, or -1 for a bad index.
int dev_ws2812_rgb(const dev_ws2812_t *d, size_t i, uint8_t out[4]);

// About the last latched frame: bits in it, flagged pulses in it, bits
// forwarded past the chain's end.
size_t dev_ws2812_frame_bits(const dev_ws2812_t *d);
uint32_t dev_ws2812_frame_errors(const dev_ws2812_t *d);
size_t dev_ws2812_frame_forwarded(const dev_ws2812_t *d);
// Flagged pulses over all frames.
uint32_t dev_ws2812_errors(const dev_ws2812_t *d);

// The raw pulse list, oldest first; pulses dropped for want of room.
size_t dev_ws2812_pulse_count(const dev_ws2812_t *d);
const dev_ws2812_pulse_t *dev_ws2812_pulse(const dev_ws2812_t *d, size_t i);
uint64_t dev_ws2812_pulses_dropped(const dev_ws2812_t *d);
void dev_ws2812_clear_pulses(dev_ws2812_t *d);

#endif

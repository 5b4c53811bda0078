// SPDX-License-Identifier: MIT
// decode_ws2812.h: a WS2812 data line from a capture: pulses, bits, frames
// and pixels, and the check of its timing against the datasheet windows
// (PROTOCOLS.md section 7) and of its colours against what was written.
//
// A pulse is a high and the low after it. Its bit is 1 when the high is
// longer than the windows' threshold (600 ns for the WS2812B: halfway
// between the nominal T0H and T1H). A low of at least reset_min ends a
// frame: that low is the frame's reset gap, not a bit's low. Bits are
// packed MSB first into wire bytes, G R B per pixel, pixel 0 first.
#ifndef RIG_DECODE_WS2812_H
#define RIG_DECODE_WS2812_H

#include "analysis.h"
#include "capture.h"

#include <stdint.h>

typedef struct {
  const char *name;
  double t0h_min, t0h_max, t0l_min, t0l_max; // ns
  double t1h_min, t1h_max, t1l_min, t1l_max;
  double threshold; // high longer than this is a 1
  double reset_min; // a low at least this long latches
} ws2812_windows_t;

// WS2812B classic datasheet: T0H 400, T0L 850, T1H 800, T1L 450, each
// +-150 ns; reset >= 50 us.
extern const ws2812_windows_t ws2812b_windows;

typedef struct {
  int64_t t_ns;   // rising edge
  double high_ns; // high time
  double low_ns;  // low time after it (the gap for a frame's last bit; 0 when the capture ends)
  int bit;        // the value it carries
  int last;       // the last pulse of its frame
} ws2812_pulse_t;

typedef struct {
  size_t first, count; // its pulses
  uint8_t *bytes;      // count / 8 wire bytes (G R B per pixel)
  size_t nbytes;
  int extra_bits; // bits past the last whole byte
  double gap_ns;  // the reset low after it (0: none seen; the capture ended)
} ws2812_frame_t;

typedef struct {
  ws2812_pulse_t *pulses;
  size_t npulses;
  ws2812_frame_t *frames;
  size_t nframes;
} ws2812_decode_t;

// Decodes channel [ch]. RIG_OK (possibly with no frames), RIG_E_NOMEM.
rig_status_t ws2812_decode(const capture_t *cap, int ch, const ws2812_windows_t *w, ws2812_decode_t *d);
void ws2812_decode_free(ws2812_decode_t *d);

// A frame as written, in the user's order: 0xRRGGBB per pixel.
typedef struct {
  char label[32]; // "all-zeros", "ramp", ...
  uint32_t rgb[256];
  size_t npixels;
} ws2812_expect_t;

// Fills [a] (check "ws2812"): figures T0H, T0L, T1H, T1L, reset (ns, judged
// against [w]) and period (reported); a problem for each figure out of its
// window, for a frame count differing from [nexp], and for each pixel whose
// decoded colour differs from the written one (GRB on the wire), saying
// when red and green are swapped. [nexp] 0: colours are not compared.
void ws2812_check(const ws2812_decode_t *d, const ws2812_windows_t *w, const ws2812_expect_t *exp,
                  size_t nexp, analysis_t *a);

#endif

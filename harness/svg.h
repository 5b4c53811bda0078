// SPDX-License-Identifier: MIT
// svg.h: the pictures of the loopback checks, as standalone SVG files the
// HTML report embeds (no library: the markup is written here).
//
//   WS2812: a histogram of the four pulse widths (highs above, lows below)
//           with the datasheet windows drawn as bands, and a timing
//           diagram of the first pixel (24 bits with their values and the
//           G R B bytes they make).
//   I2C:    the decoded transaction list, NACKs in red.
#ifndef RIG_SVG_H
#define RIG_SVG_H

#include "decode_i2c.h"
#include "decode_ws2812.h"

// Each writes [path]; RIG_E_FILE with a message in [err] on failure.
rig_status_t svg_ws2812_histogram(const ws2812_decode_t *d, const ws2812_windows_t *w, const char *path,
                                  char *err, size_t errlen);
rig_status_t svg_ws2812_first_pixel(const ws2812_decode_t *d, const char *path, char *err, size_t errlen);
rig_status_t svg_i2c_transactions(const i2c_decode_t *d, double scl_hz, const char *path, char *err,
                                  size_t errlen);

#endif

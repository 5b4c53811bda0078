// SPDX-License-Identifier: MIT
// slip.h: SLIP framing (RFC 1055) as the ESP8266 ROM loader uses it
// (PROTOCOLS.md 3.1): every packet starts and ends with 0xC0; inside,
// 0xC0 travels as 0xDB 0xDC and 0xDB as 0xDB 0xDD.
#ifndef RIG_SLIP_H
#define RIG_SLIP_H

#include <stddef.h>
#include <stdint.h>

#define SLIP_END 0xc0
#define SLIP_ESC 0xdb
#define SLIP_ESC_END 0xdc
#define SLIP_ESC_ESC 0xdd

// The most bytes slip_encode can produce for [len] payload bytes.
#define SLIP_ENCODED_MAX(len) (2 * (size_t)(len) + 2)

// Frames [len] bytes of [in] into [out] (room for SLIP_ENCODED_MAX(len)).
// Returns the bytes stored.
size_t slip_encode(const uint8_t *in, size_t len, uint8_t *out);

// A decoder fed one byte at a time. Bytes outside a frame are noise (boot
// text, line garbage) and are counted, not kept.
typedef struct {
  uint8_t *buf; // the frame being collected (caller's storage)
  size_t cap, len;
  int in_frame, escape, overflow, bad_escape;
  size_t noise; // bytes seen outside frames
} slip_decoder_t;

void slip_decoder_init(slip_decoder_t *d, uint8_t *buf, size_t cap);

// Feeds [byte]. Returns 1 when it completed a frame (d->buf, d->len: valid
// until the next call), 0 otherwise. Frames that overflowed [cap] or held
// a bad escape are dropped (returns 0), as are empty ones.
int slip_decode_byte(slip_decoder_t *d, uint8_t byte);

#endif

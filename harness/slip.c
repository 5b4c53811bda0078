// SPDX-License-Identifier: MIT
// slip.c: SLIP framing (see slip.h).
#include "slip.h"

size_t slip_encode(const uint8_t *in, size_t len, uint8_t *out) {
  size_t n = 0;
  out[n++] = SLIP_END;
  for (size_t i = 0; i < len; i++) {
    if (in[i] == SLIP_END) {
      out[n++] = SLIP_ESC;
      out[n++] = SLIP_ESC_END;
    } else if (in[i] == SLIP_ESC) {
      out[n++] = SLIP_ESC;
      out[n++] = SLIP_ESC_ESC;
    } else {
      out[n++] = in[i];
    }
  }
  out[n++] = SLIP_END;
  return n;
}

void slip_decoder_init(slip_decoder_t *d, uint8_t *buf, size_t cap) {
  *d = (slip_decoder_t){.buf = buf, .cap = cap};
}

int slip_decode_byte(slip_decoder_t *d, uint8_t b) {
  if (b == SLIP_END) {
    // An end marker also opens the next frame: a lost end marker costs one
    // frame, not the stream. in_frame 2: a frame was just reported.
    int done = d->in_frame == 1 && d->len > 0 && !d->overflow && !d->bad_escape;
    d->escape = d->overflow = d->bad_escape = 0;
    if (done) {
      d->in_frame = 2;
      return 1;
    }
    d->in_frame = 1;
    d->len = 0;
    return 0;
  }
  if (d->in_frame == 2) { // the frame just reported is consumed now
    d->in_frame = 1;
    d->len = 0;
  }
  if (!d->in_frame) {
    d->noise++;
    return 0;
  }
  if (d->escape) {
    d->escape = 0;
    if (b == SLIP_ESC_END)
      b = SLIP_END;
    else if (b == SLIP_ESC_ESC)
      b = SLIP_ESC;
    else
      d->bad_escape = 1;
  } else if (b == SLIP_ESC) {
    d->escape = 1;
    return 0;
  }
  if (d->len < d->cap)
    d->buf[d->len++] = b;
  else
    d->overflow = 1;
  return 0;
}

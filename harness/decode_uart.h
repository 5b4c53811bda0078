// SPDX-License-Identifier: MIT
// decode_uart.h: an asynchronous serial line (8N1, idle high) from a
// capture, decoded at a given baud rate, and the bit time it really had.
//
// A falling edge on an idle line starts a frame; the eight data bits (LSB
// first) and the stop bit are the line's level at the middle of each bit
// time, counted from that edge. A low stop bit is a framing error. Every
// edge inside a frame lies a whole number of bits from its start, which
// gives an estimate of the real bit time per edge.
#ifndef RIG_DECODE_UART_H
#define RIG_DECODE_UART_H

#include "analysis.h"
#include "capture.h"

#include <stdint.h>

typedef struct {
  uint8_t *bytes;
  size_t count;
  size_t framing_errors;
  series_t bit_ns; // one bit-time estimate per edge inside a frame
} uart_decode_t;

rig_status_t uart_decode(const capture_t *cap, int ch, double baud, uart_decode_t *d);
void uart_decode_free(uart_decode_t *d);

// Fills [a] (check "uart"): figure baud (from the bit-time estimates) and
// baud_error_pct judged against [max_error_pct]; problems for framing
// errors and for bytes differing from [want] (when not NULL).
void uart_check(const uart_decode_t *d, double baud, double max_error_pct, const uint8_t *want, size_t nwant,
                analysis_t *a);

#endif

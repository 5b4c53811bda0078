// SPDX-License-Identifier: MIT
// decode_i2c.h: an I2C bus from a capture of SCL and SDA: the transaction
// list (START or repeated START, address and direction, each byte with its
// ACK or NACK, STOP) and the clock the master actually produced.
//
// SDA falling while SCL is high is a START, rising while SCL is high a
// STOP; a bit is SDA's level at SCL's rising edge; nine bits make a byte
// and its acknowledge (SDA low = ACK). Edges at the same nanosecond are
// taken SCL first.
#ifndef RIG_DECODE_I2C_H
#define RIG_DECODE_I2C_H

#include "analysis.h"
#include "capture.h"

#include <stdint.h>

#define I2C_MAX_BYTES 64 // kept per transaction; longer ones are counted

typedef struct {
  int64_t t_ns; // the START
  int addr;     // 7-bit address, -1 when the transaction has no whole first byte
  int read;     // R/W bit
  int addr_ack; // the address was acknowledged
  uint8_t data[I2C_MAX_BYTES];
  uint8_t ack[I2C_MAX_BYTES];
  size_t ndata; // data bytes seen (may exceed I2C_MAX_BYTES)
  int stopped;  // ended by a STOP (else a repeated START or the capture's end)
} i2c_transaction_t;

typedef struct {
  i2c_transaction_t *t;
  size_t count;
  size_t partial_bytes; // bytes cut short by a START or STOP
  // Clock timing inside transactions, in ns: rising edge to rising edge,
  // SCL low before a rising edge, SCL high before a falling edge.
  series_t periods, lows, highs;
} i2c_decode_t;

rig_status_t i2c_decode(const capture_t *cap, int scl, int sda, i2c_decode_t *d);
void i2c_decode_free(i2c_decode_t *d);

// The addresses that acknowledged, ascending, without repeats; returns
// how many (at most [cap] stored).
size_t i2c_acked_addresses(const i2c_decode_t *d, int *out, size_t cap);

// Checks a scan against the wiring map's addresses [want]: a problem for
// each address that acknowledged on the wire but is not in the map, and
// each one in the map that did not; and, when [board] is not NULL, when
// the list the board's scan returned differs from the map.
void i2c_check_scan(const i2c_decode_t *d, const int *want, size_t nwant, const int *board, size_t nboard,
                    analysis_t *a);

// One transaction as text: "S 50W+ 00+ 10+ 41+ P" (+ ACK, - NACK; Sr for a
// repeated START's transaction).
void i2c_transaction_text(const i2c_transaction_t *t, int repeated, char *out, size_t cap);

// Fills [a] (check "i2c"): figures scl_hz (each clock period within a
// byte), tLOW and tHIGH (ns) judged against UM10204's minimums for the
// mode [requested_hz] implies (<= 100 kHz standard, else fast), and
// scl_error_pct against the request (|mean - requested| / requested,
// judged against [max_error_pct]; [requested_hz] 0: not judged). Notes
// give the transaction count.
void i2c_check_timing(const i2c_decode_t *d, double requested_hz, double max_error_pct, analysis_t *a);

#endif

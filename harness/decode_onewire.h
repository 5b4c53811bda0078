// SPDX-License-Identifier: MIT
// decode_onewire.h: a 1-Wire bus (standard speed) from a capture of its one
// line: resets and presence pulses, bytes, and what the DS18B20 commands
// carried (PROTOCOLS.md section 8).
//
// Every low pulse is classified by its length: over 240 us a reset; the
// first low starting within 100 us of a reset's release is the presence
// pulse; any other low is a time slot, a 1 when it lasted at most 15 us (the master's sampling
// point; a device answering 0 holds the line longer), else a 0. Bits after
// a reset form bytes LSB first, except inside a ROM search (0xF0, 0xEC),
// whose slots come in threes (bit, complement, the master's choice) and
// spell the ROM chosen, and after CONVERT T (0x44), whose slots are polls.
#ifndef RIG_DECODE_ONEWIRE_H
#define RIG_DECODE_ONEWIRE_H

#include "analysis.h"
#include "capture.h"

#include <stdint.h>

#define ONEWIRE_MAX_BYTES 32

typedef struct {
  int64_t t_ns;        // the reset's falling edge
  double reset_low_ns; // how long the master held the line low
  int presence;        // a device answered
  double presence_wait_ns, presence_low_ns;
  uint8_t bytes[ONEWIRE_MAX_BYTES]; // whole bytes in order (ROM and function commands, data)
  size_t nbytes;                    // may exceed ONEWIRE_MAX_BYTES
  int rom_cmd;                      // first byte, -1 when none
  uint8_t rom[8];                   // the ROM addressed (search, match, read), when has_rom
  int has_rom;
  int func_cmd;           // the function command after the ROM part, -1 when none
  const uint8_t *payload; // bytes after func_cmd (points into bytes; NULL when none)
  size_t npayload;
  size_t payload_at;  // where they start in bytes
  size_t poll_slots;  // slots after CONVERT T
  int search_aborted; // a search whose bit and complement both read 1
} onewire_session_t;

typedef struct {
  onewire_session_t *s;
  size_t count;
  series_t short_lows, long_lows; // slot lows in ns: short (1s) and long (0s)
} onewire_decode_t;

rig_status_t onewire_decode(const capture_t *cap, int ch, onewire_decode_t *d);
void onewire_decode_free(onewire_decode_t *d);

// Dallas/Maxim CRC8 (x^8 + x^5 + x^4 + 1, LSB first, initial 0).
uint8_t onewire_crc8(const uint8_t *p, size_t n);

// What the fixture says about the bus (a wiring map's ds18b20 entries).
typedef struct {
  uint8_t roms[8][8];
  int nroms;
  double temp_c; // the device's set temperature
  int has_temp;
  double tolerance_c; // beyond the resolution's step (real sensors)
} onewire_expect_t;

// Fills [a] (check "onewire"): figures reset_low (us, >= 480), presence_wait
// (15..60 us), presence_low (60..240 us), slot_low_1 (1..15 us), slot_low_0
// (15..120 us), temp_error (C, within the resolution's step plus the
// tolerance); problems for a reset without presence, each READ SCRATCHPAD
// whose CRC8 is wrong, each ROM seen with a bad CRC8 or a family other
// than 0x28, ROM searches that find other devices than [exp] lists, and
// temperatures off the fixture's.
void onewire_check(const onewire_decode_t *d, const onewire_expect_t *exp, analysis_t *a);

#endif

// SPDX-License-Identifier: MIT
// drv_onewire.h: bit-banged 1-Wire master at standard speed (PROTOCOLS.md
// 8), on one open-drain pin with pull-up.
//
// Slot timing (from the falling edge that opens each slot; every instant
// is a deadline on the cycle counter, interrupts masked per slot):
//   reset   low 490 us (tRSTL >= 480); release; sample presence 70 us
//           later (inside every device's 60-240 us pulse that starts 15-60
//           us after release); return 480 us after release (tRSTH)
//   write 1 low 6 us (tLOW1 1-15), then released
//   write 0 low 64 us (tLOW0 60-120)
//   read    low 5 us, release, sample at 12 us (before tRDV = 15 us)
//   every slot lasts 70 us (tSLOT 60-120), leaving tREC >= 6 us
// Bytes go LSB first. Functions never block longer than one reset.
#ifndef DRV_ONEWIRE_H
#define DRV_ONEWIRE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
  int pin;
} drv_onewire_t;

// State of a ROM search across passes (see drv_onewire_search_next).
typedef struct {
  uint8_t rom[8]; // the ROM found by the last pass
  int diff;       // 65 before the first pass; 0 when the search is over
} drv_onewire_search_t;

// Takes [pin] as a 1-Wire bus (open drain, pull-up, released). 0 or -1.
int drv_onewire_init(drv_onewire_t *ow, int pin);

// Reset pulse; returns 1 if a device answered with presence, else 0.
int drv_onewire_reset(const drv_onewire_t *ow);

int drv_onewire_read_bit(const drv_onewire_t *ow);
void drv_onewire_write_bit(const drv_onewire_t *ow, int bit);
uint8_t drv_onewire_read_byte(const drv_onewire_t *ow);
void drv_onewire_write_byte(const drv_onewire_t *ow, uint8_t b);
void drv_onewire_read(const drv_onewire_t *ow, uint8_t *buf, size_t len);
void drv_onewire_write(const drv_onewire_t *ow, const uint8_t *buf, size_t len);

// Reset + MATCH ROM [rom] (or SKIP ROM when [rom] is NULL). Returns the
// presence as drv_onewire_reset does; nothing is sent without presence.
int drv_onewire_select(const drv_onewire_t *ow, const uint8_t *rom);

// Starts a ROM search.
void drv_onewire_search_begin(drv_onewire_search_t *s);
// One search pass (PROTOCOLS.md 8.3, taking the 1 branch of a collision
// first). Returns 1 with the next ROM in s->rom, 0 when the search is
// over, -ENODEV when no device answered the reset, -EIO when a bit and its
// complement both read 1 (the bus changed under the search).
int drv_onewire_search_next(const drv_onewire_t *ow, drv_onewire_search_t *s);
// Runs a whole search: up to [max] ROMs into [roms]. Returns how many, or
// a negative error as search_next's.
int drv_onewire_scan(const drv_onewire_t *ow, uint8_t (*roms)[8], int max);

// Dallas/Maxim CRC8 of [len] bytes; 0 over data that ends in its CRC.
uint8_t drv_onewire_crc8(const uint8_t *buf, size_t len);

#endif

// SPDX-License-Identifier: MIT
// dev_ds18b20.h: a DS18B20 thermometer on a 1-Wire bus, decoded at pin
// level (PROTOCOLS.md 8). Several may share one pin.
//
// What the model does, as the datasheet's part would:
// * Reset: a low of at least 480 us (tRSTL), seen at its rising edge. The
//   device answers presence_wait later (tPDHIGH, default 30 us) with a low
//   of presence_len (tPDLOW, default 120 us). A shorter low that is too
//   long for a slot (over 120 us) is no reset: the device counts a timing
//   error and stays silent until a proper reset.
// * Slots start at a falling edge. In a write slot the device samples the
//   line sample_ns after the edge (default 30 us, inside the 15-60 us
//   window): a write-1 held low too long reads as 0, just as on the part.
//   In a read slot it sends a 0 by holding the line low until hold_ns
//   (default 30 us) after the edge, a 1 by doing nothing.
// * ROM commands READ (0x33), MATCH (0x55), SKIP (0xCC), SEARCH (0xF0) and
//   ALARM SEARCH (0xEC); function commands CONVERT T (0x44; read slots give
//   0 until the conversion time of the resolution has passed, 93.75 ms at 9
//   bits to 750 ms at 12), READ SCRATCHPAD (0xBE; 9 bytes with CRC, then
//   1s), WRITE SCRATCHPAD (0x4E; TH, TL, config), COPY SCRATCHPAD (0x48;
//   10 ms), RECALL E2 (0xB8), READ POWER SUPPLY (0xB4; externally powered).
// * Power-on scratchpad 50 05 4B 46 7F FF 0C 10 <crc>: +85 C until the
//   first conversion, which latches the temperature set with
//   dev_ds18b20_set_temp_mc, rounded to 1/16 C and truncated to the
//   resolution (the undefined low bits read 0).
// * Timing checks counted (the bit is still taken as sampled): tSLOT >= 60
//   us and tREC >= 1 us between slots, tRSTH >= 480 us before the first
//   slot after a reset, a write-0 low of 60-120 us, a write-1 low of 1-15
//   us, and a slot starting before the previous one was sampled.
#ifndef DEV_DS18B20_H
#define DEV_DS18B20_H

#include <stdbool.h>
#include <stdint.h>

#include "sim_pins.h"

typedef struct dev_ds18b20 dev_ds18b20_t;

typedef struct {
  uint32_t resets, presences; // resets seen, presence pulses sent
  uint32_t bits_in, bits_out; // write slots sampled, read slots answered
  uint32_t conversions;       // CONVERT T commands
  uint32_t timing_errors;
  uint8_t last_rom_cmd, last_func_cmd;
} dev_ds18b20_stats_t;

// Device timings in ns (defaults in the header comment).
typedef struct {
  uint32_t reset_min_ns, presence_wait_ns, presence_len_ns, sample_ns, hold_ns;
} dev_ds18b20_timing_t;

// Puts a DS18B20 with 48-bit [serial] (6 bytes, LSB first as on the wire)
// on [pin], and the bus pull-up on the pin. Its ROM is 0x28, serial, CRC.
dev_ds18b20_t *dev_ds18b20_new(sim_pins_t *pins, int pin, const uint8_t serial[6]);
void dev_ds18b20_free(dev_ds18b20_t *d);

// The 8-byte ROM code in wire order.
const uint8_t *dev_ds18b20_rom(const dev_ds18b20_t *d);
// The temperature the next conversion will read, in milli-degrees C.
void dev_ds18b20_set_temp_mc(dev_ds18b20_t *d, int32_t milli_c);
// The 9 scratchpad bytes as they stand now (CRC included).
void dev_ds18b20_scratchpad(dev_ds18b20_t *d, uint8_t out[9]);
// Resolution in bits (9..12) from the config register.
int dev_ds18b20_resolution(const dev_ds18b20_t *d);
// True while a conversion (or a copy to EEPROM) runs.
bool dev_ds18b20_busy(dev_ds18b20_t *d);

dev_ds18b20_timing_t dev_ds18b20_timing(const dev_ds18b20_t *d);
void dev_ds18b20_set_timing(dev_ds18b20_t *d, const dev_ds18b20_timing_t *t);

const dev_ds18b20_stats_t *dev_ds18b20_stats(const dev_ds18b20_t *d);
// The last timing error as text, "" if none.
const char *dev_ds18b20_last_error(const dev_ds18b20_t *d);

// Dallas/Maxim CRC8 (x^8 + x^5 + x^4 + 1, LSB first, initial 0) of [len]
// bytes: the model's own, independent of the firmware driver's.
uint8_t dev_ds18b20_crc8(const uint8_t *buf, int len);

#endif

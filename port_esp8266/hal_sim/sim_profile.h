// SPDX-License-Identifier: MIT
// sim_profile.h: a module profile (fixtures/profiles/*.json): what kind of
// ESP8266 module the virtual board pretends to be.
#ifndef SIM_PROFILE_H
#define SIM_PROFILE_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
  char name[32];        // e.g. "d1mini-4m"
  char board_name[64];  // the banner's machine text, e.g. "WeMos D1 mini (4M) with ESP8266"
  uint32_t flash_size;  // bytes the module claims (its JEDEC ID's size)
  uint32_t flash_real;  // bytes the chip really holds ("flash_real_size",
                        // default flash_size); smaller on fake modules, whose
                        // addresses then wrap around modulo this size
  uint32_t flash_jedec; // the JEDEC word as esp.flash_id() returns it
  unsigned cpu_mhz;     // 80 or 160
  uint8_t mac[6];
} sim_profile_t;

// The profile of a board given none: a generic 4 MB module.
void sim_profile_default(sim_profile_t *p);

// Loads [spec]: a path to a JSON file, or a bare name looked up as
// fixtures/profiles/NAME.json. Returns 0, or -1 with a message in [err].
int sim_profile_load(sim_profile_t *p, const char *spec, char *err, size_t err_size);

#endif

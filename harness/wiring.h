// SPDX-License-Identifier: MIT
// wiring.h: the rig's view of a board's wiring maps (fixtures/wiring/
// NAME.json, described in fixtures/README.md): which devices sit on which
// pins, so a loopback check knows what to capture and what to expect.
//
//   wiring_t w;
//   char err[512];
//   const char *names[] = {"i2c-eeprom", "ws2812"};
//   if (wiring_load(&w, names, 2, "fixtures/wiring", err, sizeof err) != RIG_OK) ...
//   const wiring_device_t *d = wiring_find(&w, "eeprom24c32", 0);
//   int scl = wiring_int(d, "scl", -1);
//   wiring_free(&w);
#ifndef RIG_WIRING_H
#define RIG_WIRING_H

#include "buf.h"
#include "rig_status.h"

#include <stddef.h>

#define WIRING_MAX_DEVICES 32

typedef struct {
  char type[32];    // "eeprom24c32", "ds18b20", "ws2812", "wire", "adc", ...
  char fixture[64]; // the wiring map it comes from
  void *json;       // its object (jansson), owned by the wiring_t
} wiring_device_t;

typedef struct {
  wiring_device_t devices[WIRING_MAX_DEVICES];
  int ndevices;
} wiring_t;

// Loads the maps [names] ([n] of them): a name with a '/' or ending in
// ".json" is a path, else DIR/NAME.json. RIG_E_FILE / RIG_E_JSON /
// RIG_E_SCHEMA with a message in [err].
rig_status_t wiring_load(wiring_t *w, const char *const *names, int n, const char *dir, char *err,
                         size_t errlen);
void wiring_free(wiring_t *w);

// The [index]th device of [type] (0 first), or NULL.
const wiring_device_t *wiring_find(const wiring_t *w, const char *type, int index);
int wiring_count(const wiring_t *w, const char *type);

// Field [key] of a device: an integer (else [dflt]), a number (else
// [dflt]), a string (else NULL).
long wiring_int(const wiring_device_t *d, const char *key, long dflt);
double wiring_number(const wiring_device_t *d, const char *key, double dflt);
const char *wiring_str(const wiring_device_t *d, const char *key);

// Appends the device as a Python dict literal ({'type': 'wire', 'a': 0,
// 'b': 2}) to [out]: the prelude a loopback test reads its pins from.
void wiring_python(const wiring_device_t *d, buf_t *out);

#endif

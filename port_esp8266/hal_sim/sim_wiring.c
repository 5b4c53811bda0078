// SPDX-License-Identifier: MIT
// sim_wiring.c: wiring maps read with Jansson and attached as devices.
#include "sim_wiring.h"
#include "dev_ds18b20.h"
#include "dev_eeprom24c32.h"
#include "dev_wire.h"
#include "dev_ws2812.h"
#include "sim_hw.h"

#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PYRITE_FIXTURES_DIR
#define PYRITE_FIXTURES_DIR "fixtures"
#endif

#define MAX_DEVICES 32
#define MAX_FIXTURES 8

typedef enum { KIND_EEPROM, KIND_DS18B20, KIND_WS2812, KIND_WIRE, KIND_ADC, KIND_WAKE } kind_t;

static const char *const kind_names[] = {"eeprom24c32", "ds18b20", "ws2812", "wire", "adc", "deepsleep-wake"};

// One attached device; [dev] is NULL once detached.
typedef struct {
  char fixture[64];
  kind_t kind;
  void *dev;
  int pins[2]; // the pins it holds (-1: none), for clash messages
} attached_t;

static struct {
  attached_t devs[MAX_DEVICES];
  int ndevs;
  char fixtures[MAX_FIXTURES][64];
  int nfixtures;
} wiring;

static int fail(char *err, size_t size, const char *path, const char *fmt, const char *detail) {
  char what[300];
  snprintf(what, sizeof what, fmt, detail);
  snprintf(err, size, "wiring %s: %s", path, what);
  return -1;
}

static bool gpio_ok(json_int_t pin) {
  return pin >= 0 && pin <= 16 && !(pin >= 6 && pin <= 11);
}

// Refuses a pin another device of another kind already holds: a 1-Wire
// bus may carry several thermometers, anything else gets one device.
static const attached_t *clash(kind_t kind, int pin) {
  for (int i = 0; i < wiring.ndevs; i++) {
    const attached_t *a = &wiring.devs[i];
    if (!a->dev && a->kind != KIND_WIRE) continue;
    for (int k = 0; k < 2; k++)
      if (a->pins[k] == pin && !(kind == KIND_DS18B20 && a->kind == KIND_DS18B20)) return a;
  }
  return NULL;
}

static int parse_rom(const char *hex, uint8_t rom[8]) {
  if (strlen(hex) != 16) return -1;
  for (int i = 0; i < 8; i++) {
    unsigned v;
    char pair[3] = {hex[2 * i], hex[2 * i + 1], 0};
    char *end;
    v = (unsigned)strtoul(pair, &end, 16);
    if (*end) return -1;
    rom[i] = (uint8_t)v;
  }
  return 0;
}

// Attaches one device object [d] of fixture [name]; [path] for messages.
static int attach(const char *name, const char *path, json_t *d, char *err, size_t size) {
  json_error_t jerr;
  const char *type = NULL;
  if (json_unpack_ex(d, &jerr, 0, "{s:s}", "type", &type) < 0)
    return fail(err, size, path, "device without a \"type\" (%s)", jerr.text);
  if (wiring.ndevs == MAX_DEVICES) return fail(err, size, path, "more than %s devices in all", "32");
  attached_t *a = &wiring.devs[wiring.ndevs];
  *a = (attached_t){.pins = {-1, -1}};
  snprintf(a->fixture, sizeof a->fixture, "%s", name);
  sim_pins_t *pins = sim_hw_pins();
  json_int_t p1 = -1, p2 = -1, n = 0;
  if (!strcmp(type, "eeprom24c32")) {
    json_int_t addr = 0x50;
    if (json_unpack_ex(d, &jerr, JSON_STRICT, "{s:s, s:I, s:I, s?I}", "type", &type, "scl", &p1, "sda", &p2,
                       "addr", &addr) < 0)
      return fail(err, size, path, "eeprom24c32: %s", jerr.text);
    if (addr < 0x50 || addr > 0x57) return fail(err, size, path, "eeprom24c32: addr must be %s", "80..87");
    a->kind = KIND_EEPROM;
    n = addr - 0x50;
  } else if (!strcmp(type, "ds18b20")) {
    const char *rom_hex = NULL;
    double temp = 20.0;
    if (json_unpack_ex(d, &jerr, JSON_STRICT, "{s:s, s:I, s:s, s?F}", "type", &type, "pin", &p1, "rom",
                       &rom_hex, "temp_c", &temp) < 0)
      return fail(err, size, path, "ds18b20: %s", jerr.text);
    uint8_t rom[8];
    if (parse_rom(rom_hex, rom) < 0 || rom[0] != 0x28)
      return fail(err, size, path, "ds18b20: rom '%s' is not 16 hex digits starting 28", rom_hex);
    if (dev_ds18b20_crc8(rom, 8) != 0)
      return fail(err, size, path, "ds18b20: rom '%s' has a wrong CRC8", rom_hex);
    if (!gpio_ok(p1)) return fail(err, size, path, "ds18b20: bad pin (GPIO 0..16 but %s)", "6..11");
    if (clash(KIND_DS18B20, (int)p1))
      return fail(err, size, path, "ds18b20: pin already taken (%s)", rom_hex);
    dev_ds18b20_t *dev = dev_ds18b20_new(pins, (int)p1, rom + 1);
    if (!dev) return fail(err, size, path, "ds18b20: %s", "cannot make the device");
    dev_ds18b20_set_temp_mc(dev, (int32_t)lround(temp * 1000.0));
    a->kind = KIND_DS18B20;
    a->dev = dev;
    a->pins[0] = (int)p1;
    wiring.ndevs++;
    return 0;
  } else if (!strcmp(type, "ws2812")) {
    json_int_t bpp = 3;
    if (json_unpack_ex(d, &jerr, JSON_STRICT, "{s:s, s:I, s:I, s?I}", "type", &type, "pin", &p1, "count", &n,
                       "bpp", &bpp) < 0)
      return fail(err, size, path, "ws2812: %s", jerr.text);
    if (n < 1 || n > 1024 || (bpp != 3 && bpp != 4))
      return fail(err, size, path, "ws2812: %s", "count must be 1..1024 and bpp 3 or 4");
    a->kind = KIND_WS2812;
    p2 = -1;
    if (!gpio_ok(p1)) return fail(err, size, path, "ws2812: bad pin (GPIO 0..16 but %s)", "6..11");
    if (clash(KIND_WS2812, (int)p1))
      return fail(err, size, path, "ws2812: pin %s already taken", "of the chain");
    a->dev = dev_ws2812_new(pins, (int)p1, (size_t)n, (int)bpp, NULL, 0);
    if (!a->dev) return fail(err, size, path, "ws2812: %s", "cannot make the device");
    a->pins[0] = (int)p1;
    wiring.ndevs++;
    return 0;
  } else if (!strcmp(type, "wire")) {
    if (json_unpack_ex(d, &jerr, JSON_STRICT, "{s:s, s:I, s:I}", "type", &type, "a", &p1, "b", &p2) < 0)
      return fail(err, size, path, "wire: %s", jerr.text);
    a->kind = KIND_WIRE;
  } else if (!strcmp(type, "adc")) {
    json_int_t value = 0;
    if (json_unpack_ex(d, &jerr, JSON_STRICT, "{s:s, s:I}", "type", &type, "value", &value) < 0)
      return fail(err, size, path, "adc: %s", jerr.text);
    if (value < 0 || value > 1024) return fail(err, size, path, "adc: value must be %s", "0..1024");
    sim_hw_set_adc((int)value);
    a->kind = KIND_ADC;
    a->dev = &wiring; // a marker: detaching it grounds the pin
    wiring.ndevs++;
    return 0;
  } else if (!strcmp(type, "deepsleep-wake")) {
    if (json_unpack_ex(d, &jerr, JSON_STRICT, "{s:s}", "type", &type) < 0)
      return fail(err, size, path, "deepsleep-wake: %s", jerr.text);
    sim_hw_set_deepsleep_wake(true);
    a->kind = KIND_WAKE;
    a->dev = &wiring;
    a->pins[0] = 16;
    wiring.ndevs++;
    return 0;
  } else {
    return fail(err, size, path,
                "unknown device type '%s' (eeprom24c32, ds18b20, ws2812, wire, adc, deepsleep-wake)", type);
  }
  // The two-pin devices: an EEPROM on its bus, a wire.
  if (!gpio_ok(p1) || !gpio_ok(p2) || p1 == p2)
    return fail(err, size, path, "%s: two different GPIOs 0..16 (not 6..11)", type);
  const attached_t *other = clash(a->kind, (int)p1);
  if (!other) other = clash(a->kind, (int)p2);
  if (other) {
    char who[160];
    snprintf(who, sizeof who, "%s: a pin is already taken by %s of %s", type, kind_names[other->kind],
             other->fixture);
    return fail(err, size, path, "%s", who);
  }
  if (a->kind == KIND_EEPROM) {
    a->dev = dev_eeprom24c32_new(pins, (int)p1, (int)p2, (int)n);
    if (!a->dev) return fail(err, size, path, "eeprom24c32: %s", "cannot make the device");
  } else if (dev_wire_connect(pins, (int)p1, (int)p2) < 0) {
    return fail(err, size, path, "wire: %s", "cannot connect the pins");
  }
  a->pins[0] = (int)p1;
  a->pins[1] = (int)p2;
  wiring.ndevs++;
  return 0;
}

static int load_one(const char *spec, char *err, size_t size) {
  char path[600];
  if (strchr(spec, '/') || strstr(spec, ".json"))
    snprintf(path, sizeof path, "%s", spec);
  else
    snprintf(path, sizeof path, "%s/wiring/%s.json", PYRITE_FIXTURES_DIR, spec);
  json_error_t jerr;
  json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
  if (!root) {
    snprintf(err, size, "wiring %s: %s (line %d)", path, jerr.text, jerr.line);
    return -1;
  }
  const char *name = NULL, *desc = NULL, *schema = NULL;
  json_t *devices = NULL;
  int rc = 0;
  if (json_unpack_ex(root, &jerr, JSON_STRICT, "{s?s, s:s, s?s, s:o}", "$schema", &schema, "name", &name,
                     "description", &desc, "devices", &devices) < 0) {
    rc = fail(err, size, path, "%s", jerr.text);
  } else if (!json_is_array(devices) || json_array_size(devices) == 0) {
    rc = fail(err, size, path, "%s", "\"devices\" must be a non-empty array");
  } else if (wiring.nfixtures == MAX_FIXTURES) {
    rc = fail(err, size, path, "more than %s fixtures", "8");
  } else {
    for (int i = 0; i < wiring.nfixtures; i++)
      if (!strcmp(wiring.fixtures[i], name)) rc = fail(err, size, path, "fixture '%s' given twice", name);
    size_t k;
    json_t *d;
    json_array_foreach(devices, k, d) {
      if (rc == 0) rc = attach(name, path, d, err, size);
    }
    if (rc == 0) snprintf(wiring.fixtures[wiring.nfixtures++], sizeof wiring.fixtures[0], "%s", name);
  }
  json_decref(root);
  return rc;
}

int sim_wiring_load(const char *list, char *err, size_t err_size) {
  while (*list) {
    size_t n = strcspn(list, ",");
    char spec[512];
    if (n == 0 || n >= sizeof spec) {
      snprintf(err, err_size, "wiring: bad list entry in '%s'", list);
      return -1;
    }
    memcpy(spec, list, n);
    spec[n] = '\0';
    if (load_one(spec, err, err_size) < 0) return -1;
    list += n;
    if (*list == ',') list++;
  }
  return 0;
}

static void detach(attached_t *a) {
  switch (a->kind) {
  case KIND_EEPROM: dev_eeprom24c32_free(a->dev); break;
  case KIND_DS18B20: dev_ds18b20_free(a->dev); break;
  case KIND_WS2812: dev_ws2812_free(a->dev); break;
  case KIND_ADC: sim_hw_set_adc(0); break;
  case KIND_WAKE: sim_hw_set_deepsleep_wake(false); break;
  case KIND_WIRE: break;
  }
  a->dev = NULL;
}

int sim_wiring_detach(const char *name) {
  int gone = 0;
  for (int i = 0; i < wiring.ndevs; i++) {
    attached_t *a = &wiring.devs[i];
    if (!a->dev || a->kind == KIND_WIRE) continue;
    if (!strcmp(a->fixture, name) || !strcmp(kind_names[a->kind], name)) {
      detach(a);
      gone++;
    }
  }
  return gone ? gone : -1;
}

void sim_wiring_names(char *out, size_t size) {
  size_t used = 0;
  out[0] = '\0';
  for (int i = 0; i < wiring.nfixtures && used < size; i++)
    used += (size_t)snprintf(out + used, size - used, "%s%s", i ? "," : "", wiring.fixtures[i]);
}

// One device's line of sim_wiring_report.
static size_t report_one(const attached_t *a, char *out, size_t size) {
  const char *kind = kind_names[a->kind];
  switch (a->kind) {
  case KIND_EEPROM: {
    const dev_eeprom24c32_stats_t *s = dev_eeprom24c32_stats(a->dev);
    const char *last = dev_eeprom24c32_last_error(a->dev);
    return (size_t)snprintf(
        out, size, "%s %s addr=0x%02x addressed=%u write_cycles=%u timing_errors=%u last_error=%s\n",
        a->fixture, kind, dev_eeprom24c32_address(a->dev), (unsigned)s->addressed, (unsigned)s->write_cycles,
        (unsigned)s->timing_errors, last && *last ? last : "-");
  }
  case KIND_DS18B20: {
    const dev_ds18b20_stats_t *s = dev_ds18b20_stats(a->dev);
    const uint8_t *rom = dev_ds18b20_rom(a->dev);
    return (size_t)snprintf(
        out, size, "%s %s rom=%02x%02x%02x%02x%02x%02x%02x%02x resets=%u presences=%u timing_errors=%u\n",
        a->fixture, kind, rom[0], rom[1], rom[2], rom[3], rom[4], rom[5], rom[6], rom[7], (unsigned)s->resets,
        (unsigned)s->presences, (unsigned)s->timing_errors);
  }
  case KIND_WS2812: {
    size_t len;
    const uint8_t *leds = dev_ws2812_leds(a->dev, &len);
    size_t used = (size_t)snprintf(out, size, "%s %s frames=%u frame_bits=%zu errors=%u leds=", a->fixture,
                                   kind, (unsigned)dev_ws2812_frames(a->dev), dev_ws2812_frame_bits(a->dev),
                                   (unsigned)dev_ws2812_errors(a->dev));
    for (size_t i = 0; i < len && used + 3 < size; i++)
      used += (size_t)snprintf(out + used, size - used, "%02x", leds[i]);
    if (used + 1 < size) out[used++] = '\n', out[used] = '\0';
    return used;
  }
  default: return (size_t)snprintf(out, size, "%s %s\n", a->fixture, kind);
  }
}

size_t sim_wiring_report(char *out, size_t size) {
  size_t used = 0;
  out[0] = '\0';
  for (int i = 0; i < wiring.ndevs && used + 1 < size; i++) {
    if (!wiring.devs[i].dev && wiring.devs[i].kind != KIND_WIRE) continue;
    size_t n = report_one(&wiring.devs[i], out + used, size - used);
    used += n < size - used ? n : size - used - 1;
  }
  return used;
}

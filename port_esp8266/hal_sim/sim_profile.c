// SPDX-License-Identifier: MIT
// sim_profile.c: module profiles for the virtual board, read with Jansson.
#include "sim_profile.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PYRITE_FIXTURES_DIR
#define PYRITE_FIXTURES_DIR "fixtures"
#endif

void sim_profile_default(sim_profile_t *p) {
  *p = (sim_profile_t){.name = "generic-4m",
                       .board_name = "ESP module (virtual) with ESP8266",
                       .flash_size = 4u << 20,
                       .flash_real = 4u << 20,
                       .flash_jedec = 0x1640ef,
                       .cpu_mhz = 80,
                       .mac = {0x5c, 0xcf, 0x7f, 0, 0, 0}};
}

static int fail(char *err, size_t size, const char *spec, const char *what) {
  snprintf(err, size, "profile %s: %s", spec, what);
  return -1;
}

int sim_profile_load(sim_profile_t *p, const char *spec, char *err, size_t err_size) {
  char path[512];
  if (strchr(spec, '/') || strstr(spec, ".json"))
    snprintf(path, sizeof path, "%s", spec);
  else
    snprintf(path, sizeof path, "%s/profiles/%s.json", PYRITE_FIXTURES_DIR, spec);
  json_error_t jerr;
  json_t *root = json_load_file(path, 0, &jerr);
  if (!root) {
    snprintf(err, err_size, "profile %s: %s (line %d)", path, jerr.text, jerr.line);
    return -1;
  }
  sim_profile_default(p);
  const char *name = NULL, *board = NULL, *jedec = NULL, *mac = NULL;
  json_int_t flash = 0, mhz = 0, real = -1;
  int rc = 0;
  if (json_unpack_ex(root, &jerr, JSON_STRICT, "{s:s, s:s, s:I, s:s, s:I, s:s, s?I}", "name", &name,
                     "board_name", &board, "flash_size", &flash, "flash_jedec_id", &jedec, "cpu_mhz", &mhz,
                     "mac", &mac, "flash_real_size", &real) < 0) {
    snprintf(err, err_size, "profile %s: %s", path, jerr.text);
    rc = -1;
  } else if (flash < 65536 || flash > (16 << 20) || (flash & (flash - 1))) {
    rc = fail(err, err_size, path, "flash_size must be a power of two from 64K to 16M");
  } else if (real != -1 && (real < 65536 || real > flash || (real & (real - 1)))) {
    rc = fail(err, err_size, path, "flash_real_size must be a power of two from 64K up to flash_size");
  } else if (mhz != 80 && mhz != 160) {
    rc = fail(err, err_size, path, "cpu_mhz must be 80 or 160");
  } else {
    unsigned m[6];
    char *end;
    unsigned long id = strtoul(jedec, &end, 0);
    if (*end || id > 0xffffff)
      rc = fail(err, err_size, path, "flash_jedec_id must be a 24-bit number");
    else if (sscanf(mac, "%x:%x:%x:%x:%x:%x", &m[0], &m[1], &m[2], &m[3], &m[4], &m[5]) != 6)
      rc = fail(err, err_size, path, "mac must look like 5c:cf:7f:00:00:01");
    else {
      snprintf(p->name, sizeof p->name, "%s", name);
      snprintf(p->board_name, sizeof p->board_name, "%s", board);
      p->flash_size = (uint32_t)flash;
      p->flash_real = real == -1 ? (uint32_t)flash : (uint32_t)real;
      p->flash_jedec = (uint32_t)id;
      p->cpu_mhz = (unsigned)mhz;
      for (int i = 0; i < 6; i++)
        p->mac[i] = (uint8_t)m[i];
    }
  }
  json_decref(root);
  return rc;
}

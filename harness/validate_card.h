// SPDX-License-Identifier: MIT
// validate_card.h: the module card as `rig validate` builds it, shared by
// the ROM-loader checks (flash_validate.c) and the firmware checks over
// the raw REPL (validate_firmware.c).
//
// Every check adds one item {name, status, detail, advice} to the card and
// one line to stdout. Item names are the enum of
// ../reports/module-card.schema.json; a new name goes there first.
#ifndef RIG_VALIDATE_CARD_H
#define RIG_VALIDATE_CARD_H

#include "flash_board.h"

#include <jansson.h>
#include <stdint.h>

typedef struct {
  json_t *items; // array of {name, status, detail, advice}
  int failed;    // items with status "fail"
} card_t;

// Appends an item. [status]: pass, warn, fail or skip. [advice] (NULL or
// "" for none) says what to do. The detail is printf-formatted and cut at
// 511 bytes.
void card_item(card_t *c, const char *name, const char *status, const char *advice, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

// What the firmware checks need from the command line and the ROM phase.
typedef struct {
  int cycles;                // --cycles N: power/reset cycles with the file kept
  int deepsleep_wired;       // GPIO16 is wired to RST (--deepsleep-wired, vboard wiring)
  const char *wifi_ssid;     // --wifi SSID, or NULL: no WiFi item
  const char *wifi_password; // $RIG_WIFI_PASSWORD; never printed or stored
  uint32_t real_flash;       // bytes measured through the ROM (0: unknown)
  int rom_brownouts;         // brown-outs the ROM phase saw (rst cause:1 under it)
} validate_opts_t;

// The firmware half of the card: resets [b] into its firmware and, over
// the raw REPL, checks free heap, the CPU frequency switch, the
// filesystem, the reset-cause sequence, deep-sleep wake, power/reset
// cycles, WiFi and brown-outs seen in the boot lines. Adds the items and
// the card fields free_heap_bytes, cpu_freq_mhz, filesystem,
// reset_causes, power_cycles, wifi and brownouts to [card].
void validate_firmware_items(flash_board_t *b, card_t *c, json_t *card, const validate_opts_t *o);

#endif

// SPDX-License-Identifier: MIT
// flash_board.c: targets as the flasher sees them (see flash_board.h).
#include "flash_board.h"

#include <stdio.h>
#include <string.h>

rig_status_t flash_board_open(flash_board_t *b, const char *target, char *const *vargs, int nvargs, int baud,
                              char *err, size_t errlen) {
  memset(b, 0, sizeof *b);
  snprintf(b->target, sizeof b->target, "%s", target);
  if (rfc2217_is_target(target)) {
    b->kind = FB_RFC2217;
    b->line_baud = baud;
    return rfc2217_open(target, baud > 0 ? baud : TRANSPORT_DEFAULT_BAUD, &b->rfc, &b->t, err, errlen);
  }
  transport_spec_t spec;
  rig_status_t st = transport_parse(target, &spec, err, errlen);
  if (st != RIG_OK) return st;
  b->t = transport_new(&spec);
  if (!b->t) return RIG_E_NOMEM;
  b->kind = spec.kind == TRANSPORT_VBOARD ? FB_VBOARD : spec.kind == TRANSPORT_SERIAL ? FB_SERIAL : FB_PLAIN;
  b->line_baud = spec.kind == TRANSPORT_SERIAL ? spec.baud : baud;
  if (b->kind == FB_VBOARD) {
    transport_vboard_want_control(b->t);
    char text[32];
    snprintf(text, sizeof text, "%d", baud);
    if (baud > 0 && (transport_add_vboard_arg(b->t, "--baud-limit") != RIG_OK ||
                     transport_add_vboard_arg(b->t, text) != RIG_OK))
      st = RIG_E_OVERFLOW;
    for (int i = 0; st == RIG_OK && i < nvargs; i++)
      st = transport_add_vboard_arg(b->t, vargs[i]);
  }
  if (st == RIG_OK) st = transport_open(b->t);
  if (st != RIG_OK) snprintf(err, errlen, "cannot open %s: %s", target, transport_errmsg(b->t));
  return st;
}

static rig_status_t set_lines(flash_board_t *b, int dtr, int rts) {
  if (b->kind == FB_RFC2217) return rfc2217_set_lines(b->rfc, dtr, rts);
  return transport_set_lines(b->t, dtr, rts);
}

// esptool's classic reset (PROTOCOLS.md 3.9): EN low with GPIO0 high, then
// GPIO0 low as EN rises, then GPIO0 released after [delay_ms].
static rig_status_t lines_reset_to_rom(flash_board_t *b, int delay_ms) {
  rig_status_t st = set_lines(b, 0, 1);
  rig_sleep_ms(100);
  if (st == RIG_OK) st = set_lines(b, 1, 0);
  rig_sleep_ms(delay_ms);
  if (st == RIG_OK) st = set_lines(b, 0, -1);
  return st;
}

static rig_status_t reset_to_rom(flash_board_t *b, int attempt, char *err, size_t errlen) {
  char reply[128];
  switch (b->kind) {
  case FB_VBOARD: {
    rig_status_t st = transport_vboard_control(b->t, "boot download", reply, sizeof reply);
    if (st != RIG_OK) snprintf(err, errlen, "vboard control 'boot download': %s", transport_errmsg(b->t));
    return st;
  }
  case FB_SERIAL:
  case FB_RFC2217: {
    rig_status_t st = lines_reset_to_rom(b, attempt % 2 ? 550 : 50);
    if (st != RIG_OK) snprintf(err, errlen, "cannot drive DTR/RTS on %s", b->target);
    return st;
  }
  case FB_PLAIN: return RIG_OK; // nothing to pull: hope it waits in its loader
  }
  return RIG_OK;
}

rig_status_t flash_board_connect(flash_board_t *b, esp_rom_t *r, int attempts, char *err, size_t errlen) {
  rig_status_t st = RIG_E_TIMEOUT;
  for (int i = 0; i < attempts; i++) {
    st = reset_to_rom(b, i, err, errlen);
    if (st != RIG_OK) return st;
    st = esp_rom_sync(r, 5);
    if (st == RIG_OK) return RIG_OK;
    if (st == RIG_E_CLOSED || st == RIG_E_INTERRUPTED) break;
  }
  if (st == RIG_E_CLOSED) {
    snprintf(err, errlen, "the connection to %s closed while syncing", b->target);
  } else if (st != RIG_E_INTERRUPTED) {
    const char *hint =
        b->kind == FB_PLAIN
            ? "this target has no reset lines: hold GPIO0 low (the FLASH/BOOT button) while resetting "
              "the board, then run again"
            : "check that GPIO0 goes low at reset (auto-reset wiring DTR->GPIO0, RTS->EN, or hold "
              "the FLASH button), that TX/RX are crossed, and the baud rate";
    snprintf(err, errlen, "no sync with the ROM loader on %s after %d resets: %s", b->target, attempts, hint);
  }
  return st;
}

rig_status_t flash_board_run_firmware(flash_board_t *b, char *err, size_t errlen) {
  char reply[128];
  rig_status_t st = RIG_E_UNSUPPORTED;
  switch (b->kind) {
  case FB_VBOARD: st = transport_vboard_control(b->t, "boot flash", reply, sizeof reply); break;
  case FB_SERIAL:
  case FB_RFC2217: // esptool's hard reset: EN pulsed low with GPIO0 high
    st = set_lines(b, 0, 1);
    rig_sleep_ms(100);
    if (st == RIG_OK) st = set_lines(b, -1, 0);
    break;
  case FB_PLAIN: break;
  }
  if (st != RIG_OK && st != RIG_E_UNSUPPORTED)
    snprintf(err, errlen, "cannot reset %s into its firmware", b->target);
  return st;
}

void flash_board_close(flash_board_t *b) {
  transport_free(b->t);
  b->t = NULL;
  rfc2217_close(b->rfc);
  b->rfc = NULL;
}

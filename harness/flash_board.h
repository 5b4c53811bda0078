// SPDX-License-Identifier: MIT
// flash_board.h: a board the flasher and the module validator talk to:
// the transport, and how to reset it into the ROM loader or the firmware
// on that kind of target.
//
//   vboard[:PATH]      the control socket: `boot download` / `boot flash`
//   serial:DEV[@BAUD]  DTR/RTS through the two-transistor auto-reset circuit
//   rfc2217://H:P      the same lines over RFC 2217 SET-CONTROL
//   tcp:, exec:        no reset lines: the board must already be in its
//                      loader (GPIO0 held low while it was reset)
#ifndef RIG_FLASH_BOARD_H
#define RIG_FLASH_BOARD_H

#include "flash_rom.h"
#include "rig_status.h"
#include "transport.h"
#include "transport_rfc2217.h"

typedef enum { FB_VBOARD, FB_SERIAL, FB_RFC2217, FB_PLAIN } flash_board_kind_t;

typedef struct {
  flash_board_kind_t kind;
  transport_t *t;
  rfc2217_t *rfc;
  int line_baud; // the line's rate when known (serial, --baud-limit), else 0
  char target[TRANSPORT_TEXT_MAX];
} flash_board_t;

// Opens [target]. [vargs] are extra vboard arguments (vboard targets).
// [baud]: rfc2217 line rate and, when > 0, vboard's --baud-limit.
rig_status_t flash_board_open(flash_board_t *b, const char *target, char *const *vargs, int nvargs, int baud,
                              char *err, size_t errlen);

// Resets into the ROM loader and syncs; tries [attempts] resets (each with
// up to 5 SYNCs). The error text says what to check when nothing answers.
rig_status_t flash_board_connect(flash_board_t *b, esp_rom_t *r, int attempts, char *err, size_t errlen);

// Resets into the firmware (flash boot). RIG_E_UNSUPPORTED when the target
// has no way to (then FLASH_END's reboot is the caller's fallback).
rig_status_t flash_board_run_firmware(flash_board_t *b, char *err, size_t errlen);

void flash_board_close(flash_board_t *b);

#endif

// SPDX-License-Identifier: MIT
// sim_board.h: the virtual board's reset and strapping logic, shared by the
// console (RFC 2217 DTR/RTS), the control socket and the ROM loader.
// Implemented in vboard_main.c.
//
// The pins: EN (chip enable; low holds the chip in reset, its rising edge
// starts it) and GPIO0 (sampled when the chip starts: low boots the ROM's
// UART download mode, high boots from flash). On NodeMCU/D1 mini boards two
// transistors drive them from the USB serial chip (PROTOCOLS.md 3.9):
//   EN low    iff RTS asserted and DTR not
//   GPIO0 low iff DTR asserted and RTS not
#ifndef SIM_BOARD_H
#define SIM_BOARD_H

#include "sim_profile.h"

#include <stdbool.h>
#include <stdint.h>

// The module the board pretends to be.
const sim_profile_t *sim_board_profile(void);

// New DTR/RTS levels (true = asserted) from an RFC 2217 client. EN falling
// holds the board in reset (never returns); EN rising lets it start after
// the EN pin's RC delay, with GPIO0 sampled then.
void sim_board_set_lines(bool dtr, bool rts);

// Resets the board now with [cause] (BOARD_RESET_*), booting the ROM
// download mode when [download], else from flash. Never returns.
void sim_board_reset_boot(int cause, bool download) __attribute__((noreturn));

// A brown-out: a power-on reset that the next boot line reports.
void sim_board_brownout(void) __attribute__((noreturn));

// The console's line rate in baud (--baud-limit, else 115200): what the
// ROM's UART divider register shows.
uint32_t sim_board_baud(void);

#endif

// SPDX-License-Identifier: MIT
// crash.h: reading what a board's console says when it dies: the ESP8266
// ROM's boot line and the exception dump before it.
//
//   Fatal exception 28(LoadProhibitedCause):
//   epc1=0x40100c2d, epc2=0x00000000, epc3=0x00000000, excvaddr=0x00000000, depc=0x00000000
//   ...
//   ets Jan  8 2013,rst cause:4, boot mode:(3,6)
//
// Pure text functions: no I/O, no allocation; tested on recorded consoles.
#ifndef RIG_CRASH_H
#define RIG_CRASH_H

#include <stddef.h>

#define CRASH_TEXT_MAX 512

typedef struct {
  int rst_cause;                  // N of "rst cause:N", -1 when none was seen
  char boot_mode[16];             // "(3,6)", "" when none
  char exception[CRASH_TEXT_MAX]; // the dump's first lines, "" when none
} crash_info_t;

// Fills [ci] from the last [len] bytes of console in [s] (NULs allowed).
// Uses the last ROM boot line and the last exception dump ("Fatal
// exception N(...)", "Exception (N):", "Soft WDT reset", "wdt reset")
// with up to two following lines that start with "epc1=" or "ctx:" etc.
// Returns 1 when anything was found.
int crash_parse(const char *s, size_t len, crash_info_t *ci);

#endif

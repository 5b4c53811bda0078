// SPDX-License-Identifier: MIT
// fake_hal.h: a scripted HAL for the unit tests. Console input comes from
// a byte string set by the test; console output is captured in memory.
#ifndef FAKE_HAL_H
#define FAKE_HAL_H

#include <stddef.h>

// Replaces the pending console input with [len] bytes at [data] (copied).
// When they run out, hal_console_read returns -1.
void fake_hal_set_input(const char *data, size_t len);
// The output captured since the last clear (NUL-terminated) and its length.
const char *fake_hal_output(size_t *len);
void fake_hal_clear_output(void);
// After [n] more hal_poll calls, deliver a keyboard interrupt (if the
// interrupt character is enabled). 0 disables.
void fake_hal_interrupt_after(int n);
// The interrupt character the runtime set last.
int fake_hal_interrupt_char(void);
// Number of hal_poll calls so far.
long fake_hal_polls(void);

#endif

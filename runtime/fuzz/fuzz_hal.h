// SPDX-License-Identifier: MIT
// fuzz_hal.h: the HAL under the fuzz target. Console input is empty,
// output is dropped, time is virtual, and every run gets a budget of VM
// polls and of wall-clock time: past it the HAL asks for KeyboardInterrupt
// on each poll, and past twice the budget (a program that keeps catching
// the interrupt) it gives up on the run by jumping back to the fuzz
// target, which re-initialises the interpreter before the next input.
#ifndef FUZZ_HAL_H
#define FUZZ_HAL_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

// Wall-clock seconds a run may take before the interrupt is asked for,
// whatever its poll count.
#define FUZZ_HAL_SECONDS 1.0

// Arms the budget of [polls] hal_poll calls for the next run and names the
// buffer to jump to when it is spent twice over. [escape] must stay valid
// until fuzz_hal_disarm.
void fuzz_hal_arm(long polls, jmp_buf *escape);
void fuzz_hal_disarm(void);
// Console bytes written since the last arm (counted, not kept).
size_t fuzz_hal_output_bytes(void);

#endif

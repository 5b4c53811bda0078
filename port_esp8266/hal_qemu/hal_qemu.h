// SPDX-License-Identifier: MIT
// hal_qemu.h: the QEMU back-end's own entry points, between its start-up
// code, its board_hal.h implementation and the program it runs.
#ifndef HAL_QEMU_H
#define HAL_QEMU_H

#include <stddef.h>
#include <stdint.h>

// QEMU exit status after a CPU exception (fault.c). Input end gives the
// application's status, 0 for the firmware.
#define HAL_QEMU_EXIT_FATAL 3

// The reset entry (start.S): sets PS, VECBASE and the stack, zeroes .bss,
// copies .data, then calls hal_qemu_main. Jumped to by board_reset.
void _start(void) __attribute__((noreturn));

// Boot in C (hal_qemu.c): settles the reset cause and the cycle counter,
// runs hal_qemu_app, and ends QEMU with its status.
void hal_qemu_main(void) __attribute__((noreturn));

// The program the board runs: the firmware (firmware_main.c) or a test
// stand-in (tests/). Returns the QEMU exit status when the console input
// has ended.
int hal_qemu_app(void);

// Reports a CPU exception the way the ESP8266 SDK does and ends QEMU with
// HAL_QEMU_EXIT_FATAL (fault.c). [vector] is the VEC_* kind of start.S.
void hal_qemu_fault(uint32_t vector) __attribute__((noreturn));

// Fault injection for crash tests (fault_inject.c): init reads
// `-append fault-after-ms=N`; poll, from every console call, takes a real
// exception (a load through a null pointer) once N ms have passed.
void hal_qemu_fault_inject_init(void);
void hal_qemu_fault_inject_poll(void);

// The rest of the first of QEMU's semihosting arguments (`-append` words
// after the ELF name) that starts with [prefix], or NULL when none does.
const char *hal_qemu_argument(const char *prefix);

// CPU cycles since this boot at 80 MHz, idle waits included.
uint64_t hal_qemu_cycles(void);

// The C stack's guard (stack.c). paint: fills the free stack with a
// pattern (once per boot, before the program runs). check: ends QEMU with a
// fatal report if the stack has reached its last words. peak: the most
// bytes of stack used since the paint.
void hal_qemu_stack_paint(void);
void hal_qemu_stack_check(void);
size_t hal_qemu_stack_peak(void);

#endif

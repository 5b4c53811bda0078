// SPDX-License-Identifier: MIT
// hal.h: everything the runtime needs from a port, and nothing more.
//
// The runtime includes no other header of the outside world. A port (the
// virtual board, QEMU, the real ESP8266) implements every function below.
// None of them may raise a Python exception or longjmp into the runtime.
#ifndef RT_HAL_H
#define RT_HAL_H

#include <stddef.h>
#include <stdint.h>

// Console input. Blocks until a byte is available and returns it (0..255).
// Returns -1 when the console is gone for good (a host port whose input
// ended); the REPL then returns RT_REPL_EOF to the port.
int hal_console_read(void);

// How many console input bytes hal_console_read would return without
// blocking (0 when none). Never blocks. Makes sys.stdin pollable (select).
int hal_console_pending(void);

// Console output: raw bytes, written in full before returning. The runtime
// has already turned "\n" into "\r\n" where the protocol wants it.
void hal_console_write(const char *buf, size_t len);

// Services the port's input while code runs. The VM calls it every few
// thousand instructions and sleeps call it in their wait loop. A port moves
// pending console bytes into its own receive buffer here; when one of them
// equals the interrupt character (see below) it calls
// rt_keyboard_interrupt() instead of buffering it. On the chip the UART
// interrupt handler does that work and this function may be empty.
void hal_poll(void);

// The byte that interrupts running code (3 for Ctrl-C), or -1 for none.
// The REPL sets it to 3 only while code executes, as MicroPython does, so
// that a Ctrl-C typed at a prompt or sent in a raw-REPL program is data.
void hal_set_interrupt_char(int c);

// Monotonic time since boot.
uint32_t hal_ticks_ms(void);
uint64_t hal_ticks_us(void);

// Waits about [us] microseconds (the port may call hal_poll meanwhile).
void hal_delay_us(uint32_t us);

// What the banner says after "; ", e.g. "ESP module (1M) with ESP8266".
const char *hal_board_name(void);

// A hard reset of the whole board (machine.reset()). Never returns.
void hal_reset(void) __attribute__((noreturn));

// The runtime's last resort when its own invariants are broken (never for a
// Python error, which is always an exception). Never returns.
void hal_fatal(const char *msg) __attribute__((noreturn));

#endif

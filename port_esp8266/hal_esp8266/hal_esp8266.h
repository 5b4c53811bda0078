// SPDX-License-Identifier: MIT
// hal_esp8266.h: the chip back-end's own entry points, between its
// start-up code, the files that implement board_hal.h, and the program.
#ifndef HAL_ESP8266_H
#define HAL_ESP8266_H

#include <stdint.h>

// Code that must not wait for (or cannot use) the flash cache: what runs
// while the cache is off for a flash operation, the fault path, and the
// pin and cycle-counter calls of bit-banged timing loops.
#define HAL_IRAM __attribute__((section(".iram.text")))

// The vector kinds start.S hands to hal_esp8266_fault.
enum { HAL_VEC_GENERAL, HAL_VEC_DOUBLE, HAL_VEC_DEBUG, HAL_VEC_NMI };

// The image's entry (start.S); never returns.
void _start(void) __attribute__((noreturn));

// Boot in C (hal_esp8266.c), once .bss is zero and irom0 is mapped: clock,
// console, flash, reset cause, then the program; never returns.
void hal_esp8266_main(void) __attribute__((noreturn));

// The program the board runs (firmware_main.c): boots the firmware.
// Returns only if the console could end, which a UART never does.
int hal_esp8266_app(void);

// Reports a CPU exception on UART0 as the SDK does, notes it as the reset
// cause and reboots (fault.c). [vector] is a HAL_VEC_* kind.
void hal_esp8266_fault(uint32_t vector) __attribute__((noreturn));

// clock.c: switches the PLL to 80 MHz and starts FRC2, the tick source.
void hal_clock_init(void);

// uart0.c: UART0 at [baud], 8N1, on GPIO1/GPIO3; and one byte out,
// waiting for FIFO room (usable from the fault path).
void hal_uart0_init(uint32_t baud);
void hal_uart0_putc(char c);
// Waits until every byte handed to UART0 has left the FIFO.
void hal_uart0_drain(void);

// With Espressif's SDK (net_sdk.c, sdk_tasks.c): lets the SDK's pending
// tasks run; board_console_rx, which every poll point reaches, does it.
// Without the SDK it is nothing, so the default image is unchanged.
#ifdef PYRITE_ESP8266_SDK
void hal_sdk_yield(void);
#define HAL_SDK_POLL() hal_sdk_yield()
#else
#define HAL_SDK_POLL() ((void)0)
#endif

// flash.c: reads the flash chip's identity and size.
void hal_flash_init(void);

// reset.c: settles the reset cause of this boot; restarts the watchdog's
// count; records an exception as the cause of the next boot; restarts the
// chip through the ROM's reset vector.
void hal_reset_init(void);
void hal_wdt_feed(void);
void hal_reset_note(int cause);
void hal_reboot(void) __attribute__((noreturn));

#endif

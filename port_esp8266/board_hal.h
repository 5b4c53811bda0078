// SPDX-License-Identifier: MIT
// board_hal.h: everything the board layer (port_esp8266/*.c) needs from a
// back-end, and the only header a back-end implements.
//
// Back-ends: hal_sim/ (the virtual board vboard, a host process),
// hal_qemu/ (the lx106 core under QEMU), hal_esp8266/ (the real SoC).
// Functions never raise Python exceptions; errors are return codes.
#ifndef BOARD_HAL_H
#define BOARD_HAL_H

#include <stddef.h>
#include <stdint.h>

// ---- Console (UART0 on the chip) ----

// Timeout value for board_console_rx that waits as long as it takes.
#define BOARD_WAIT_FOREVER UINT32_MAX
// board_console_rx results besides a byte 0..255.
#define BOARD_RX_TIMEOUT (-1) // nothing arrived in time
#define BOARD_RX_CLOSED (-2)  // input ended for good (host stdin at EOF)

// Returns the next received byte, waiting up to [timeout_us] for it.
int board_console_rx(uint32_t timeout_us);

// Sends [len] bytes; returns when they are handed to the line. Output with
// nobody listening (no TCP client on vboard) is dropped, as a UART's is.
void board_console_tx(const char *buf, size_t len);

// ---- Time ----

// Microseconds since this boot; never goes backwards.
uint64_t board_ticks_us(void);

// ---- Identity and resets ----

// Board name for the banner, e.g. "ESP module (1M) with ESP8266".
const char *board_name(void);

// Reset causes as machine.reset_cause() reports them (SDK rst_info.reason).
enum {
  BOARD_RESET_POWER_ON = 0,
  BOARD_RESET_WDT = 1,
  BOARD_RESET_EXCEPTION = 2,
  BOARD_RESET_SOFT_WDT = 3,
  BOARD_RESET_SOFT = 4, // machine.reset()
  BOARD_RESET_DEEPSLEEP = 5,
  BOARD_RESET_HARD = 6 // the RST pin
};

// Why the board last came out of reset.
int board_reset_cause(void);

// Resets the whole board with [cause]; execution restarts at the boot
// sequence (port_boot). Never returns.
void board_reset(int cause) __attribute__((noreturn));

// ---- Pins and cycle counter ----
//
// What the bit-banged drivers (drivers/) need: GPIO0..16 as plain digital
// pins and the CPU cycle counter to time them. Every bus timing is a
// busy-wait on board_cycles(); no back-end offers delays of its own here.

// GPIO numbers run 0..BOARD_PIN_COUNT-1 (GPIO6..11 hold the SPI flash).
#define BOARD_PIN_COUNT 17

// Pin modes for board_pin_mode.
enum {
  BOARD_PIN_INPUT = 0,            // high impedance
  BOARD_PIN_INPUT_PULLUP = 1,     // input, internal pull-up on
  BOARD_PIN_OUTPUT = 2,           // push-pull, drives both levels
  BOARD_PIN_OPEN_DRAIN = 3,       // drives 0, releases the line for 1
  BOARD_PIN_OPEN_DRAIN_PULLUP = 4 // open drain, internal pull-up on
};

// CPU cycles (CCOUNT); wraps at 2^32, so compare with unsigned differences.
uint32_t board_cycles(void);

// CPU clock in Hz as the firmware believes it to be (80 or 160 MHz).
uint32_t board_cpu_hz(void);

// Sets [pin]'s [mode]; returns 0, or -1 if the board cannot (GPIO6..11).
int board_pin_mode(int pin, int mode);

// Sets [pin]'s output latch to [level] (0 or 1); output modes drive it.
void board_pin_write(int pin, int level);

// Returns the level (0 or 1) on [pin]'s pad now, whatever its mode.
int board_pin_read(int pin);

// Masks interrupts; returns the state to hand to board_irq_restore.
uint32_t board_irq_disable(void);

// Restores the interrupt mask saved by board_irq_disable; pairs nest.
void board_irq_restore(uint32_t state);

// ---- Flash ----
//
// The SPI NOR flash beside the chip, in 4 KB sectors. As NOR flash, a write
// can only clear bits (1 -> 0): the result is the old contents ANDed with
// the new; only an erase sets a sector back to 0xFF. Addresses are flash
// offsets (0 = the image header), not the 0x40200000 cache window.

#define BOARD_FLASH_SECTOR 4096

// Bytes the flash chip reports (its JEDEC ID's size), e.g. 4 MB.
uint32_t board_flash_size(void);

// The JEDEC word as esp.flash_id() returns it: manufacturer in bits 0..7,
// memory type 8..15, capacity code 16..23 (PROTOCOLS.md 3.8).
uint32_t board_flash_id(void);

// Copies [len] bytes at flash offset [addr] into [buf]. Returns 0, or -1
// when the range leaves the chip.
int board_flash_read(uint32_t addr, void *buf, size_t len);

// Programs [len] bytes at [addr] (bits can only be cleared). Returns 0 or -1.
int board_flash_write(uint32_t addr, const void *buf, size_t len);

// Erases the 4 KB sector number [sector] to 0xFF. Returns 0 or -1.
int board_flash_erase_sector(uint32_t sector);

#endif

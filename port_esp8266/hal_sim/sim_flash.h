// SPDX-License-Identifier: MIT
// sim_flash.h: the virtual board's SPI NOR flash, kept in a file so that it
// survives resets and restarts (the board_flash_* functions of board_hal.h
// are in sim_flash.c too).
//
// Two views of the chip:
//   - board_flash_*: what the firmware sees; offsets are checked against
//     the size the module claims (the profile's flash_size).
//   - sim_flash_spi_*: what the SPI bus sees (the ROM loader's path): any
//     24-bit address, wrapped modulo the size the chip really holds, as an
//     undersized fake chip ignores the address bits it lacks.
#ifndef SIM_FLASH_H
#define SIM_FLASH_H

#include "sim_profile.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Opens (or creates, erased to 0xFF) the flash file [path] for the module
// [p]; NULL: a temporary file deleted at exit. Returns 0, or -1 with a
// message in [err] (e.g. an existing file of another size).
int sim_flash_open(const char *path, const sim_profile_t *p, char *err, size_t err_size);

// --fault brownout-after-writes=N: the flash write after N complete ones is
// cut short. Returns false when [spec] is not that fault.
bool sim_flash_fault(const char *spec);

// Arms a brown-out for the next flash write (the control socket's
// `brownout`); -1 disarms.
void sim_flash_brownout_after(long writes);
long sim_flash_brownout_pending(void);

// SPI-level access (addresses wrap modulo the real size). A write may be
// cut short by an armed brown-out: part of the data lands, then the board
// takes a power-on reset (never returning). Writes AND into the old bits.
void sim_flash_spi_read(uint32_t addr, void *buf, size_t len);
void sim_flash_spi_write(uint32_t addr, const void *buf, size_t len);
void sim_flash_spi_erase_sector(uint32_t addr);

// The JEDEC word and the size the chip claims.
uint32_t sim_flash_jedec(void);
uint32_t sim_flash_claimed_size(void);

#endif

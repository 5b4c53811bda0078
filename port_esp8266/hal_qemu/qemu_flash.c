// SPDX-License-Identifier: MIT
// qemu_flash.c: board_hal.h's flash section on QEMU: a 4 MB NOR flash
// kept in RAM the sim machine maps where the chip has nothing.
//
// The bytes live in QEMU's RAM at FLASH_RAM, outside the image's memory
// map (pyrite-qemu.ld uses only the chip's windows), so they survive
// board_reset (a jump to _start) and vanish when QEMU ends, as a module
// re-flashed for every run would. A sector that was never programmed
// since power-on reads as erased without a 4 MB fill at boot: a bitmap in
// .noinit tells which sectors hold real bytes.
#include "board_hal.h"

#include <string.h>

// sysram0 of the sim machine: 0x60000000..0x67FFFFFF, plain RAM there
// (the chip's peripherals start at 0x60000000; the image touches none, and
// this window lies 64 MB above them).
#define FLASH_RAM ((uint8_t *)0x64000000u)
#define FLASH_SIZE (4u * 1024 * 1024)
#define FLASH_SECTORS (FLASH_SIZE / BOARD_FLASH_SECTOR)
// Winbond W25Q32 (4 MB): manufacturer 0xEF, type 0x40, capacity 0x16.
#define FLASH_JEDEC 0x1640EFu

#define FLASH_MAGIC 0x466c5368u // "FlSh"
static struct {
  uint32_t magic; // absent after power-on (QEMU zeroes RAM)
  uint8_t programmed[FLASH_SECTORS / 8];
} state __attribute__((section(".noinit")));

static void power_on_check(void) {
  if (state.magic == FLASH_MAGIC) return;
  memset(state.programmed, 0, sizeof state.programmed);
  state.magic = FLASH_MAGIC;
}

static int programmed(uint32_t sector) {
  return state.programmed[sector / 8] >> (sector % 8) & 1;
}

static int in_range(uint32_t addr, size_t len) {
  return addr <= FLASH_SIZE && len <= FLASH_SIZE - addr;
}

uint32_t board_flash_size(void) {
  return FLASH_SIZE;
}

uint32_t board_flash_id(void) {
  return FLASH_JEDEC;
}

int board_flash_read(uint32_t addr, void *buf, size_t len) {
  if (!in_range(addr, len)) return -1;
  power_on_check();
  uint8_t *out = buf;
  while (len > 0) {
    uint32_t sector = addr / BOARD_FLASH_SECTOR;
    size_t n = BOARD_FLASH_SECTOR - addr % BOARD_FLASH_SECTOR;
    if (n > len) n = len;
    if (programmed(sector))
      memcpy(out, FLASH_RAM + addr, n);
    else
      memset(out, 0xFF, n);
    out += n, addr += (uint32_t)n, len -= n;
  }
  return 0;
}

int board_flash_write(uint32_t addr, const void *buf, size_t len) {
  if (!in_range(addr, len)) return -1;
  power_on_check();
  const uint8_t *in = buf;
  for (size_t i = 0; i < len; i++) {
    uint32_t sector = (addr + (uint32_t)i) / BOARD_FLASH_SECTOR;
    if (!programmed(sector)) {
      memset(FLASH_RAM + sector * BOARD_FLASH_SECTOR, 0xFF, BOARD_FLASH_SECTOR);
      state.programmed[sector / 8] |= (uint8_t)(1u << (sector % 8));
    }
    FLASH_RAM[addr + i] &= in[i]; // NOR: a write only clears bits
  }
  return 0;
}

int board_flash_erase_sector(uint32_t sector) {
  if (sector >= FLASH_SECTORS) return -1;
  power_on_check();
  state.programmed[sector / 8] &= (uint8_t) ~(1u << (sector % 8));
  return 0;
}

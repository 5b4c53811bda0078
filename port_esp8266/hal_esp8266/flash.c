// SPDX-License-Identifier: MIT
// flash.c: the SPI flash through the boot ROM's SPIRead, SPIWrite and
// SPIEraseSector.
//
// The ROM routines drive the same SPI controller the flash cache uses, so
// each call runs with interrupts masked and the cache off, from IRAM, on a
// DRAM buffer (a caller's buffer may sit in irom0, unreadable then). They
// also want 4-byte aligned addresses and lengths: every transfer goes
// through `bounce`, a word-aligned DRAM buffer, one aligned chunk at a
// time. An unaligned write pads its chunk with 0xFF, which leaves the flash
// bits under the padding as they were (NOR programming only clears bits).
// A write chunk never crosses a 256-byte program page: a flash chip's page
// program wraps within the page, and whether the ROM's SPIWrite splits at
// page boundaries itself is not known here.
#include "board_hal.h"
#include "esp8266_regs.h"
#include "hal_esp8266.h"
#include "rom.h"

#include <string.h>

#define BOUNCE_BYTES 256
#define FLASH_PAGE 256u

static uint32_t bounce[BOUNCE_BYTES / 4];

static struct {
  uint32_t jedec; // manufacturer, memory type, capacity code (bits 0..23)
  uint32_t bytes; // size from the capacity code, or the ROM's idea of it
} chip;

// The ROM's flash descriptor (esp8266_regs.h): chip_size is its word 1.
typedef struct {
  uint32_t device_id, chip_size, block_size, sector_size, page_size, status_mask;
} rom_flashchip_t;

enum { OP_READ, OP_WRITE, OP_ERASE };

// One ROM flash operation with the cache off. [arg] is the flash address
// (or the sector), [n] the length in bytes (a multiple of 4).
HAL_IRAM static int rom_op(int op, uint32_t arg, uint32_t n) {
  uint32_t ps;
  __asm__ volatile("rsil %0, 15" : "=r"(ps));
  Cache_Read_Disable();
  int r;
  if (op == OP_READ)
    r = SPIRead(arg, bounce, n);
  else if (op == OP_WRITE)
    r = SPIWrite(arg, bounce, n);
  else
    r = SPIEraseSector(arg);
  Cache_Read_Enable(0, 0, 1);
  __asm__ volatile("wsr %0, ps; rsync" ::"r"(ps) : "memory");
  return r == ROM_SPI_OK ? 0 : -1;
}

// Waits for the flash controller to finish its command, a bounded number
// of polls: a controller that never answers must not hang the boot.
#define SPI_POLL_LIMIT 100000u
HAL_IRAM static int spi_idle(void) {
  for (uint32_t i = 0; i < SPI_POLL_LIMIT; i++)
    if (REG(SPI0_CMD) == 0) return 1;
  return 0;
}

// The JEDEC ID by the controller's read-ID command (UNCERTAIN: SPI0
// register layout from the SDK headers, see esp8266_regs.h); 0 when the
// controller does not answer.
HAL_IRAM static uint32_t read_jedec(void) {
  uint32_t ps;
  __asm__ volatile("rsil %0, 15" : "=r"(ps));
  Cache_Read_Disable();
  uint32_t id = 0;
  if (spi_idle()) {
    REG(SPI0_W0) = 0;
    REG(SPI0_CMD) = SPI_CMD_READ_ID;
    if (spi_idle()) id = REG(SPI0_W0) & 0xFFFFFFu;
  }
  Cache_Read_Enable(0, 0, 1);
  __asm__ volatile("wsr %0, ps; rsync" ::"r"(ps) : "memory");
  return id;
}

// Size in bytes for a JEDEC capacity code (PROTOCOLS.md 3.8), 0 unknown.
static uint32_t size_of_capacity(uint32_t jedec) {
  uint32_t code = (jedec >> 16) & 0xFFu;
  if (code >= 0x12 && code <= 0x18) return 1u << code;
  return 0;
}

void hal_flash_init(void) {
  volatile rom_flashchip_t *rom = (volatile rom_flashchip_t *)(uintptr_t)ROM_FLASHCHIP;
  chip.jedec = read_jedec();
  chip.bytes = size_of_capacity(chip.jedec);
  if (chip.bytes == 0)
    chip.bytes = rom->chip_size;
  else
    // The ROM sized the chip from the image header (512 KiB unless the
    // flasher patched it) and refuses offsets past that; tell it the truth.
    rom->chip_size = chip.bytes;
}

uint32_t board_flash_size(void) {
  return chip.bytes;
}

uint32_t board_flash_id(void) {
  return chip.jedec;
}

static int in_chip(uint32_t addr, size_t len) {
  return addr <= chip.bytes && len <= chip.bytes - addr;
}

int board_flash_read(uint32_t addr, void *buf, size_t len) {
  if (!in_chip(addr, len)) return -1;
  unsigned char *out = buf;
  while (len > 0) {
    uint32_t base = addr & ~3u;
    uint32_t skip = addr - base;
    uint32_t n = len < BOUNCE_BYTES - skip ? (uint32_t)len : BOUNCE_BYTES - skip;
    if (rom_op(OP_READ, base, (skip + n + 3u) & ~3u) < 0) return -1;
    memcpy(out, (unsigned char *)bounce + skip, n);
    out += n, addr += n, len -= n;
  }
  hal_wdt_feed();
  return 0;
}

int board_flash_write(uint32_t addr, const void *buf, size_t len) {
  if (!in_chip(addr, len)) return -1;
  const unsigned char *in = buf;
  while (len > 0) {
    uint32_t base = addr & ~3u;
    uint32_t skip = addr - base;
    uint32_t room = FLASH_PAGE - (addr % FLASH_PAGE); // to the page's end
    uint32_t n = len < room ? (uint32_t)len : room;
    uint32_t span = (skip + n + 3u) & ~3u;
    memset(bounce, 0xFF, span);
    memcpy((unsigned char *)bounce + skip, in, n);
    if (rom_op(OP_WRITE, base, span) < 0) return -1;
    in += n, addr += n, len -= n;
    hal_wdt_feed();
  }
  return 0;
}

int board_flash_erase_sector(uint32_t sector) {
  if (sector >= chip.bytes / BOARD_FLASH_SECTOR) return -1;
  int r = rom_op(OP_ERASE, sector, 0);
  hal_wdt_feed();
  return r;
}

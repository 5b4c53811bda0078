// SPDX-License-Identifier: MIT
// flash_test_main.c: flash.c on QEMU's lx106, over a fake of the ROM's
// SPI routines that checks their contract on every call: the cache off,
// interrupts masked, 4-byte aligned flash address, length and DRAM
// buffer, inside the chip, and (writes) within one 256-byte page. The
// fake keeps NOR semantics (a write ANDs, an erase sets 0xFF); a model of
// the flash in plain memory, updated the same way, is the oracle for a
// few hundred random reads, writes and erases at unaligned addresses and
// lengths. Prints each problem, then "PASS" or "FAIL"; exits 0 or 1.
//
// QEMU has no SPI controller: the read-ID command gets no answer (its
// register is plain RAM here), so the size comes from the ROM's flash
// descriptor, which the test fills in as the ROM would.
#include "board_hal.h"
#include "esp8266_regs.h"
#include "hal_esp8266.h"
#include "semihost.h"

#include <stdint.h>
#include <string.h>

#define FAKE_SIZE (64u * 1024u)
// QEMU's sim machine has RAM at 0x6xxxxxxx (the chip's peripheral
// window): room for the fake flash and the model outside the 80 KiB dram0.
static uint8_t *const flash = (uint8_t *)0x61000000;
static uint8_t *const model = (uint8_t *)0x61100000;

static int cache_on = 1;
static int problems;
static unsigned rom_calls;

static void say(const char *s) {
  int32_t err;
  semi_call(SEMI_SYS_WRITE, 1, (int32_t)(uintptr_t)s, (int32_t)strlen(s), &err);
}

static void problem(const char *what) {
  if (problems++ < 20) {
    say("problem: ");
    say(what);
    say("\n");
  }
}

static void check_call(uint32_t addr, const void *buf, uint32_t size, int write) {
  uint32_t ps;
  __asm__ volatile("rsr %0, ps" : "=r"(ps));
  rom_calls++;
  if (cache_on) problem("ROM flash call with the cache on");
  if ((ps & 15u) != 15u) problem("ROM flash call with interrupts unmasked");
  if (addr % 4 || size % 4 || (uintptr_t)buf % 4) problem("unaligned ROM flash call");
  if ((uintptr_t)buf < 0x3FFE8000u || (uintptr_t)buf >= 0x40000000u) problem("ROM buffer outside DRAM");
  if (addr > FAKE_SIZE || size > FAKE_SIZE - addr) problem("ROM call past the chip");
  if (write && size && addr / 256 != (addr + size - 1) / 256) problem("write crosses a 256-byte page");
}

int SPIRead(uint32_t addr, void *dst, uint32_t size) {
  check_call(addr, dst, size, 0);
  memcpy(dst, flash + addr, size);
  return 0;
}

int SPIWrite(uint32_t addr, const void *src, uint32_t size) {
  check_call(addr, src, size, 1);
  for (uint32_t i = 0; i < size; i++)
    flash[addr + i] &= ((const uint8_t *)src)[i];
  return 0;
}

int SPIEraseSector(uint32_t sector) {
  check_call(sector * 4096u, (const void *)0x3FFE8000u, 4096, 0);
  memset(flash + sector * 4096u, 0xFF, 4096);
  return 0;
}

void Cache_Read_Disable(void) {
  cache_on = 0;
}

void Cache_Read_Enable(uint32_t a, uint32_t b, uint32_t c) {
  (void)a, (void)b, (void)c;
  cache_on = 1;
}

void hal_wdt_feed(void) {}

void hal_esp8266_fault(uint32_t vector) {
  (void)vector;
  say("unexpected CPU exception\nFAIL\n");
  semi_exit(1);
}

static uint32_t seed = 12345;
static uint32_t next(void) {
  seed = seed * 1103515245u + 12345u;
  return seed >> 8;
}

void hal_esp8266_main(void) {
  memset(flash, 0xFF, FAKE_SIZE);
  memset(model, 0xFF, FAKE_SIZE);
  REG(ROM_FLASHCHIP + 4) = FAKE_SIZE; // chip_size, as the ROM sets it
  REG(SPI0_CMD) = 1;                  // a command that never finishes
  hal_flash_init();
  if (board_flash_size() != FAKE_SIZE) problem("size not taken from the ROM's descriptor");
  if (board_flash_id() != 0) problem("an ID from a controller that never answered");

  static uint8_t buf[800];
  for (int op = 0; op < 600; op++) {
    uint32_t kind = next() % 8;
    uint32_t len = next() % 700;
    uint32_t addr = next() % (FAKE_SIZE - len);
    uint32_t off = next() % 3; // the caller's buffer need not be aligned
    if (kind == 0) {
      uint32_t sector = addr / 4096;
      if (board_flash_erase_sector(sector) != 0) problem("erase failed");
      memset(model + sector * 4096, 0xFF, 4096);
    } else if (kind < 4) {
      for (uint32_t i = 0; i < len; i++)
        buf[off + i] = (uint8_t)next();
      if (board_flash_write(addr, buf + off, len) != 0) problem("write failed");
      for (uint32_t i = 0; i < len; i++)
        model[addr + i] &= buf[off + i];
    } else {
      memset(buf, 0x5A, sizeof buf);
      if (board_flash_read(addr, buf + off, len) != 0) problem("read failed");
      if (memcmp(buf + off, model + addr, len) != 0) problem("read differs from the model");
      if (buf[off + len] != 0x5A || (off && buf[off - 1] != 0x5A)) problem("read wrote outside the buffer");
    }
  }
  if (memcmp(flash, model, FAKE_SIZE) != 0) problem("flash differs from the model");
  if (rom_calls < 600) problem("too few ROM calls");

  // Ranges that leave the chip are refused without a ROM call.
  unsigned before = rom_calls;
  if (board_flash_read(FAKE_SIZE - 2, buf, 4) != -1) problem("read past the end accepted");
  if (board_flash_write(FAKE_SIZE, buf, 1) != -1) problem("write past the end accepted");
  if (board_flash_erase_sector(FAKE_SIZE / 4096) != -1) problem("erase past the end accepted");
  if (rom_calls != before) problem("a refused range reached the ROM");
  if (board_flash_read(FAKE_SIZE - 4, buf, 4) != 0) problem("the last word refused");
  if (!cache_on) problem("cache left off");

  say(problems ? "FAIL\n" : "PASS\n");
  semi_exit(problems ? 1 : 0);
}

// SPDX-License-Identifier: MIT
// sim_rom.c: the ESP8266 ROM serial bootloader on vboard (see sim_rom.h).
//
// Packet layouts (PROTOCOLS.md 3.2, 3.3), little-endian:
//   request   00 cmd size:u16 checksum:u32 data[size]
//   response  01 cmd size:u16 value:u32   data[size-2] status error
// both SLIP-framed (3.1). Decisions where the protocol notes are silent:
//   - A FLASH_DATA/MEM_DATA whose seq repeats the last block accepted is
//     answered success again and not written twice (a host that lost our
//     answer retries); any other unexpected seq is error 0x05.
//   - A frame whose size field disagrees with its length: error 0x05.
//   - SPI_SET_PARAMS and SPI_ATTACH: PROTOCOLS.md 3.5 lists them as
//     stub-only, yet flashers send them to the ROM too; the emulation
//     accepts both (answering success never breaks a client that copes
//     with the ROM refusing them).
//   - SYNC's value field: 0x20120707 (non-zero, as the ROM's is).
//   - FLASH_END: both "reboot" (0) and "run user code" (1) restart the
//     board from flash, with rst cause 2.
#include "sim_rom.h"
#include "board_hal.h"
#include "sim_board.h"
#include "sim_flash.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

enum {
  CMD_FLASH_BEGIN = 0x02,
  CMD_FLASH_DATA = 0x03,
  CMD_FLASH_END = 0x04,
  CMD_MEM_BEGIN = 0x05,
  CMD_MEM_END = 0x06,
  CMD_MEM_DATA = 0x07,
  CMD_SYNC = 0x08,
  CMD_WRITE_REG = 0x09,
  CMD_READ_REG = 0x0a,
  CMD_SPI_SET_PARAMS = 0x0b,
  CMD_SPI_ATTACH = 0x0d,
};

// ROM error codes (PROTOCOLS.md 3.3).
enum { ERR_INVALID = 0x05, ERR_CHECKSUM = 0x07, ERR_FLASH_WRITE = 0x08 };

// Registers with a meaning (PROTOCOLS.md 3.3, 3.6, 3.8).
#define REG_CHIP_MAGIC 0x40001000u // 0xFFF0C101 on ESP8266
#define REG_UART_CLKDIV 0x60000014u
#define REG_OTP_MAC0 0x3ff00050u
#define REG_OTP_MAC1 0x3ff00054u
#define REG_OTP_MAC3 0x3ff0005cu
#define SPI0_BASE 0x60000200u // CMD +0, ADDR +4, USR +0x1C, USR1 +0x20, USR2 +0x24, W0..W15 +0x40
#define SPI_CMD_USR (1u << 18)
#define SPI_USR_COMMAND (1u << 31)
#define SPI_USR_ADDR (1u << 30)
#define SPI_USR_MISO (1u << 28)
#define SPI_USR_MOSI (1u << 27)

#define FRAME_MAX (0x4000 + 64) // the largest data block taken, plus headers
#define SYNC_VALUE 0x20120707u
#define SAVED_REGS 64 // plain registers remembered for READ_REG

static struct {
  uint8_t frame[FRAME_MAX];
  size_t len;
  bool in_frame, escape, overflow;
  // FLASH_BEGIN / MEM_BEGIN state
  bool flashing, loading;
  uint32_t offset, blocks, block_size, next_seq;
  // The SPI0 register block and plain registers written by the host.
  uint32_t spi[32];
  uint32_t reg_addr[SAVED_REGS], reg_val[SAVED_REGS];
  int regs;
} rom;

static uint32_t le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; i++)
    p[i] = (uint8_t)(v >> (8 * i));
}

// Sends one SLIP-framed response: [value], then [data] (may be NULL), then
// the two status bytes.
static void respond(uint8_t cmd, uint32_t value, const uint8_t *data, size_t len, uint8_t status,
                    uint8_t error) {
  uint8_t raw[8 + 64 + 2];
  if (len > 64) len = 64;
  raw[0] = 0x01;
  raw[1] = cmd;
  raw[2] = (uint8_t)(len + 2);
  raw[3] = (uint8_t)((len + 2) >> 8);
  put32(raw + 4, value);
  if (len) memcpy(raw + 8, data, len);
  raw[8 + len] = status;
  raw[9 + len] = error;
  char out[2 * sizeof raw + 2];
  size_t n = 0;
  out[n++] = (char)0xc0;
  for (size_t i = 0; i < len + 10; i++) {
    if (raw[i] == 0xc0)
      out[n++] = (char)0xdb, out[n++] = (char)0xdc;
    else if (raw[i] == 0xdb)
      out[n++] = (char)0xdb, out[n++] = (char)0xdd;
    else
      out[n++] = (char)raw[i];
  }
  out[n++] = (char)0xc0;
  board_console_tx(out, n);
}

static void ok(uint8_t cmd) {
  respond(cmd, 0, NULL, 0, 0, 0);
}
static void fail(uint8_t cmd, uint8_t error) {
  respond(cmd, 0, NULL, 0, 1, error);
}

// The OTP words esptool builds the MAC from (PROTOCOLS.md 3.6): MAC3 holds
// the OUI unless it is one of the two Espressif ones MAC1[23:16] selects.
static uint32_t otp_word(uint32_t addr) {
  const uint8_t *m = sim_board_profile()->mac;
  bool oui_18fe34 = m[0] == 0x18 && m[1] == 0xfe && m[2] == 0x34;
  bool oui_acd074 = m[0] == 0xac && m[1] == 0xd0 && m[2] == 0x74;
  switch (addr) {
  case REG_OTP_MAC0: return (uint32_t)m[5] << 24;
  case REG_OTP_MAC1: return (uint32_t)(oui_acd074 ? 1 : 0) << 16 | (uint32_t)m[3] << 8 | m[4];
  case REG_OTP_MAC3: return oui_18fe34 || oui_acd074 ? 0 : (uint32_t)m[0] << 16 | (uint32_t)m[1] << 8 | m[2];
  default: return 0;
  }
}

// Runs the SPI0 user command the host set up in USR/USR1/USR2/ADDR/W0..
// (the register sequence of PROTOCOLS.md 3.8). Flash commands known: 0x9F
// RDID, 0x03 READ (24-bit address), 0x05 RDSR; others do nothing.
// Decision (the notes are silent on the address phase): USR bit 30 sends
// ADDR's top USR1[31:26]+1 bits, as the ESP8266 SPI block shifts the
// address out from bit 31; MISO bytes fill W0.. from its low byte up.
static void spi_user_command(void) {
  uint32_t usr = rom.spi[0x1c / 4], usr1 = rom.spi[0x20 / 4], usr2 = rom.spi[0x24 / 4];
  uint8_t op = (uint8_t)(usr2 & 0xff);
  uint32_t addr = 0;
  if (usr & SPI_USR_ADDR) {
    unsigned bits = (usr1 >> 26) + 1;
    addr = rom.spi[0x04 / 4] >> (32 - bits);
  }
  size_t miso = usr & SPI_USR_MISO ? (((usr1 >> 8) & 0x1ff) + 1 + 7) / 8 : 0;
  if (miso > 64) miso = 64;
  uint8_t in[64];
  memset(in, 0xff, sizeof in);
  if (!(usr & SPI_USR_COMMAND)) op = 0;
  switch (op) {
  case 0x9f: {
    uint32_t id = sim_flash_jedec();
    in[0] = (uint8_t)id, in[1] = (uint8_t)(id >> 8), in[2] = (uint8_t)(id >> 16);
    break;
  }
  case 0x03: sim_flash_spi_read(addr, in, miso); break;
  case 0x05: memset(in, 0, sizeof in); break; // never busy, nothing protected
  default: return;                            // WREN, WRSR...: nothing to model
  }
  for (size_t i = 0; i < miso; i += 4)
    rom.spi[0x40 / 4 + i / 4] = le32(in + i);
}

static uint32_t read_reg(uint32_t addr) {
  if (addr == REG_CHIP_MAGIC) return 0xfff0c101u;
  if (addr == REG_UART_CLKDIV) return (52000000u + sim_board_baud() / 2) / sim_board_baud(); // 26 MHz crystal
  if (addr >= SPI0_BASE && addr < SPI0_BASE + sizeof rom.spi && !(addr & 3))
    return rom.spi[(addr - SPI0_BASE) / 4];
  for (int i = 0; i < rom.regs; i++)
    if (rom.reg_addr[i] == addr) return rom.reg_val[i];
  if (addr >= 0x3ff00050u && addr <= 0x3ff0005cu) return otp_word(addr);
  return 0;
}

static void write_reg(uint32_t addr, uint32_t value, uint32_t mask) {
  uint32_t v = (read_reg(addr) & ~mask) | (value & mask);
  if (addr >= SPI0_BASE && addr < SPI0_BASE + sizeof rom.spi && !(addr & 3)) {
    rom.spi[(addr - SPI0_BASE) / 4] = v;
    if (addr == SPI0_BASE && (v & SPI_CMD_USR)) {
      spi_user_command();
      rom.spi[0] &= ~SPI_CMD_USR; // done at once: the first poll sees it clear
    }
    return;
  }
  for (int i = 0; i < rom.regs; i++)
    if (rom.reg_addr[i] == addr) {
      rom.reg_val[i] = v;
      return;
    }
  if (rom.regs < SAVED_REGS) {
    rom.reg_addr[rom.regs] = addr;
    rom.reg_val[rom.regs++] = v;
  }
}

// FLASH_BEGIN's erase, with the ROM's bug (PROTOCOLS.md 3.7): it erases the
// sectors up to the next 64 KB boundary ("head", at most the count asked)
// and then the full count again, i.e. count + min(head, count) sectors.
// esptool sends a size shrunk to make that come out right.
static void rom_erase(uint32_t offset, uint32_t size) {
  uint32_t sectors = (size + BOARD_FLASH_SECTOR - 1) / BOARD_FLASH_SECTOR;
  uint32_t start = offset / BOARD_FLASH_SECTOR;
  uint32_t head = 16 - start % 16;
  if (head > sectors) head = sectors;
  for (uint32_t i = 0; i < sectors + head; i++)
    sim_flash_spi_erase_sector((start + i) * BOARD_FLASH_SECTOR);
}

static uint8_t checksum(const uint8_t *data, size_t len) {
  uint8_t c = 0xef;
  for (size_t i = 0; i < len; i++)
    c ^= data[i];
  return c;
}

// FLASH_DATA and MEM_DATA: `<IIII` len, seq, 0, 0, then the data.
static void data_block(uint8_t cmd, const uint8_t *p, size_t size, uint32_t sum, bool active) {
  if (size < 16 || !active) return fail(cmd, ERR_INVALID);
  uint32_t len = le32(p), seq = le32(p + 4);
  if (len != size - 16 || len > rom.block_size) return fail(cmd, ERR_INVALID);
  if (checksum(p + 16, len) != (uint8_t)sum) return fail(cmd, ERR_CHECKSUM);
  if (seq + 1 == rom.next_seq) return ok(cmd); // a retry of the block just taken
  if (seq != rom.next_seq || seq >= rom.blocks) return fail(cmd, ERR_INVALID);
  if (cmd == CMD_FLASH_DATA) {
    uint32_t at = rom.offset + seq * rom.block_size;
    if (at >= 16u << 20) return fail(cmd, ERR_FLASH_WRITE);
    sim_flash_spi_write(at, p + 16, len); // a brown-out here does not return
  }
  rom.next_seq++;
  ok(cmd);
}

static void begin(uint8_t cmd, const uint8_t *p, size_t size) {
  if (size < 16) return fail(cmd, ERR_INVALID);
  uint32_t total = le32(p), blocks = le32(p + 4), block = le32(p + 8), offset = le32(p + 12);
  if (blocks && (block == 0 || block > 0x4000)) return fail(cmd, ERR_INVALID);
  rom.blocks = blocks;
  rom.block_size = block;
  rom.offset = offset;
  rom.next_seq = 0;
  if (cmd == CMD_FLASH_BEGIN) {
    if (offset >= 16u << 20) return fail(cmd, ERR_FLASH_WRITE);
    rom.flashing = true;
    rom_erase(offset, total);
  } else {
    rom.loading = true;
  }
  ok(cmd);
}

static void handle(const uint8_t *f, size_t len) {
  if (len < 8 || f[0] != 0x00) return; // not a request: the ROM ignores it
  uint8_t cmd = f[1];
  size_t size = (size_t)f[2] | (size_t)f[3] << 8;
  uint32_t sum = le32(f + 4);
  const uint8_t *p = f + 8;
  if (size != len - 8) return fail(cmd, ERR_INVALID);
  switch (cmd) {
  case CMD_SYNC: {
    static const uint8_t head[4] = {0x07, 0x07, 0x12, 0x20};
    if (size != 36 || memcmp(p, head, 4)) return;
    for (int i = 0; i < 32; i++)
      if (p[4 + i] != 0x55) return;
    for (int i = 0; i < 8; i++) // the ROM answers eight times (PROTOCOLS.md 3.6)
      respond(cmd, SYNC_VALUE, NULL, 0, 0, 0);
    return;
  }
  case CMD_READ_REG:
    if (size < 4) return fail(cmd, ERR_INVALID);
    return respond(cmd, read_reg(le32(p)), NULL, 0, 0, 0);
  case CMD_WRITE_REG:
    if (size < 16) return fail(cmd, ERR_INVALID);
    write_reg(le32(p), le32(p + 4), le32(p + 8));
    return ok(cmd);
  case CMD_FLASH_BEGIN:
  case CMD_MEM_BEGIN: return begin(cmd, p, size);
  case CMD_FLASH_DATA: return data_block(cmd, p, size, sum, rom.flashing);
  case CMD_MEM_DATA: return data_block(cmd, p, size, sum, rom.loading);
  case CMD_FLASH_END:
    if (size < 4) return fail(cmd, ERR_INVALID);
    ok(cmd);
    rom.flashing = false;
    sim_board_reset_boot(BOARD_RESET_HARD, false);
  case CMD_MEM_END:
    if (size < 8) return fail(cmd, ERR_INVALID);
    rom.loading = false;
    ok(cmd);
    if (le32(p) == 0)
      fprintf(stderr,
              "vboard: MEM_END asks to run code at 0x%08x: vboard cannot, staying in the ROM loader\n",
              le32(p + 4));
    return;
  case CMD_SPI_SET_PARAMS:
  case CMD_SPI_ATTACH: return ok(cmd);
  default: return fail(cmd, ERR_INVALID);
  }
}

// SLIP (PROTOCOLS.md 3.1): bytes between 0xC0s are a frame; 0xDB 0xDC is
// 0xC0 and 0xDB 0xDD is 0xDB inside one. Bytes outside frames are noise.
static void feed(uint8_t b) {
  if (b == 0xc0) {
    if (rom.in_frame && rom.len > 0 && !rom.overflow) handle(rom.frame, rom.len);
    rom.in_frame = true; // an end marker doubles as the next start
    rom.len = 0;
    rom.escape = rom.overflow = false;
    return;
  }
  if (!rom.in_frame) return;
  if (rom.escape) {
    rom.escape = false;
    b = b == 0xdc ? 0xc0 : b == 0xdd ? 0xdb : b;
  } else if (b == 0xdb) {
    rom.escape = true;
    return;
  }
  if (rom.len < sizeof rom.frame)
    rom.frame[rom.len++] = b;
  else
    rom.overflow = true;
}

void sim_rom_run(void) {
  memset(&rom, 0, sizeof rom);
  for (;;) {
    int c = board_console_rx(BOARD_WAIT_FOREVER);
    if (c == BOARD_RX_CLOSED) return;
    if (c >= 0) feed((uint8_t)c);
  }
}

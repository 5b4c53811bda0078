// SPDX-License-Identifier: MIT
// flash_rom.h: the host side of the ESP8266 ROM serial loader protocol
// (PROTOCOLS.md 3), over any transport: commands with SLIP framing and
// checksums, sync, registers, the SPI0 user-command path for the flash ID
// and for reading flash back, and FLASH_BEGIN/DATA/END.
//
//   esp_rom_t *r = esp_rom_new(t);          // t stays the caller's
//   esp_rom_sync(r, 5);
//   esp_rom_read_reg(r, 0x40001000, &magic);
//   esp_rom_flash_id(r, &jedec);
//   esp_rom_flash_begin(r, offset, size, blocks, 0x400);
//   esp_rom_flash_block(r, seq, data, 0x400);   // retries on loss
//   esp_rom_free(r);
//
// Every call returns a rig_status_t. RIG_E_REBOOT means the board printed a
// ROM boot line ("rst cause:") while we waited: it reset under us;
// esp_rom_reset_cause() then says which cause it printed. RIG_E_PROTOCOL
// with esp_rom_error() != 0: the ROM answered status 1 with that code.
#ifndef RIG_FLASH_ROM_H
#define RIG_FLASH_ROM_H

#include "rig_status.h"
#include "transport.h"

#include <stddef.h>
#include <stdint.h>

#define ESP_ROM_BLOCK 0x400 // ROM FLASH_WRITE_SIZE
#define ESP_ROM_CHIP_MAGIC 0xfff0c101u
#define ESP_ROM_READ_CHUNK 64 // bytes one SPI READ through W0..W15 returns

enum {
  ESP_CMD_FLASH_BEGIN = 0x02,
  ESP_CMD_FLASH_DATA = 0x03,
  ESP_CMD_FLASH_END = 0x04,
  ESP_CMD_MEM_BEGIN = 0x05,
  ESP_CMD_MEM_END = 0x06,
  ESP_CMD_MEM_DATA = 0x07,
  ESP_CMD_SYNC = 0x08,
  ESP_CMD_WRITE_REG = 0x09,
  ESP_CMD_READ_REG = 0x0a,
  ESP_CMD_SPI_SET_PARAMS = 0x0b,
  ESP_CMD_SPI_ATTACH = 0x0d,
  ESP_CMD_CHANGE_BAUDRATE = 0x0f,
};

typedef struct esp_rom esp_rom_t;

esp_rom_t *esp_rom_new(transport_t *t);
void esp_rom_free(esp_rom_t *r);

// Sends one command and waits up to [timeout_ms] for the answer to it.
// *value (may be NULL) receives the response's value field.
rig_status_t esp_rom_command(esp_rom_t *r, uint8_t cmd, const uint8_t *data, size_t len, uint32_t checksum,
                             int timeout_ms, uint32_t *value);

// SYNC up to [attempts] times (100 ms each), then swallows the rest of the
// ROM's eight answers. RIG_E_TIMEOUT when nothing answered.
rig_status_t esp_rom_sync(esp_rom_t *r, int attempts);

rig_status_t esp_rom_read_reg(esp_rom_t *r, uint32_t addr, uint32_t *value);
rig_status_t esp_rom_write_reg(esp_rom_t *r, uint32_t addr, uint32_t value);

// The JEDEC word through the SPI0 registers (PROTOCOLS.md 3.8), after a
// FLASH_BEGIN(0, 0) that attaches the flash.
rig_status_t esp_rom_flash_id(esp_rom_t *r, uint32_t *jedec);

// Reads [len] bytes of flash at [addr] with SPI READ (0x03) commands run
// through the same registers, 64 bytes at a time (the ROM loader has no
// read command on ESP8266).
rig_status_t esp_rom_flash_read(esp_rom_t *r, uint32_t addr, uint8_t *buf, size_t len);

// Reads [len] bytes at [addr] and compares them with [expect]. READ_REG
// answers carry no checksum, and a lost SLIP escape byte changes a value
// without changing its length, so a 64-byte chunk that differs is read
// again (up to 3 times in all) before it counts. RIG_OK when equal;
// RIG_E_PROTOCOL with *bad = the first differing offset (esp_rom_error()
// 0) when the flash really differs; other statuses are the link's.
rig_status_t esp_rom_flash_compare(esp_rom_t *r, uint32_t addr, const uint8_t *expect, size_t len,
                                   uint32_t *bad);

// FLASH_BEGIN for [size] bytes at [offset] in [blocks] blocks of
// [block_size]; the erase size sent is the one that makes the ROM erase
// exactly those sectors (its bug, PROTOCOLS.md 3.7). The timeout grows
// with the erase.
rig_status_t esp_rom_flash_begin(esp_rom_t *r, uint32_t offset, uint32_t size, uint32_t blocks,
                                 uint32_t block_size);

// FLASH_DATA block [seq] ([len] bytes, padded with 0xFF to [block_size]).
// A lost or refused packet is sent again, up to [tries] times in all.
rig_status_t esp_rom_flash_block(esp_rom_t *r, uint32_t seq, const uint8_t *data, size_t len,
                                 size_t block_size, int tries);

// FLASH_END: [reboot] 1 reboots the board (flag 0 on the wire), 0 runs
// the user code (flag 1).
rig_status_t esp_rom_flash_end(esp_rom_t *r, int reboot);

// SPI_SET_PARAMS for a chip of [size] bytes (block 64K, sector 4K, page 256).
rig_status_t esp_rom_spi_set_params(esp_rom_t *r, uint32_t size);

// The ROM error code of the last status-1 answer (0 when none).
int esp_rom_error(const esp_rom_t *r);
// A name for a ROM error code ("checksum error", ...).
const char *esp_rom_error_name(int code);
// The rst cause printed by the reset that ended the last call, -1 if none.
int esp_rom_reset_cause(const esp_rom_t *r);
// Packets sent again after a loss or a refusal, since esp_rom_new.
unsigned esp_rom_retries(const esp_rom_t *r);
// The last error in words.
const char *esp_rom_errmsg(const esp_rom_t *r);
// Waits up to [timeout_ms] for the text [marker] in what the board sends
// (e.g. "boot mode:(3," after a reset). RIG_OK when seen.
rig_status_t esp_rom_wait_text(esp_rom_t *r, const char *marker, int timeout_ms);

#endif

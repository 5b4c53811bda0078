// SPDX-License-Identifier: MIT
// flash_rom.c: ESP8266 ROM loader client (see flash_rom.h).
//
// Receiving: bytes from the transport go through a SLIP decoder; frames
// that are not a response (direction 1, at least 8 bytes + 2 status bytes)
// or answer another command are skipped, as esptool skips them. Every raw
// byte also goes through a small window that watches for the ROM's
// "rst cause:" boot line, the sign that the board reset under us.
#include "flash_rom.h"
#include "esp_image.h"
#include "slip.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RESPONSE_MAX 512
#define SPI0 0x60000200u
#define SPI_CMD (SPI0 + 0x00)
#define SPI_ADDR (SPI0 + 0x04)
#define SPI_USR (SPI0 + 0x1c)
#define SPI_USR1 (SPI0 + 0x20)
#define SPI_USR2 (SPI0 + 0x24)
#define SPI_W0 (SPI0 + 0x40)
#define CMD_TIMEOUT_MS 3000
#define REG_TIMEOUT_MS 300 // a register answer is 12 bytes: late means lost
#define REG_TRIES 6
#define ERASE_MS_PER_MB 30000 // as esptool allows per MB erased

struct esp_rom {
  transport_t *t;
  uint8_t frame[RESPONSE_MAX];
  slip_decoder_t dec;
  uint8_t pending[4096]; // received, not yet decoded
  size_t pending_len, pending_pos;
  char window[64]; // the last raw bytes, for "rst cause:" and markers
  size_t window_len;
  int reset_cause; // -1 none seen; else the number after "rst cause:"
  int reset_seen;
  int error;
  unsigned retries;
  uint8_t last_status_data[64];
  char err[512];
};

static rig_status_t fail(esp_rom_t *r, rig_status_t st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static rig_status_t fail(esp_rom_t *r, rig_status_t st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->err, sizeof r->err, fmt, ap);
  va_end(ap);
  return st;
}

esp_rom_t *esp_rom_new(transport_t *t) {
  esp_rom_t *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->t = t;
  r->reset_cause = -1;
  slip_decoder_init(&r->dec, r->frame, sizeof r->frame);
  return r;
}

void esp_rom_free(esp_rom_t *r) {
  free(r);
}
int esp_rom_error(const esp_rom_t *r) {
  return r->error;
}
int esp_rom_reset_cause(const esp_rom_t *r) {
  return r->reset_seen ? r->reset_cause : -1;
}
unsigned esp_rom_retries(const esp_rom_t *r) {
  return r->retries;
}
const char *esp_rom_errmsg(const esp_rom_t *r) {
  return r->err;
}

const char *esp_rom_error_name(int code) {
  switch (code) {
  case 0x05: return "received message invalid (or command not supported by the ROM)";
  case 0x06: return "result wrong";
  case 0x07: return "checksum error";
  case 0x08: return "flash write error";
  case 0x09: return "flash read error";
  case 0x0a: return "flash read length error";
  default: return "unknown ROM error";
  }
}

static void put32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; i++)
    p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t le32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

// Keeps the last bytes seen and notes a ROM boot line.
static void watch(esp_rom_t *r, uint8_t b) {
  if (r->window_len == sizeof r->window - 1) {
    memmove(r->window, r->window + 1, sizeof r->window - 2);
    r->window_len--;
  }
  r->window[r->window_len++] = (char)(b ? b : ' ');
  r->window[r->window_len] = '\0';
  const char *p = strstr(r->window, "rst cause:");
  if (p && p[10] >= '0' && p[10] <= '9' && (p[11] == ',' || (p[11] >= '0' && p[11] <= '9' && p[12] == ','))) {
    r->reset_seen = 1;
    r->reset_cause = atoi(p + 10);
    r->window_len = 0; // seen once
    r->window[0] = '\0';
  }
}

// Fills the pending buffer, waiting up to [timeout_ms].
static rig_status_t fill(esp_rom_t *r, int timeout_ms) {
  size_t got = 0;
  rig_status_t st = transport_read(r->t, r->pending, sizeof r->pending, &got, timeout_ms);
  if (st != RIG_OK) return st;
  r->pending_len = got;
  r->pending_pos = 0;
  return RIG_OK;
}

// Next decoded frame within [deadline] (rig_now_ms).
static rig_status_t next_frame(esp_rom_t *r, int64_t deadline) {
  for (;;) {
    while (r->pending_pos < r->pending_len) {
      uint8_t b = r->pending[r->pending_pos++];
      watch(r, b);
      if (slip_decode_byte(&r->dec, b)) return RIG_OK;
    }
    if (r->reset_seen) return RIG_E_REBOOT;
    int64_t left = deadline - rig_now_ms();
    if (left <= 0) return RIG_E_TIMEOUT;
    rig_status_t st = fill(r, (int)left);
    if (st != RIG_OK) return st;
  }
}

// Discards whatever arrives within [ms] (stale answers after a retry).
static void drain(esp_rom_t *r, int ms) {
  int64_t deadline = rig_now_ms() + ms;
  while (next_frame(r, deadline) == RIG_OK) {
  }
}

rig_status_t esp_rom_command(esp_rom_t *r, uint8_t cmd, const uint8_t *data, size_t len, uint32_t checksum,
                             int timeout_ms, uint32_t *value) {
  r->error = 0;
  r->reset_seen = 0;
  uint8_t *raw = malloc(8 + len);
  uint8_t *wire = malloc(SLIP_ENCODED_MAX(8 + len));
  if (!raw || !wire) {
    free(raw);
    free(wire);
    return fail(r, RIG_E_NOMEM, "out of memory");
  }
  raw[0] = 0x00;
  raw[1] = cmd;
  raw[2] = (uint8_t)len;
  raw[3] = (uint8_t)(len >> 8);
  put32(raw + 4, checksum);
  if (len) memcpy(raw + 8, data, len);
  size_t n = slip_encode(raw, 8 + len, wire);
  rig_status_t st = transport_write(r->t, wire, n, timeout_ms);
  free(raw);
  free(wire);
  if (st != RIG_OK) return fail(r, st, "cannot send command 0x%02x: %s", cmd, transport_errmsg(r->t));
  int64_t deadline = rig_now_ms() + timeout_ms;
  for (int skipped = 0; skipped < 100; skipped++) {
    st = next_frame(r, deadline);
    if (st == RIG_E_REBOOT)
      return fail(r, st, "the board reset (rst cause:%d) while waiting for the answer to command 0x%02x",
                  r->reset_cause, cmd);
    if (st != RIG_OK) return fail(r, st, "no answer to command 0x%02x (%s)", cmd, rig_strerror(st));
    const uint8_t *f = r->dec.buf;
    size_t flen = r->dec.len;
    if (flen < 10 || f[0] != 0x01 || f[1] != cmd) continue;
    size_t size = (size_t)f[2] | (size_t)f[3] << 8;
    if (size < 2 || 8 + size != flen) continue; // a byte lost on the line: as good as no answer
    if (value) *value = le32(f + 4);
    uint8_t status = f[8 + size - 2], error = f[8 + size - 1];
    if (status != 0) {
      r->error = error ? error : -1;
      return fail(r, RIG_E_PROTOCOL, "the ROM refused command 0x%02x: error 0x%02x, %s", cmd, error,
                  esp_rom_error_name(error));
    }
    return RIG_OK;
  }
  return fail(r, RIG_E_PROTOCOL, "100 packets without the answer to command 0x%02x", cmd);
}

rig_status_t esp_rom_sync(esp_rom_t *r, int attempts) {
  uint8_t data[36] = {0x07, 0x07, 0x12, 0x20};
  memset(data + 4, 0x55, 32);
  rig_status_t st = RIG_E_TIMEOUT;
  for (int i = 0; i < attempts; i++) {
    st = esp_rom_command(r, ESP_CMD_SYNC, data, sizeof data, 0, 100, NULL);
    if (st == RIG_OK) {
      drain(r, 100); // the other seven answers
      return RIG_OK;
    }
    if (st == RIG_E_CLOSED || st == RIG_E_INTERRUPTED) break;
  }
  return st;
}

rig_status_t esp_rom_read_reg(esp_rom_t *r, uint32_t addr, uint32_t *value) {
  uint8_t d[4];
  put32(d, addr);
  unsigned before = r->retries;
  rig_status_t st = RIG_E_TIMEOUT;
  for (int i = 0; i < REG_TRIES && st != RIG_OK; i++) {
    if (i) r->retries++;
    st = esp_rom_command(r, ESP_CMD_READ_REG, d, 4, 0, REG_TIMEOUT_MS, value);
    if (st == RIG_E_REBOOT || st == RIG_E_CLOSED || st == RIG_E_INTERRUPTED) break;
  }
  if (st == RIG_OK && r->retries != before)
    drain(r, 30); // a late twin of the answer must not answer the next
  return st;
}

rig_status_t esp_rom_write_reg(esp_rom_t *r, uint32_t addr, uint32_t value) {
  uint8_t d[16];
  put32(d, addr);
  put32(d + 4, value);
  put32(d + 8, 0xffffffffu);
  put32(d + 12, 0);
  unsigned before = r->retries;
  rig_status_t st = RIG_E_TIMEOUT;
  for (int i = 0; i < REG_TRIES && st != RIG_OK; i++) { // writing a register twice is harmless
    if (i) r->retries++;
    st = esp_rom_command(r, ESP_CMD_WRITE_REG, d, 16, 0, REG_TIMEOUT_MS, NULL);
    if (st == RIG_E_REBOOT || st == RIG_E_CLOSED || st == RIG_E_INTERRUPTED) break;
  }
  if (st == RIG_OK && r->retries != before) drain(r, 30);
  return st;
}

static rig_status_t begin(esp_rom_t *r, uint8_t cmd, uint32_t erase, uint32_t blocks, uint32_t block,
                          uint32_t off, int timeout_ms) {
  uint8_t d[16];
  put32(d, erase);
  put32(d + 4, blocks);
  put32(d + 8, block);
  put32(d + 12, off);
  return esp_rom_command(r, cmd, d, 16, 0, timeout_ms, NULL);
}

rig_status_t esp_rom_flash_begin(esp_rom_t *r, uint32_t offset, uint32_t size, uint32_t blocks,
                                 uint32_t block_size) {
  int timeout = CMD_TIMEOUT_MS + (int)((uint64_t)size * ERASE_MS_PER_MB / (1u << 20));
  rig_status_t st = RIG_E_TIMEOUT;
  // A lost FLASH_BEGIN is safe to repeat: it only erases again.
  for (int i = 0; i < 3 && st != RIG_OK; i++) {
    if (i) r->retries++;
    st = begin(r, ESP_CMD_FLASH_BEGIN, esp_rom_erase_size(offset, size), blocks, block_size, offset, timeout);
    if (st == RIG_E_REBOOT || st == RIG_E_CLOSED || st == RIG_E_INTERRUPTED) break;
  }
  return st;
}

rig_status_t esp_rom_flash_block(esp_rom_t *r, uint32_t seq, const uint8_t *data, size_t len,
                                 size_t block_size, int tries) {
  uint8_t *d = malloc(16 + block_size);
  if (!d) return fail(r, RIG_E_NOMEM, "out of memory");
  put32(d, (uint32_t)block_size);
  put32(d + 4, seq);
  put32(d + 8, 0);
  put32(d + 12, 0);
  memcpy(d + 16, data, len);
  memset(d + 16 + len, 0xff, block_size - len);
  uint32_t sum = esp_checksum(d + 16, block_size);
  rig_status_t st = RIG_E_TIMEOUT;
  for (int i = 0; i < tries; i++) {
    if (i) {
      r->retries++;
      drain(r, 30); // a late answer to the previous try must not be taken for the next block's
    }
    st = esp_rom_command(r, ESP_CMD_FLASH_DATA, d, 16 + block_size, sum, CMD_TIMEOUT_MS, NULL);
    if (st == RIG_OK) {
      if (i) drain(r, 30);
      break;
    }
    if (st == RIG_E_REBOOT || st == RIG_E_CLOSED || st == RIG_E_INTERRUPTED) break;
    // A refused packet (checksum, garbled) or a lost one: send it again. The
    // ROM takes a repeat of the block it just wrote as a retry.
  }
  free(d);
  return st;
}

rig_status_t esp_rom_flash_end(esp_rom_t *r, int reboot) {
  uint8_t d[4];
  put32(d, reboot ? 0 : 1);
  return esp_rom_command(r, ESP_CMD_FLASH_END, d, 4, 0, CMD_TIMEOUT_MS, NULL);
}

rig_status_t esp_rom_spi_set_params(esp_rom_t *r, uint32_t size) {
  uint8_t d[24];
  put32(d, 0);
  put32(d + 4, size);
  put32(d + 8, 64 * 1024);
  put32(d + 12, 4096);
  put32(d + 16, 256);
  put32(d + 20, 0xffff);
  return esp_rom_command(r, ESP_CMD_SPI_SET_PARAMS, d, 24, 0, CMD_TIMEOUT_MS, NULL);
}

// Starts the user command set up in USR/USR1/USR2 and waits for the
// engine to finish (CMD bit 18 clear, at most 10 polls).
static rig_status_t spi_run(esp_rom_t *r) {
  rig_status_t st = esp_rom_write_reg(r, SPI_CMD, 1u << 18);
  for (int i = 0; st == RIG_OK && i < 10; i++) {
    uint32_t cmd = 0;
    st = esp_rom_read_reg(r, SPI_CMD, &cmd);
    if (st == RIG_OK && !(cmd & (1u << 18))) return RIG_OK;
  }
  return st == RIG_OK ? fail(r, RIG_E_PROTOCOL, "the SPI command engine never finished") : st;
}

rig_status_t esp_rom_flash_id(esp_rom_t *r, uint32_t *jedec) {
  rig_status_t st = begin(r, ESP_CMD_FLASH_BEGIN, 0, 0, ESP_ROM_BLOCK, 0, CMD_TIMEOUT_MS); // attach
  uint32_t usr = 0, usr2 = 0;
  if (st == RIG_OK) st = esp_rom_read_reg(r, SPI_USR, &usr);
  if (st == RIG_OK) st = esp_rom_read_reg(r, SPI_USR2, &usr2);
  if (st == RIG_OK) st = esp_rom_write_reg(r, SPI_USR1, (24u - 1) << 8);
  if (st == RIG_OK) st = esp_rom_write_reg(r, SPI_USR, 1u << 31 | 1u << 28);
  if (st == RIG_OK) st = esp_rom_write_reg(r, SPI_USR2, 7u << 28 | 0x9f);
  if (st == RIG_OK) st = esp_rom_write_reg(r, SPI_W0, 0);
  if (st == RIG_OK) st = spi_run(r);
  if (st == RIG_OK) st = esp_rom_read_reg(r, SPI_W0, jedec);
  if (st == RIG_OK) st = esp_rom_write_reg(r, SPI_USR, usr);
  if (st == RIG_OK) st = esp_rom_write_reg(r, SPI_USR2, usr2);
  if (st == RIG_OK) *jedec &= 0xffffff;
  return st;
}

rig_status_t esp_rom_flash_read(esp_rom_t *r, uint32_t addr, uint8_t *buf, size_t len) {
  uint32_t usr = 0, usr2 = 0, miso_bytes = 0;
  rig_status_t st = esp_rom_read_reg(r, SPI_USR, &usr);
  if (st == RIG_OK) st = esp_rom_read_reg(r, SPI_USR2, &usr2);
  if (st == RIG_OK)
    st = esp_rom_write_reg(r, SPI_USR, 1u << 31 | 1u << 30 | 1u << 28);   // command, address, MISO
  if (st == RIG_OK) st = esp_rom_write_reg(r, SPI_USR2, 7u << 28 | 0x03); // READ
  for (size_t done = 0; st == RIG_OK && done < len;) {
    size_t n = len - done < ESP_ROM_READ_CHUNK ? len - done : ESP_ROM_READ_CHUNK;
    uint32_t words = (uint32_t)((n + 3) / 4);
    if (words * 4 != miso_bytes) {
      miso_bytes = words * 4;
      st = esp_rom_write_reg(r, SPI_USR1, (24u - 1) << 26 | (miso_bytes * 8 - 1) << 8);
    }
    if (st == RIG_OK)
      st = esp_rom_write_reg(r, SPI_ADDR, (uint32_t)(addr + done) << 8); // 24 bits from bit 31
    if (st == RIG_OK) st = spi_run(r);
    for (uint32_t w = 0; st == RIG_OK && w < words; w++) {
      uint32_t v = 0;
      st = esp_rom_read_reg(r, SPI_W0 + 4 * w, &v);
      for (uint32_t k = 0; k < 4 && 4 * w + k < n; k++)
        buf[done + 4 * w + k] = (uint8_t)(v >> (8 * k));
    }
    done += n;
  }
  if (st == RIG_OK) st = esp_rom_write_reg(r, SPI_USR, usr);
  if (st == RIG_OK) st = esp_rom_write_reg(r, SPI_USR2, usr2);
  return st;
}

rig_status_t esp_rom_flash_compare(esp_rom_t *r, uint32_t addr, const uint8_t *expect, size_t len,
                                   uint32_t *bad) {
  uint8_t buf[ESP_ROM_READ_CHUNK];
  r->error = 0;
  for (size_t at = 0; at < len; at += sizeof buf) {
    size_t n = len - at < sizeof buf ? len - at : sizeof buf;
    for (int tries = 0;; tries++) {
      rig_status_t st = esp_rom_flash_read(r, addr + (uint32_t)at, buf, n);
      if (st != RIG_OK) return st;
      if (!memcmp(buf, expect + at, n)) break;
      if (tries == 2) {
        size_t i = 0;
        while (buf[i] == expect[at + i])
          i++;
        *bad = addr + (uint32_t)(at + i);
        r->error = 0;
        return fail(r, RIG_E_PROTOCOL, "flash at 0x%x differs", *bad);
      }
      r->retries++;
    }
  }
  return RIG_OK;
}

rig_status_t esp_rom_wait_text(esp_rom_t *r, const char *marker, int timeout_ms) {
  int64_t deadline = rig_now_ms() + timeout_ms;
  char tail[256] = "";
  size_t tl = 0, ml = strlen(marker);
  for (;;) {
    while (r->pending_pos < r->pending_len) {
      char c = (char)r->pending[r->pending_pos++];
      if (tl == sizeof tail - 1) {
        memmove(tail, tail + 1, tl - 1);
        tl--;
      }
      tail[tl++] = c ? c : ' ';
      tail[tl] = '\0';
      if (tl >= ml && strstr(tail, marker)) return RIG_OK;
    }
    int64_t left = deadline - rig_now_ms();
    if (left <= 0) return RIG_E_TIMEOUT;
    rig_status_t st = fill(r, (int)left);
    if (st != RIG_OK) return st;
  }
}

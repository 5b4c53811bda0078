// SPDX-License-Identifier: MIT
// mod_esp.c: the esp module: deep sleep, the SPI flash, debug output.
#include "mod_esp.h"
#include "board_hal.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "obj_int.h"
#include "port_obj.h"
#include "port_md5.h"
#include "port_modules.h"
#include "raise.h"

#include <errno.h>
#include <string.h>

// Where the user's part of the flash begins: after the space the
// firmware may take, as MicroPython's images leave it (PROTOCOLS.md 4.2):
// 1 MB on bigger modules, 576 KB on 1 MB ones (the filesystem starts
// there, port_fs.h), and the 456 KB image's end on a 512K module, which
// has no filesystem.
#define FLASH_USER_START 0x100000u
#define FLASH_USER_START_1M 0x90000u
#define FLASH_USER_START_512K 0x7B000u

// The image's size word and where the MD5 starts (PROTOCOLS.md 4.2).
#define FW_SIZE_AT 0x8FFCu
#define FW_MD5_FROM 4u
#define FW_MAX_SIZE 0x100000u

static rt_val_t e_deepsleep(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  intptr_t us = n ? rt_obj_get_int(args[0]) : 0;
  board_deepsleep(us > 0 ? (uint64_t)us : 0);
}

static rt_val_t e_flash_id(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return rt_int_from((intptr_t)board_flash_id());
}

static rt_val_t e_flash_size(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return rt_int_from((intptr_t)board_flash_size());
}

uint32_t port_esp_flash_user_start(void) {
  uint32_t size = board_flash_size();
  if (size > 0x100000u) return FLASH_USER_START;
  return size == 0x100000u ? FLASH_USER_START_1M : FLASH_USER_START_512K;
}

static rt_val_t e_flash_user_start(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return rt_int_from((intptr_t)port_esp_flash_user_start());
}

void port_print_unsigned(rt_printer_t *p, uint32_t v, unsigned base, int digits) {
  char text[32];
  int n = 0;
  do {
    text[n++] = "0123456789abcdef"[v % base];
    v /= base;
  } while (v || n < digits);
  while (n > 0)
    rt_print_str(p, &text[--n], 1);
}

bool port_esp_check_fw(rt_printer_t *p) {
  uint8_t word[4];
  if (board_flash_read(FW_SIZE_AT, word, sizeof word) < 0) return false;
  uint32_t size =
      (uint32_t)word[0] | (uint32_t)word[1] << 8 | (uint32_t)word[2] << 16 | (uint32_t)word[3] << 24;
  rt_print_cstr(p, "size: ");
  port_print_unsigned(p, size, 10, 1);
  rt_print_cstr(p, "\n");
  uint8_t stored[16];
  if (size > FW_MAX_SIZE || size < FW_MD5_FROM || board_flash_read(size, stored, sizeof stored) < 0) {
    rt_print_cstr(p, "Invalid size\n");
    return false;
  }
  port_md5_t md5;
  port_md5_init(&md5);
  uint8_t chunk[256];
  for (uint32_t at = FW_MD5_FROM; at < size;) {
    uint32_t n = size - at < sizeof chunk ? size - at : (uint32_t)sizeof chunk;
    if (board_flash_read(at, chunk, n) < 0) return false;
    port_md5_update(&md5, chunk, n);
    at += n;
  }
  uint8_t digest[16];
  port_md5_final(&md5, digest);
  rt_print_cstr(p, "md5: ");
  for (int i = 0; i < 16; i++)
    port_print_unsigned(p, digest[i], 16, 2);
  rt_print_cstr(p, "\n");
  return memcmp(digest, stored, sizeof digest) == 0;
}

static rt_val_t e_check_fw(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return port_esp_check_fw(&rt_print_console) ? RT_TRUE : RT_FALSE;
}

// flash_read(addr, n_or_buf): bytes read, or fills a bytearray.
static rt_val_t e_flash_read(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  intptr_t addr = rt_obj_get_int(args[0]);
  if (rt_is_small(args[1])) {
    intptr_t len = rt_small_get(args[1]);
    if (len < 0) rt_raise_msg(&rt_exc_ValueError, "negative length");
    rt_val_t out = rt_bytearray_new(NULL, (size_t)len);
    size_t got;
    uint8_t *buf = port_buffer_rw(out, &got);
    if (addr < 0 || board_flash_read((uint32_t)addr, buf, got) < 0) port_raise_os(EIO);
    return rt_bytes_new((const char *)buf, got);
  }
  size_t len;
  uint8_t *buf = port_buffer_rw(args[1], &len);
  if (addr < 0 || board_flash_read((uint32_t)addr, buf, len) < 0) port_raise_os(EIO);
  return RT_NONE;
}

// flash_write(addr, buf): addr and length multiples of 4, as on the chip.
static rt_val_t e_flash_write(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  intptr_t addr = rt_obj_get_int(args[0]);
  size_t len;
  const uint8_t *buf = port_buffer(args[1], &len);
  if (addr < 0 || (addr & 3) || (len & 3)) port_raise_os(EINVAL);
  if (board_flash_write((uint32_t)addr, buf, len) < 0) port_raise_os(EIO);
  return RT_NONE;
}

static rt_val_t e_flash_erase(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  intptr_t sector = rt_obj_get_int(args[0]);
  if (sector < 0 || board_flash_erase_sector((uint32_t)sector) < 0) port_raise_os(EIO);
  return RT_NONE;
}

static struct {
  int osdebug; // UART the SDK's debug output goes to, -1 off
} esp = {.osdebug = 0};

static rt_val_t e_osdebug(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (n == 0) return esp.osdebug < 0 ? RT_NONE : rt_small(esp.osdebug);
  if (args[0] == RT_NONE) {
    esp.osdebug = -1;
  } else {
    intptr_t uart = rt_obj_get_int(args[0]);
    if (uart != 0 && uart != 1) rt_raise_msg(&rt_exc_ValueError, "UART 0 or 1 (or None)");
    esp.osdebug = (int)uart;
  }
  return RT_NONE;
}

static const port_def_t esp_defs[] = {
    PORT_FN("deepsleep", e_deepsleep, 0, 2),     PORT_FN("flash_id", e_flash_id, 0, 0),
    PORT_FN("flash_size", e_flash_size, 0, 0),   PORT_FN("flash_user_start", e_flash_user_start, 0, 0),
    PORT_FN("flash_read", e_flash_read, 2, 2),   PORT_FN("flash_write", e_flash_write, 2, 2),
    PORT_FN("flash_erase", e_flash_erase, 1, 1), PORT_FN("osdebug", e_osdebug, 0, 2),
    PORT_FN("check_fw", e_check_fw, 0, 0),
};

void port_esp_init(void *ns) {
  port_module_fill(ns, esp_defs, sizeof esp_defs / sizeof esp_defs[0]);
}

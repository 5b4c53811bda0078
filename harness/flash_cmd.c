// SPDX-License-Identifier: MIT
// flash_cmd.c: `rig flash`: writes an image through the ESP8266 ROM loader.
//
// Steps: reset into the loader and sync; chip magic and MAC; JEDEC ID;
// the image header's size nibble (--flash-size); SPI_SET_PARAMS; erase;
// FLASH_BEGIN/DATA (1 KB blocks, retried on loss); read-back verification
// through SPI READ commands (the ESP8266 ROM has no MD5 or read command);
// reset into the firmware and wait for its flash boot line. Times and the
// effective throughput go to stdout and to a JSON result.
#include "esp_image.h"
#include "flash_board.h"
#include "flash_cmd.h"
#include "flash_rom.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IMAGE_MAX (16u << 20)
#define CONNECT_ATTEMPTS 7
#define BLOCK_TRIES 6

void flash_cmd_usage(FILE *to) {
  fprintf(to, "usage: rig flash --target TARGET [OPTIONS] IMAGE\n"
              "\n"
              "Writes IMAGE to the board's SPI flash through the ESP8266 ROM serial loader:\n"
              "auto-reset into the loader (DTR/RTS on serial: and rfc2217:// targets, the\n"
              "control socket on vboard), sync, chip and flash ID, erase, write in 1 KB\n"
              "blocks, read back to verify, reset into the firmware.\n"
              "\n"
              "options:\n"
              "  --target TARGET     the board: serial:DEV[@BAUD], rfc2217://HOST:PORT,\n"
              "                      vboard[:PATH], tcp:HOST:PORT (already in its loader)\n"
              "  --offset ADDR       flash offset (default 0; decimal or 0x hex)\n"
              "  --flash-size S      detect (default), 512K, 1M, 2M or 4M: sets the size\n"
              "                      nibble of the image header (images starting with 0xE9\n"
              "                      at offset 0); detect reads the flash chip's JEDEC ID\n"
              "  --erase-all         erase the whole chip first\n"
              "  --verify MODE       full (read every byte back), sample (default: 64 bytes\n"
              "                      of every 4 KB sector, the first and last block whole),\n"
              "                      or none\n"
              "  --baud-limit BAUD   the line rate: vboard targets are started with it;\n"
              "                      also the rate throughput is compared with\n"
              "  --json FILE         where the result goes (default flash-result.json)\n"
              "  --no-progress       no progress bar even on a terminal\n"
              "  --vboard-arg ARG    one more vboard argument (repeatable), e.g.\n"
              "                      --vboard-arg --flash --vboard-arg board.bin\n"
              "\n"
              "exit status: 0 flashed and verified; 1 the board failed (no sync, a reset\n"
              "during the flash, a verify mismatch); 2 usage error or a bad image.\n");
}

typedef struct {
  const char *target, *image_path, *json_path, *verify;
  const char *flash_size;
  uint32_t offset;
  int erase_all, baud, progress;
  char *vargs[TRANSPORT_ARGS_MAX];
  int nvargs;
} flash_opts_t;

typedef struct {
  json_t *root;
  char error[1024];
  const char *status; // "ok", "no-sync", "reset", "verify-mismatch", "error"
} flash_result_t;

static void progress(int on, const char *what, size_t done, size_t total, int64_t t0) {
  if (!on) return;
  int width = 40, filled = total ? (int)((uint64_t)done * width / total) : width;
  double secs = (double)(rig_now_ms() - t0) / 1000.0;
  fprintf(stderr, "\r%-7s [%.*s%*s] %3d%% %7.1f KB/s", what, filled,
          "########################################", width - filled, "",
          total ? (int)((uint64_t)done * 100 / total) : 100, secs > 0 ? (double)done / 1024.0 / secs : 0.0);
  if (done >= total) fputc('\n', stderr);
  fflush(stderr);
}

static uint8_t *read_image(const char *path, size_t *len, char *err, size_t errlen) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
    return NULL;
  }
  uint8_t *buf = malloc(IMAGE_MAX + 1);
  size_t n = buf ? fread(buf, 1, IMAGE_MAX + 1, f) : 0;
  fclose(f);
  if (!buf || n == 0 || n > IMAGE_MAX) {
    snprintf(err, errlen, "%s: %s", path, !buf ? "out of memory" : n ? "larger than 16 MB" : "empty");
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

static int parse_args(int argc, char **argv, flash_opts_t *o) {
  *o = (flash_opts_t){
      .json_path = "flash-result.json", .verify = "sample", .flash_size = "detect", .progress = 1};
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    int v = i + 1 < argc;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      flash_cmd_usage(stdout);
      return 0;
    } else if (!strcmp(a, "--target") && v) {
      o->target = argv[++i];
    } else if (!strcmp(a, "--offset") && v) {
      char *end;
      unsigned long off = strtoul(argv[++i], &end, 0);
      if (*end || off >= IMAGE_MAX || off % 4096) {
        fprintf(stderr, "rig flash: bad --offset '%s' (a multiple of 4096 below 16M)\n", argv[i]);
        return 2;
      }
      o->offset = (uint32_t)off;
    } else if (!strcmp(a, "--flash-size") && v) {
      o->flash_size = argv[++i];
      if (strcmp(o->flash_size, "detect") && !esp_parse_size(o->flash_size)) {
        fprintf(stderr, "rig flash: bad --flash-size '%s' (detect, 512K, 1M, 2M, 4M)\n", o->flash_size);
        return 2;
      }
    } else if (!strcmp(a, "--erase-all")) {
      o->erase_all = 1;
    } else if (!strcmp(a, "--verify") && v) {
      o->verify = argv[++i];
      if (strcmp(o->verify, "full") && strcmp(o->verify, "sample") && strcmp(o->verify, "none")) {
        fprintf(stderr, "rig flash: bad --verify '%s' (full, sample, none)\n", o->verify);
        return 2;
      }
    } else if (!strcmp(a, "--baud-limit") && v) {
      o->baud = atoi(argv[++i]);
      if (o->baud < 300 || o->baud > 4000000) {
        fprintf(stderr, "rig flash: bad --baud-limit '%s' (300..4000000)\n", argv[i]);
        return 2;
      }
    } else if (!strcmp(a, "--json") && v) {
      o->json_path = argv[++i];
    } else if (!strcmp(a, "--no-progress")) {
      o->progress = 0;
    } else if (!strcmp(a, "--vboard-arg") && v) {
      if (o->nvargs >= TRANSPORT_ARGS_MAX - 8) {
        fprintf(stderr, "rig flash: too many --vboard-arg\n");
        return 2;
      }
      o->vargs[o->nvargs++] = argv[++i];
    } else if (a[0] != '-' && !o->image_path) {
      o->image_path = a;
    } else {
      fprintf(stderr, "rig flash: unexpected argument '%s'\n", a);
      flash_cmd_usage(stderr);
      return 2;
    }
  }
  if (!o->target || !o->image_path) {
    fprintf(stderr, "rig flash: --target and IMAGE are required\n");
    flash_cmd_usage(stderr);
    return 2;
  }
  if (!isatty(2)) o->progress = 0;
  return -1;
}

static void hex32(json_t *obj, const char *key, uint32_t v) {
  char text[16];
  snprintf(text, sizeof text, "0x%06x", v);
  json_object_set_new(obj, key, json_string(text));
}

// Reads back and compares: every byte (full) or, per 4 KB sector, 64
// bytes from its middle plus the first and last block whole (sample).
static rig_status_t verify(esp_rom_t *rom, const flash_opts_t *o, const uint8_t *img, size_t len,
                           uint32_t *bad, size_t *checked) {
  *checked = 0;
  int64_t t0 = rig_now_ms();
  for (size_t at = 0; at < len; at += 4096) {
    size_t n = len - at < 4096 ? len - at : 4096;
    int whole = !strcmp(o->verify, "full") || at < ESP_ROM_BLOCK || at + n >= len;
    size_t want = whole ? n : (n < ESP_ROM_READ_CHUNK ? n : ESP_ROM_READ_CHUNK);
    // Sample the middle of the sector: a sector left unerased shows anywhere.
    size_t from = whole ? 0 : ((n - want) / 2) & ~(size_t)3;
    rig_status_t st =
        esp_rom_flash_compare(rom, o->offset + (uint32_t)(at + from), img + at + from, want, bad);
    if (st != RIG_OK) return st;
    *checked += want;
    progress(o->progress, "Verify", at + n, len, t0);
  }
  return RIG_OK;
}

static int run(const flash_opts_t *o, flash_result_t *res) {
  json_t *root = res->root;
  char err[1024] = "";
  size_t len = 0;
  uint8_t *img = read_image(o->image_path, &len, err, sizeof err);
  if (!img) {
    snprintf(res->error, sizeof res->error, "%s", err);
    res->status = "bad-image";
    return 2;
  }
  json_object_set_new(root, "image", json_string(o->image_path));
  json_object_set_new(root, "image_bytes", json_integer((json_int_t)len));
  json_object_set_new(root, "offset", json_integer(o->offset));
  // A header at 0 is checked before anything touches the board.
  int patch = o->offset == 0 && img[0] == ESP_IMAGE_MAGIC;
  if (patch && esp_image_check(img, len, NULL, err, sizeof err) < 0) {
    snprintf(res->error, sizeof res->error, "%.400s starts with 0xE9 but is not a valid ESP8266 image: %.400s",
             o->image_path, err);
    res->status = "bad-image";
    free(img);
    return 2;
  }
  int64_t t_start = rig_now_ms();
  flash_board_t board;
  rig_status_t st = flash_board_open(&board, o->target, o->vargs, o->nvargs, o->baud, err, sizeof err);
  esp_rom_t *rom = st == RIG_OK ? esp_rom_new(board.t) : NULL;
  int rc = 1;
  if (st == RIG_OK && !rom) st = RIG_E_NOMEM;
  if (st != RIG_OK) {
    snprintf(res->error, sizeof res->error, "%s", err);
    res->status = "error";
    goto done;
  }
  st = flash_board_connect(&board, rom, CONNECT_ATTEMPTS, err, sizeof err);
  if (st != RIG_OK) {
    snprintf(res->error, sizeof res->error, "%s", err);
    res->status = "no-sync";
    goto done;
  }
  uint32_t magic = 0, mac0 = 0, mac1 = 0, mac3 = 0, jedec = 0;
  st = esp_rom_read_reg(rom, 0x40001000, &magic);
  if (st == RIG_OK && magic != ESP_ROM_CHIP_MAGIC) {
    snprintf(res->error, sizeof res->error, "not an ESP8266: chip magic 0x%08x (expected 0x%08x)", magic,
             ESP_ROM_CHIP_MAGIC);
    res->status = "error";
    goto done;
  }
  if (st == RIG_OK) st = esp_rom_read_reg(rom, 0x3ff00050, &mac0);
  if (st == RIG_OK) st = esp_rom_read_reg(rom, 0x3ff00054, &mac1);
  if (st == RIG_OK) st = esp_rom_read_reg(rom, 0x3ff0005c, &mac3);
  if (st == RIG_OK) st = esp_rom_flash_id(rom, &jedec);
  if (st != RIG_OK) goto link_error;
  uint8_t oui[3] = {(uint8_t)(mac3 >> 16), (uint8_t)(mac3 >> 8), (uint8_t)mac3};
  if (!mac3) {
    static const uint8_t espressif[2][3] = {{0x18, 0xfe, 0x34}, {0xac, 0xd0, 0x74}};
    memcpy(oui, espressif[((mac1 >> 16) & 0xff) == 1], 3);
  }
  char mac[32];
  snprintf(mac, sizeof mac, "%02x:%02x:%02x:%02x:%02x:%02x", oui[0], oui[1], oui[2], (mac1 >> 8) & 0xff,
           mac1 & 0xff, mac0 >> 24);
  uint32_t detected = esp_jedec_size(jedec);
  printf("Chip is ESP8266, MAC %s\nFlash JEDEC ID 0x%06x: manufacturer 0x%02x (%s), device 0x%04x, %u KB\n",
         mac, jedec, esp_jedec_manufacturer(jedec), esp_jedec_vendor(esp_jedec_manufacturer(jedec)),
         esp_jedec_device(jedec), detected / 1024);
  json_object_set_new(root, "chip", json_string("ESP8266"));
  json_object_set_new(root, "mac", json_string(mac));
  hex32(root, "flash_jedec_id", jedec);
  json_object_set_new(root, "flash_detected_bytes", json_integer(detected));
  uint32_t size = !strcmp(o->flash_size, "detect") ? detected : esp_parse_size(o->flash_size);
  if (!size) {
    printf("Flash size not recognised from the JEDEC ID: assuming 4 MB (as esptool does)\n");
    size = 4u << 20;
  }
  if (detected && size > detected)
    printf("warning: --flash-size %u KB is more than the chip's %u KB\n", size / 1024, detected / 1024);
  if (o->offset + len > size) {
    snprintf(res->error, sizeof res->error,
             "the image (%zu bytes at 0x%x) does not fit a %u KB flash: use a smaller image or --flash-size",
             len, o->offset, size / 1024);
    res->status = "error";
    goto done;
  }
  if (patch) {
    uint8_t old = img[3];
    if (esp_image_patch_size(img, len, size, err, sizeof err) < 0) {
      snprintf(res->error, sizeof res->error, "cannot set the header's flash size: %.900s", err);
      res->status = "bad-image";
      rc = 2;
      goto done;
    }
    if (old != img[3])
      printf("Image header byte 3: 0x%02x -> 0x%02x (flash size %u KB)\n", old, img[3], size / 1024);
    json_object_set_new(root, "header_size_bytes", json_integer(size));
  }
  if (esp_rom_spi_set_params(rom, size) != RIG_OK && esp_rom_reset_cause(rom) >= 0) goto link_error;
  // Refused is fine: PROTOCOLS.md lists it as stub-only.
  if (o->erase_all) {
    printf("Erasing the whole chip (%u KB)...\n", size / 1024);
    st = esp_rom_flash_begin(rom, 0, size, 0, ESP_ROM_BLOCK);
    if (st != RIG_OK) goto link_error;
  }
  uint32_t blocks = (uint32_t)((len + ESP_ROM_BLOCK - 1) / ESP_ROM_BLOCK);
  int64_t t_write = rig_now_ms();
  st = esp_rom_flash_begin(rom, o->offset, (uint32_t)len, blocks, ESP_ROM_BLOCK);
  for (uint32_t seq = 0; st == RIG_OK && seq < blocks; seq++) {
    size_t at = (size_t)seq * ESP_ROM_BLOCK;
    size_t n = len - at < ESP_ROM_BLOCK ? len - at : ESP_ROM_BLOCK;
    st = esp_rom_flash_block(rom, seq, img + at, n, ESP_ROM_BLOCK, BLOCK_TRIES);
    if (st == RIG_OK)
      progress(o->progress, "Write", at + n, len, t_write);
    else if (st == RIG_E_REBOOT)
      snprintf(
          res->error, sizeof res->error,
          "the board reset during the flash (rst cause:%d) at block %u of %u (offset 0x%zx): the flash holds "
          "a partial image; check the power supply and flash again",
          esp_rom_reset_cause(rom), seq, blocks, o->offset + at);
  }
  if (st == RIG_E_REBOOT) {
    res->status = "reset";
    goto done;
  }
  if (st != RIG_OK) goto link_error;
  int64_t t_written = rig_now_ms();
  double write_s = (double)(t_written - t_write) / 1000.0;
  double bps = write_s > 0 ? (double)len / write_s : 0;
  json_object_set_new(root, "write_seconds", json_real(write_s));
  json_object_set_new(root, "throughput_bytes_per_s", json_real(bps));
  printf("Wrote %zu bytes at 0x%08x in %.2f s: %.1f KB/s", len, o->offset, write_s, bps / 1024);
  if (board.line_baud > 0) {
    double line = board.line_baud / 10.0; // 8N1: ten bits a byte
    printf(", %.1f%% of the %d baud line (%.0f bytes/s)", 100.0 * bps / line, board.line_baud, line);
    json_object_set_new(root, "line_baud", json_integer(board.line_baud));
    json_object_set_new(root, "efficiency", json_real(bps / line));
  }
  printf("\n");
  if (strcmp(o->verify, "none")) {
    uint32_t bad = 0;
    size_t checked = 0;
    int64_t t_verify = rig_now_ms();
    st = verify(rom, o, img, len, &bad, &checked);
    json_object_set_new(root, "verify_seconds", json_real((double)(rig_now_ms() - t_verify) / 1000.0));
    json_object_set_new(root, "verified_bytes", json_integer((json_int_t)checked));
    if (st == RIG_E_PROTOCOL && !esp_rom_error(rom)) {
      snprintf(
          res->error, sizeof res->error,
          "verify mismatch at offset 0x%x: the flash does not hold the image (a bad or fake flash chip, or "
          "a sector left unerased); flash again with --erase-all",
          bad);
      res->status = "verify-mismatch";
      goto done;
    }
    if (st != RIG_OK) goto link_error;
    printf("Verified %zu bytes (%s)\n", checked, o->verify);
  }
  json_object_set_new(root, "verify", json_string(o->verify));
  // Into the firmware: the target's reset if it has one, else FLASH_END.
  st = flash_board_run_firmware(&board, err, sizeof err);
  if (st == RIG_E_UNSUPPORTED) st = esp_rom_flash_end(rom, 1);
  int booted = st == RIG_OK && esp_rom_wait_text(rom, "boot mode:(3,", 3000) == RIG_OK;
  json_object_set_new(root, "booted", json_boolean(booted));
  printf(booted ? "The board restarted from flash.\n" : "No flash boot line seen after the reset.\n");
  res->status = "ok";
  rc = 0;
  goto done;
link_error:
  if (esp_rom_reset_cause(rom) >= 0) {
    snprintf(res->error, sizeof res->error, "the board reset (rst cause:%d) during the flash: %s",
             esp_rom_reset_cause(rom), esp_rom_errmsg(rom));
    res->status = "reset";
  } else {
    snprintf(res->error, sizeof res->error, "%s", esp_rom_errmsg(rom));
    res->status = "error";
  }
done:
  json_object_set_new(root, "total_seconds", json_real((double)(rig_now_ms() - t_start) / 1000.0));
  if (rom) json_object_set_new(root, "retries", json_integer(esp_rom_retries(rom)));
  esp_rom_free(rom);
  if (board.t || board.rfc) flash_board_close(&board);
  free(img);
  return rc;
}

int flash_cmd_main(int argc, char **argv) {
  rig_signals_install(); // Ctrl-C stops waits; a dropped link is a status, not SIGPIPE
  flash_opts_t o;
  int rc = parse_args(argc, argv, &o);
  if (rc >= 0) return rc;
  flash_result_t res = {.root = json_object(), .status = "error"};
  json_object_set_new(res.root, "target", json_string(o.target));
  rc = run(&o, &res);
  json_object_set_new(res.root, "status", json_string(res.status));
  if (res.error[0]) {
    json_object_set_new(res.root, "error", json_string(res.error));
    fprintf(stderr, "rig flash: %s\n", res.error);
  }
  if (json_dump_file(res.root, o.json_path, JSON_INDENT(2) | JSON_SORT_KEYS) < 0)
    fprintf(stderr, "rig flash: cannot write %s\n", o.json_path);
  json_decref(res.root);
  return rc;
}

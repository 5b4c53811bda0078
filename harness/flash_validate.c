// SPDX-License-Identifier: MIT
// flash_validate.c: `rig validate`: the module card.
//
// Through the ROM loader: chip magic and MAC, the flash's JEDEC ID (maker,
// device, the size it claims), the size it really holds (a pattern written
// near the top of the claimed size is looked for where a smaller chip
// would alias it), a scratch write/read/erase check (saved and restored),
// and the image header's size nibble. Then through the firmware's raw
// REPL: free heap after boot and the reset cause. Each item is pass, warn,
// fail or skip, and a failed one says what to do.
#include "esp_image.h"
#include "flash_board.h"
#include "flash_cmd.h"
#include "flash_rom.h"
#include "repl_client.h"
#include "schema_check.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef RIG_FIXTURES_DIR
#define RIG_FIXTURES_DIR "fixtures"
#endif

#define SCRATCH_BYTES 8192 // two sectors: an even count the ROM erases exactly
#define PROBE_BYTES 64

void validate_cmd_usage(FILE *to) {
  fprintf(to, "usage: rig validate --target TARGET [--profile P] [OPTIONS]\n"
              "\n"
              "Checks an ESP8266 module and writes its module card: chip and MAC, flash\n"
              "JEDEC ID, maker and size (claimed and real) against the module profile and\n"
              "the image header, a scratch write/read/erase of two flash sectors (their\n"
              "contents are restored), free heap after boot over the raw REPL, and the\n"
              "reset cause where the firmware reports it.\n"
              "\n"
              "options:\n"
              "  --target TARGET     as for rig flash (vboard targets get --profile too)\n"
              "  --profile P         module profile: a JSON file or a name in\n"
              "                      fixtures/profiles/ (e.g. esp01-1m, d1mini-4m)\n"
              "  --json FILE         the card (default module-card.json); schema:\n"
              "                      reports/module-card.schema.json\n"
              "  --baud-limit BAUD   vboard targets: started with this line rate\n"
              "  --vboard-arg ARG    one more vboard argument (repeatable)\n"
              "\n"
              "exit status: 0 no item failed; 1 an item failed; 2 usage error or no board.\n");
}

typedef struct {
  json_t *items; // array of {name, status, detail, advice}
  int failed;
} card_t;

static void item(card_t *c, const char *name, const char *status, const char *advice, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void item(card_t *c, const char *name, const char *status, const char *advice, const char *fmt, ...) {
  char detail[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(detail, sizeof detail, fmt, ap);
  va_end(ap);
  json_t *it = json_pack("{s:s, s:s, s:s}", "name", name, "status", status, "detail", detail);
  if (advice && *advice) json_object_set_new(it, "advice", json_string(advice));
  json_array_append_new(c->items, it);
  if (!strcmp(status, "fail")) c->failed++;
  printf("  %-14s %-4s  %s\n", name, status, detail);
  if (advice && *advice) printf("  %-14s       -> %s\n", "", advice);
}

static const char *size_text(uint32_t bytes, char *out, size_t cap) {
  if (bytes >= (1u << 20) && !(bytes & ((1u << 20) - 1)))
    snprintf(out, cap, "%u MB", bytes >> 20);
  else
    snprintf(out, cap, "%u KB", bytes >> 10);
  return out;
}

static const char *size_flag(uint32_t bytes, char *out, size_t cap) {
  if (bytes >= (1u << 20))
    snprintf(out, cap, "%uM", bytes >> 20);
  else
    snprintf(out, cap, "%uK", bytes >> 10);
  return out;
}

typedef struct {
  int given;
  char name[64];
  uint32_t flash_size, jedec;
  char mac[32];
} profile_t;

static int load_profile(const char *spec, profile_t *p, char *err, size_t errlen) {
  if (strlen(spec) > 900) {
    snprintf(err, errlen, "profile name too long");
    return -1;
  }
  char path[1024];
  if (strchr(spec, '/') || strstr(spec, ".json"))
    snprintf(path, sizeof path, "%s", spec);
  else
    snprintf(path, sizeof path, "%s/profiles/%s.json", RIG_FIXTURES_DIR, spec);
  json_error_t je;
  json_t *root = json_load_file(path, 0, &je);
  if (!root) {
    snprintf(err, errlen, "profile %.900s: %.100s", path, je.text);
    return -1;
  }
  const char *name = NULL, *jedec = NULL, *mac = NULL;
  json_int_t size = 0;
  int rc = json_unpack_ex(root, &je, 0, "{s:s, s:I, s:s, s?s}", "name", &name, "flash_size", &size,
                          "flash_jedec_id", &jedec, "mac", &mac);
  if (rc == 0) {
    p->given = 1;
    snprintf(p->name, sizeof p->name, "%s", name);
    p->flash_size = (uint32_t)size;
    p->jedec = (uint32_t)strtoul(jedec, NULL, 0);
    snprintf(p->mac, sizeof p->mac, "%s", mac ? mac : "");
  } else {
    snprintf(err, errlen, "profile %.900s: %.100s", path, je.text);
  }
  json_decref(root);
  return rc;
}

// The flash checks through the ROM loader. Returns RIG_OK, or the link's
// status when the board stopped answering.
static rig_status_t flash_items(esp_rom_t *rom, card_t *c, json_t *card, const profile_t *prof,
                                uint32_t jedec) {
  char a[32], b[32], advice[256];
  uint8_t man = esp_jedec_manufacturer(jedec);
  uint32_t id_size = esp_jedec_size(jedec);
  json_t *fl = json_object();
  json_object_set_new(card, "flash", fl);
  char text[16];
  snprintf(text, sizeof text, "0x%06x", jedec);
  json_object_set_new(fl, "jedec_id", json_string(text));
  json_object_set_new(fl, "manufacturer", json_integer(man));
  json_object_set_new(fl, "manufacturer_name", json_string(esp_jedec_vendor(man)));
  json_object_set_new(fl, "device", json_integer(esp_jedec_device(jedec)));
  json_object_set_new(fl, "id_size_bytes", json_integer(id_size));
  if (!id_size) {
    item(c, "flash-id", "fail", "check the flash chip's wiring and power (GPIO6..11)",
         "JEDEC ID 0x%06x has no known size code", jedec);
    return RIG_OK;
  }
  if (prof->given && prof->jedec != jedec)
    item(c, "flash-id", "warn",
         "modules of one kind ship with several flash makers; update the profile if this is one",
         "JEDEC ID 0x%06x (%s, device 0x%04x), the profile says 0x%06x", jedec, esp_jedec_vendor(man),
         esp_jedec_device(jedec), prof->jedec);
  else
    item(c, "flash-id", "pass", NULL, "JEDEC ID 0x%06x: %s, device 0x%04x, claims %s", jedec,
         esp_jedec_vendor(man), esp_jedec_device(jedec), size_text(id_size, a, sizeof a));
  // Scratch region: the two sectors 32 KB below the claimed top.
  uint32_t scratch = id_size - 0x8000;
  static uint8_t saved[SCRATCH_BYTES], pattern[SCRATCH_BYTES], back[SCRATCH_BYTES];
  uint32_t seed = jedec ^ (uint32_t)rig_now_ms();
  for (size_t i = 0; i < sizeof pattern; i++) {
    seed = seed * 1103515245u + 12345u;
    pattern[i] = (uint8_t)(seed >> 16);
  }
  rig_status_t st = esp_rom_flash_read(rom, scratch, saved, sizeof saved);
  if (st == RIG_OK)
    st = esp_rom_flash_begin(rom, scratch, SCRATCH_BYTES, SCRATCH_BYTES / ESP_ROM_BLOCK, ESP_ROM_BLOCK);
  for (uint32_t i = 0; st == RIG_OK && i < SCRATCH_BYTES / ESP_ROM_BLOCK; i++)
    st = esp_rom_flash_block(rom, i, pattern + i * ESP_ROM_BLOCK, ESP_ROM_BLOCK, ESP_ROM_BLOCK, 6);
  uint32_t bad = 0;
  if (st == RIG_OK) st = esp_rom_flash_compare(rom, scratch, pattern, sizeof pattern, &bad);
  int wrote = st == RIG_OK;
  if (st == RIG_E_PROTOCOL && !esp_rom_error(rom)) st = RIG_OK;
  if (st != RIG_OK) return st;
  // Real size: the smallest power of two P at which scratch mod P shows the
  // pattern (a chip of P bytes ignores the address bits above it).
  uint32_t real = id_size;
  for (uint32_t p = 64u << 10; wrote && p < id_size; p <<= 1) {
    st = esp_rom_flash_compare(rom, scratch % p, pattern, PROBE_BYTES, &bad);
    if (st == RIG_OK) {
      real = p;
      break;
    }
    if (st != RIG_E_PROTOCOL || esp_rom_error(rom)) return st;
    st = RIG_OK;
  }
  st = esp_rom_flash_begin(rom, scratch, SCRATCH_BYTES, 0, ESP_ROM_BLOCK); // erase only
  memset(back, 0xff, sizeof back);
  if (st == RIG_OK) st = esp_rom_flash_compare(rom, scratch, back, sizeof back, &bad);
  int erased = st == RIG_OK;
  if (st == RIG_E_PROTOCOL && !esp_rom_error(rom)) st = RIG_OK;
  if (st != RIG_OK) return st;
  int blank = 1;
  for (size_t i = 0; i < sizeof saved; i++)
    blank &= saved[i] == 0xff;
  if (!blank) { // put back what was there
    st = esp_rom_flash_begin(rom, scratch, SCRATCH_BYTES, SCRATCH_BYTES / ESP_ROM_BLOCK, ESP_ROM_BLOCK);
    for (uint32_t i = 0; st == RIG_OK && i < SCRATCH_BYTES / ESP_ROM_BLOCK; i++)
      st = esp_rom_flash_block(rom, i, saved + i * ESP_ROM_BLOCK, ESP_ROM_BLOCK, ESP_ROM_BLOCK, 6);
    if (st != RIG_OK) return st;
  }
  json_object_set_new(fl, "real_size_bytes", json_integer(real));
  json_object_set_new(fl, "scratch_offset", json_integer(scratch));
  if (wrote && erased)
    item(c, "flash-scratch", "pass", NULL, "wrote, read back and erased %u bytes at 0x%06x (restored)",
         SCRATCH_BYTES, scratch);
  else
    item(c, "flash-scratch", "fail",
         "the flash does not keep what is written: replace the module or its flash chip", "%s at 0x%06x",
         !wrote ? "the pattern written did not read back" : "the erased sectors did not read 0xFF", scratch);
  if (real < id_size) {
    snprintf(advice, sizeof advice, "flash is %s but the chip claims %s: flash with --flash-size %s",
             size_text(real, a, sizeof a), size_text(id_size, b, sizeof b),
             size_flag(real, text, sizeof text));
    item(c, "flash-size", "fail", advice,
         "the chip holds only %s (addresses wrap at %s) but its ID claims %s", size_text(real, a, sizeof a),
         size_text(real, a, sizeof a), size_text(id_size, b, sizeof b));
  } else {
    item(c, "flash-size", "pass", NULL, "the chip holds the %s its ID claims", size_text(real, a, sizeof a));
  }
  if (prof->given) {
    json_object_set_new(fl, "profile_size_bytes", json_integer(prof->flash_size));
    if (prof->flash_size != real) {
      snprintf(advice, sizeof advice, "flash is %s but the profile says %s: use --flash-size %s%s",
               size_text(real, a, sizeof a), size_text(prof->flash_size, b, sizeof b),
               size_flag(real, text, sizeof text),
               real < prof->flash_size ? " (or a profile for this module)" : "");
      item(c, "profile-size", "fail", advice, "profile %s says %s, the chip holds %s", prof->name,
           size_text(prof->flash_size, b, sizeof b), size_text(real, a, sizeof a));
    } else {
      item(c, "profile-size", "pass", NULL, "profile %s says %s, as measured", prof->name,
           size_text(real, a, sizeof a));
    }
  }
  // The image at 0: its header's size nibble against the real size.
  uint8_t head[16];
  st = esp_rom_flash_read(rom, 0, head, sizeof head);
  if (st != RIG_OK) return st;
  if (head[0] != ESP_IMAGE_MAGIC) {
    item(c, "image-header", "skip", NULL, "no ESP8266 image at offset 0 (first byte 0x%02x)", head[0]);
  } else {
    uint32_t hs = esp_nibble_size(head[3] >> 4);
    json_object_set_new(fl, "header_size_bytes", json_integer(hs));
    if (hs != real) {
      snprintf(advice, sizeof advice, "reflash the image with --flash-size %s",
               size_flag(real, text, sizeof text));
      item(c, "image-header", "fail", advice,
           "the image header says %s (byte 3 = 0x%02x), the flash holds %s",
           hs ? size_text(hs, b, sizeof b) : "an unknown size", head[3], size_text(real, a, sizeof a));
    } else {
      item(c, "image-header", "pass", NULL, "the image header says %s (byte 3 = 0x%02x)",
           size_text(hs, b, sizeof b), head[3]);
    }
  }
  return RIG_OK;
}

// Runs [code] on the raw REPL; the printed integer in *out. 0 on success.
static int repl_int(repl_t *r, const char *code, long *out, char *why, size_t whylen) {
  repl_result_t res;
  repl_result_init(&res);
  rig_status_t st = repl_exec(r, code, strlen(code), 5000, &res);
  int rc = -1;
  if (st != RIG_OK)
    snprintf(why, whylen, "%s", repl_errmsg(r));
  else if (res.err.len) { // the traceback's last line names the exception
    size_t end = res.err.len;
    while (end > 0 && (res.err.data[end - 1] == '\n' || res.err.data[end - 1] == '\r'))
      end--;
    size_t start = end;
    while (start > 0 && res.err.data[start - 1] != '\n')
      start--;
    snprintf(why, whylen, "%.*s", (int)(end - start > 200 ? 200 : end - start), res.err.data + start);
  } else if (sscanf(res.out.data ? res.out.data : "", "%ld", out) == 1)
    rc = 0;
  else
    snprintf(why, whylen, "unexpected output");
  repl_result_free(&res);
  return rc;
}

static void firmware_items(flash_board_t *b, card_t *c, json_t *card) {
  char err[512] = "", why[256];
  rig_status_t st = flash_board_run_firmware(b, err, sizeof err);
  if (st == RIG_E_UNSUPPORTED) {
    item(c, "heap", "skip", "reset the board into its firmware and run rig validate on a REPL target",
         "this target cannot be reset into its firmware");
    return;
  }
  repl_t *r = st == RIG_OK ? repl_new(b->t) : NULL;
  if (!r || repl_enter(r) != RIG_OK) {
    item(c, "heap", "fail", "flash a MicroPython-compatible firmware (rig flash) and check it boots",
         "no raw REPL after the flash boot%s%s", err[0] ? ": " : "", err);
    repl_free(r);
    return;
  }
  long heap = 0, cause = 0;
  if (repl_int(r, "import gc\ngc.collect()\nprint(gc.mem_free())\n", &heap, why, sizeof why) == 0) {
    json_object_set_new(card, "free_heap_bytes", json_integer(heap));
    item(c, "heap", heap >= 8192 ? "pass" : "warn",
         heap >= 8192 ? NULL : "less than 8 KB free: trim boot.py/main.py", "%ld bytes free after boot",
         heap);
  } else {
    item(c, "heap", "fail", "check that the firmware has the gc module", "gc.mem_free() failed: %s", why);
  }
  if (repl_int(r, "import machine\nprint(machine.reset_cause())\n", &cause, why, sizeof why) == 0) {
    json_t *seq = json_array();
    json_array_append_new(seq, json_integer(cause));
    json_object_set_new(card, "reset_causes", seq);
    item(c, "reset-cause", cause == 6 ? "pass" : "warn",
         cause == 6 ? NULL : "expected HARD_RESET (6) after an EN reset",
         "machine.reset_cause() is %ld after the EN reset", cause);
  } else {
    item(c, "reset-cause", "skip", NULL, "the firmware reports no reset cause (%s)", why);
  }
  repl_free(r);
}

int validate_cmd_main(int argc, char **argv) {
  rig_signals_install();
  const char *target = NULL, *json_path = "module-card.json", *profile_spec = NULL;
  char *vargs[TRANSPORT_ARGS_MAX];
  int nvargs = 0, baud = 0;
  for (int i = 0; i < argc; i++) {
    int v = i + 1 < argc;
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      validate_cmd_usage(stdout);
      return 0;
    } else if (!strcmp(argv[i], "--target") && v) {
      target = argv[++i];
    } else if (!strcmp(argv[i], "--profile") && v) {
      profile_spec = argv[++i];
    } else if (!strcmp(argv[i], "--json") && v) {
      json_path = argv[++i];
    } else if (!strcmp(argv[i], "--baud-limit") && v) {
      baud = atoi(argv[++i]);
    } else if (!strcmp(argv[i], "--vboard-arg") && v && nvargs < TRANSPORT_ARGS_MAX - 10) {
      vargs[nvargs++] = argv[++i];
    } else {
      fprintf(stderr, "rig validate: unexpected argument '%s'\n", argv[i]);
      validate_cmd_usage(stderr);
      return 2;
    }
  }
  if (!target) {
    fprintf(stderr, "rig validate: --target is required\n");
    return 2;
  }
  char err[1024];
  profile_t prof = {0};
  if (profile_spec && load_profile(profile_spec, &prof, err, sizeof err) < 0) {
    fprintf(stderr, "rig validate: %s\n", err);
    return 2;
  }
  if (profile_spec && nvargs < TRANSPORT_ARGS_MAX - 10) { // vboard pretends to be that module
    vargs[nvargs++] = "--profile";
    vargs[nvargs++] = (char *)profile_spec;
  }
  flash_board_t b;
  rig_status_t st = flash_board_open(&b, target, vargs, nvargs, baud, err, sizeof err);
  esp_rom_t *rom = st == RIG_OK ? esp_rom_new(b.t) : NULL;
  if (st == RIG_OK) st = rom ? flash_board_connect(&b, rom, 7, err, sizeof err) : RIG_E_NOMEM;
  if (st != RIG_OK) {
    fprintf(stderr, "rig validate: %s\n", err);
    esp_rom_free(rom);
    flash_board_close(&b);
    return 2;
  }
  card_t c = {.items = json_array()};
  json_t *card = json_object();
  json_object_set_new(card, "target", json_string(target));
  if (prof.given) json_object_set_new(card, "profile", json_string(prof.name));
  printf("Module card for %s%s%s\n", target, prof.given ? ", profile " : "", prof.given ? prof.name : "");
  uint32_t magic = 0, mac0 = 0, mac1 = 0, mac3 = 0, jedec = 0;
  st = esp_rom_read_reg(rom, 0x40001000, &magic);
  if (st == RIG_OK) st = esp_rom_read_reg(rom, 0x3ff00050, &mac0);
  if (st == RIG_OK) st = esp_rom_read_reg(rom, 0x3ff00054, &mac1);
  if (st == RIG_OK) st = esp_rom_read_reg(rom, 0x3ff0005c, &mac3);
  if (st == RIG_OK) st = esp_rom_flash_id(rom, &jedec);
  if (st == RIG_OK) {
    json_object_set_new(card, "chip", json_string(magic == ESP_ROM_CHIP_MAGIC ? "ESP8266" : "unknown"));
    if (magic == ESP_ROM_CHIP_MAGIC)
      item(&c, "chip", "pass", NULL, "ESP8266 (magic 0x%08x)", magic);
    else
      item(&c, "chip", "fail", "this tool knows the ESP8266 only", "chip magic 0x%08x is not an ESP8266's",
           magic);
    uint8_t oui[3] = {(uint8_t)(mac3 >> 16), (uint8_t)(mac3 >> 8), (uint8_t)mac3};
    if (!mac3) {
      static const uint8_t espressif[2][3] = {{0x18, 0xfe, 0x34}, {0xac, 0xd0, 0x74}};
      memcpy(oui, espressif[((mac1 >> 16) & 0xff) == 1], 3);
    }
    char mac[32];
    snprintf(mac, sizeof mac, "%02x:%02x:%02x:%02x:%02x:%02x", oui[0], oui[1], oui[2], (mac1 >> 8) & 0xff,
             mac1 & 0xff, mac0 >> 24);
    json_object_set_new(card, "mac", json_string(mac));
    if (prof.given && prof.mac[0] && strcmp(prof.mac, mac))
      item(&c, "mac", "warn", "a profile describes a module kind; its MAC is only an example",
           "%s (profile: %s)", mac, prof.mac);
    else
      item(&c, "mac", "pass", NULL, "%s", mac);
    st = flash_items(rom, &c, card, &prof, jedec);
  }
  if (st != RIG_OK) {
    item(&c, "link", "fail", "check the connection and power, then run again",
         "the ROM loader stopped answering: %s", esp_rom_errmsg(rom));
  } else {
    firmware_items(&b, &c, card);
  }
  json_object_set_new(card, "items", c.items);
  json_object_set_new(card, "result", json_string(c.failed ? "fail" : "pass"));
  printf("Result: %s (%d item%s failed)\n", c.failed ? "FAIL" : "PASS", c.failed, c.failed == 1 ? "" : "s");
  if (json_dump_file(card, json_path, JSON_INDENT(2) | JSON_SORT_KEYS) < 0)
    fprintf(stderr, "rig validate: cannot write %s\n", json_path);
#ifdef RIG_MODULE_CARD_SCHEMA
  json_t *schema = json_load_file(RIG_MODULE_CARD_SCHEMA, 0, NULL);
  if (schema) {
    buf_t errors;
    buf_init(&errors, 16384);
    if (schema_check(schema, card, &errors) != RIG_OK)
      fprintf(stderr, "rig validate: the card does not match its schema:\n%.*s", (int)errors.len,
              errors.data);
    buf_free(&errors);
    json_decref(schema);
  }
#endif
  json_decref(card);
  esp_rom_free(rom);
  flash_board_close(&b);
  return c.failed ? 1 : 0;
}

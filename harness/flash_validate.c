// SPDX-License-Identifier: MIT
// flash_validate.c: `rig validate`: the module card.
//
// Through the ROM loader: chip magic and MAC, the flash's JEDEC ID (maker,
// device, the size it claims), the size it really holds (a pattern written
// near the top of the claimed size is looked for where a smaller chip
// would alias it), a scratch write/read/erase check (saved and restored),
// the image header's size nibble and WiFi settings left in flash. Then
// the firmware's checks over its raw REPL (validate_firmware.c). Each item
// is pass, warn, fail or skip, and a failed one says what to do.
#include "esp_image.h"
#include "flash_board.h"
#include "flash_cmd.h"
#include "flash_rom.h"
#include "schema_check.h"
#include "validate_card.h"

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
              "contents are restored) and WiFi settings left in flash; then over the\n"
              "firmware's raw REPL: free heap after boot, the CPU frequency switch\n"
              "80 -> 160 -> 80 MHz, a file written, remounted (soft reboot) and read back,\n"
              "the reset causes after power-on, hard (EN), soft and WDT resets and a\n"
              "deep-sleep wake, power/reset cycles that must keep the file, WiFi\n"
              "association time and RSSI, and brown-outs seen in the ROM boot lines.\n"
              "\n"
              "options:\n"
              "  --target TARGET     as for rig flash (vboard targets get --profile too)\n"
              "  --profile P         module profile: a JSON file or a name in\n"
              "                      fixtures/profiles/ (e.g. esp01-1m, d1mini-4m)\n"
              "  --json FILE         the card (default module-card.json); schema:\n"
              "                      reports/module-card.schema.json\n"
              "  --baud-limit BAUD   vboard targets: started with this line rate\n"
              "  --vboard-arg ARG    one more vboard argument (repeatable)\n"
              "  --cycles N          power/reset cycles the file must survive (default 3)\n"
              "  --deepsleep-wired   GPIO16 is wired to RST: check the deep-sleep wake\n"
              "                      (implied by vboard's --wiring deepsleep-wake)\n"
              "  --wifi SSID         join SSID: association time and RSSI; the password is\n"
              "                      read from $RIG_WIFI_PASSWORD (empty: an open network)\n"
              "                      and never printed or written to the card\n"
              "\n"
              "exit status: 0 no item failed; 1 an item failed; 2 usage error, no board, or a\n"
              "card that could not be written or does not match its schema.\n");
}

void card_item(card_t *c, const char *name, const char *status, const char *advice, const char *fmt, ...) {
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
  fflush(stdout);
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
// WiFi settings left by an earlier firmware, in the last 24 KiB of the
// flash: Pyrite's station record in the first sector (port_esp8266/
// mod_net.c: "PWIF", the SSID at offset 8), then the SDK's RF calibration
// and init data (not settings: skipped), then its system parameters
// (station SSID and password among them) in the top 12 KiB. A fresh erase
// leaves them blank; anything else survives a plain flash and makes a
// "new" board join an old network. The password is never read out.
#define SETTINGS_BYTES 0x6000
#define SETTINGS_RF_FROM 0x1000 // RF calibration and init data: 0x1000..0x3000
#define SETTINGS_RF_TO 0x3000
static rig_status_t wifi_settings_item(esp_rom_t *rom, card_t *c, json_t *fl, uint32_t real) {
  static uint8_t area[SETTINGS_BYTES];
  uint32_t at = real - SETTINGS_BYTES;
  rig_status_t st = esp_rom_flash_read(rom, at, area, sizeof area);
  if (st != RIG_OK) return st;
  size_t used = 0;
  for (size_t i = 0; i < sizeof area; i++)
    if (i < SETTINGS_RF_FROM || i >= SETTINGS_RF_TO) used += area[i] != 0xff;
  json_object_set_new(fl, "settings_offset", json_integer(at));
  json_object_set_new(fl, "settings_bytes_used", json_integer((json_int_t)used));
  if (!used) {
    card_item(
        c, "wifi-settings", "pass", NULL,
        "no WiFi settings left in flash (0x%06x..0x%06x: the station and SDK parameter sectors are blank)",
        at, real - 1);
    return RIG_OK;
  }
  char ssid[40] = "";
  if (!memcmp(area, "PWIF", 4) && area[4] <= 32) {
    snprintf(ssid, sizeof ssid, "%.*s", area[4], (const char *)area + 8);
    for (char *p = ssid; *p; p++)
      if ((unsigned char)*p < 32 || (unsigned char)*p > 126) *p = '?';
    json_object_set_new(fl, "settings_ssid", json_string(ssid));
  }
  char what[80];
  if (ssid[0])
    snprintf(what, sizeof what, "station settings for SSID '%s'", ssid);
  else
    snprintf(what, sizeof what, "%zu non-blank bytes of SDK parameters", used);
  card_item(c, "wifi-settings", "warn", "clear them with rig flash --erase-all before qualifying the module",
            "%s left in flash at 0x%06x", what, at);
  return RIG_OK;
}

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
    card_item(c, "flash-id", "fail", "check the flash chip's wiring and power (GPIO6..11)",
              "JEDEC ID 0x%06x has no known size code", jedec);
    return RIG_OK;
  }
  if (prof->given && prof->jedec != jedec)
    card_item(c, "flash-id", "warn",
              "modules of one kind ship with several flash makers; update the profile if this is one",
              "JEDEC ID 0x%06x (%s, device 0x%04x), the profile says 0x%06x", jedec, esp_jedec_vendor(man),
              esp_jedec_device(jedec), prof->jedec);
  else
    card_item(c, "flash-id", "pass", NULL, "JEDEC ID 0x%06x: %s, device 0x%04x, claims %s", jedec,
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
    card_item(c, "flash-scratch", "pass", NULL, "wrote, read back and erased %u bytes at 0x%06x (restored)",
              SCRATCH_BYTES, scratch);
  else
    card_item(c, "flash-scratch", "fail",
              "the flash does not keep what is written: replace the module or its flash chip", "%s at 0x%06x",
              !wrote ? "the pattern written did not read back" : "the erased sectors did not read 0xFF",
              scratch);
  if (real < id_size) {
    snprintf(advice, sizeof advice, "flash is %s but the chip claims %s: flash with --flash-size %s",
             size_text(real, a, sizeof a), size_text(id_size, b, sizeof b),
             size_flag(real, text, sizeof text));
    card_item(c, "flash-size", "fail", advice,
              "the chip holds only %s (addresses wrap at %s) but its ID claims %s",
              size_text(real, a, sizeof a), size_text(real, a, sizeof a), size_text(id_size, b, sizeof b));
  } else {
    card_item(c, "flash-size", "pass", NULL, "the chip holds the %s its ID claims",
              size_text(real, a, sizeof a));
  }
  if (prof->given) {
    json_object_set_new(fl, "profile_size_bytes", json_integer(prof->flash_size));
    if (prof->flash_size != real) {
      snprintf(advice, sizeof advice, "flash is %s but the profile says %s: use --flash-size %s%s",
               size_text(real, a, sizeof a), size_text(prof->flash_size, b, sizeof b),
               size_flag(real, text, sizeof text),
               real < prof->flash_size ? " (or a profile for this module)" : "");
      card_item(c, "profile-size", "fail", advice, "profile %s says %s, the chip holds %s", prof->name,
                size_text(prof->flash_size, b, sizeof b), size_text(real, a, sizeof a));
    } else {
      card_item(c, "profile-size", "pass", NULL, "profile %s says %s, as measured", prof->name,
                size_text(real, a, sizeof a));
    }
  }
  st = wifi_settings_item(rom, c, fl, real);
  if (st != RIG_OK) return st;
  // The image at 0: its header's size nibble against the real size.
  uint8_t head[16];
  st = esp_rom_flash_read(rom, 0, head, sizeof head);
  if (st != RIG_OK) return st;
  if (head[0] != ESP_IMAGE_MAGIC) {
    card_item(c, "image-header", "skip", NULL, "no ESP8266 image at offset 0 (first byte 0x%02x)", head[0]);
  } else {
    uint32_t hs = esp_nibble_size(head[3] >> 4);
    json_object_set_new(fl, "header_size_bytes", json_integer(hs));
    if (hs != real) {
      snprintf(advice, sizeof advice, "reflash the image with --flash-size %s",
               size_flag(real, text, sizeof text));
      card_item(c, "image-header", "fail", advice,
                "the image header says %s (byte 3 = 0x%02x), the flash holds %s",
                hs ? size_text(hs, b, sizeof b) : "an unknown size", head[3], size_text(real, a, sizeof a));
    } else {
      card_item(c, "image-header", "pass", NULL, "the image header says %s (byte 3 = 0x%02x)",
                size_text(hs, b, sizeof b), head[3]);
    }
  }
  return RIG_OK;
}

// Joining the --wifi network saved it in flash, as the SDK does. A module
// that came without WiFi settings leaves without them: the two sectors
// holding the station record are erased through the ROM loader (an even
// sector count, which the ROM erases exactly), then the board boots again.
static void forget_wifi_settings(flash_board_t *b, esp_rom_t *rom, json_t *card, uint32_t at) {
  json_t *wifi = json_object_get(card, "wifi");
  if (!wifi || b->kind == FB_PLAIN) return;
  char err[512] = "";
  static uint8_t area[SETTINGS_BYTES], blank[SETTINGS_BYTES];
  memset(blank, 0xff, sizeof blank);
  rig_status_t st = flash_board_connect(b, rom, 3, err, sizeof err);
  if (st == RIG_OK) st = esp_rom_flash_begin(rom, at, 2 * 4096, 0, ESP_ROM_BLOCK);
  if (st == RIG_OK) st = esp_rom_flash_read(rom, at, area, sizeof area);
  int cleared = st == RIG_OK && !memcmp(area, blank, sizeof area);
  json_object_set_new(wifi, "settings_cleared", json_boolean(cleared));
  if (cleared)
    printf("  %-14s       (the settings joining saved are erased again)\n", "");
  else
    fprintf(stderr, "rig validate: could not erase the WiFi settings saved at 0x%06x: %s\n", at,
            err[0] ? err : esp_rom_errmsg(rom));
  flash_board_run_firmware(b, err, sizeof err);
}

int validate_cmd_main(int argc, char **argv) {
  rig_signals_install();
  const char *target = NULL, *json_path = "module-card.json", *profile_spec = NULL;
  char *vargs[TRANSPORT_ARGS_MAX];
  int nvargs = 0, baud = 0;
  validate_opts_t opts = {.cycles = 3};
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
      // A vboard wired for the wake pulse (fixtures/wiring/deepsleep-wake.json).
      if (nvargs >= 2 && !strcmp(vargs[nvargs - 2], "--wiring") &&
          strstr(vargs[nvargs - 1], "deepsleep-wake"))
        opts.deepsleep_wired = 1;
    } else if (!strcmp(argv[i], "--cycles") && v) {
      char *end;
      long n = strtol(argv[++i], &end, 10);
      if (*end || n < 0 || n > 1000) {
        fprintf(stderr, "rig validate: --cycles takes 0..1000\n");
        return 2;
      }
      opts.cycles = (int)n;
    } else if (!strcmp(argv[i], "--deepsleep-wired")) {
      opts.deepsleep_wired = 1;
    } else if (!strcmp(argv[i], "--wifi") && v) {
      opts.wifi_ssid = argv[++i];
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
      card_item(&c, "chip", "pass", NULL, "ESP8266 (magic 0x%08x)", magic);
    else
      card_item(&c, "chip", "fail", "this tool knows the ESP8266 only",
                "chip magic 0x%08x is not an ESP8266's", magic);
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
      card_item(&c, "mac", "warn", "a profile describes a module kind; its MAC is only an example",
                "%s (profile: %s)", mac, prof.mac);
    else
      card_item(&c, "mac", "pass", NULL, "%s", mac);
    st = flash_items(rom, &c, card, &prof, jedec);
  }
  if (st != RIG_OK) {
    // A reset under the loader with rst cause 1 is a power-on: the supply sagged.
    int cause = esp_rom_reset_cause(rom);
    opts.rom_brownouts = cause == 1;
    card_item(&c, "link", "fail",
              cause == 1 ? "the board browned out: power it from a supply that holds 3.3 V under load"
                         : "check the connection and power, then run again",
              "the ROM loader stopped answering: %s", esp_rom_errmsg(rom));
    if (cause == 1) {
      json_object_set_new(card, "brownouts", json_integer(1));
      card_item(&c, "brownout", "fail",
                "power the module from a supply that gives 500 mA at 3.3 V (not a weak USB port), "
                "with a bulk capacitor near the module",
                "a brown-out reset the board under the ROM loader (rst cause:1)");
    }
  } else {
    opts.wifi_password = getenv("RIG_WIFI_PASSWORD");
    json_t *fl = json_object_get(card, "flash");
    opts.real_flash = (uint32_t)json_integer_value(json_object_get(fl, "real_size_bytes"));
    validate_firmware_items(&b, &c, card, &opts);
    json_t *used = json_object_get(fl, "settings_bytes_used");
    if (opts.wifi_ssid && json_is_integer(used) && !json_integer_value(used))
      forget_wifi_settings(&b, rom, card,
                           (uint32_t)json_integer_value(json_object_get(fl, "settings_offset")));
  }
  json_object_set_new(card, "items", c.items);
  json_object_set_new(card, "result", json_string(c.failed ? "fail" : "pass"));
  printf("Result: %s (%d item%s failed)\n", c.failed ? "FAIL" : "PASS", c.failed, c.failed == 1 ? "" : "s");
  int unwritten = json_dump_file(card, json_path, JSON_INDENT(2) | JSON_SORT_KEYS) < 0;
  if (unwritten) fprintf(stderr, "rig validate: cannot write %s\n", json_path);
#ifdef RIG_MODULE_CARD_SCHEMA
  json_t *schema = json_load_file(RIG_MODULE_CARD_SCHEMA, 0, NULL);
  if (schema) {
    buf_t errors;
    buf_init(&errors, 16384);
    if (schema_check(schema, card, &errors) != RIG_OK) {
      fprintf(stderr, "rig validate: the card does not match its schema:\n%.*s", (int)errors.len,
              errors.data);
      unwritten = 1; // a rig bug: never let it pass for a good card
    }
    buf_free(&errors);
    json_decref(schema);
  }
#endif
  json_decref(card);
  esp_rom_free(rom);
  flash_board_close(&b);
  return unwritten ? 2 : c.failed ? 1 : 0;
}

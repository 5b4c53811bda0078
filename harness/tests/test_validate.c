// SPDX-License-Identifier: MIT
// rig validate's firmware checks end to end on vboard module profiles: a
// good 4 MB module with an image, GPIO16 wired to RST and WiFi passes every
// item; the 512 KB module says why it has no filesystem; a deep sleep on a
// board without the GPIO16 wire fails when the wire is claimed (negative
// control of the wake check) and is skipped when not; a brown-out injected
// during a flash write is named in the card; a wrong WiFi password fails
// and is never written out; the card's schema rejects a broken card.
// Every card is checked with `rig report --check --schema`.
//
// Usage: test_rig_validate RIG VBOARD
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#ifndef MODULE_CARD_SCHEMA
#define MODULE_CARD_SCHEMA "reports/module-card.schema.json"
#endif

#define LAB_PASSWORD "pyrite-lab-1" // fixtures/wifi/virtual.json: farm-lab

static const char *rig, *vboard;
static char dir[256];

static void setup_dir(void) {
  snprintf(dir, sizeof dir, "%s/rigval-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  unsetenv("RIG_WIFI_PASSWORD");
}

static void teardown_dir(void) {
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

// Runs rig with [args] in [dir], output in out.txt; returns its exit status.
static int run_rig(const char *args) {
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s > out.txt 2>&1", dir, rig, args);
  int st = system(cmd);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

// rig validate on vboard with [more] arguments; the card must match its schema.
static json_t *validate(const char *more, int want_rc) {
  char args[1024];
  snprintf(args, sizeof args, "validate --target vboard:%s --json card.json %s", vboard, more);
  int rc = run_rig(args);
  ck_assert_msg(rc == want_rc, "rig validate %s: exit %d, wanted %d", more, rc, want_rc);
  snprintf(args, sizeof args, "report --check card.json --schema '%s'", MODULE_CARD_SCHEMA);
  ck_assert_msg(run_rig(args) == 0, "the card does not match its schema");
  char path[512];
  snprintf(path, sizeof path, "%s/card.json", dir);
  json_t *card = json_load_file(path, 0, NULL);
  ck_assert_ptr_nonnull(card);
  return card;
}

static const char *str(json_t *j, const char *key) {
  const char *s = json_string_value(json_object_get(j, key));
  return s ? s : "";
}

static json_int_t num(json_t *j, const char *key) {
  ck_assert_msg(json_is_integer(json_object_get(j, key)), "no integer %s", key);
  return json_integer_value(json_object_get(j, key));
}

// The item [name]: its status; its detail and advice through the pointers.
static const char *item(json_t *card, const char *name, const char **detail, const char **advice) {
  size_t i;
  json_t *it;
  json_array_foreach(json_object_get(card, "items"), i, it) {
    if (!strcmp(str(it, "name"), name)) {
      if (detail) *detail = str(it, "detail");
      if (advice) *advice = str(it, "advice");
      return str(it, "status");
    }
  }
  ck_abort_msg("no item %s", name);
  return "";
}

// The reset_causes entry for [event].
static json_t *reset_entry(json_t *card, const char *event) {
  size_t i;
  json_t *e;
  json_array_foreach(json_object_get(card, "reset_causes"), i, e) {
    if (!strcmp(str(e, "event"), event)) return e;
  }
  ck_abort_msg("no reset_causes entry %s", event);
  return NULL;
}

static int file_has(const char *name, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "rb");
  ck_assert_ptr_nonnull(f);
  static char buf[1 << 16];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = '\0';
  return strstr(buf, text) != NULL;
}

// A valid v1 image: one 16-byte segment, 48 bytes in all.
static void write_image(const char *name) {
  static unsigned char img[4096];
  memset(img, 0, sizeof img);
  img[0] = 0xe9, img[1] = 1, img[2] = 0, img[3] = 0x00;
  img[12] = 16; // segment 0: 16 bytes at address 0
  unsigned char sum = 0xef;
  for (int i = 0; i < 16; i++)
    sum ^= img[16 + i] = (unsigned char)(i + 1);
  img[47] = sum;
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  fwrite(img, 1, 48, f);
  fclose(f);
}

START_TEST(good_4m_module_all_pass) {
  write_image("img.bin");
  char args[1024];
  snprintf(args, sizeof args,
           "flash --target vboard:%s --vboard-arg --flash --vboard-arg board.bin --json r.json img.bin",
           vboard);
  ck_assert_int_eq(run_rig(args), 0);
  setenv("RIG_WIFI_PASSWORD", LAB_PASSWORD, 1);
  json_t *card =
      validate("--profile d1mini-4m --vboard-arg --flash --vboard-arg board.bin --vboard-arg --wiring "
               "--vboard-arg deepsleep-wake --wifi farm-lab --cycles 4",
               0);
  ck_assert_str_eq(str(card, "result"), "pass");
  size_t i;
  json_t *it;
  json_array_foreach(json_object_get(card, "items"), i, it) {
    ck_assert_msg(!strcmp(str(it, "status"), "pass"), "%s: %s (%s)", str(it, "name"), str(it, "status"),
                  str(it, "detail"));
  }
  static const char *const names[] = {"cpu-freq",     "filesystem", "reset-cause", "deepsleep-wake",
                                      "power-cycles", "wifi",       "brownout"};
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
    item(card, names[k], NULL, NULL);
  json_t *f = json_object_get(card, "cpu_freq_mhz");
  ck_assert_int_eq(json_integer_value(json_array_get(f, 1)), 160);
  ck_assert_int_eq(json_integer_value(json_array_get(f, 2)), 80);
  static const struct {
    const char *event;
    int cause;
  } want[] = {{"hard-reset", 6}, {"power-on", 0}, {"soft-reset", 4}, {"wdt", 1}, {"deepsleep-wake", 5}};
  for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
    json_t *e = reset_entry(card, want[k].event);
    ck_assert_int_eq(num(e, "expected"), want[k].cause);
    ck_assert_int_eq(num(e, "seen"), want[k].cause);
  }
  json_t *cyc = json_object_get(card, "power_cycles");
  ck_assert_int_eq(num(cyc, "cycles"), 4);
  ck_assert_int_eq(num(cyc, "intact"), 4);
  ck_assert(json_is_true(json_object_get(cyc, "file_checked")));
  json_t *w = json_object_get(card, "wifi");
  ck_assert_int_eq(num(w, "rssi_dbm"), -48);
  ck_assert_int_ge(num(w, "associate_ms"), 250); // the access point takes 300 ms
  ck_assert_int_lt(num(w, "associate_ms"), 5000);
  ck_assert(json_is_true(json_object_get(w, "settings_cleared")));
  ck_assert_int_eq(num(card, "brownouts"), 0);
  ck_assert_int_ge(num(card, "boot_lines"), 6);
  char *text = json_dumps(card, 0);
  ck_assert_ptr_null(strstr(text, LAB_PASSWORD));
  free(text);
  ck_assert(!file_has("out.txt", LAB_PASSWORD));
  json_decref(card);
  // The module came without WiFi settings and leaves without them (the
  // leftover_wifi_settings test of test_flash.c shows they would be named).
  card = validate("--vboard-arg --flash --vboard-arg board.bin --cycles 0", 0);
  ck_assert_str_eq(item(card, "wifi-settings", NULL, NULL), "pass");
  ck_assert_str_eq(item(card, "power-cycles", NULL, NULL), "skip");
  json_decref(card);
}
END_TEST

START_TEST(module_512k_says_why_no_filesystem) {
  json_t *card = validate("--profile esp01-512k", 0);
  const char *detail = "", *advice = "";
  ck_assert_str_eq(item(card, "filesystem", &detail, &advice), "skip");
  ck_assert_ptr_nonnull(strstr(detail, "ENODEV"));
  ck_assert_ptr_nonnull(strstr(detail, "512 KB")); // the firmware's own reason
  ck_assert_ptr_nonnull(strstr(advice, "1 MB"));
  json_t *fs = json_object_get(card, "filesystem");
  ck_assert(json_is_false(json_object_get(fs, "mounted")));
  ck_assert_ptr_nonnull(strstr(str(fs, "reason"), "512 KB"));
  ck_assert(json_is_false(json_object_get(json_object_get(card, "power_cycles"), "file_checked")));
  ck_assert_str_eq(item(card, "reset-cause", NULL, NULL), "pass");
  json_decref(card);
}
END_TEST

START_TEST(deepsleep_wired_vs_not) {
  json_t *card = validate("--vboard-arg --wiring --vboard-arg deepsleep-wake", 0);
  ck_assert_str_eq(item(card, "deepsleep-wake", NULL, NULL), "pass");
  ck_assert_int_eq(num(reset_entry(card, "deepsleep-wake"), "seen"), 5);
  json_decref(card);
  // Negative control: the wire claimed on a board that has none.
  card = validate("--deepsleep-wired", 1);
  const char *detail = "", *advice = "";
  ck_assert_str_eq(item(card, "deepsleep-wake", &detail, &advice), "fail");
  ck_assert_ptr_nonnull(strstr(detail, "no wake"));
  ck_assert_ptr_nonnull(strstr(advice, "GPIO16"));
  json_t *e = reset_entry(card, "deepsleep-wake");
  ck_assert_str_eq(str(e, "status"), "fail");
  ck_assert(json_is_null(json_object_get(e, "seen")));
  // The board came back: the checks after it still ran.
  ck_assert_str_eq(item(card, "power-cycles", NULL, NULL), "pass");
  json_decref(card);
  // Not claimed, not wired: skipped with the reason.
  card = validate("", 0);
  ck_assert_str_eq(item(card, "deepsleep-wake", &detail, NULL), "skip");
  ck_assert_ptr_nonnull(strstr(detail, "GPIO16"));
  json_decref(card);
}
END_TEST

START_TEST(brownout_during_write_named) {
  // The firmware phase's file write is cut short: the ROM phase's scratch
  // writes and the firmware's writes before the file come first.
  json_t *card = validate("--vboard-arg --fault --vboard-arg brownout-after-writes=11", 1);
  const char *detail = "", *advice = "";
  ck_assert_str_eq(item(card, "brownout", &detail, &advice), "fail");
  ck_assert_int_ge(num(card, "brownouts"), 1);
  ck_assert_ptr_nonnull(strstr(detail, "brown-out"));
  ck_assert_ptr_nonnull(strstr(advice, "supply"));
  ck_assert_str_eq(str(card, "result"), "fail");
  // The write it cut short says so.
  ck_assert_str_eq(item(card, "filesystem", &detail, &advice), "fail");
  ck_assert_ptr_nonnull(strstr(detail, "brown-out"));
  ck_assert_ptr_nonnull(strstr(advice, "supply"));
  json_decref(card);
}
END_TEST

START_TEST(wifi_wrong_password) {
  setenv("RIG_WIFI_PASSWORD", "not-the-key-42", 1);
  json_t *card = validate("--wifi farm-lab", 1);
  const char *detail = "", *advice = "";
  ck_assert_str_eq(item(card, "wifi", &detail, &advice), "fail");
  ck_assert_ptr_nonnull(strstr(advice, "RIG_WIFI_PASSWORD"));
  ck_assert_int_eq(num(json_object_get(card, "wifi"), "status"), 2);
  char *text = json_dumps(card, 0);
  ck_assert_ptr_null(strstr(text, "not-the-key-42"));
  free(text);
  ck_assert(!file_has("out.txt", "not-the-key-42"));
  json_decref(card);
  // Not asked for: skipped with what to give.
  card = validate("", 0);
  ck_assert_str_eq(item(card, "wifi", NULL, &advice), "skip");
  ck_assert_ptr_nonnull(strstr(advice, "--wifi"));
  json_decref(card);
}
END_TEST

// The schema's own negative control: a card with an unknown item name or a
// reset entry without its expected cause is refused.
START_TEST(schema_rejects_broken_cards) {
  json_t *card = validate("--cycles 1", 0);
  json_t *bad = json_deep_copy(card);
  json_object_set_new(json_array_get(json_object_get(bad, "items"), 0), "name", json_string("flux"));
  char path[512], args[1024];
  snprintf(path, sizeof path, "%s/bad.json", dir);
  ck_assert_int_eq(json_dump_file(bad, path, 0), 0);
  snprintf(args, sizeof args, "report --check bad.json --schema '%s'", MODULE_CARD_SCHEMA);
  ck_assert_int_ne(run_rig(args), 0);
  json_decref(bad);
  bad = json_deep_copy(card);
  json_object_del(json_array_get(json_object_get(bad, "reset_causes"), 1), "expected");
  ck_assert_int_eq(json_dump_file(bad, path, 0), 0);
  ck_assert_int_ne(run_rig(args), 0);
  ck_assert(file_has("out.txt", "expected"));
  json_decref(bad);
  json_decref(card);
}
END_TEST

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: test_rig_validate RIG VBOARD\n");
    return 2;
  }
  rig = argv[1];
  vboard = argv[2];
  Suite *s = suite_create("validate");
  TCase *tc = tcase_create("vboard");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup_dir, teardown_dir);
  tcase_add_test(tc, good_4m_module_all_pass);
  tcase_add_test(tc, module_512k_says_why_no_filesystem);
  tcase_add_test(tc, deepsleep_wired_vs_not);
  tcase_add_test(tc, brownout_during_write_named);
  tcase_add_test(tc, wifi_wrong_password);
  tcase_add_test(tc, schema_rejects_broken_cards);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

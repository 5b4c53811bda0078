// SPDX-License-Identifier: MIT
// rig flash and rig validate end to end against vboard's ROM loader:
// flash + verify + read back (the flash file) + boot; a lost packet
// recovered; a reset and a brown-out during FLASH_DATA reported as such and
// never as good; an undersized flash named in the module card; the same
// over an RFC 2217 console with DTR/RTS auto-reset; WiFi settings left in
// flash by the firmware named in the module card and gone after a flash
// with --erase-all.
//
// Usage: test_rig_flash RIG VBOARD
#include <check.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *rig, *vboard;
static char dir[256];

static void setup_dir(void) {
  snprintf(dir, sizeof dir, "%s/rigflash-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown_dir(void) {
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

// A valid v1 image (2 segments) followed by pseudo-random bytes: [len] in all.
static void write_image(const char *name, size_t len) {
  unsigned char *img = malloc(len);
  uint32_t seed = 12345;
  for (size_t i = 0; i < len; i++) {
    seed = seed * 1103515245u + 12345u;
    img[i] = (unsigned char)(seed >> 16);
  }
  memset(img, 0, 48);
  img[0] = 0xe9, img[1] = 2, img[2] = 0, img[3] = 0x00; // says 512K, 40 MHz
  unsigned char sum = 0xef;
  size_t at = 8;
  for (int s = 0; s < 2; s++) {
    img[at + 4] = 8;
    at += 8;
    for (int i = 0; i < 8; i++)
      sum ^= img[at + i] = (unsigned char)(i + 16 * s + 1);
    at += 8;
  }
  img[at | 15] = sum;
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  fwrite(img, 1, len, f);
  fclose(f);
  free(img);
}

// Runs rig with [args] in [dir]; returns its exit status.
static int run_rig(const char *args) {
  char cmd[2048];
  snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s > out.txt 2>&1", dir, rig, args);
  int st = system(cmd);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static json_t *load(const char *name) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  json_t *j = json_load_file(path, 0, NULL);
  ck_assert_msg(j != NULL, "no %s", name);
  return j;
}

static const char *str(json_t *j, const char *key) {
  const char *s = json_string_value(json_object_get(j, key));
  return s ? s : "";
}

START_TEST(flash_verify_read_back_boot) {
  write_image("img.bin", 40000);
  char args[1024];
  snprintf(args, sizeof args,
           "flash --target vboard:%s --vboard-arg --flash --vboard-arg board.bin --verify full --json r.json "
           "img.bin",
           vboard);
  ck_assert_int_eq(run_rig(args), 0);
  json_t *r = load("r.json");
  ck_assert_str_eq(str(r, "status"), "ok");
  ck_assert(json_is_true(json_object_get(r, "booted")));
  ck_assert_int_eq(json_integer_value(json_object_get(r, "verified_bytes")), 40000);
  json_decref(r);
  // Read back: the flash file holds the image, header byte 3 set to 4 MB.
  char a[512], b[512];
  snprintf(a, sizeof a, "%s/img.bin", dir);
  snprintf(b, sizeof b, "%s/board.bin", dir);
  FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
  static unsigned char ia[40000], ib[40000];
  ck_assert_uint_eq(fread(ia, 1, sizeof ia, fa), sizeof ia);
  ck_assert_uint_eq(fread(ib, 1, sizeof ib, fb), sizeof ib);
  fclose(fa);
  fclose(fb);
  ck_assert_uint_eq(ib[3], 0x40);
  ib[3] = ia[3];
  ck_assert_mem_eq(ia, ib, sizeof ia);
  // The module card agrees: header and flash are both 4 MB.
  snprintf(args, sizeof args,
           "validate --target vboard:%s --vboard-arg --flash --vboard-arg board.bin --json card.json",
           vboard);
  ck_assert_int_eq(run_rig(args), 0);
  json_t *card = load("card.json");
  ck_assert_str_eq(str(card, "result"), "pass");
  ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(card, "flash"), "header_size_bytes")),
                   4 << 20);
  json_decref(card);
}
END_TEST

START_TEST(corrupt_image_rejected) {
  write_image("img.bin", 4096);
  char path[512];
  snprintf(path, sizeof path, "%s/img.bin", dir);
  FILE *f = fopen(path, "r+b");
  fseek(f, 20, SEEK_SET);
  fputc(0x77, f); // inside segment 1: the checksum byte no longer matches
  fclose(f);
  char args[1024];
  snprintf(args, sizeof args, "flash --target vboard:%s --json r.json img.bin", vboard);
  ck_assert_int_eq(run_rig(args), 2);
  json_t *r = load("r.json");
  ck_assert_str_eq(str(r, "status"), "bad-image");
  json_decref(r);
}
END_TEST

START_TEST(lost_packets_recovered) {
  write_image("img.bin", 20000);
  char args[1024];
  snprintf(args, sizeof args,
           "flash --target vboard:%s --vboard-arg --fault --vboard-arg drop=0.0003 --verify full --json "
           "r.json img.bin",
           vboard);
  ck_assert_int_eq(run_rig(args), 0);
  json_t *r = load("r.json");
  ck_assert_str_eq(str(r, "status"), "ok");
  ck_assert_int_gt(json_integer_value(json_object_get(r, "retries")), 0);
  json_decref(r);
}
END_TEST

static void expect_reset(const char *fault, const char *cause) {
  write_image("img.bin", 100000);
  char args[1024];
  snprintf(args, sizeof args,
           "flash --target vboard:%s --vboard-arg --fault --vboard-arg %s --json r.json img.bin", vboard,
           fault);
  ck_assert_int_eq(run_rig(args), 1);
  json_t *r = load("r.json");
  ck_assert_str_eq(str(r, "status"), "reset");
  ck_assert_ptr_nonnull(strstr(str(r, "error"), "reset during the flash"));
  ck_assert_ptr_nonnull(strstr(str(r, "error"), cause));
  ck_assert_ptr_null(json_object_get(r, "booted"));
  json_decref(r);
}

START_TEST(reset_during_flash_data) {
  expect_reset("reset-after=30000", "rst cause:2");
}
END_TEST

START_TEST(brownout_during_flash_data) {
  expect_reset("brownout-after-writes=20", "rst cause:1");
}
END_TEST

START_TEST(undersized_flash_in_module_card) {
  char args[1024];
  snprintf(args, sizeof args, "validate --target vboard:%s --profile fake-4m-really-1m --json card.json",
           vboard);
  ck_assert_int_eq(run_rig(args), 1);
  json_t *card = load("card.json");
  ck_assert_str_eq(str(card, "result"), "fail");
  json_t *fl = json_object_get(card, "flash");
  ck_assert_int_eq(json_integer_value(json_object_get(fl, "real_size_bytes")), 1 << 20);
  ck_assert_int_eq(json_integer_value(json_object_get(fl, "id_size_bytes")), 4 << 20);
  int named = 0;
  size_t i;
  json_t *it;
  json_array_foreach(json_object_get(card, "items"), i, it) {
    if (!strcmp(str(it, "name"), "profile-size")) {
      ck_assert_str_eq(str(it, "status"), "fail");
      ck_assert_ptr_nonnull(
          strstr(str(it, "advice"), "flash is 1 MB but the profile says 4 MB: use --flash-size 1M"));
      named = 1;
    }
  }
  ck_assert(named);
  json_decref(card);
}
END_TEST

static const char *item_status(json_t *card, const char *name, const char **detail) {
  size_t i;
  json_t *it;
  json_array_foreach(json_object_get(card, "items"), i, it) {
    if (!strcmp(str(it, "name"), name)) {
      if (detail) *detail = str(it, "detail");
      return str(it, "status");
    }
  }
  return "";
}

START_TEST(leftover_wifi_settings) {
  // The firmware saves the station settings in flash when it connects.
  char path[512], cmd[1400];
  snprintf(path, sizeof path, "%s/join.py", dir);
  FILE *f = fopen(path, "w");
  fputs("import _net\n_net.connect('farm-lab', 'pyrite-lab-1')\nprint(_net.settings()[0])\n", f);
  fclose(f);
  snprintf(cmd, sizeof cmd, "cd '%s' && '%s' run --flash board.bin join.py > join.txt 2>&1", dir, vboard);
  ck_assert_int_eq(system(cmd), 0);
  char args[1024];
  snprintf(args, sizeof args,
           "validate --target vboard:%s --vboard-arg --flash --vboard-arg board.bin --json card.json",
           vboard);
  run_rig(args);
  json_t *card = load("card.json");
  const char *detail = "";
  ck_assert_str_eq(item_status(card, "wifi-settings", &detail), "warn");
  ck_assert_ptr_nonnull(strstr(detail, "SSID 'farm-lab'"));
  ck_assert_str_eq(str(json_object_get(card, "flash"), "settings_ssid"), "farm-lab");
  char *text = json_dumps(card, 0);
  ck_assert_ptr_null(strstr(text, "pyrite-lab-1")); // never the password
  free(text);
  json_decref(card);
  // A flash with --erase-all clears them.
  write_image("img.bin", 8192);
  snprintf(args, sizeof args,
           "flash --target vboard:%s --vboard-arg --flash --vboard-arg board.bin --erase-all --json r.json "
           "img.bin",
           vboard);
  ck_assert_int_eq(run_rig(args), 0);
  snprintf(args, sizeof args,
           "validate --target vboard:%s --vboard-arg --flash --vboard-arg board.bin --json card.json",
           vboard);
  run_rig(args);
  card = load("card.json");
  ck_assert_str_eq(item_status(card, "wifi-settings", NULL), "pass");
  json_decref(card);
}
END_TEST

START_TEST(rfc2217_auto_reset) {
  int out[2];
  ck_assert_int_eq(pipe(out), 0);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    close(out[0]);
    execl(vboard, "vboard", "--port", "0", "--rfc2217", (char *)NULL);
    _exit(127);
  }
  close(out[1]);
  char line[128] = {0};
  for (size_t n = 0; n + 1 < sizeof line && read(out[0], line + n, 1) == 1 && line[n] != '\n'; n++) {
  }
  int port = 0;
  ck_assert_int_eq(sscanf(line, "vboard: console on 127.0.0.1:%d", &port), 1);
  write_image("img.bin", 20000);
  char args[1024];
  snprintf(args, sizeof args, "flash --target rfc2217://127.0.0.1:%d --json r.json img.bin", port);
  int rc = run_rig(args);
  kill(pid, SIGTERM);
  waitpid(pid, NULL, 0);
  close(out[0]);
  ck_assert_int_eq(rc, 0);
  json_t *r = load("r.json");
  ck_assert_str_eq(str(r, "status"), "ok");
  ck_assert(json_is_true(json_object_get(r, "booted")));
  json_decref(r);
}
END_TEST

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: test_rig_flash RIG VBOARD\n");
    return 2;
  }
  rig = argv[1];
  vboard = argv[2];
  Suite *s = suite_create("flash");
  TCase *tc = tcase_create("vboard");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, setup_dir, teardown_dir);
  tcase_add_test(tc, flash_verify_read_back_boot);
  tcase_add_test(tc, corrupt_image_rejected);
  tcase_add_test(tc, lost_packets_recovered);
  tcase_add_test(tc, reset_during_flash_data);
  tcase_add_test(tc, brownout_during_flash_data);
  tcase_add_test(tc, undersized_flash_in_module_card);
  tcase_add_test(tc, rfc2217_auto_reset);
  tcase_add_test(tc, leftover_wifi_settings);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

// SPDX-License-Identifier: MIT
// test_farm_vboard.c: `rig farm run` and `rig nightly` end to end on a
// virtual farm of real vboards, five at once, four of them with faults
// injected through vboard's --fault: one hangs mid-test, one resets
// mid-test, one drops console bytes, one never answers. Every board must
// finish, each result must carry the right verdict (the healthy board all
// pass; the hang a timeout, recovered; the reset a crash with its ROM
// cause; the lossy link never a product failure; the mute board infra and
// lost), nothing measured may be missing, the slow boards may not hold up
// the healthy one, and a second nightly run must triage against the first.
//
// usage: test_rig_farm_vboard RIG VBOARD
#include "support.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *rig, *vboard;
static char root[64], conf[128], runs[128], farmfile[128];
#define NTESTS 8

static void setup(void) {
  support_scratch_dir(root, sizeof root, "farm-e2e");
  support_make_dirs(conf, sizeof conf, root, "conformance/e2e");
  snprintf(runs, sizeof runs, "%s/runs", root);
  // Each test takes a little time, so that a hang or reset lands inside one.
  for (int i = 0; i < NTESTS; i++) {
    char name[32], src[256], exp[64];
    snprintf(name, sizeof name, "t%d.py", i);
    snprintf(src, sizeof src,
             "total = 0\nfor k in range(2000):\n    total += k * %d\nprint('test %d', total)\n"
             "print([x * x for x in range(10)])\n",
             i, i);
    long total = 0;
    for (int k = 0; k < 2000; k++)
      total += (long)k * i;
    snprintf(exp, sizeof exp, "test %d %ld\n[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]\n", i, total);
    support_put_test(conf, name, src, exp);
  }
  snprintf(farmfile, sizeof farmfile, "%s/farm.json", root);
  FILE *f = fopen(farmfile, "w");
  fprintf(f,
          "{\n  \"farm\": \"e2e\",\n  \"suite\": [\"conformance/e2e\"],\n"
          "  \"defaults\": {\"timeout\": 4, \"inactivity\": 2, \"lost_after\": 3, \"enter_timeout\": 1},\n"
          "  \"wifi\": {\"ssid\": \"lab\", \"password\": \"s3cret-wifi-pw\"},\n"
          "  \"boards\": [\n"
          "    {\"name\": \"ok\", \"connect\": \"vboard:%s\", \"module\": \"d1mini-4m\", \"wiring\": "
          "[\"i2c-eeprom\"]},\n"
          "    {\"name\": \"hang\", \"connect\": \"vboard:%s\", \"module\": \"esp01-1m\",\n"
          "     \"vboard_args\": [\"--fault\", \"hang-after=700\"]},\n"
          "    {\"name\": \"reset\", \"connect\": \"vboard:%s\", \"module\": \"esp01-512k\",\n"
          "     \"vboard_args\": [\"--fault\", \"reset-after=700\"]},\n"
          "    {\"name\": \"lossy\", \"connect\": \"vboard:%s\", \"module\": \"nodemcu-4m\",\n"
          "     \"vboard_args\": [\"--fault\", \"drop=0.01\"]},\n"
          "    {\"name\": \"mute\", \"connect\": \"vboard:%s\", \"module\": \"generic\",\n"
          "     \"vboard_args\": [\"--fault\", \"mute\"]}\n"
          "  ]\n}\n",
          vboard, vboard, vboard, vboard, vboard);
  fclose(f);
}

static void teardown(void) {
  support_remove_tree(root);
}

// Runs rig with [args] in [root]; output in root/out.txt; exit status (it
// must not die by a signal).
static int run_rig(const char *const *args) {
  char log[160];
  snprintf(log, sizeof log, "%s/out.txt", root);
  int code = support_run(rig, args, root, log);
  ck_assert_msg(code >= 0, "rig died by signal %d", -code);
  return code;
}

static int count(json_t *doc, const char *board, const char *outcome) {
  return support_count(doc, board, outcome);
}

static json_t *health(json_t *doc, const char *board) {
  size_t i;
  json_t *b;
  json_array_foreach(json_object_get(doc, "boards"), i,
                     b) if (!strcmp(json_string_value(json_object_get(b, "name")),
                                    board)) return json_object_get(b, "health");
  ck_abort_msg("no board %s", board);
  return NULL;
}

START_TEST(faulty_farm) {
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  const char *args[] = {"nightly", "--farm", farmfile, "--report-dir", runs, NULL};
  int code = run_rig(args);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  char out[200];
  snprintf(out, sizeof out, "%s/out.txt", root);
  const char *log = support_slurp(out);
  printf("%s", log);
  fflush(stdout);
  // Product failures: the hang is a timeout and the reset a crash.
  ck_assert_msg(code == 1, "exit %d", code);
  char path[200];
  snprintf(path, sizeof path, "%s/latest/report.json", runs);
  json_error_t je;
  json_t *doc = json_load_file(path, 0, &je);
  ck_assert_msg(doc != NULL, "%s", je.text);
  ck_assert_str_eq(json_string_value(json_object_get(doc, "status")), "complete");
  // Nothing measured is lost: a result per board and test.
  ck_assert_uint_eq(json_array_size(json_object_get(doc, "tests")), 5 * NTESTS);
  ck_assert_int_eq(count(doc, "ok", "pass"), NTESTS);
  ck_assert_str_eq(json_string_value(json_object_get(health(doc, "ok"), "state")), "done");
  // The hang: a timeout, then a reset through the control socket, and on.
  ck_assert_int_ge(count(doc, "hang", "timeout"), 1);
  ck_assert_int_eq(count(doc, "hang", "fail") + count(doc, "hang", "crash"), 0);
  ck_assert_int_ge(json_integer_value(json_object_get(health(doc, "hang"), "hard_resets")) +
                       json_integer_value(json_object_get(health(doc, "hang"), "power_cycles")),
                   1);
  ck_assert_int_ge(count(doc, "hang", "pass"), 1);
  // One transcript per board runs on across resets: the rig's note of the
  // rung it climbed, then the board's output again after it.
  char tpath[200];
  size_t tlen;
  snprintf(tpath, sizeof tpath, "%s/latest/transcript-hang.log", runs);
  const char *th = support_slurp_bytes(tpath, &tlen);
  const char *rung = memmem(th, tlen, "[rig: hard reset", 16);
  if (!rung) rung = memmem(th, tlen, "[rig: power cycle", 17);
  ck_assert_msg(rung != NULL, "no reset noted in the hang board's transcript");
  const char *output = "[0, 1, 4, 9, 16";
  ck_assert_msg(memmem(rung, tlen - (size_t)(rung - th), output, strlen(output)) != NULL,
                "no test output after the reset in the transcript");
  snprintf(tpath, sizeof tpath, "%s/latest/transcript-reset.log", runs);
  th = support_slurp_bytes(tpath, &tlen);
  ck_assert_ptr_nonnull(memmem(th, tlen, "rst cause:", 10));
  // The reset: a crash with the ROM's cause recorded.
  ck_assert_int_ge(count(doc, "reset", "crash"), 1);
  ck_assert_int_eq(count(doc, "reset", "fail") + count(doc, "reset", "timeout"), 0);
  size_t i;
  json_t *t;
  int with_cause = 0;
  json_array_foreach(json_object_get(doc, "tests"), i, t) {
    json_t *c = json_object_get(t, "crash");
    if (c && json_is_integer(json_object_get(c, "rst_cause"))) with_cause++;
  }
  ck_assert_int_ge(with_cause, 1);
  // The lossy link: never a product failure.
  ck_assert_int_eq(
      count(doc, "lossy", "fail") + count(doc, "lossy", "timeout") + count(doc, "lossy", "crash"), 0);
  ck_assert_int_eq(count(doc, "lossy", "pass") + count(doc, "lossy", "infra"), NTESTS);
  // The mute board: infra, given up, quickly.
  ck_assert_int_eq(count(doc, "mute", "infra"), NTESTS);
  const char *ms = json_string_value(json_object_get(health(doc, "mute"), "state"));
  ck_assert_msg(!strcmp(ms, "lost") || !strcmp(ms, "unreachable"), "mute board state %s", ms);
  double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  ck_assert_msg(secs < 90, "the farm run took %.1f s", secs);
  log = support_slurp(out); // the transcripts were read into the same buffer since
  ck_assert_ptr_null(strstr(log, "s3cret-wifi-pw"));
  ck_assert_ptr_nonnull(strstr(log, "triage:"));
  // Exports beside the report, and no secret from the farm file anywhere.
  static const char *const files[] = {"report.json", "junit.xml", "report.html"};
  for (int k = 0; k < 3; k++) {
    snprintf(path, sizeof path, "%s/latest/%s", runs, files[k]);
    ck_assert_ptr_null(strstr(support_slurp(path), "s3cret-wifi-pw"));
  }
  // The report validates.
  snprintf(path, sizeof path, "%s/latest/report.json", runs);
  const char *check[] = {"report", "--check", path, NULL};
  ck_assert_int_eq(run_rig(check), 0);
  const char *junit[] = {"report", "--junit", path, "-o", "j.xml", NULL};
  ck_assert_int_eq(run_rig(junit), 0);
  const char *html[] = {"report", "--html", path, "-o", "r.html", NULL};
  ck_assert_int_eq(run_rig(html), 0);
  // rig farm check: the good file, then a broken one (line and field named).
  const char *fc[] = {"farm", "check", farmfile, NULL};
  ck_assert_int_eq(run_rig(fc), 0);
  char bad[160];
  snprintf(bad, sizeof bad, "%s/bad.json", root);
  FILE *bf = fopen(bad, "w");
  fputs("{\n  \"boards\": [\n    {\"name\": \"x\", \"connect\": \"vboard\",\n     \"module\": \"esp99\"}\n  "
        "]\n}\n",
        bf);
  fclose(bf);
  const char *fb[] = {"farm", "check", bad, NULL};
  ck_assert_int_eq(run_rig(fb), 1);
  ck_assert_ptr_nonnull(strstr(support_slurp(out), "bad.json:4: boards[0].module: 'esp99'"));
  json_decref(doc);

  // A second night with only the healthy board: triage against the first.
  const char *again[] = {"nightly", "--farm", farmfile, "--report-dir", runs, "--filter", "t1", NULL};
  code = run_rig(again);
  log = support_slurp(out);
  ck_assert_msg(strstr(log, "triage: 2") != NULL && strstr(log, " -> "), "no triage against the first run");
  // rig triage --history agrees on the classes it prints.
  const char *hist[] = {"triage", "--history", runs, NULL};
  int tcode = run_rig(hist);
  log = support_slurp(out);
  ck_assert_msg(strstr(log, "NEW FAILURES") && strstr(log, "INFRA PROBLEMS"),
                "rig triage --history printed no classes");
  ck_assert_int_ne(tcode, 2);
}
END_TEST

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: test_rig_farm_vboard RIG VBOARD\n");
    return 2;
  }
  rig = argv[1];
  vboard = argv[2];
  Suite *s = suite_create("rig_farm_vboard");
  TCase *tc = tcase_create("e2e");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 240);
  tcase_add_test(tc, faulty_farm);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

// SPDX-License-Identifier: MIT
// bench_rig.c: the rig's two measured figures on a real vboard, each the
// median of three runs, printed and held against the targets:
//
//   per-test overhead: what one trivial test costs on `rig run --target
//     vboard` (soft reset, raw-paste upload, output, compare, report
//     rewrite): (time of 101 tests - time of 1 test) / 100, so that the
//     vboard start and the raw REPL entry are left out. Target: < 30 ms.
//   upload rate: with vboard's --baud-limit 115200 (8N1: 11520 bytes/s), a
//     16 KiB test and a one-line test that print the same; the extra bytes
//     over the extra time against the line rate. Target: >= 90 %.
//
// Not a unit test (wall time swings with the machine's load): built as
// rig_bench and run by hand, see harness/README.md.
//
// usage: rig_bench RIG VBOARD
#include "support.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TRIVIAL_TESTS 100
#define RUNS 3
#define BAUD 115200
#define OVERHEAD_TARGET_MS 30.0
#define UPLOAD_TARGET_PCT 90.0

static const char *rig, *vboard;
static char root[64], trivial[128], upload[128], runs[128], logfile[160];

static void setup(void) {
  support_scratch_dir(root, sizeof root, "bench");
  support_make_dirs(trivial, sizeof trivial, root, "conformance/trivial");
  support_make_dirs(upload, sizeof upload, root, "conformance/upload");
  snprintf(runs, sizeof runs, "%s/runs", root);
  snprintf(logfile, sizeof logfile, "%s/out.txt", root);
  // t000.py runs alone; t000..t100 all together.
  for (int i = 0; i <= TRIVIAL_TESTS; i++) {
    char name[32], src[32], exp[32];
    snprintf(name, sizeof name, "t%03d.py", i);
    snprintf(src, sizeof src, "print(%d)\n", i);
    snprintf(exp, sizeof exp, "%d\n", i);
    support_put_test(trivial, name, src, exp);
  }
  // Comment lines cost the board almost nothing to compile: the time is
  // the line's.
  static char big[20000];
  size_t n = 0;
  for (int i = 0; i < 256; i++)
    n += (size_t)snprintf(big + n, sizeof big - n, "# %03d %s\n", i,
                          "upload filler: the line rate is what this test measures");
  snprintf(big + n, sizeof big - n, "print('ok')\n");
  support_put_test(upload, "big.py", big, "ok\n");
  support_put_test(upload, "small.py", "print('ok')\n", "ok\n");
}

static void teardown(void) {
  support_remove_tree(root);
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, by_value);
  return v[n / 2];
}

// Wall time of `rig run --target vboard:VBOARD [extra] PATH` in ms; the run
// must pass.
static double timed_run(const char *path, const char *const *extra) {
  char target[600];
  snprintf(target, sizeof target, "vboard:%s", vboard);
  const char *args[16] = {"run", "--target", target, "--report-dir", runs};
  int n = 5;
  while (extra && *extra && n < 14)
    args[n++] = *extra++;
  args[n++] = path;
  args[n] = NULL;
  double t0 = now_ms();
  int code = support_run(rig, args, NULL, logfile);
  double took = now_ms() - t0;
  ck_assert_msg(code == 0, "rig run %s: exit %d\n%s", path, code, support_slurp(logfile));
  return took;
}

static long duration_of(json_t *doc, const char *id) {
  return (long)json_integer_value(json_object_get(support_test_by_id(doc, id), "duration_ms"));
}

START_TEST(per_test_overhead) {
  char one[200];
  snprintf(one, sizeof one, "%s/t000.py", trivial);
  double per_test[RUNS];
  for (int k = 0; k < RUNS; k++) {
    double alone = timed_run(one, NULL);
    double all = timed_run(trivial, NULL);
    per_test[k] = (all - alone) / TRIVIAL_TESTS;
  }
  double ms = median(per_test, RUNS);
  printf(
      "rig bench: per-test overhead on vboard: %.1f ms (median of %d; %d trivial tests; target < %.0f ms)\n",
      ms, RUNS, TRIVIAL_TESTS, OVERHEAD_TARGET_MS);
  fflush(stdout);
  ck_assert_msg(ms < OVERHEAD_TARGET_MS, "per-test overhead %.1f ms", ms);
}
END_TEST

START_TEST(upload_rate) {
  char big[200], small[200], path[200];
  snprintf(big, sizeof big, "%s/big.py", upload);
  snprintf(small, sizeof small, "%s/small.py", upload);
  long extra_bytes = (long)strlen(support_slurp(big)) - (long)strlen(support_slurp(small));
  static const char *const limit[] = {"--vboard-arg", "--baud-limit", "--vboard-arg", "115200", NULL};
  double rate[RUNS];
  for (int k = 0; k < RUNS; k++) {
    timed_run(upload, limit);
    snprintf(path, sizeof path, "%s/latest/report.json", runs);
    json_t *doc = support_load_json(path);
    long ms = duration_of(doc, "upload/big.py") - duration_of(doc, "upload/small.py");
    json_decref(doc);
    ck_assert_int_gt(ms, 0);
    rate[k] = (double)extra_bytes * 1000.0 / (double)ms;
  }
  double bps = median(rate, RUNS), line = BAUD / 10.0, pct = 100.0 * bps / line;
  printf("rig bench: upload at --baud-limit %d: %ld bytes at %.0f bytes/s, %.1f%% of the line rate "
         "(%.0f bytes/s; median of %d; target >= %.0f%%)\n",
         BAUD, extra_bytes, bps, pct, line, RUNS, UPLOAD_TARGET_PCT);
  fflush(stdout);
  ck_assert_msg(pct >= UPLOAD_TARGET_PCT, "upload at %.1f%% of the line rate", pct);
}
END_TEST

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: rig_bench RIG VBOARD\n");
    return 2;
  }
  rig = argv[1];
  vboard = argv[2];
  Suite *s = suite_create("rig_bench");
  TCase *tc = tcase_create("bench");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, per_test_overhead);
  tcase_add_test(tc, upload_rate);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

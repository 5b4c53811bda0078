// SPDX-License-Identifier: MIT
// test_report.c: the report file: layout (run dir, latest link, run-id
// collisions), validation against reports/report.schema.json with the
// rig's own validator, negative cases the validator must reject, and a
// writer killed mid-run leaving valid JSON with every result so far.
#include "report.h"
#include "schema_check.h"

#include <check.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[64];
static json_t *schema;

static void setup(void) {
  snprintf(dir, sizeof dir, "/tmp/rig-report-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  json_error_t je;
  schema = json_load_file(RIG_TEST_SCHEMA, 0, &je);
  ck_assert_msg(schema != NULL, "schema: %s", je.text);
}

static void teardown(void) {
  json_decref(schema);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

static json_t *load(const char *path) {
  json_error_t je;
  json_t *j = json_load_file(path, 0, &je);
  ck_assert_msg(j != NULL, "%s: %s", path, je.text);
  return j;
}

static void assert_valid(json_t *doc) {
  buf_t errors;
  buf_init(&errors, 1 << 16);
  rig_status_t st = schema_check(schema, doc, &errors);
  ck_assert_msg(st == RIG_OK, "schema errors:\n%s", buf_str(&errors));
  buf_free(&errors);
}

static rig_status_t check_doc(json_t *doc, buf_t *errors) {
  return schema_check(schema, doc, errors);
}

static void add_samples(report_t *rep) {
  report_test_t pass = {.id = "lang/a.py", .outcome = OUTCOME_PASS, .duration_ms = 12};
  report_test_t fail = {.id = "lang/b.py",
                        .outcome = OUTCOME_FAIL,
                        .duration_ms = 7,
                        .reason = "output differs from the .exp",
                        .expected = "3\n",
                        .expected_len = 2,
                        .actual = "2\n\xff",
                        .actual_len = 3,
                        .diff = "--- expected\n+++ actual\n",
                        .diff_len = 24,
                        .stderr_text = "Traceback\n",
                        .stderr_len = 10};
  report_test_t crash = {.id = "lang/c.py",
                         .outcome = OUTCOME_CRASH,
                         .duration_ms = 3,
                         .reason = "the board rebooted",
                         .console_tail = "rst cause:4\r\n\x04",
                         .console_tail_len = 14};
  report_test_t skip = {.id = "lang/d.py", .outcome = OUTCOME_SKIP, .reason = "requires fs"};
  ck_assert_int_eq(report_add_test(rep, &pass), RIG_OK);
  ck_assert_int_eq(report_add_test(rep, &fail), RIG_OK);
  ck_assert_int_eq(report_add_test(rep, &crash), RIG_OK);
  ck_assert_int_eq(report_add_test(rep, &skip), RIG_OK);
}

START_TEST(layout_and_schema) {
  report_t *rep = report_new();
  report_set_target(rep, "tcp:***@farm:2000");
  ck_assert_int_eq(report_create_run(rep, dir), RIG_OK);
  char latest[160], link[64];
  snprintf(latest, sizeof latest, "%s/latest", dir);
  ssize_t n = readlink(latest, link, sizeof link - 1);
  ck_assert_int_gt(n, 0);
  link[n] = '\0';
  ck_assert_str_eq(link, report_run_id(rep));
  ck_assert_uint_eq(strlen(report_run_id(rep)), 15);

  json_t *doc = load(report_path(rep)); // valid from the start
  ck_assert_str_eq(json_string_value(json_object_get(doc, "status")), "running");
  ck_assert(json_is_null(json_object_get(doc, "finished")));
  assert_valid(doc);
  json_decref(doc);

  ck_assert_int_eq(
      report_set_firmware(rep, "micropython", "3.4.0", "esp8266", "ESP module with ESP8266", "raw"), RIG_OK);
  add_samples(rep);
  ck_assert_int_eq(report_finish(rep, REPORT_COMPLETE), RIG_OK);
  doc = load(report_path(rep));
  assert_valid(doc);
  ck_assert_str_eq(json_string_value(json_object_get(doc, "status")), "complete");
  json_t *counts = json_object_get(doc, "counts");
  ck_assert_int_eq(json_integer_value(json_object_get(counts, "pass")), 1);
  ck_assert_int_eq(json_integer_value(json_object_get(counts, "fail")), 1);
  ck_assert_int_eq(json_integer_value(json_object_get(counts, "total")), 4);
  json_t *fail = json_array_get(json_object_get(doc, "tests"), 1);
  ck_assert_str_eq(json_string_value(json_object_get(fail, "actual")), "2\n\xef\xbf\xbd");
  ck_assert_str_eq(json_string_value(json_object_get(doc, "target")), "tcp:***@farm:2000");
  json_decref(doc);

  // A second run in the same second gets "-1" and takes over "latest".
  report_t *again = report_new();
  ck_assert_int_eq(report_create_run(again, dir), RIG_OK);
  ck_assert_str_ne(report_run_id(again), report_run_id(rep));
  n = readlink(latest, link, sizeof link - 1);
  link[n] = '\0';
  ck_assert_str_eq(link, report_run_id(again));
  report_free(again);
  report_free(rep);

  // The file-level check, as `rig report --check` does it.
  buf_t errors;
  buf_init(&errors, 1 << 16);
  char path[200];
  snprintf(path, sizeof path, "%s/latest/report.json", dir);
  ck_assert_int_eq(schema_check_files(RIG_TEST_SCHEMA, path, &errors), RIG_OK);
  ck_assert_int_eq(schema_check_files(RIG_TEST_SCHEMA, "/nonexistent/report.json", &errors), RIG_E_FILE);
  buf_free(&errors);
}
END_TEST

START_TEST(validator_rejects_bad_reports) {
  report_t *rep = report_new();
  ck_assert_int_eq(report_create_run(rep, dir), RIG_OK);
  add_samples(rep);
  json_t *good = load(report_path(rep));
  assert_valid(good);
  buf_t errors;
  buf_init(&errors, 1 << 16);

  json_t *doc = json_deep_copy(good); // a required field missing
  json_object_del(doc, "run_id");
  ck_assert_int_eq(check_doc(doc, &errors), RIG_E_SCHEMA);
  ck_assert_ptr_nonnull(strstr(buf_str(&errors), "required property \"run_id\" is missing"));
  json_decref(doc);

  buf_reset(&errors); // an outcome that does not exist
  doc = json_deep_copy(good);
  json_object_set_new(json_array_get(json_object_get(doc, "tests"), 0), "outcome", json_string("passed"));
  ck_assert_int_eq(check_doc(doc, &errors), RIG_E_SCHEMA);
  ck_assert_ptr_nonnull(strstr(buf_str(&errors), "/tests/0/outcome"));
  json_decref(doc);

  buf_reset(&errors); // a test without its id
  doc = json_deep_copy(good);
  json_object_del(json_array_get(json_object_get(doc, "tests"), 2), "id");
  ck_assert_int_eq(check_doc(doc, &errors), RIG_E_SCHEMA);
  json_decref(doc);

  buf_reset(&errors); // unknown field, negative count, wrong type, bad pattern
  doc = json_deep_copy(good);
  json_object_set_new(doc, "surprise", json_true());
  json_object_set_new(json_object_get(doc, "counts"), "pass", json_integer(-1));
  json_object_set_new(doc, "status", json_string("done"));
  json_object_set_new(doc, "run_id", json_string("yesterday"));
  json_object_set_new(json_object_get(doc, "firmware"), "name", json_integer(3));
  ck_assert_int_eq(check_doc(doc, &errors), RIG_E_SCHEMA);
  const char *e = buf_str(&errors);
  ck_assert_ptr_nonnull(strstr(e, "\"surprise\" is not allowed"));
  ck_assert_ptr_nonnull(strstr(e, "/counts/pass"));
  ck_assert_ptr_nonnull(strstr(e, "/status"));
  ck_assert_ptr_nonnull(strstr(e, "/run_id"));
  ck_assert_ptr_nonnull(strstr(e, "/firmware/name"));
  json_decref(doc);

  buf_reset(&errors); // finished must be a time or null
  doc = json_deep_copy(good);
  json_object_set_new(doc, "finished", json_string("soon"));
  ck_assert_int_eq(check_doc(doc, &errors), RIG_E_SCHEMA);
  json_decref(doc);

  json_decref(good);
  buf_free(&errors);
  report_free(rep);
}
END_TEST

START_TEST(validator_keywords) {
  json_error_t je;
  json_t *s = json_loads("{\"$defs\":{\"n\":{\"type\":\"integer\",\"minimum\":2}},"
                         "\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/n\"},\"minItems\":1}",
                         0, &je);
  ck_assert_ptr_nonnull(s);
  json_t *ok = json_loads("[2, 3, 4.0]", 0, &je), *bad = json_loads("[1, \"x\"]", 0, &je),
         *empty = json_array();
  buf_t errors;
  buf_init(&errors, 4096);
  ck_assert_int_eq(schema_check(s, ok, &errors), RIG_OK);
  ck_assert_int_eq(schema_check(s, bad, &errors), RIG_E_SCHEMA);
  ck_assert_ptr_nonnull(strstr(buf_str(&errors), "/0: 1 is less than the minimum 2"));
  ck_assert_ptr_nonnull(strstr(buf_str(&errors), "/1: expected integer, found string"));
  ck_assert_int_eq(schema_check(s, empty, &errors), RIG_E_SCHEMA);
  json_t *dangling = json_loads("{\"$ref\":\"#/$defs/none\"}", 0, &je);
  ck_assert_int_eq(schema_check(dangling, ok, &errors), RIG_E_SCHEMA);
  buf_free(&errors);
  json_decref(s), json_decref(ok), json_decref(bad), json_decref(empty), json_decref(dangling);
}
END_TEST

START_TEST(survives_kill) {
  pid_t child = fork();
  ck_assert_int_ge(child, 0);
  if (child == 0) {
    report_t *rep = report_new();
    if (report_create_run(rep, dir) != RIG_OK) _exit(3);
    for (int i = 0; i < 3; i++) {
      char id[32];
      snprintf(id, sizeof id, "lang/t%d.py", i);
      report_test_t t = {.id = id, .outcome = OUTCOME_PASS, .duration_ms = i};
      if (report_add_test(rep, &t) != RIG_OK) _exit(4);
    }
    raise(SIGKILL); // mid-run: no finish, no cleanup
    _exit(5);
  }
  int ws;
  ck_assert_int_eq(waitpid(child, &ws, 0), child);
  ck_assert(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL);
  char path[200];
  snprintf(path, sizeof path, "%s/latest/report.json", dir);
  json_t *doc = load(path);
  assert_valid(doc);
  ck_assert_str_eq(json_string_value(json_object_get(doc, "status")), "running");
  json_t *tests = json_object_get(doc, "tests");
  ck_assert_uint_eq(json_array_size(tests), 3);
  ck_assert_str_eq(json_string_value(json_object_get(json_array_get(tests, 2), "id")), "lang/t2.py");
  json_decref(doc);
}
END_TEST

START_TEST(report_listing) {
  report_t *rep = report_new();
  ck_assert_int_eq(report_create_run(rep, dir), RIG_OK);
  add_samples(rep);
  char out[4096] = "", err[256];
  FILE *f = fmemopen(out, sizeof out - 1, "w");
  ck_assert_int_eq(report_print(report_path(rep), f, err, sizeof err), RIG_OK);
  fclose(f);
  ck_assert_ptr_nonnull(strstr(out, "lang/a.py pass\n"));
  ck_assert_ptr_nonnull(strstr(out, "lang/b.py fail  # output differs"));
  ck_assert_ptr_nonnull(strstr(out, "4 tests: 1 pass, 1 fail, 1 skip, 0 timeout, 1 crash, 0 infra"));
  ck_assert_int_eq(report_print("/nonexistent.json", stdout, err, sizeof err), RIG_E_FILE);
  report_free(rep);
}
END_TEST

int main(void) {
  Suite *s = suite_create("rig_report");
  TCase *tc = tcase_create("report");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, layout_and_schema);
  tcase_add_test(tc, validator_rejects_bad_reports);
  tcase_add_test(tc, validator_keywords);
  tcase_add_test(tc, survives_kill);
  tcase_add_test(tc, report_listing);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

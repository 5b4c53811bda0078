// SPDX-License-Identifier: MIT
// test_runner.c: the runner against fake boards that "execute" tests by
// canned answers: a matching test must pass, a deliberately wrong one must
// fail with a diff (negative control), one that raises must fail with its
// traceback, a hang must time out and the board recover, a reboot and a
// disconnect must be crashes with the console tail, skips must carry
// their reason; an unreachable board makes every test infra quickly; a
// stop request aborts the run.
#include "fake_board.h"
#include "runner.h"
#include "schema_check.h"
#include "support.h"

#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[64];
static char conf[128];

static void setup(void) {
  support_scratch_dir(root, sizeof root, "runner");
  support_make_dirs(conf, sizeof conf, root, "conformance/t");
  support_put_test(conf, "a_pass.py", "print('hello')\nprint('world')\n", "hello\nworld\n");
  support_put_test(conf, "b_wrong.py", "print('1 + 1 = 2')\n", "1 + 1 = 3\n");
  support_put_test(conf, "c_raises.py", "print('before the raise')\nraise ValueError('boom')\n",
                   "before the raise\n");
  support_put_test(conf, "d_skip.py", "# skip: not today\nprint('x')\n", "x\n");
  support_put_test(conf, "e_requires.py", "# requires: fs, fixture:i2c-eeprom\nprint('x')\n", "x\n");
  support_put_test(conf, "f_hang.py", "# timeout: 0.5\nprint('started')\n#hang\n", "started\ndone\n");
  // Silent for longer than its header allows, well within the 10 s default.
  support_put_test(conf, "f2_quiet.py", "# inactivity: 0.3\nprint('started')\n#hang\n", "started\ndone\n");
  support_put_test(conf, "g_after_hang.py", "print('after hang')\n", "after hang\n");
  support_put_test(conf, "h_reboot.py", "print('x')\n#reboot\n", "x\n");
  support_put_test(conf, "i_after_reboot.py", "print('after reboot')\n", "after reboot\n");
  support_put_test(conf, "y_disconnect.py", "print('bye')\n#disconnect\n", "bye\n");
  support_put_test(conf, "z_after_disconnect.py", "print('unreachable')\n", "unreachable\n");
}

static void teardown(void) {
  support_remove_tree(root);
}

static json_t *test_of(json_t *doc, const char *id) {
  return support_test_by_id(doc, id);
}

static const char *field(json_t *t, const char *key) {
  return json_string_value(json_object_get(t, key));
}

// Runs the tree on a fake board with [o]; returns the parsed report.
static json_t *run_suite(fake_opts_t o, int enter_ms, int *code) {
  int fd;
  pid_t pid = fake_board_start(&o, &fd);
  ck_assert_int_gt(pid, 0);
  transport_t *t = transport_new_fd(fd, fd);
  suite_t suite;
  suite_init(&suite);
  ck_assert_int_eq(suite_add_path(&suite, conf), RIG_OK);
  suite_finish(&suite, NULL);
  ck_assert_uint_eq(suite.count, 12);
  runner_t *run = runner_new();
  char dir[160];
  snprintf(dir, sizeof dir, "%s/runs", root);
  runner_set_transport(run, t);
  runner_set_target_label(run, "fake");
  runner_set_board_name(run, "fake/board 1");
  runner_set_report_dir(run, dir);
  runner_set_enter_timeout(run, enter_ms, 1);
  runner_set_output(run, stdout, 0);
  ck_assert_int_eq(runner_run(run, &suite, code), RIG_OK);
  char path[512];
  snprintf(path, sizeof path, "%s", runner_report_path(run));
  runner_free(run);
  transport_free(t);
  suite_free(&suite);
  fake_board_stop(pid);

  buf_t errors;
  buf_init(&errors, 1 << 16);
  rig_status_t st = schema_check_files(RIG_TEST_SCHEMA, path, &errors);
  ck_assert_msg(st == RIG_OK, "report does not validate:\n%s", buf_str(&errors));
  buf_free(&errors);
  json_error_t je;
  json_t *doc = json_load_file(path, 0, &je);
  ck_assert_ptr_nonnull(doc);
  return doc;
}

START_TEST(outcomes) {
  int code;
  json_t *doc = run_suite((fake_opts_t){.paste = 1, .drop_first_ctrl_c = 1}, 3000, &code);
  ck_assert_int_eq(code, RIG_EXIT_FAIL);
  ck_assert_str_eq(field(doc, "status"), "complete");
  ck_assert_str_eq(field(json_object_get(doc, "firmware"), "name"), "fakepython");
  ck_assert_str_eq(field(json_object_get(doc, "firmware"), "platform"), "fake8266");
  ck_assert_str_eq(field(json_object_get(doc, "firmware"), "machine"), "Fake module with ESP8266");

  json_t *t = test_of(doc, "t/a_pass.py");
  ck_assert_str_eq(field(t, "outcome"), "pass");

  t = test_of(doc, "t/b_wrong.py"); // negative control
  ck_assert_str_eq(field(t, "outcome"), "fail");
  ck_assert_str_eq(field(t, "expected"), "1 + 1 = 3\n");
  ck_assert_str_eq(field(t, "actual"), "1 + 1 = 2\n");
  ck_assert_ptr_nonnull(strstr(field(t, "diff"), "-1 + 1 = 3\n+1 + 1 = 2\n"));

  t = test_of(doc, "t/c_raises.py"); // stdout matches, but it raised
  ck_assert_str_eq(field(t, "outcome"), "fail");
  ck_assert_ptr_nonnull(strstr(field(t, "stderr"), "ValueError: boom\n"));
  ck_assert_ptr_nonnull(strstr(field(t, "reason"), "ValueError: boom"));
  ck_assert_ptr_null(json_object_get(t, "diff"));

  t = test_of(doc, "t/d_skip.py");
  ck_assert_str_eq(field(t, "outcome"), "skip");
  ck_assert_str_eq(field(t, "reason"), "not today");
  t = test_of(doc, "t/e_requires.py");
  ck_assert_str_eq(field(t, "outcome"), "skip");
  ck_assert_str_eq(field(t, "reason"), "requires fs, fixture:i2c-eeprom");

  t = test_of(doc, "t/f_hang.py");
  ck_assert_str_eq(field(t, "outcome"), "timeout");
  ck_assert_str_eq(field(t, "actual"), "started\n");
  ck_assert_ptr_nonnull(strstr(field(t, "reason"), "KeyboardInterrupt"));
  ck_assert_int_lt(json_integer_value(json_object_get(t, "duration_ms")), 3000);
  ck_assert_str_eq(field(t, "timeout_kind"), "overall");
  ck_assert_str_eq(field(test_of(doc, "t/g_after_hang.py"), "outcome"), "pass");
  t = test_of(doc, "t/f2_quiet.py"); // the header's inactivity timeout, not the default overall one
  ck_assert_str_eq(field(t, "outcome"), "timeout");
  ck_assert_str_eq(field(t, "timeout_kind"), "inactivity");
  ck_assert_int_lt(json_integer_value(json_object_get(t, "duration_ms")), 3000);

  t = test_of(doc, "t/h_reboot.py");
  ck_assert_str_eq(field(t, "outcome"), "crash");
  ck_assert_ptr_nonnull(strstr(field(t, "console_tail"), "rst cause:4"));
  ck_assert_str_eq(field(test_of(doc, "t/i_after_reboot.py"), "outcome"), "pass");

  t = test_of(doc, "t/y_disconnect.py");
  ck_assert_str_eq(field(t, "outcome"), "crash");
  ck_assert_ptr_nonnull(strstr(field(t, "console_tail"), "bye"));
  // A socketpair cannot be reopened: the board is gone for good.
  t = test_of(doc, "t/z_after_disconnect.py");
  ck_assert_str_eq(field(t, "outcome"), "infra");

  json_t *counts = json_object_get(doc, "counts");
  ck_assert_int_eq(json_integer_value(json_object_get(counts, "pass")), 3);
  ck_assert_int_eq(json_integer_value(json_object_get(counts, "fail")), 2);
  ck_assert_int_eq(json_integer_value(json_object_get(counts, "skip")), 2);
  ck_assert_int_eq(json_integer_value(json_object_get(counts, "timeout")), 2);
  ck_assert_int_eq(json_integer_value(json_object_get(counts, "crash")), 2);
  ck_assert_int_eq(json_integer_value(json_object_get(counts, "infra")), 1);
  json_decref(doc);

  // The transcript holds the board's bytes.
  char path[256];
  snprintf(path, sizeof path, "%s/runs/latest/transcript-fake_board_1.log", root);
  size_t len;
  char *text = suite_read_file(path, 1 << 20, &len);
  ck_assert_ptr_nonnull(text);
  // Binary: the raw-paste window bytes hold a NUL.
  ck_assert_ptr_nonnull(memmem(text, len, "raw REPL; CTRL-B to exit", 24));
  ck_assert_ptr_nonnull(memmem(text, len, "MPY: soft reboot", 16));
  ck_assert_ptr_nonnull(memmem(text, len, "R\x01\x80\x00\x01", 5));
  free(text);
}
END_TEST

START_TEST(unreachable_board_is_infra) {
  int code;
  int64_t t0 = rig_now_ms();
  json_t *doc = run_suite((fake_opts_t){.silent = 1}, 300, &code);
  ck_assert_int_lt(rig_now_ms() - t0, 5000);
  ck_assert_int_eq(code, RIG_EXIT_INFRA);
  json_t *counts = json_object_get(doc, "counts");
  ck_assert_int_eq(json_integer_value(json_object_get(counts, "infra")), 10);
  ck_assert_int_eq(json_integer_value(json_object_get(counts, "skip")), 2);
  ck_assert_ptr_nonnull(strstr(field(test_of(doc, "t/a_pass.py"), "reason"), "raw REPL"));
  ck_assert(json_is_null(json_object_get(json_object_get(doc, "firmware"), "name")));
  json_decref(doc);
}
END_TEST

START_TEST(fallback_board_still_tested) {
  int code;
  json_t *doc = run_suite((fake_opts_t){.paste = 0}, 3000, &code);
  ck_assert_int_eq(code, RIG_EXIT_FAIL);
  ck_assert_str_eq(field(test_of(doc, "t/a_pass.py"), "outcome"), "pass");
  ck_assert_str_eq(field(test_of(doc, "t/b_wrong.py"), "outcome"), "fail");
  ck_assert_str_eq(field(test_of(doc, "t/f_hang.py"), "outcome"), "timeout");
  ck_assert_str_eq(field(test_of(doc, "t/g_after_hang.py"), "outcome"), "pass");
  json_decref(doc);
}
END_TEST

START_TEST(stop_request_aborts) {
  int code;
  rig_request_stop(15);
  json_t *doc = run_suite((fake_opts_t){.paste = 1}, 3000, &code);
  rig_clear_stop();
  ck_assert_int_eq(code, RIG_EXIT_ABORTED);
  ck_assert_str_eq(field(doc, "status"), "aborted");
  ck_assert(!json_is_null(json_object_get(doc, "finished")));
  json_decref(doc);
}
END_TEST

int main(void) {
  Suite *s = suite_create("rig_runner");
  TCase *tc = tcase_create("runner");
  tcase_set_timeout(tc, 60);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, outcomes);
  tcase_add_test(tc, unreachable_board_is_infra);
  tcase_add_test(tc, fallback_board_still_tested);
  tcase_add_test(tc, stop_request_aborts);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

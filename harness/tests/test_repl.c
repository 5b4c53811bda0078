// SPDX-License-Identifier: MIT
// test_repl.c: the raw REPL client against scripted fake boards: a board
// that drops the first Ctrl-C and sends a slow banner after garbage,
// raw-paste with a small window (flow control honoured), R\x00 and
// no-raw-paste fallbacks, soft reset with boot output, an early stop of
// the upload, tracebacks, a hang recovered with Ctrl-C, and a board that
// never answers.
#include "fake_board.h"
#include "repl_client.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pid_t pid;
static transport_t *t;
static repl_t *r;
static FILE *transcript;
static repl_result_t res;

static void start(fake_opts_t o) {
  int fd;
  pid = fake_board_start(&o, &fd);
  ck_assert_int_gt(pid, 0);
  t = transport_new_fd(fd, fd);
  r = repl_new(t);
  transcript = tmpfile();
  repl_set_transcript(r, transcript);
  repl_result_init(&res);
}

static void stop(void) {
  repl_result_free(&res);
  repl_free(r);
  transport_free(t);
  fclose(transcript);
  fake_board_stop(pid);
}

// Whether the transcript (binary: it holds NULs) contains [s].
static int transcript_has(const char *s) {
  static char text[65536];
  fflush(transcript);
  rewind(transcript);
  size_t n = fread(text, 1, sizeof text, transcript);
  return memmem(text, n, s, strlen(s)) != NULL;
}

static void exec_ok(const char *code) {
  rig_status_t st = repl_exec(r, code, strlen(code), 5000, &res);
  ck_assert_msg(st == RIG_OK, "exec: %s (%s)", rig_strerror(st), repl_errmsg(r));
}

START_TEST(enter_through_dropped_ctrl_c_garbage_and_slow_banner) {
  start((fake_opts_t){.drop_first_ctrl_c = 1, .slow_banner = 1, .garbage = 1, .paste = 1});
  ck_assert_int_eq(repl_enter(r), RIG_OK);
  ck_assert(repl_at_prompt(r));
  exec_ok("print('hello')\n");
  ck_assert_str_eq(buf_str(&res.out), "hello\r\n");
  ck_assert_str_eq(buf_str(&res.err), "");
  ck_assert_int_eq(res.used_paste, 1);
  ck_assert(repl_at_prompt(r));
  ck_assert(transcript_has("garbage"));
  stop();
}
END_TEST

START_TEST(raw_paste_small_window_flow_control) {
  start((fake_opts_t){.paste = 1, .window = 16});
  ck_assert_int_eq(repl_enter(r), RIG_OK);
  // 40 lines of ~20 bytes: many windows of 16 bytes.
  char code[2048] = "";
  for (int i = 0; i < 40; i++)
    snprintf(code + strlen(code), sizeof code - strlen(code), "print('line %02d')\n", i);
  exec_ok(code);
  ck_assert_uint_eq(res.out.len, 40 * strlen("line 00\r\n"));
  ck_assert(strncmp(buf_str(&res.out), "line 00\r\nline 01\r\n", 18) == 0);
  exec_ok("#stats\n");
  int paste, violations, granted;
  ck_assert_int_eq(
      sscanf(buf_str(&res.out), "paste=%d violations=%d granted=%d", &paste, &violations, &granted), 3);
  ck_assert_int_eq(paste, 2);
  ck_assert_int_eq(violations, 0);
  ck_assert_int_gt(granted, 20);
  ck_assert_int_eq(repl_paste_state(r), 1);
  stop();
}
END_TEST

START_TEST(fallback_on_r00) {
  start((fake_opts_t){.paste = 0});
  ck_assert_int_eq(repl_enter(r), RIG_OK);
  exec_ok("print('one')\n");
  ck_assert_str_eq(buf_str(&res.out), "one\r\n");
  ck_assert_int_eq(res.used_paste, 0);
  ck_assert_int_eq(repl_paste_state(r), 0);
  // Plain raw mode from now on: code over 256 bytes goes in chunks.
  char code[1200] = "";
  for (int i = 0; i < 50; i++)
    snprintf(code + strlen(code), sizeof code - strlen(code), "print('n%02d')\n", i);
  exec_ok(code);
  ck_assert_uint_eq(res.out.len, 50 * 5);
  exec_ok("#stats\n");
  ck_assert_ptr_nonnull(strstr(buf_str(&res.out), "paste=0"));
  // Empty code must not turn into Ctrl-D on an empty buffer (a soft reset).
  ck_assert_int_eq(repl_exec(r, "", 0, 2000, &res), RIG_OK);
  ck_assert_uint_eq(res.out.len, 0);
  ck_assert(!transcript_has("soft reboot"));
  stop();
}
END_TEST

START_TEST(fallback_without_raw_paste) {
  start((fake_opts_t){.paste = -1});
  ck_assert_int_eq(repl_enter(r), RIG_OK);
  exec_ok("print('old board')\n");
  ck_assert_str_eq(buf_str(&res.out), "old board\r\n");
  ck_assert_int_eq(repl_paste_state(r), 0);
  exec_ok("print('again')\n");
  ck_assert_str_eq(buf_str(&res.out), "again\r\n");
  stop();
}
END_TEST

START_TEST(soft_reset_keeps_boot_output_in_transcript) {
  start((fake_opts_t){.paste = 1, .garbage = 1});
  ck_assert_int_eq(repl_enter(r), RIG_OK);
  ck_assert_int_eq(repl_soft_reset(r, 3000), RIG_OK);
  ck_assert(repl_at_prompt(r));
  ck_assert(transcript_has("MPY: soft reboot\r\nboot.py: hello from boot\r\n"));
  exec_ok("print('after reset')\n");
  ck_assert_str_eq(buf_str(&res.out), "after reset\r\n");
  stop();
}
END_TEST

START_TEST(traceback_and_abrupt_end) {
  start((fake_opts_t){.paste = 1, .window = 8});
  ck_assert_int_eq(repl_enter(r), RIG_OK);
  exec_ok("print('before')\nraise ValueError('boom')\n");
  ck_assert_str_eq(buf_str(&res.out), "before\r\n");
  ck_assert_ptr_nonnull(strstr(buf_str(&res.err), "ValueError: boom\r\n"));
  exec_ok("x = 1\n#abrupt and a lot more text after it that is never read\n");
  ck_assert_ptr_nonnull(strstr(buf_str(&res.err), "SyntaxError"));
  exec_ok("print('still fine')\n");
  ck_assert_str_eq(buf_str(&res.out), "still fine\r\n");
  stop();
}
END_TEST

START_TEST(timeout_then_interrupt) {
  start((fake_opts_t){.paste = 1});
  ck_assert_int_eq(repl_enter(r), RIG_OK);
  const char *code = "print('started')\n#hang\n";
  int64_t t0 = rig_now_ms();
  ck_assert_int_eq(repl_exec(r, code, strlen(code), 300, &res), RIG_E_TIMEOUT);
  ck_assert_int_lt(rig_now_ms() - t0, 2000);
  ck_assert_str_eq(buf_str(&res.out), "started\r\n");
  char what[256];
  ck_assert_int_eq(repl_interrupt(r, what, sizeof what), RIG_OK);
  ck_assert_ptr_nonnull(strstr(what, "KeyboardInterrupt"));
  ck_assert(repl_at_prompt(r));
  exec_ok("print('next')\n");
  ck_assert_str_eq(buf_str(&res.out), "next\r\n");
  stop();
}
END_TEST

START_TEST(reboot_during_exec) {
  start((fake_opts_t){.paste = 1});
  ck_assert_int_eq(repl_enter(r), RIG_OK);
  const char *code = "print('going down')\n#reboot\n";
  ck_assert_int_eq(repl_exec(r, code, strlen(code), 3000, &res), RIG_E_REBOOT);
  char tail[REPL_TAIL_MAX];
  size_t n = repl_tail(r, tail, sizeof tail);
  ck_assert_uint_gt(n, 0);
  ck_assert_ptr_nonnull(memmem(tail, n, "rst cause:4", 11));
  ck_assert_int_eq(repl_enter(r), RIG_OK);
  stop();
}
END_TEST

START_TEST(silent_board_times_out) {
  start((fake_opts_t){.silent = 1});
  repl_set_enter_timeout(r, 300, 2);
  int64_t t0 = rig_now_ms();
  ck_assert_int_eq(repl_enter(r), RIG_E_TIMEOUT);
  int64_t took = rig_now_ms() - t0;
  ck_assert_int_lt(took, 3000);
  ck_assert_ptr_nonnull(strstr(repl_errmsg(r), "no raw REPL prompt"));
  ck_assert(!repl_at_prompt(r));
  ck_assert_int_eq(repl_exec(r, "x", 1, 100, &res), RIG_E_PROTOCOL);
  stop();
}
END_TEST

START_TEST(closed_connection) {
  start((fake_opts_t){.paste = 1});
  ck_assert_int_eq(repl_enter(r), RIG_OK);
  const char *code = "print('bye')\n#disconnect\n";
  ck_assert_int_eq(repl_exec(r, code, strlen(code), 3000, &res), RIG_E_CLOSED);
  ck_assert_str_eq(buf_str(&res.out), "bye\r\n");
  stop();
}
END_TEST

START_TEST(stop_request_interrupts_waits) {
  start((fake_opts_t){.silent = 1});
  rig_request_stop(2);
  int64_t t0 = rig_now_ms();
  ck_assert_int_ne(repl_enter(r), RIG_OK);
  ck_assert_int_lt(rig_now_ms() - t0, 1000);
  rig_clear_stop();
  stop();
}
END_TEST

int main(void) {
  Suite *s = suite_create("rig_repl");
  TCase *tc = tcase_create("repl");
  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, enter_through_dropped_ctrl_c_garbage_and_slow_banner);
  tcase_add_test(tc, raw_paste_small_window_flow_control);
  tcase_add_test(tc, fallback_on_r00);
  tcase_add_test(tc, fallback_without_raw_paste);
  tcase_add_test(tc, soft_reset_keeps_boot_output_in_transcript);
  tcase_add_test(tc, traceback_and_abrupt_end);
  tcase_add_test(tc, timeout_then_interrupt);
  tcase_add_test(tc, reboot_during_exec);
  tcase_add_test(tc, silent_board_times_out);
  tcase_add_test(tc, closed_connection);
  tcase_add_test(tc, stop_request_interrupts_waits);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

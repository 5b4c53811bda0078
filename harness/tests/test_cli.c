// SPDX-License-Identifier: MIT
// test_cli.c: the `rig` program end to end: help and version, usage
// errors and their exit status, runs over exec: and vboard: targets on the
// fake board program (exit 0 / 1 / 2), serial: on a pseudo-terminal,
// `rig report` and `rig report --check`, `rig ports`, and SIGINT mid-run
// (exit 130, report aborted, the started board process gone).
//
// usage: test_rig_cli RIG FAKE_BOARD
#include "support.h"

#include <check.h>
#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *rig, *fake;
static char root[64], tests[128], runs[128], logfile[160];
static char out[1 << 16];

static void setup(void) {
  support_scratch_dir(root, sizeof root, "cli");
  support_make_dirs(tests, sizeof tests, root, "conformance/cli");
  snprintf(runs, sizeof runs, "%s/runs", root);
  snprintf(logfile, sizeof logfile, "%s/out.txt", root);
  support_put_test(tests, "ok.py", "print('fine')\n", "fine\n");
  support_put_test(tests, "wrong.py", "print('1 + 1 = 2')\n", "1 + 1 = 3\n");
  support_put_test(tests, "hang.py", "print('started')\n#hang\n", "started\n");
  support_put_test(tests, "noexp.py", "print(1)\n", NULL);
  // A board that drops the connection (and its process dies) mid-test.
  char drop[128];
  support_make_dirs(drop, sizeof drop, root, "conformance/a_drop");
  support_put_test(drop, "dropped.py", "print('bye')\n#disconnect\n", "bye\n");
}

static void teardown(void) {
  support_remove_tree(root);
}

// Starts rig with [args] (NULL-terminated, without argv[0]); stdout and
// stderr go to a file read back by finish().
static pid_t start(const char *const *args) {
  return support_spawn(rig, args, NULL, logfile);
}

// Waits for rig: its exit status (it must not die by a signal); its output
// into [out].
static int finish(pid_t pid) {
  int code = support_wait(pid);
  snprintf(out, sizeof out, "%s", support_slurp(logfile));
  ck_assert_msg(code >= 0, "rig died by signal %d", -code);
  return code;
}

#define RIG(...) finish(start((const char *const[]){__VA_ARGS__, NULL}))

static json_t *latest_report(void) {
  char p[200];
  snprintf(p, sizeof p, "%s/latest/report.json", runs);
  return support_load_json(p);
}

static int check_latest(void) {
  char p[200];
  snprintf(p, sizeof p, "%s/latest/report.json", runs);
  return RIG("report", "--check", p, "--schema", RIG_TEST_SCHEMA);
}

static pid_t read_pidfile(const char *path) {
  FILE *f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  long pid = 0;
  ck_assert_int_eq(fscanf(f, "%ld", &pid), 1);
  fclose(f);
  return (pid_t)pid;
}

START_TEST(help_and_version) {
  ck_assert_int_eq(RIG("--version"), 0);
  ck_assert_ptr_nonnull(strstr(out, "rig "));
  ck_assert_int_eq(RIG("--help"), 0);
  ck_assert_ptr_nonnull(strstr(out, "vboard[:PATH]"));
  ck_assert_int_eq(RIG("run", "--help"), 0);
  ck_assert_ptr_nonnull(strstr(out, "exit status"));
  ck_assert_int_eq(RIG("report", "--help"), 0);
  ck_assert_int_eq(RIG("ports", "--help"), 0);
  ck_assert_int_eq(RIG("ports"), 0);
  ck_assert(strstr(out, "no serial ports found") || strstr(out, "/dev/"));
}
END_TEST

START_TEST(usage_errors) {
  ck_assert_int_eq(finish(start((const char *const[]){NULL})), 2);
  ck_assert_int_eq(RIG("frobnicate"), 2);
  ck_assert_ptr_nonnull(strstr(out, "unknown command"));
  ck_assert_int_eq(RIG("run", tests), 2);
  ck_assert_ptr_nonnull(strstr(out, "--target is required"));
  ck_assert_int_eq(RIG("run", "--target", "ttyUSB0", tests), 2);
  ck_assert_ptr_nonnull(strstr(out, "unknown target 'ttyUSB0'"));
  ck_assert_int_eq(RIG("run", "--target", "tcp:localhost", tests), 2);
  ck_assert_ptr_nonnull(strstr(out, "no :PORT"));
  ck_assert_int_eq(RIG("run", "--target", "tcp:127.0.0.1:9", "--timeout", "soon", tests), 2);
  ck_assert_int_eq(RIG("run", "--target", "tcp:127.0.0.1:9", "/nonexistent/test.py"), 2);
  ck_assert_ptr_nonnull(strstr(out, "No such file"));
  char p[200];
  snprintf(p, sizeof p, "%s/noexp.py", tests);
  ck_assert_int_eq(RIG("run", "--target", "tcp:127.0.0.1:9", p), 2);
  ck_assert_ptr_nonnull(strstr(out, "no expected output"));
  ck_assert_int_eq(RIG("run", "--target", "tcp:127.0.0.1:9", "--filter", "zzz", tests), 2);
  ck_assert_ptr_nonnull(strstr(out, "no tests found"));
  ck_assert_int_eq(RIG("run", "--target", "tcp:127.0.0.1:9", "--vboard-arg", "x", tests), 2);
  ck_assert_int_eq(RIG("report", "/nonexistent/report.json"), 2);
}
END_TEST

START_TEST(exec_target_runs) {
  char target[512];
  snprintf(target, sizeof target, "exec:%s --paste 1 --drop-first-ctrl-c", fake);
  ck_assert_int_eq(RIG("run", "--target", target, "--report-dir", runs, "--filter", "ok", tests), 0);
  ck_assert_ptr_nonnull(strstr(out, "PASS cli/ok.py"));
  ck_assert_ptr_nonnull(strstr(out, "note: 1 .py file without a .py.exp ignored"));
  ck_assert_int_eq(check_latest(), 0);

  ck_assert_int_eq(RIG("run", "--target", target, "--report-dir", runs, "--filter", "o", tests), 1);
  ck_assert_ptr_nonnull(strstr(out, "FAIL cli/wrong.py"));
  ck_assert_int_eq(check_latest(), 0);
  char p[200];
  snprintf(p, sizeof p, "%s/latest/report.json", runs);
  ck_assert_int_eq(RIG("report", p), 0);
  ck_assert_ptr_nonnull(strstr(out, "cli/ok.py    pass\n"));
  ck_assert_ptr_nonnull(strstr(out, "cli/wrong.py fail"));
  ck_assert_ptr_nonnull(strstr(out, "2 tests: 1 pass, 1 fail,"));
  json_t *doc = latest_report();
  ck_assert_str_eq(json_string_value(json_object_get(json_object_get(doc, "firmware"), "name")),
                   "fakepython");
  json_decref(doc);
  snprintf(p, sizeof p, "%s/latest/transcript-rig_fake_board.log", runs);
  ck_assert_int_eq(access(p, R_OK), 0);

  // The checker rejects a broken report.
  snprintf(p, sizeof p, "%s/broken.json", root);
  FILE *f = fopen(p, "w");
  fputs("{\"schema_version\": 1, \"tests\": [{\"id\": \"x\", \"outcome\": \"passed\", \"duration_ms\": 1}]}",
        f);
  fclose(f);
  ck_assert_int_eq(RIG("report", "--check", p, "--schema", RIG_TEST_SCHEMA), 1);
  ck_assert_ptr_nonnull(strstr(out, "required property \"run_id\" is missing"));
  ck_assert_ptr_nonnull(strstr(out, "/tests/0/outcome"));
}
END_TEST

START_TEST(unreachable_is_infra) {
  time_t t0 = time(NULL);
  ck_assert_int_eq(RIG("run", "--target", "tcp:127.0.0.1:1", "--report-dir", runs, tests), 2);
  ck_assert_int_lt(time(NULL) - t0, 10);
  ck_assert_ptr_nonnull(strstr(out, "INFRA cli/ok.py"));
  ck_assert_ptr_nonnull(strstr(out, "could not connect"));
  ck_assert_int_eq(check_latest(), 0);
}
END_TEST

START_TEST(vboard_target_is_started_and_stopped) {
  char target[512], pidfile[200];
  snprintf(target, sizeof target, "vboard:%s", fake);
  snprintf(pidfile, sizeof pidfile, "%s/fake.pid", root);
  ck_assert_int_eq(RIG("run", "--target", target, "--vboard-arg", "--pidfile", "--vboard-arg", pidfile,
                       "--report-dir", runs, "--filter", "ok", tests),
                   0);
  pid_t board = read_pidfile(pidfile);
  ck_assert_int_eq(kill(board, 0), -1);
  ck_assert_int_eq(errno, ESRCH);
  ck_assert_int_eq(check_latest(), 0);
}
END_TEST

START_TEST(vboard_restarted_after_a_crash) {
  char target[512], drop[200], ok[200];
  snprintf(target, sizeof target, "vboard:%s", fake);
  snprintf(drop, sizeof drop, "%s/conformance/a_drop", root);
  snprintf(ok, sizeof ok, "%s/ok.py", tests);
  ck_assert_int_eq(RIG("run", "--target", target, "--report-dir", runs, drop, ok), 1);
  ck_assert_ptr_nonnull(strstr(out, "CRASH a_drop/dropped.py"));
  ck_assert_ptr_nonnull(strstr(out, "PASS cli/ok.py"));
  ck_assert_int_eq(check_latest(), 0);
}
END_TEST

START_TEST(serial_target_on_a_pty) {
  // The fake board on a pseudo-terminal: the serial: transport end to end.
  int fds[2];
  ck_assert_int_eq(pipe(fds), 0);
  pid_t board = fork();
  ck_assert_int_ge(board, 0);
  if (board == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    execl(fake, fake, "--pty", "--drop-first-ctrl-c", (char *)NULL);
    _exit(98);
  }
  close(fds[1]);
  char line[128];
  support_read_line(fds[0], line, sizeof line);
  close(fds[0]);
  ck_assert_msg(!strncmp(line, "pty: ", 5), "fake board said '%s'", line);
  char target[160];
  snprintf(target, sizeof target, "serial:%s@115200", line + 5);
  int code = RIG("run", "--target", target, "--report-dir", runs, "--filter", "o", tests);
  kill(board, SIGKILL);
  waitpid(board, NULL, 0);
  ck_assert_int_eq(code, 1);
  ck_assert_ptr_nonnull(strstr(out, "PASS cli/ok.py"));
  ck_assert_ptr_nonnull(strstr(out, "FAIL cli/wrong.py"));
  ck_assert_int_eq(check_latest(), 0);
}
END_TEST

// `# requires:` on a single `rig run`: --capabilities declares what the
// board has; a vboard target declares what farm_capabilities() would for
// the same board (module from --profile, fs from its flash size,
// wifi-virtual unless --wifi). A test needing what was not declared skips
// (the negative controls).
START_TEST(run_declares_capabilities) {
  char caps[128], target[512];
  support_make_dirs(caps, sizeof caps, root, "conformance/caps");
  support_put_test(caps, "a_fs.py", "# requires: fs\nprint('fine')\n", "fine\n");
  support_put_test(caps, "b_generic.py", "# requires: module:generic, fs, wifi-virtual\nprint('fine')\n",
                   "fine\n");
  support_put_test(caps, "c_512k.py", "# requires: module:esp01-512k\nprint('fine')\n", "fine\n");
  support_put_test(caps, "d_wifi.py", "# requires: wifi-virtual\nprint('fine')\n", "fine\n");
  support_put_test(caps, "e_eeprom.py", "# requires: fixture:i2c-eeprom\nprint('fine')\n", "fine\n");

  // Not a vboard: nothing but what --capabilities says.
  snprintf(target, sizeof target, "exec:%s --paste 1", fake);
  ck_assert_int_eq(RIG("run", "--target", target, "--report-dir", runs, caps), 0);
  ck_assert_ptr_nonnull(strstr(out, "SKIP caps/a_fs.py 0 ms (requires fs)"));
  ck_assert_ptr_nonnull(strstr(out, "SKIP caps/e_eeprom.py"));
  ck_assert_ptr_null(strstr(out, "PASS caps/"));
  ck_assert_int_eq(
      RIG("run", "--target", target, "--report-dir", runs, "--capabilities", "fs,fixture:i2c-eeprom", caps),
      0);
  ck_assert_ptr_nonnull(strstr(out, "PASS caps/a_fs.py"));
  ck_assert_ptr_nonnull(strstr(out, "PASS caps/e_eeprom.py"));
  ck_assert_ptr_nonnull(strstr(out, "SKIP caps/b_generic.py 0 ms (requires module:generic, wifi-virtual)"));
  ck_assert_ptr_nonnull(strstr(out, "SKIP caps/d_wifi.py"));
  ck_assert_int_eq(check_latest(), 0);

  // A vboard without --profile is vboard's generic 4 MB module.
  snprintf(target, sizeof target, "vboard:%s", fake);
  ck_assert_int_eq(RIG("run", "--target", target, "--report-dir", runs, caps), 0);
  ck_assert_ptr_nonnull(strstr(out, "PASS caps/a_fs.py"));
  ck_assert_ptr_nonnull(strstr(out, "PASS caps/b_generic.py"));
  ck_assert_ptr_nonnull(strstr(out, "PASS caps/d_wifi.py"));
  ck_assert_ptr_nonnull(strstr(out, "SKIP caps/c_512k.py"));
  ck_assert_ptr_nonnull(strstr(out, "SKIP caps/e_eeprom.py"));

  // An ESP-01 512K has no room for a filesystem; --wifi takes the virtual
  // access points away; --capabilities adds to what the vboard declares.
  ck_assert_int_eq(RIG("run", "--target", target, "--report-dir", runs, "--vboard-arg", "--profile",
                       "--vboard-arg", "esp01-512k", "--vboard-arg", "--wifi", "--vboard-arg", "home",
                       "--capabilities", "fixture:i2c-eeprom", caps),
                   0);
  ck_assert_ptr_nonnull(strstr(out, "PASS caps/c_512k.py"));
  ck_assert_ptr_nonnull(strstr(out, "PASS caps/e_eeprom.py"));
  ck_assert_ptr_nonnull(strstr(out, "SKIP caps/a_fs.py"));
  ck_assert_ptr_nonnull(strstr(out, "SKIP caps/b_generic.py"));
  ck_assert_ptr_nonnull(strstr(out, "SKIP caps/d_wifi.py"));
  json_t *doc = latest_report();
  ck_assert_str_eq(json_string_value(json_object_get(support_test_by_id(doc, "caps/a_fs.py"), "reason")),
                   "requires fs");
  json_decref(doc);
}
END_TEST

// A farm run prints plain log lines when its output is not a terminal
// (every result, "OUTCOME BOARD ID ..."), and on a terminal a redrawn
// progress line with only the non-passes as lines.
START_TEST(progress_line_on_a_terminal_only) {
  char farm[200];
  snprintf(farm, sizeof farm, "%s/farm.json", root);
  FILE *f = fopen(farm, "w");
  ck_assert_ptr_nonnull(f);
  fprintf(f,
          "{\"farm\": \"cli\", \"boards\": [{\"name\": \"fb\", \"connect\": \"vboard:%s\", \"module\": "
          "\"generic\"}]}\n",
          fake);
  fclose(f);
  ck_assert_int_eq(RIG("farm", "run", "--farm", farm, "--report-dir", runs, "--filter", "o", tests), 1);
  ck_assert_ptr_nonnull(strstr(out, "PASS fb cli/ok.py"));
  ck_assert_ptr_nonnull(strstr(out, "FAIL fb cli/wrong.py"));
  ck_assert_ptr_null(strstr(out, "\033[K"));

  static char tty[1 << 16];
  const char *args[] = {"farm", "run", "--farm", farm, "--report-dir", runs, "--filter", "o", tests, NULL};
  ck_assert_int_eq(support_run_on_pty(rig, args, NULL, tty, sizeof tty), 1);
  ck_assert_msg(strstr(tty, "\r\033[K[farm cli] boards ") != NULL, "no progress line:\n%s", tty);
  ck_assert_ptr_nonnull(strstr(tty, "| tests "));
  ck_assert_ptr_nonnull(strstr(tty, "FAIL fb cli/wrong.py"));
  ck_assert_ptr_null(strstr(tty, "PASS fb cli/ok.py")); // passes only count on the progress line
}
END_TEST

START_TEST(sigint_aborts_and_stops_the_board) {
  char target[512], pidfile[200];
  snprintf(target, sizeof target, "vboard:%s", fake);
  snprintf(pidfile, sizeof pidfile, "%s/fake.pid", root);
  pid_t pid =
      start((const char *const[]){"run", "--target", target, "--vboard-arg", "--pidfile", "--vboard-arg",
                                  pidfile, "--report-dir", runs, "--timeout", "60", tests, NULL});
  // Wait for the board to start, then give cli/hang.py (first, sorted)
  // time to start hanging.
  struct timespec ts = {0, 100000000L};
  for (int i = 0; i < 100 && access(pidfile, R_OK) != 0; i++)
    nanosleep(&ts, NULL);
  for (int i = 0; i < 10; i++)
    nanosleep(&ts, NULL);
  kill(pid, SIGINT);
  ck_assert_int_eq(finish(pid), 130);
  pid_t board = read_pidfile(pidfile);
  ck_assert_int_eq(kill(board, 0), -1);
  json_t *doc = latest_report();
  ck_assert_str_eq(json_string_value(json_object_get(doc, "status")), "aborted");
  json_decref(doc);
  ck_assert_int_eq(check_latest(), 0);
}
END_TEST

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: test_rig_cli RIG FAKE_BOARD\n");
    return 2;
  }
  rig = argv[1];
  fake = argv[2];
  Suite *s = suite_create("rig_cli");
  TCase *tc = tcase_create("cli");
  tcase_set_timeout(tc, 60);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, help_and_version);
  tcase_add_test(tc, usage_errors);
  tcase_add_test(tc, exec_target_runs);
  tcase_add_test(tc, unreachable_is_infra);
  tcase_add_test(tc, vboard_target_is_started_and_stopped);
  tcase_add_test(tc, vboard_restarted_after_a_crash);
  tcase_add_test(tc, serial_target_on_a_pty);
  tcase_add_test(tc, run_declares_capabilities);
  tcase_add_test(tc, progress_line_on_a_terminal_only);
  tcase_add_test(tc, sigint_aborts_and_stops_the_board);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

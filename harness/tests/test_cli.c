// SPDX-License-Identifier: MIT
// test_cli.c: the `rig` program end to end: help and version, usage
// errors and their exit status, runs over exec: and vboard: targets on the
// fake board program (exit 0 / 1 / 2), serial: on a pseudo-terminal,
// `rig report` and `rig report --check`, `rig ports`, and SIGINT mid-run
// (exit 130, report aborted, the started board process gone).
//
// usage: test_rig_cli RIG FAKE_BOARD
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
static char root[64], tests[128], runs[128];
static char out[1 << 16];

static void put(const char *name, const char *src, const char *exp) {
  char p[256];
  snprintf(p, sizeof p, "%s/%s", tests, name);
  FILE *f = fopen(p, "w");
  fputs(src, f);
  fclose(f);
  if (!exp) return;
  snprintf(p, sizeof p, "%s/%s.exp", tests, name);
  f = fopen(p, "w");
  fputs(exp, f);
  fclose(f);
}

static void setup(void) {
  snprintf(root, sizeof root, "/tmp/rig-cli-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(root));
  snprintf(tests, sizeof tests, "%s/conformance", root);
  mkdir(tests, 0777);
  snprintf(tests, sizeof tests, "%s/conformance/cli", root);
  mkdir(tests, 0777);
  snprintf(runs, sizeof runs, "%s/runs", root);
  put("ok.py", "print('fine')\n", "fine\n");
  put("wrong.py", "print('1 + 1 = 2')\n", "1 + 1 = 3\n");
  put("hang.py", "print('started')\n#hang\n", "started\n");
  put("noexp.py", "print(1)\n", NULL);
  // A board that drops the connection (and its process dies) mid-test.
  snprintf(tests, sizeof tests, "%s/conformance/a_drop", root);
  mkdir(tests, 0777);
  put("dropped.py", "print('bye')\n#disconnect\n", "bye\n");
  snprintf(tests, sizeof tests, "%s/conformance/cli", root);
}

static void teardown(void) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  ck_assert_int_eq(system(cmd), 0);
}

// Starts rig with [args] (NULL-terminated, without argv[0]); stdout and
// stderr go to a file read back by finish().
static pid_t start(const char *const *args) {
  char log[160];
  snprintf(log, sizeof log, "%s/out.txt", root);
  pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    FILE *f = freopen(log, "w", stdout);
    if (!f) _exit(99);
    dup2(1, 2);
    const char *argv[32];
    int n = 0;
    argv[n++] = rig;
    for (; args[n - 1] && n < 31; n++)
      argv[n] = args[n - 1];
    argv[n] = NULL;
    execv(rig, (char *const *)argv);
    _exit(98);
  }
  return pid;
}

static int finish(pid_t pid) {
  int ws;
  ck_assert_int_eq(waitpid(pid, &ws, 0), pid);
  char log[160];
  snprintf(log, sizeof log, "%s/out.txt", root);
  FILE *f = fopen(log, "r");
  size_t n = f ? fread(out, 1, sizeof out - 1, f) : 0;
  out[n] = '\0';
  if (f) fclose(f);
  ck_assert_msg(WIFEXITED(ws), "rig died by signal %d", WIFSIGNALED(ws) ? WTERMSIG(ws) : 0);
  return WEXITSTATUS(ws);
}

#define RIG(...) finish(start((const char *const[]){__VA_ARGS__, NULL}))

static json_t *latest_report(void) {
  char p[200];
  snprintf(p, sizeof p, "%s/latest/report.json", runs);
  json_error_t je;
  json_t *doc = json_load_file(p, 0, &je);
  ck_assert_msg(doc != NULL, "%s: %s", p, je.text);
  return doc;
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
  char line[128] = "";
  size_t n = 0;
  while (n + 1 < sizeof line && read(fds[0], line + n, 1) == 1 && line[n] != '\n')
    n++;
  line[n] = '\0';
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
  tcase_add_test(tc, sigint_aborts_and_stops_the_board);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

// SPDX-License-Identifier: MIT
// The virtual board as a client sees it: its TCP console (start-up line,
// raw REPL, reconnects, one client at a time, soft reset, Ctrl-C) and
// `vboard run` exit statuses.
#include <arpa/inet.h>
#include <check.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RAW_BANNER "raw REPL; CTRL-B to exit\r\n>"

static pid_t board_pid;
static int board_port, control_port;

// Starts `vboard --port 0 --control-port 0 ARGS...` and reads both ports.
static void start_board_with(const char *arg1, const char *arg2) {
  int out[2];
  ck_assert_int_eq(pipe(out), 0);
  board_pid = fork();
  ck_assert_int_ge(board_pid, 0);
  if (board_pid == 0) {
    dup2(out[1], 1);
    close(out[0]);
    close(out[1]);
    execl(VBOARD_PATH, "vboard", "--port", "0", "--control-port", "0", arg1, arg2, (char *)NULL);
    _exit(127);
  }
  close(out[1]);
  char line[256] = {0};
  size_t n = 0;
  for (int newlines = 0; newlines < 2 && n + 1 < sizeof line && read(out[0], line + n, 1) == 1; n++)
    if (line[n] == '\n') newlines++;
  close(out[0]);
  ck_assert_msg(sscanf(line, "vboard: console on 127.0.0.1:%d\nvboard: control on 127.0.0.1:%d", &board_port,
                       &control_port) == 2,
                "start-up lines: %s", line);
}

static void start_board(void) {
  start_board_with(NULL, NULL);
}

static void stop_board(void) {
  kill(board_pid, SIGTERM);
  waitpid(board_pid, NULL, 0);
}

static int connect_port(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ck_assert_int_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
  return fd;
}

static int connect_board(void) {
  return connect_port(board_port);
}

static void send_str(int fd, const char *s) {
  ck_assert_int_eq(write(fd, s, strlen(s)), (ssize_t)strlen(s));
}

// Reads until [want] has arrived (or 5 s pass); returns everything read.
static char got[8192];
static const char *read_until(int fd, const char *want) {
  size_t n = 0;
  got[0] = 0;
  for (int waited = 0; waited < 5000 && !strstr(got, want);) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    if (poll(&p, 1, 50) <= 0) {
      waited += 50;
      continue;
    }
    ssize_t r = read(fd, got + n, sizeof got - 1 - n);
    if (r <= 0) break;
    n += (size_t)r;
    got[n] = 0;
  }
  ck_assert_msg(strstr(got, want) != NULL, "wanted \"%s\", got \"%s\"", want, got);
  return got;
}

static void enter_raw(int fd) {
  send_str(fd, "\r\x03\x03\r\x01");
  read_until(fd, RAW_BANNER);
}

START_TEST(raw_repl_runs_code) {
  int fd = connect_board();
  enter_raw(fd);
  send_str(fd, "print(6*7)\x04");
  read_until(fd, "OK42\r\n\x04\x04>");
  close(fd);
}
END_TEST

START_TEST(survives_reconnect_and_refuses_second_client) {
  int fd = connect_board();
  enter_raw(fd);
  int second = connect_board();
  read_until(second, "console busy");
  close(second);
  close(fd);
  fd = connect_board();
  enter_raw(fd);
  send_str(fd, "print('again')\x04");
  read_until(fd, "OKagain\r\n\x04\x04>");
  close(fd);
}
END_TEST

START_TEST(soft_reset_from_raw_repl) {
  int fd = connect_board();
  enter_raw(fd);
  send_str(fd, "x = 5\x04");
  read_until(fd, "\x04\x04>");
  send_str(fd, "\x04");
  read_until(fd, "OK\r\nMPY: soft reboot\r\n" RAW_BANNER);
  // The soft reset forgot x.
  send_str(fd, "print(x)\x04");
  read_until(fd, "NameError");
  close(fd);
}
END_TEST

START_TEST(ctrl_c_interrupts_a_loop) {
  int fd = connect_board();
  enter_raw(fd);
  send_str(fd, "while True:\n  pass\n\x04");
  read_until(fd, "OK");
  usleep(200 * 1000);
  send_str(fd, "\x03");
  const char *out = read_until(fd, "\x04>");
  ck_assert_msg(strstr(out, "\x04Traceback (most recent call last):\r\n") != NULL, "%s", out);
  ck_assert_msg(strstr(out, "KeyboardInterrupt") != NULL, "%s", out);
  send_str(fd, "print('alive')\x04");
  read_until(fd, "OKalive\r\n");
  close(fd);
}
END_TEST

// Reads whatever arrives within [ms] milliseconds.
static size_t read_for(int fd, int ms, char *buf, size_t size) {
  size_t n = 0;
  struct pollfd p = {.fd = fd, .events = POLLIN};
  while (n + 1 < size && poll(&p, 1, ms) > 0) {
    ssize_t r = read(fd, buf + n, size - 1 - n);
    if (r <= 0) break;
    n += (size_t)r;
  }
  buf[n] = 0;
  return n;
}

START_TEST(hang_then_reset_through_control) {
  int fd = connect_board();
  enter_raw(fd);
  int ctl = connect_port(control_port);
  send_str(ctl, "hang\n");
  read_until(ctl, "ok\n");
  // A wedged board ignores Ctrl-C and says nothing.
  send_str(fd, "\r\x03\x03\r\x01");
  char quiet[256];
  ck_assert_uint_eq(read_for(fd, 300, quiet, sizeof quiet), 0);
  send_str(ctl, "reset hard\n");
  read_until(fd, "rst cause:2, boot mode:(3,6)");
  enter_raw(fd);
  send_str(fd, "print('back')\x04");
  read_until(fd, "OKback\r\n");
  send_str(ctl, "bogus\n");
  read_until(ctl, "error unknown command");
  close(ctl);
  close(fd);
}
END_TEST

START_TEST(mute_board_never_answers) {
  int ctl = connect_port(control_port);
  send_str(ctl, "mute\n");
  read_until(ctl, "ok\n");
  int fd = connect_board();
  send_str(fd, "\r\x03\r\x01");
  char quiet[256];
  ck_assert_uint_eq(read_for(fd, 300, quiet, sizeof quiet), 0);
  send_str(ctl, "clear\n");
  read_until(ctl, "ok\n");
  enter_raw(fd);
  close(ctl);
  close(fd);
}
END_TEST

static void start_profiled_board(void) {
  start_board_with("--profile", "esp01-1m");
}

static void start_slow_board(void) {
  start_board_with("--baud-limit", "9600");
}

static double seconds_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

// At 9600 baud a byte takes 1.04 ms: 480 bytes of output need 0.5 s.
START_TEST(baud_limit_paces_output) {
  int fd = connect_board();
  enter_raw(fd);
  send_str(fd, "print('x' * 478)\x04");
  double t0 = seconds_now();
  read_until(fd, "OK");
  read_until(fd, "\x04\x04>");
  double took = seconds_now() - t0;
  ck_assert_msg(took > 0.45 && took < 1.5, "480 bytes at 9600 baud took %.3f s", took);
  close(fd);
}
END_TEST

START_TEST(profile_names_the_board) {
  int fd = connect_board();
  send_str(fd, "\r\x03");
  send_str(fd, "\x02");
  read_until(fd, "; ESP-01 (1M) with ESP8266\r\n");
  close(fd);
}
END_TEST

// Runs `vboard run` on [source]; returns the exit status, output in [out].
static int run_script(const char *source, char *out, size_t out_size) {
  char path[] = "/tmp/vboard_test_XXXXXX.py";
  int fd = mkstemps(path, 3);
  ck_assert_int_ge(fd, 0);
  ck_assert_int_eq(write(fd, source, strlen(source)), (ssize_t)strlen(source));
  close(fd);
  char cmd[512];
  snprintf(cmd, sizeof cmd, "'%s' run '%s'", VBOARD_PATH, path);
  FILE *p = popen(cmd, "r");
  size_t n = fread(out, 1, out_size - 1, p);
  out[n] = 0;
  int status = pclose(p);
  unlink(path);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

START_TEST(run_reports_exit_status) {
  char out[1024];
  ck_assert_int_eq(run_script("print('hi', 1 + 2)\n", out, sizeof out), 0);
  ck_assert_str_eq(out, "hi 3\n");
  // The console is stdout, so the traceback follows the printed line.
  ck_assert_int_eq(run_script("print('a')\nraise ValueError('x')\n", out, sizeof out), 1);
  ck_assert_msg(strncmp(out, "a\nTraceback (most recent call last):\n", 37) == 0, "%s", out);
  ck_assert_msg(strstr(out, "\nValueError: x\n") != NULL, "%s", out);
  ck_assert_int_eq(run_script("import sys\nsys.exit(3)\n", out, sizeof out), 3);
}
END_TEST

START_TEST(bad_arguments_are_refused) {
  char cmd[512];
  snprintf(cmd, sizeof cmd, "'%s' --heap lots 2>/dev/null", VBOARD_PATH);
  int status = system(cmd);
  ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 2);
  snprintf(cmd, sizeof cmd, "'%s' run /nonexistent/file.py 2>/dev/null", VBOARD_PATH);
  status = system(cmd);
  ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 2);
}
END_TEST

int main(void) {
  Suite *s = suite_create("vboard");
  TCase *console = tcase_create("console");
  tcase_add_checked_fixture(console, start_board, stop_board);
  tcase_set_timeout(console, 30);
  tcase_add_test(console, raw_repl_runs_code);
  tcase_add_test(console, survives_reconnect_and_refuses_second_client);
  tcase_add_test(console, soft_reset_from_raw_repl);
  tcase_add_test(console, ctrl_c_interrupts_a_loop);
  tcase_add_test(console, hang_then_reset_through_control);
  tcase_add_test(console, mute_board_never_answers);
  suite_add_tcase(s, console);
  TCase *profiled = tcase_create("profile");
  tcase_add_checked_fixture(profiled, start_profiled_board, stop_board);
  tcase_set_timeout(profiled, 30);
  tcase_add_test(profiled, profile_names_the_board);
  suite_add_tcase(s, profiled);
  TCase *slow = tcase_create("baud-limit");
  tcase_add_checked_fixture(slow, start_slow_board, stop_board);
  tcase_set_timeout(slow, 30);
  tcase_add_test(slow, baud_limit_paces_output);
  suite_add_tcase(s, slow);
  TCase *run = tcase_create("run");
  tcase_set_timeout(run, 30);
  tcase_add_test(run, run_reports_exit_status);
  tcase_add_test(run, bad_arguments_are_refused);
  suite_add_tcase(s, run);
  SRunner *r = srunner_create(s);
  srunner_run_all(r, CK_NORMAL);
  int failed = srunner_ntests_failed(r);
  srunner_free(r);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

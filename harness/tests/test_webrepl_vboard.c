// SPDX-License-Identifier: MIT
// test_webrepl_vboard.c: the board's WebREPL server (port_esp8266/
// webrepl_server.c) on a real vboard, driven by the rig's webrepl://
// client: the whole conformance/lang suite run over WebREPL with `rig run`
// (raw REPL and raw-paste in WebSocket frames, soft resets between tests);
// a wrong password refused, its session held a second; a malformed and an oversized frame dropping
// only that session; a second client rejected while one is logged in; the
// serial REPL working throughout; and the station joining its network
// again after a hard reset, from the settings it saved in flash; rig put
// and get over WebREPL's file protocol and over the serial raw REPL.
//
// usage: test_rig_webrepl_vboard RIG VBOARD LANG_DIR
#include "repl_client.h"
#include "transport.h"
#include "websocket.h"

#include <arpa/inet.h>
#include <check.h>
#include <jansson.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define PASSWORD "pyr1te"

static const char *rig, *vboard, *lang_dir;
static pid_t vb_pid;
static char board_ip[32], serial_target[64], webrepl_target[64];

// Starts vboard on a free console port and its own loopback address.
static void start_vboard(void) {
  snprintf(board_ip, sizeof board_ip, "127.%d.%d.7", 1 + getpid() % 250, (getpid() >> 8) % 250);
  int out[2];
  ck_assert_int_eq(pipe(out), 0);
  vb_pid = fork();
  ck_assert_int_ge(vb_pid, 0);
  if (vb_pid == 0) {
    dup2(out[1], 1);
    close(out[0]);
    execl(vboard, vboard, "--port", "0", "--ip", board_ip, (char *)NULL);
    _exit(127);
  }
  close(out[1]);
  char line[128];
  size_t n = 0;
  while (n < sizeof line - 1 && read(out[0], line + n, 1) == 1 && line[n] != '\n')
    n++;
  line[n] = '\0';
  const char *p = strstr(line, "127.0.0.1:");
  ck_assert_msg(p != NULL, "vboard said '%s'", line);
  snprintf(serial_target, sizeof serial_target, "tcp:%s", p);
  snprintf(webrepl_target, sizeof webrepl_target, "webrepl://%s:8266", board_ip);
}

static void stop_vboard(void) {
  kill(vb_pid, SIGTERM);
  waitpid(vb_pid, NULL, 0);
}

static transport_t *open_target(const char *target, const char *password, rig_status_t *st) {
  transport_spec_t spec;
  char err[512];
  ck_assert_int_eq(transport_parse(target, &spec, err, sizeof err), RIG_OK);
  transport_t *t = transport_new(&spec);
  if (password) transport_set_password(t, password);
  *st = transport_open(t);
  return t;
}

// Runs [code] in the raw REPL of [t]; its stdout into [out].
static rig_status_t run_code(transport_t *t, const char *code, char *out, size_t cap) {
  repl_t *r = repl_new(t);
  repl_result_t res;
  repl_result_init(&res);
  rig_status_t st = repl_enter(r);
  if (st == RIG_OK) st = repl_exec(r, code, strlen(code), 5000, &res);
  snprintf(out, cap, "%s%s", buf_str(&res.out), buf_str(&res.err));
  repl_result_free(&res);
  repl_free(r);
  return st;
}

static void serial_exec(const char *code, const char *want) {
  rig_status_t st;
  transport_t *t = open_target(serial_target, NULL, &st);
  ck_assert_msg(st == RIG_OK, "serial: %s", transport_errmsg(t));
  char out[1024];
  st = run_code(t, code, out, sizeof out);
  ck_assert_msg(st == RIG_OK && strstr(out, want), "serial exec: %s / %s", rig_strerror(st), out);
  transport_free(t);
}

static void setup(void) {
  start_vboard();
  // Only the C module: the server lives in the board layer.
  serial_exec("import _webrepl\n_webrepl.start(8266, '" PASSWORD "')\nprint('started')\n", "started");
}

START_TEST(lang_suite_over_webrepl) {
  char runs[64], cmd[1024];
  snprintf(runs, sizeof runs, "/tmp/rig-webrepl-%d", (int)getpid());
  snprintf(cmd, sizeof cmd,
           "RIG_WEBREPL_PASSWORD=%s '%s' run --target %s --report-dir %s '%s' >/dev/null 2>&1", PASSWORD, rig,
           webrepl_target, runs, lang_dir);
  int rc = system(cmd);
  ck_assert_msg(WIFEXITED(rc) && WEXITSTATUS(rc) == 0, "rig run over WebREPL: exit %d", WEXITSTATUS(rc));
  char path[128];
  snprintf(path, sizeof path, "%s/latest/report.json", runs);
  json_error_t je;
  json_t *rep = json_load_file(path, 0, &je);
  ck_assert_ptr_nonnull(rep);
  json_t *tests = json_object_get(rep, "tests");
  ck_assert_int_gt(json_array_size(tests), 50);
  size_t i;
  json_t *tst;
  json_array_foreach(tests, i, tst) {
    const char *o = json_string_value(json_object_get(tst, "outcome"));
    ck_assert_msg(o && !strcmp(o, "pass"), "%s: %s", json_string_value(json_object_get(tst, "id")), o);
  }
  // The password is in no report.
  char *text = json_dumps(rep, 0);
  ck_assert_ptr_null(strstr(text, PASSWORD));
  free(text);
  json_decref(rep);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", runs);
  ck_assert_int_eq(system(cmd), 0);
  serial_exec("print(6 * 7)\n", "42"); // the UART REPL is still there
}
END_TEST

START_TEST(wrong_password_refused) {
  rig_status_t st;
  transport_t *t = open_target(webrepl_target, "wrong1", &st);
  ck_assert_int_eq(st, RIG_E_DENIED);
  transport_free(t);
  usleep(1000 * 1000);
  // The penalty runs on the board's clock: on a loaded machine allow it
  // a few more tries.
  t = NULL;
  for (int i = 0; i < 25; i++) {
    transport_free(t);
    t = open_target(webrepl_target, PASSWORD, &st);
    if (st == RIG_OK) break;
    usleep(200 * 1000);
  }
  ck_assert_msg(st == RIG_OK, "%s", transport_errmsg(t));
  char out[256];
  ck_assert_int_eq(run_code(t, "print('in')\n", out, sizeof out), RIG_OK);
  ck_assert_ptr_nonnull(strstr(out, "in"));
  transport_free(t);
}
END_TEST

// A raw WebSocket session: upgrade and login by hand, so that bad frames
// can be sent.
static int raw_session_with(const char *password) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(8266)};
  inet_pton(AF_INET, board_ip, &a.sin_addr);
  ck_assert_int_eq(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
  char req[256];
  size_t n = ws_upgrade_request(req, sizeof req, board_ip, 8266, "dGhlIHNhbXBsZSBub25jZQ==");
  ck_assert_int_eq(send(fd, req, n, 0), (ssize_t)n);
  char got[512];
  size_t len = 0;
  while (len < sizeof got - 1 && !memmem(got, len, "Password: ", 10)) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    ck_assert_int_eq(poll(&p, 1, 3000), 1);
    ssize_t r = recv(fd, got + len, sizeof got - 1 - len, 0);
    ck_assert_int_gt(r, 0);
    len += (size_t)r;
  }
  got[len] = '\0';
  ck_assert_ptr_nonnull(strstr(got, "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
  uint8_t frame[64], mask[4] = {1, 2, 3, 4};
  char line[32];
  int ll = snprintf(line, sizeof line, "%s\r", password);
  size_t fl = ws_encode(frame, sizeof frame, WS_TEXT, line, (size_t)ll, mask);
  send(fd, frame, fl, 0);
  return fd;
}

static int raw_session(void) {
  return raw_session_with(PASSWORD);
}

// Whether the board closes [fd] within [ms].
static int closed_by_board_within(int fd, int ms) {
  char buf[256];
  for (int i = 0; i < ms / 100; i++) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    if (poll(&p, 1, 100) == 1 && recv(fd, buf, sizeof buf, 0) <= 0) return 1;
  }
  return 0;
}

static int closed_by_board(int fd) {
  return closed_by_board_within(fd, 3000);
}

// A wrong password costs a second: the board holds the denied session that
// long before it closes it (a lower bound, which a loaded machine only
// lengthens), so guesses cannot come faster.
START_TEST(wrong_password_costs_a_second) {
  int fd = raw_session_with("guess1");
  char buf[256];
  size_t n = 0;
  int64_t t0 = 0;
  for (int i = 0; i < 100; i++) { // until "Access denied"
    struct pollfd p = {.fd = fd, .events = POLLIN};
    if (poll(&p, 1, 100) != 1) continue;
    ssize_t r = recv(fd, buf + n, sizeof buf - 1 - n, 0);
    ck_assert_int_gt(r, 0);
    n += (size_t)r;
    buf[n] = '\0';
    if (memmem(buf, n, "Access denied", 13)) {
      t0 = rig_now_ms();
      break;
    }
  }
  ck_assert_msg(t0 > 0, "no 'Access denied'");
  ck_assert(closed_by_board_within(fd, 10000));
  ck_assert_int_ge(rig_now_ms() - t0, 800);
  close(fd);
}
END_TEST

START_TEST(bad_frames_end_only_their_session) {
  // A 64-bit length, which MicroPython refuses.
  int fd = raw_session();
  const uint8_t huge[] = {0x81, 0xFF, 0, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3, 4};
  send(fd, huge, sizeof huge, 0);
  ck_assert(closed_by_board(fd));
  close(fd);
  // Reserved bits set.
  fd = raw_session();
  const uint8_t rsv[] = {0xF1, 0x81, 1, 2, 3, 4, 'x'};
  send(fd, rsv, sizeof rsv, 0);
  ck_assert(closed_by_board(fd));
  close(fd);
  // Not HTTP at all: a kilobyte of noise.
  int n = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(8266)};
  inet_pton(AF_INET, board_ip, &a.sin_addr);
  ck_assert_int_eq(connect(n, (struct sockaddr *)&a, sizeof a), 0);
  char noise[1100];
  memset(noise, 'A', sizeof noise);
  send(n, noise, sizeof noise, MSG_NOSIGNAL);
  ck_assert(closed_by_board(n));
  close(n);
  // The board is fine: a proper session and the UART both work.
  rig_status_t st;
  transport_t *t = open_target(webrepl_target, PASSWORD, &st);
  ck_assert_msg(st == RIG_OK, "%s", transport_errmsg(t));
  char out[256];
  ck_assert_int_eq(run_code(t, "print(sum(range(10)))\n", out, sizeof out), RIG_OK);
  ck_assert_ptr_nonnull(strstr(out, "45"));
  transport_free(t);
  serial_exec("print('uart ok')\n", "uart ok");
}
END_TEST

START_TEST(one_client_at_a_time) {
  rig_status_t st;
  transport_t *first = open_target(webrepl_target, PASSWORD, &st);
  ck_assert_msg(st == RIG_OK, "%s", transport_errmsg(first));
  transport_t *second = open_target(webrepl_target, PASSWORD, &st);
  ck_assert_int_ne(st, RIG_OK); // rejected: the connection is closed at once
  transport_free(second);
  char out[256];
  ck_assert_int_eq(run_code(first, "print('first still here')\n", out, sizeof out), RIG_OK);
  ck_assert_ptr_nonnull(strstr(out, "first still here"));
  transport_free(first);
}
END_TEST

// The station's settings live in flash: after a hard reset the board joins
// the network again by itself, as an ESP8266 with the SDK does. A fresh
// board (nothing saved) stays idle: the negative control.
START_TEST(station_reconnects_after_reset) {
  const char *wait = "import _net, time\nt = time.ticks_ms()\n"
                     "while _net.status() == 1 and time.ticks_diff(time.ticks_ms(), t) < 3000:\n"
                     "    time.sleep_ms(20)\nprint('status', _net.status())\n";
  serial_exec(wait, "status 0");
  serial_exec("import _net\n_net.connect('farm-lab', 'pyrite-lab-1')\nprint('asked')\n", "asked");
  serial_exec(wait, "status 5");
  rig_status_t st;
  transport_t *t = open_target(serial_target, NULL, &st);
  ck_assert_int_eq(st, RIG_OK);
  char out[512];
  run_code(t, "import machine\nmachine.reset()\n", out, sizeof out); // ends in a reset, not an answer
  transport_free(t);
  usleep(300 * 1000);
  serial_exec("import machine\nprint('cause', machine.reset_cause())\n", "cause 4");
  serial_exec(wait, "status 5");
}
END_TEST

// `rig put` / `rig get`: over WebREPL's file protocol and over the serial
// raw REPL, into the board's flash filesystem and back; a missing file is
// a clear error over both.
static int rig_cmd(const char *args, char *out, size_t cap) {
  char cmd[1024], path[64];
  snprintf(path, sizeof path, "/tmp/rig-files-%d.txt", (int)getpid());
  snprintf(cmd, sizeof cmd, "RIG_WEBREPL_PASSWORD=%s '%s' %s > %s 2>&1", PASSWORD, rig, args, path);
  int rc = system(cmd);
  FILE *f = fopen(path, "r");
  size_t n = f ? fread(out, 1, cap - 1, f) : 0;
  out[n] = '\0';
  if (f) fclose(f);
  remove(path);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

START_TEST(files_over_webrepl_and_serial) {
  char local[64], back[64], args[512], out[2048];
  snprintf(local, sizeof local, "/tmp/rig-put-%d.bin", (int)getpid());
  snprintf(back, sizeof back, "/tmp/rig-get-%d.bin", (int)getpid());
  FILE *f = fopen(local, "wb");
  for (int i = 0; i < 3000; i++)
    fputc((i * 37 + i / 256) & 0xff, f);
  fclose(f);
  const char *targets[2] = {webrepl_target, serial_target};
  for (int k = 0; k < 2; k++) {
    snprintf(args, sizeof args, "put --target %s %s data%d.bin", targets[k], local, k);
    ck_assert_msg(rig_cmd(args, out, sizeof out) == 0, "put over %s: %s", targets[k], out);
    snprintf(args, sizeof args, "get --target %s data%d.bin %s", targets[k], k, back);
    ck_assert_msg(rig_cmd(args, out, sizeof out) == 0, "get over %s: %s", targets[k], out);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "cmp -s %s %s", local, back);
    ck_assert_msg(system(cmd) == 0, "round trip over %s differs", targets[k]);
    remove(back);
    snprintf(args, sizeof args, "get --target %s no-such-file %s", targets[k], back);
    ck_assert_int_eq(rig_cmd(args, out, sizeof out), 2);
    ck_assert_msg(access(back, F_OK) != 0, "a failed get left %s", back);
  }
  // The board sees what WebREPL wrote.
  serial_exec("print(len(open('data0.bin', 'rb').read()))\n", "3000");
  remove(local);
}
END_TEST

// `rig run --transport both` on a vboard it starts: a plain test agrees;
// a test that sees whether WebREPL is running passes over the console and
// fails over WebREPL, so the two legs differ and the exit status says so.
START_TEST(transport_both_reports_differences) {
  char dir[64], cmd[1024];
  snprintf(dir, sizeof dir, "/tmp/rig-both-%d", (int)getpid());
  snprintf(cmd, sizeof cmd,
           "mkdir -p %s/t && printf 'print(6 * 7)\\n' > %s/t/same.py && echo 42 > %s/t/same.py.exp && "
           "printf 'import _webrepl\\nprint(_webrepl.running())\\n' > %s/t/which.py && "
           "echo False > %s/t/which.py.exp",
           dir, dir, dir, dir, dir);
  ck_assert_int_eq(system(cmd), 0);
  snprintf(cmd, sizeof cmd,
           "'%s' run --target vboard:%s --transport both --report-dir %s/runs %s/t > %s/out.txt 2>&1", rig,
           vboard, dir, dir, dir);
  int rc = system(cmd);
  ck_assert(WIFEXITED(rc));
  ck_assert_int_eq(WEXITSTATUS(rc), 1);
  char path[128], text[8192] = "";
  snprintf(path, sizeof path, "%s/out.txt", dir);
  FILE *f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  size_t n = fread(text, 1, sizeof text - 1, f);
  text[n] = '\0';
  fclose(f);
  ck_assert_msg(strstr(text, "  which.py: console pass, webrepl fail") != NULL, "%s", text);
  ck_assert_ptr_null(strstr(text, "same.py: console"));
  ck_assert_ptr_nonnull(strstr(text, "1 differ"));
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  ck_assert_int_eq(system(cmd), 0);
}
END_TEST

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s RIG VBOARD LANG_DIR\n", argv[0]);
    return 2;
  }
  rig = argv[1];
  vboard = argv[2];
  lang_dir = argv[3];
  signal(SIGPIPE, SIG_IGN);
  Suite *s = suite_create("webrepl_vboard");
  TCase *tc = tcase_create("webrepl");
  tcase_add_checked_fixture(tc, setup, stop_vboard);
  tcase_set_timeout(tc, 240);
  tcase_add_test(tc, wrong_password_refused);
  tcase_add_test(tc, wrong_password_costs_a_second);
  tcase_add_test(tc, bad_frames_end_only_their_session);
  tcase_add_test(tc, one_client_at_a_time);
  tcase_add_test(tc, lang_suite_over_webrepl);
  tcase_add_test(tc, station_reconnects_after_reset);
  tcase_add_test(tc, files_over_webrepl_and_serial);
  suite_add_tcase(s, tc);
  TCase *both = tcase_create("both");
  tcase_set_timeout(both, 120);
  tcase_add_test(both, transport_both_reports_differences);
  suite_add_tcase(s, both);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

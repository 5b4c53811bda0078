// SPDX-License-Identifier: MIT
// test_webrepl.c: the WebSocket codec against the byte sequences of
// RFC 6455 section 5.7, and the webrepl:// transport against a scripted
// WebREPL server (PROTOCOLS.md section 2) in a forked process: login, the
// raw REPL and raw-paste carried over frames to the fake board, a wrong
// password, a server that is not WebREPL, and malformed frames.
#include "fake_board.h"
#include "file_transfer.h"
#include "repl_client.h"
#include "websocket.h"

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
#include <unistd.h>

// ---- codec ---------------------------------------------------------------

START_TEST(unmasked_text_frame_from_rfc) {
  const uint8_t rec[] = {0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f};
  ws_frame_t f;
  const char *why;
  ck_assert_int_eq(ws_parse_header(rec, sizeof rec, 1024, &f, &why), 1);
  ck_assert(f.fin && f.opcode == WS_TEXT && !f.masked);
  ck_assert_uint_eq(f.header_len, 2);
  ck_assert_uint_eq(f.payload_len, 5);
  ck_assert(!memcmp(rec + 2, "Hello", 5));
  uint8_t out[16];
  ck_assert_uint_eq(ws_encode(out, sizeof out, WS_TEXT, "Hello", 5, NULL), sizeof rec);
  ck_assert(!memcmp(out, rec, sizeof rec));
}
END_TEST

START_TEST(masked_text_frame_from_rfc) {
  const uint8_t rec[] = {0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58};
  const uint8_t mask[4] = {0x37, 0xfa, 0x21, 0x3d};
  uint8_t out[32];
  ck_assert_uint_eq(ws_encode(out, sizeof out, WS_TEXT, "Hello", 5, mask), sizeof rec);
  ck_assert(!memcmp(out, rec, sizeof rec));
  ws_frame_t f;
  ck_assert_int_eq(ws_parse_header(out, sizeof rec, 1024, &f, NULL), 1);
  ck_assert(f.masked && f.header_len == 6 && f.payload_len == 5);
  ws_unmask(out + 6, 5, f.mask, 0);
  ck_assert(!memcmp(out + 6, "Hello", 5));
}
END_TEST

START_TEST(lengths_16_and_64_bit) {
  static uint8_t payload[256], out[300];
  ck_assert_uint_eq(ws_encode(out, sizeof out, WS_BINARY, payload, 256, NULL), 260);
  const uint8_t head16[] = {0x82, 0x7E, 0x01, 0x00};
  ck_assert(!memcmp(out, head16, 4));
  ws_frame_t f;
  ck_assert_int_eq(ws_parse_header(out, 3, 1024, &f, NULL), 0); // incomplete
  ck_assert_int_eq(ws_parse_header(out, 4, 1024, &f, NULL), 1);
  ck_assert_uint_eq(f.payload_len, 256);
  // 64 KiB in the 64-bit form (RFC 6455 5.7): above our limit, refused.
  const uint8_t head64[] = {0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0};
  const char *why = NULL;
  ck_assert_int_eq(ws_parse_header(head64, sizeof head64, 65535, &f, &why), -1);
  ck_assert_ptr_nonnull(strstr(why, "larger"));
  ck_assert_int_eq(ws_parse_header(head64, sizeof head64, 1 << 20, &f, &why), 1);
  ck_assert_uint_eq(f.payload_len, 65536);
  ck_assert_uint_eq(ws_encode(out, 10, WS_TEXT, payload, 20, NULL), 0); // no room
}
END_TEST

START_TEST(bad_headers_rejected) {
  ws_frame_t f;
  const char *why;
  const uint8_t rsv[] = {0xC1, 0x00};
  ck_assert_int_eq(ws_parse_header(rsv, 2, 1024, &f, &why), -1);
  const uint8_t op[] = {0x83, 0x00};
  ck_assert_int_eq(ws_parse_header(op, 2, 1024, &f, &why), -1);
  const uint8_t longping[] = {0x89, 0x7E, 0x00, 0x80};
  ck_assert_int_eq(ws_parse_header(longping, 4, 1024, &f, &why), -1);
  const uint8_t fragclose[] = {0x08, 0x00};
  ck_assert_int_eq(ws_parse_header(fragclose, 2, 1024, &f, &why), -1);
}
END_TEST

START_TEST(upgrade_answer_checked) {
  char why[200];
  ck_assert_int_eq(ws_check_upgrade("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                    "Connection: Upgrade\r\nSec-WebSocket-Accept: x\r\n\r\n",
                                    why, sizeof why),
                   0);
  ck_assert_int_eq(ws_check_upgrade("HTTP/1.1 101 OK\r\nupgrade: WebSocket\r\n\r\n", why, sizeof why), 0);
  // What WebREPL answers a plain browser request with.
  ck_assert_int_eq(ws_check_upgrade("HTTP/1.0 200 OK\r\n\r\n<base href=\"x\"></base>", why, sizeof why), -1);
  ck_assert_ptr_nonnull(strstr(why, "200 OK"));
  ck_assert_int_eq(ws_check_upgrade("HTTP/1.1 101 OK\r\n\r\n", why, sizeof why), -1);
  ck_assert_int_eq(ws_check_upgrade("SSH-2.0-OpenSSH\r\n\r\n", why, sizeof why), -1);
  char req[300];
  size_t n = ws_upgrade_request(req, sizeof req, "10.0.0.7", 8266, "Zm9v");
  ck_assert_uint_gt(n, 0);
  ck_assert_ptr_nonnull(strstr(req, "GET / HTTP/1.1\r\n"));
  ck_assert_ptr_nonnull(strstr(req, "Upgrade: websocket\r\n"));
  ck_assert_ptr_nonnull(strstr(req, "Sec-WebSocket-Key: Zm9v\r\n"));
  ck_assert_ptr_nonnull(strstr(req, "\r\n\r\n"));
  ck_assert_uint_eq(ws_upgrade_request(req, 20, "10.0.0.7", 8266, "Zm9v"), 0);
}
END_TEST

// ---- a scripted WebREPL server ------------------------------------------

typedef enum { SERVE_OK, SERVE_NOT_WEBREPL, SERVE_BAD_FRAME, SERVE_SILENT } serve_mode_t;

#define GOOD_PASSWORD "s3cret"

static int read_exact(int fd, void *buf, size_t n) {
  uint8_t *p = buf;
  while (n) {
    ssize_t r = read(fd, p, n);
    if (r <= 0) return -1;
    p += r;
    n -= (size_t)r;
  }
  return 0;
}

static void send_text(int fd, const void *p, size_t n) {
  uint8_t frame[70000];
  size_t len = ws_encode(frame, sizeof frame, WS_TEXT, p, n, NULL);
  if (write(fd, frame, len) != (ssize_t)len) _exit(3);
}

// Reads one client frame: its payload unmasked into [buf]; the opcode, or -1.
static int read_frame(int fd, uint8_t *buf, size_t cap, size_t *len) {
  uint8_t head[WS_HEADER_MAX];
  size_t have = 0;
  ws_frame_t f;
  int r;
  while ((r = ws_parse_header(head, have, cap, &f, NULL)) == 0) {
    if (have == sizeof head || read_exact(fd, head + have, 1)) return -1;
    have++;
  }
  if (r < 0 || !f.masked) return -1; // RFC 6455: a client must mask
  if (read_exact(fd, buf, (size_t)f.payload_len)) return -1;
  ws_unmask(buf, (size_t)f.payload_len, f.mask, 0);
  *len = (size_t)f.payload_len;
  return f.opcode;
}

static void send_binary(int fd, const void *p, size_t n) {
  uint8_t frame[70000];
  size_t len = ws_encode(frame, sizeof frame, WS_BINARY, p, n, NULL);
  if (write(fd, frame, len) != (ssize_t)len) _exit(3);
}

// The board's side of WebREPL's file protocol (PROTOCOLS.md 2.5) over one
// file held in memory. Fed the payload of each binary frame.
static struct {
  uint8_t rec[82];
  size_t reclen;
  int state; // 0 request, 1 PUT data, 2 GET (waiting for \0 requests)
  char name[65];
  uint8_t data[70000];
  size_t size, want, sent;
  int exists;
} fs;

static void file_protocol(int c, const uint8_t *p, size_t n) {
  static const uint8_t ok[4] = {'W', 'B', 0, 0};
  for (size_t i = 0; i < n; i++) {
    if (fs.state == 1) {
      fs.data[fs.size++] = p[i];
      if (fs.size == fs.want) {
        send_binary(c, ok, 4);
        fs.exists = 1;
        fs.state = 0;
      }
      continue;
    }
    if (fs.state == 2) { // each byte asks for the next chunk
      size_t left = fs.size - fs.sent, k = left > 256 ? 256 : left;
      uint8_t chunk[258] = {(uint8_t)k, (uint8_t)(k >> 8)};
      memcpy(chunk + 2, fs.data + fs.sent, k);
      send_binary(c, chunk, k + 2);
      fs.sent += k;
      if (k == 0) {
        send_binary(c, ok, 4);
        fs.state = 0;
      }
      continue;
    }
    fs.rec[fs.reclen++] = p[i];
    if (fs.reclen < 82) continue;
    fs.reclen = 0;
    size_t namelen = (size_t)(fs.rec[16] | fs.rec[17] << 8);
    if (namelen > 64) _exit(0);
    char name[65];
    memcpy(name, fs.rec + 18, namelen);
    name[namelen] = '\0';
    if (fs.rec[2] == 3) {
      send_binary(c, (const uint8_t[]){1, 22, 0}, 3);
    } else if (fs.rec[2] == 1) {
      snprintf(fs.name, sizeof fs.name, "%s", name);
      fs.want = (size_t)(fs.rec[12] | fs.rec[13] << 8 | fs.rec[14] << 16 | (uint32_t)fs.rec[15] << 24);
      fs.size = 0;
      send_binary(c, ok, 4);
      fs.state = 1;
      if (fs.want == 0) { // nothing to wait for: the second answer at once
        send_binary(c, ok, 4);
        fs.exists = 1;
        fs.state = 0;
      }
    } else if (fs.rec[2] == 2) {
      if (!fs.exists || strcmp(name, fs.name)) _exit(0); // as MicroPython: the session ends
      send_binary(c, ok, 4);
      fs.sent = 0;
      fs.state = 2;
    }
  }
}

// One session: HTTP upgrade, password, then the REPL bytes of the fake
// board carried both ways in text frames, and binary frames to the file
// protocol.
static void serve(int c, serve_mode_t mode) {
  char head[2048];
  size_t n = 0;
  while (n < sizeof head - 1 && !strstr(head, "\r\n\r\n")) {
    if (read(c, head + n, 1) != 1) _exit(0);
    head[++n] = '\0';
  }
  if (mode == SERVE_NOT_WEBREPL) {
    const char *page = "HTTP/1.0 200 OK\r\n\r\n<base href=\"https://example.invalid/\"></base>\r\n";
    if (write(c, page, strlen(page)) < 0) _exit(3);
    _exit(0);
  }
  if (mode == SERVE_SILENT) {
    sleep(30);
    _exit(0);
  }
  const char *ok = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Accept: unchecked\r\n\r\n";
  if (write(c, ok, strlen(ok)) < 0) _exit(3);
  send_text(c, "Password: ", 10);
  char pw[16];
  size_t pwlen = 0;
  static uint8_t buf[70000];
  while (pwlen < sizeof pw - 1) {
    size_t len;
    if (read_frame(c, buf, sizeof buf, &len) < 0) _exit(0);
    for (size_t i = 0; i < len && pwlen < sizeof pw - 1; i++) {
      if (buf[i] == '\r' || buf[i] == '\n') goto got;
      pw[pwlen++] = (char)buf[i];
    }
  }
got:
  pw[pwlen] = '\0';
  if (strcmp(pw, GOOD_PASSWORD)) {
    send_text(c, "\r\nAccess denied\r\n", 17);
    _exit(0);
  }
  send_text(c, "\r\nWebREPL connected\r\n>>> ", 25);
  if (mode == SERVE_BAD_FRAME) {
    const uint8_t huge[] = {0x81, 0x7F, 0, 0, 0, 1, 0, 0, 0, 0};
    if (write(c, huge, sizeof huge) < 0) _exit(3);
    sleep(5);
    _exit(0);
  }
  int board;
  pid_t bp = fake_board_start(&(fake_opts_t){.paste = 1, .window = 64}, &board);
  if (bp <= 0) _exit(3);
  for (;;) {
    struct pollfd p[2] = {{.fd = c, .events = POLLIN}, {.fd = board, .events = POLLIN}};
    if (poll(p, 2, -1) < 0) break;
    if (p[0].revents) {
      size_t len;
      int op = read_frame(c, buf, sizeof buf, &len);
      if (op < 0 || op == WS_CLOSE) break;
      if (op == WS_TEXT && write(board, buf, len) != (ssize_t)len) break;
      if (op == WS_BINARY) file_protocol(c, buf, len);
    }
    if (p[1].revents) {
      ssize_t r = read(board, buf, 300); // small frames, as the board's 256-byte writes
      if (r <= 0) break;
      send_text(c, buf, (size_t)r);
    }
  }
  fake_board_stop(bp);
  _exit(0);
}

static pid_t server_pid;
static int server_port;

static void server_start(serve_mode_t mode) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  ck_assert_int_ge(s, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  ck_assert_int_eq(bind(s, (struct sockaddr *)&a, sizeof a), 0);
  ck_assert_int_eq(listen(s, 1), 0);
  socklen_t al = sizeof a;
  getsockname(s, (struct sockaddr *)&a, &al);
  server_port = ntohs(a.sin_port);
  server_pid = fork();
  ck_assert_int_ge(server_pid, 0);
  if (server_pid == 0) {
    signal(SIGTERM, SIG_DFL); // not the rig's handler, which stops a whole group
    signal(SIGINT, SIG_DFL);
    int c = accept(s, NULL, NULL);
    if (c < 0) _exit(3);
    serve(c, mode);
  }
  close(s);
}

static void server_stop(void) {
  kill(server_pid, SIGTERM);
  waitpid(server_pid, NULL, 0);
}

static transport_t *connect_to_server(const char *password) {
  char target[64], err[512];
  transport_spec_t spec;
  snprintf(target, sizeof target, "webrepl://127.0.0.1:%d", server_port);
  ck_assert_int_eq(transport_parse(target, &spec, err, sizeof err), RIG_OK);
  ck_assert_int_eq(spec.kind, TRANSPORT_WEBREPL);
  transport_t *t = transport_new(&spec);
  transport_set_password(t, password);
  return t;
}

START_TEST(raw_repl_and_raw_paste_over_webrepl) {
  server_start(SERVE_OK);
  transport_t *t = connect_to_server(GOOD_PASSWORD);
  ck_assert_msg(transport_open(t) == RIG_OK, "%s", transport_errmsg(t));
  repl_t *r = repl_new(t);
  ck_assert_int_eq(repl_enter(r), RIG_OK);
  repl_result_t res;
  repl_result_init(&res);
  // Long enough to take several WebSocket frames and raw-paste windows.
  static char code[6000];
  size_t n = 0;
  for (int i = 0; i < 200; i++)
    n += (size_t)snprintf(code + n, sizeof code - n, "x%03d = %d\n", i, i);
  n += (size_t)snprintf(code + n, sizeof code - n, "print('over the air')\n");
  rig_status_t st = repl_exec(r, code, n, 5000, &res);
  ck_assert_msg(st == RIG_OK, "%s: %s", rig_strerror(st), repl_errmsg(r));
  ck_assert_int_eq(res.used_paste, 1);
  ck_assert_msg(strstr(buf_str(&res.out), "over the air\r\n"), "out: %s", buf_str(&res.out));
  // The board saw the raw-paste windows honoured across the frames.
  repl_result_free(&res);
  repl_result_init(&res);
  ck_assert_int_eq(repl_exec(r, "#stats\n", 7, 5000, &res), RIG_OK);
  ck_assert_msg(strstr(buf_str(&res.out), "violations=0"), "%s", buf_str(&res.out));
  repl_result_free(&res);
  repl_free(r);
  transport_free(t);
  server_stop();
}
END_TEST

START_TEST(files_put_get_and_version) {
  server_start(SERVE_OK);
  transport_t *t = connect_to_server(GOOD_PASSWORD);
  ck_assert_msg(transport_open(t) == RIG_OK, "%s", transport_errmsg(t));
  static uint8_t data[3000];
  for (size_t i = 0; i < sizeof data; i++)
    data[i] = (uint8_t)(i * 7 + (i >> 8));
  char err[512];
  rig_status_t st = files_put(t, NULL, "lib/data.bin", data, sizeof data, 5000, err, sizeof err);
  ck_assert_msg(st == RIG_OK, "%s", err);
  buf_t back;
  buf_init(&back, 1 << 20);
  st = files_get(t, NULL, "lib/data.bin", &back, 5000, err, sizeof err);
  ck_assert_msg(st == RIG_OK, "%s", err);
  ck_assert_uint_eq(back.len, sizeof data);
  ck_assert(!memcmp(back.data, data, sizeof data));
  int ver[3];
  ck_assert_int_eq(files_webrepl_version(t, ver, 5000, err, sizeof err), RIG_OK);
  ck_assert(ver[0] == 1 && ver[1] == 22 && ver[2] == 0);
  // An empty file: the board answers WB twice at once.
  ck_assert_int_eq(files_put(t, NULL, "empty", "", 0, 5000, err, sizeof err), RIG_OK);
  buf_reset(&back);
  ck_assert_int_eq(files_get(t, NULL, "empty", &back, 5000, err, sizeof err), RIG_OK);
  ck_assert_uint_eq(back.len, 0);
  // The REPL still works after binary traffic.
  repl_t *r = repl_new(t);
  ck_assert_int_eq(repl_enter(r), RIG_OK);
  repl_result_t res;
  repl_result_init(&res);
  ck_assert_int_eq(repl_exec(r, "print('after files')\n", 21, 5000, &res), RIG_OK);
  ck_assert_ptr_nonnull(strstr(buf_str(&res.out), "after files"));
  repl_result_free(&res);
  repl_free(r);
  // A name too long for WebREPL's record is refused before sending.
  char longname[80];
  memset(longname, 'n', sizeof longname - 1);
  longname[sizeof longname - 1] = '\0';
  ck_assert_int_eq(files_put(t, NULL, longname, "x", 1, 5000, err, sizeof err), RIG_E_USAGE);
  // A missing file: MicroPython ends the session; the rig says so.
  st = files_get(t, NULL, "missing.txt", &back, 5000, err, sizeof err);
  ck_assert_int_ne(st, RIG_OK);
  ck_assert_ptr_nonnull(strstr(err, "GET_FILE"));
  buf_free(&back);
  transport_free(t);
  server_stop();
}
END_TEST

START_TEST(request_record_layout) {
  unsigned char rec[82];
  files_webrepl_request(rec, 1, 0x01020304, "main.py");
  ck_assert(rec[0] == 'W' && rec[1] == 'A' && rec[2] == 1 && rec[3] == 0);
  for (int i = 4; i < 12; i++)
    ck_assert_int_eq(rec[i], 0);
  ck_assert(rec[12] == 4 && rec[13] == 3 && rec[14] == 2 && rec[15] == 1);
  ck_assert(rec[16] == 7 && rec[17] == 0);
  ck_assert(!memcmp(rec + 18, "main.py", 7) && rec[25] == 0 && rec[81] == 0);
}
END_TEST

START_TEST(wrong_password_is_denied) {
  server_start(SERVE_OK);
  transport_t *t = connect_to_server("wrong1");
  ck_assert_int_eq(transport_open(t), RIG_E_DENIED);
  ck_assert_ptr_nonnull(strstr(transport_errmsg(t), "Access denied"));
  ck_assert_ptr_null(strstr(transport_errmsg(t), "wrong1"));
  transport_free(t);
  server_stop();
}
END_TEST

START_TEST(no_password_is_a_usage_error) {
  server_start(SERVE_OK);
  unsetenv("RIG_WEBREPL_PASSWORD");
  transport_t *t = connect_to_server("");
  ck_assert_int_eq(transport_open(t), RIG_E_USAGE);
  ck_assert_ptr_nonnull(strstr(transport_errmsg(t), "RIG_WEBREPL_PASSWORD"));
  transport_free(t);
  server_stop();
}
END_TEST

START_TEST(password_from_environment) {
  server_start(SERVE_OK);
  setenv("RIG_WEBREPL_PASSWORD", GOOD_PASSWORD, 1);
  transport_t *t = connect_to_server("");
  ck_assert_msg(transport_open(t) == RIG_OK, "%s", transport_errmsg(t));
  unsetenv("RIG_WEBREPL_PASSWORD");
  transport_free(t);
  server_stop();
}
END_TEST

START_TEST(not_a_webrepl_server) {
  server_start(SERVE_NOT_WEBREPL);
  transport_t *t = connect_to_server(GOOD_PASSWORD);
  ck_assert_int_eq(transport_open(t), RIG_E_PROTOCOL);
  ck_assert_ptr_nonnull(strstr(transport_errmsg(t), "did not switch"));
  transport_free(t);
  server_stop();
}
END_TEST

START_TEST(oversized_frame_from_board_is_an_error) {
  server_start(SERVE_BAD_FRAME);
  transport_t *t = connect_to_server(GOOD_PASSWORD);
  ck_assert_msg(transport_open(t) == RIG_OK, "%s", transport_errmsg(t));
  char buf[64];
  size_t got;
  rig_status_t st;
  // ">>> " after the login, then the bad frame.
  while ((st = transport_read(t, buf, sizeof buf, &got, 2000)) == RIG_OK)
    ;
  ck_assert_int_eq(st, RIG_E_PROTOCOL);
  ck_assert_ptr_nonnull(strstr(transport_errmsg(t), "larger"));
  transport_free(t);
  server_stop();
}
END_TEST

START_TEST(silent_server_times_out) {
  server_start(SERVE_SILENT);
  transport_t *t = connect_to_server(GOOD_PASSWORD);
  int64_t t0 = rig_now_ms();
  ck_assert_int_eq(transport_open(t), RIG_E_TIMEOUT);
  ck_assert_int_lt(rig_now_ms() - t0, 8000);
  transport_free(t);
  server_stop();
}
END_TEST

START_TEST(target_forms) {
  transport_spec_t spec;
  char err[512];
  ck_assert_int_eq(transport_parse("webrepl://192.168.4.1", &spec, err, sizeof err), RIG_OK);
  ck_assert_str_eq(spec.host, "192.168.4.1");
  ck_assert_int_eq(spec.port, 8266);
  ck_assert_int_eq(transport_parse("webrepl://board7:9000/", &spec, err, sizeof err), RIG_OK);
  ck_assert_str_eq(spec.host, "board7");
  ck_assert_int_eq(spec.port, 9000);
  ck_assert_int_eq(transport_parse("webrepl://[::1]:8266", &spec, err, sizeof err), RIG_OK);
  ck_assert_str_eq(spec.host, "::1");
  ck_assert_int_eq(transport_parse("webrepl://", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_int_eq(transport_parse("webrepl://h:0", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_int_eq(transport_parse("webrepl://pw@h", &spec, err, sizeof err), RIG_E_TARGET);
  ck_assert_ptr_null(strstr(err, "pw@")); // a password typed into a target is not echoed
}
END_TEST

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  Suite *s = suite_create("webrepl");
  TCase *codec = tcase_create("codec");
  tcase_add_test(codec, unmasked_text_frame_from_rfc);
  tcase_add_test(codec, masked_text_frame_from_rfc);
  tcase_add_test(codec, lengths_16_and_64_bit);
  tcase_add_test(codec, bad_headers_rejected);
  tcase_add_test(codec, upgrade_answer_checked);
  tcase_add_test(codec, target_forms);
  tcase_add_test(codec, request_record_layout);
  suite_add_tcase(s, codec);
  TCase *session = tcase_create("session");
  tcase_set_timeout(session, 30);
  tcase_add_test(session, raw_repl_and_raw_paste_over_webrepl);
  tcase_add_test(session, files_put_get_and_version);
  tcase_add_test(session, wrong_password_is_denied);
  tcase_add_test(session, no_password_is_a_usage_error);
  tcase_add_test(session, password_from_environment);
  tcase_add_test(session, not_a_webrepl_server);
  tcase_add_test(session, oversized_frame_from_board_is_an_error);
  tcase_add_test(session, silent_server_times_out);
  suite_add_tcase(s, session);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

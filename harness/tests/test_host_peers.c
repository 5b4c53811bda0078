// SPDX-License-Identifier: MIT
// test_host_peers.c: the peers a "# host:" line starts: the echo server
// echoes, the HTTP server answers its three pages and a 404, knock reaches a listening "board" and answers
// its line, the MQTT broker (mosquitto) accepts a connection and mqtt-echo answers on rig/out what arrives on
// rig/in (checked with a raw MQTT client written here), broker-restart takes the broker down and up again;
// bad entries are refused and a missing broker program is a clear error.
#include "host_peers.h"

#include <arpa/inet.h>
#include <check.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  if (connect(fd, (struct sockaddr *)&a, sizeof a)) {
    close(fd);
    return -1;
  }
  return fd;
}

static int read_some(int fd, char *buf, size_t cap, int ms) {
  struct pollfd p = {.fd = fd, .events = POLLIN};
  if (poll(&p, 1, ms) <= 0) return 0;
  ssize_t n = recv(fd, buf, cap, 0);
  return n > 0 ? (int)n : 0;
}

static int prelude_int(const buf_t *b, const char *name) {
  const char *p = strstr(buf_str(b), name);
  return p ? atoi(p + strlen(name) + 1) : -1;
}

START_TEST(echo_server_echoes) {
  host_peers_t *hp = host_peers_new();
  buf_t pre, log;
  buf_init(&pre, 4096);
  buf_init(&log, 4096);
  char err[256];
  ck_assert_int_eq(host_peers_start(hp, "echo", &pre, err, sizeof err), RIG_OK);
  ck_assert_ptr_nonnull(strstr(buf_str(&pre), "RIG_HOST='127.0.0.1';RIG_ECHO_PORT="));
  ck_assert_int_eq(buf_str(&pre)[pre.len - 1], '\n');
  int fd = connect_to(prelude_int(&pre, "RIG_ECHO_PORT"));
  ck_assert_int_ge(fd, 0);
  ck_assert_int_eq(send(fd, "ping 123", 8, 0), 8);
  char buf[64] = "";
  ck_assert_int_eq(read_some(fd, buf, sizeof buf, 2000), 8);
  ck_assert(!memcmp(buf, "ping 123", 8));
  close(fd);
  host_peers_stop(hp, &log);
  ck_assert_ptr_nonnull(strstr(buf_str(&log), "echo: 1 connections, 8 bytes"));
  buf_free(&pre);
  buf_free(&log);
  host_peers_free(hp);
}
END_TEST

static void http_roundtrip(int port, const char *req, const char *want) {
  int fd = connect_to(port);
  ck_assert_int_ge(fd, 0);
  send(fd, req, strlen(req), 0);
  char buf[1024];
  int n = 0, got;
  while ((got = read_some(fd, buf + n, sizeof buf - 1 - (size_t)n, 2000)) > 0)
    n += got;
  buf[n] = '\0';
  ck_assert_msg(strstr(buf, want) != NULL, "got: %s", buf);
  close(fd);
}

START_TEST(send_server_sends_its_bytes) {
  host_peers_t *hp = host_peers_new();
  buf_t pre, log;
  buf_init(&pre, 4096);
  buf_init(&log, 4096);
  char err[256];
  ck_assert_int_eq(host_peers_start(hp, "send ff8001", &pre, err, sizeof err), RIG_OK);
  int fd = connect_to(prelude_int(&pre, "RIG_SEND_PORT"));
  ck_assert_int_ge(fd, 0);
  unsigned char buf[8];
  ck_assert_int_eq(read_some(fd, (char *)buf, sizeof buf, 2000), 3);
  ck_assert(buf[0] == 0xff && buf[1] == 0x80 && buf[2] == 0x01);
  ck_assert_int_eq(read_some(fd, (char *)buf, sizeof buf, 500), 0); // then it closes
  close(fd);
  host_peers_stop(hp, &log);
  ck_assert_ptr_nonnull(strstr(buf_str(&log), "send: 1 connections"));
  buf_free(&pre);
  buf_free(&log);
  host_peers_free(hp);
}
END_TEST

START_TEST(http_server_answers) {
  host_peers_t *hp = host_peers_new();
  buf_t pre, log;
  buf_init(&pre, 4096);
  buf_init(&log, 4096);
  char err[256];
  ck_assert_int_eq(host_peers_start(hp, "http", &pre, err, sizeof err), RIG_OK);
  int port = prelude_int(&pre, "RIG_HTTP_PORT");
  http_roundtrip(port, "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n", "Content-Length: 12\r\n\r\nhello board\n");
  http_roundtrip(port, "GET /chunked HTTP/1.1\r\n\r\n", "5\r\nfirst\r\n");
  http_roundtrip(port, "POST /echo HTTP/1.1\r\nX-Test: t1\r\nContent-Length: 7\r\n\r\n{\"a\":1}",
                 "X-Test: t1\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
  http_roundtrip(port, "GET /nothing HTTP/1.1\r\n\r\n", "404 Not Found");
  host_peers_stop(hp, &log);
  ck_assert_ptr_nonnull(strstr(buf_str(&log), "http: 4 requests"));
  buf_free(&pre);
  buf_free(&log);
  host_peers_free(hp);
}
END_TEST

START_TEST(knock_reaches_the_board_server) {
  // The "board": a server on 127.0.0.1 that answers the knock with a line.
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET};
  inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
  ck_assert_int_eq(bind(s, (struct sockaddr *)&a, sizeof a), 0);
  listen(s, 1);
  socklen_t al = sizeof a;
  getsockname(s, (struct sockaddr *)&a, &al);
  char list[64];
  snprintf(list, sizeof list, "knock %d", ntohs(a.sin_port));
  host_peers_t *hp = host_peers_new();
  host_peers_set_addresses(hp, "127.0.0.1", "127.0.0.1");
  buf_t pre, log;
  buf_init(&pre, 4096);
  buf_init(&log, 4096);
  char err[256];
  ck_assert_int_eq(host_peers_start(hp, list, &pre, err, sizeof err), RIG_OK);
  int c = accept(s, NULL, NULL);
  ck_assert_int_ge(c, 0);
  char buf[128] = "";
  ck_assert_int_eq(read_some(c, buf, sizeof buf, 2000), 6);
  ck_assert(!memcmp(buf, "knock\n", 6));
  send(c, "board here\n", 11, 0);
  int n = 0, got;
  while (n < 22 && (got = read_some(c, buf + n, sizeof buf - 1 - (size_t)n, 2000)) > 0)
    n += got;
  buf[n] = '\0';
  ck_assert_str_eq(buf, "host got: board here\n");
  close(c);
  close(s);
  host_peers_stop(hp, &log);
  ck_assert_ptr_nonnull(strstr(buf_str(&log), "knock: board here"));
  buf_free(&pre);
  buf_free(&log);
  host_peers_free(hp);
}
END_TEST

START_TEST(bad_entries_refused) {
  host_peers_t *hp = host_peers_new();
  buf_t pre;
  buf_init(&pre, 4096);
  char err[256];
  ck_assert_int_eq(host_peers_start(hp, "echo, telnet", &pre, err, sizeof err), RIG_E_USAGE);
  ck_assert_ptr_nonnull(strstr(err, "telnet"));
  ck_assert_int_eq(host_peers_start(hp, "knock 80", &pre, err, sizeof err), RIG_E_USAGE); // no board address
  ck_assert_ptr_nonnull(strstr(err, "address"));
  ck_assert_int_eq(host_peers_start(hp, "send 12z4", &pre, err, sizeof err), RIG_E_USAGE);
  ck_assert_int_eq(host_peers_start(hp, "send", &pre, err, sizeof err), RIG_E_USAGE);
  ck_assert_int_eq(host_peers_start(hp, "knock 0", &pre, err, sizeof err), RIG_E_USAGE);
  ck_assert_int_eq(host_peers_start(hp, "broker-restart -1", &pre, err, sizeof err), RIG_E_USAGE);
  host_peers_set_broker_command(hp, "/nonexistent/mosquitto");
  ck_assert_int_eq(host_peers_start(hp, "broker", &pre, err, sizeof err), RIG_E_SPAWN);
  ck_assert_ptr_nonnull(strstr(err, "mosquitto"));
  buf_free(&pre);
  host_peers_free(hp);
}
END_TEST

// ---- a raw MQTT 3.1.1 client, just enough to check the broker peers ----

static int mqtt_connect(int port, const char *id) {
  int fd = connect_to(port);
  if (fd < 0) return -1;
  unsigned char pkt[64];
  size_t idl = strlen(id), n = 0;
  pkt[n++] = 0x10;
  pkt[n++] = (unsigned char)(12 + idl);
  memcpy(pkt + n, "\x00\x04MQTT\x04\x02\x00\x3c", 10);
  n += 10;
  pkt[n++] = 0;
  pkt[n++] = (unsigned char)idl;
  memcpy(pkt + n, id, idl);
  n += idl;
  send(fd, pkt, n, 0);
  unsigned char ack[4];
  if (read_some(fd, (char *)ack, 4, 3000) != 4 || ack[0] != 0x20 || ack[3] != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

static void mqtt_send_topic(int fd, unsigned char head, const char *topic, const char *tail, int pid) {
  unsigned char pkt[256];
  size_t tl = strlen(topic), ml = tail ? strlen(tail) : 0, n = 0;
  pkt[n++] = head;
  pkt[n++] = (unsigned char)((pid ? 2 : 0) + 2 + tl + (head == 0x82 ? 1 : ml));
  if (pid && head == 0x82) {
    pkt[n++] = 0;
    pkt[n++] = (unsigned char)pid;
  }
  pkt[n++] = 0;
  pkt[n++] = (unsigned char)tl;
  memcpy(pkt + n, topic, tl);
  n += tl;
  if (head == 0x82) {
    pkt[n++] = 0; // QoS 0
  } else {
    memcpy(pkt + n, tail, ml);
    n += ml;
  }
  send(fd, pkt, n, 0);
}

START_TEST(broker_and_mqtt_echo) {
  host_peers_t *hp = host_peers_new();
  buf_t pre, log;
  buf_init(&pre, 4096);
  buf_init(&log, 4096);
  char err[256];
  rig_status_t st = host_peers_start(hp, "mqtt-echo", &pre, err, sizeof err);
  ck_assert_msg(st == RIG_OK, "%s", err);
  int port = prelude_int(&pre, "RIG_BROKER_PORT");
  ck_assert_int_gt(port, 0);
  int sub = mqtt_connect(port, "rig-test-sub");
  ck_assert_int_ge(sub, 0);
  mqtt_send_topic(sub, 0x82, "rig/out", NULL, 1);
  unsigned char suback[5];
  ck_assert_int_eq(read_some(sub, (char *)suback, 5, 3000), 5);
  ck_assert_int_eq(suback[0], 0x90);
  int pub = mqtt_connect(port, "rig-test-pub");
  ck_assert_int_ge(pub, 0);
  // The echo's subscription may still be on its way: publish until it answers.
  char buf[256];
  int n = 0;
  for (int i = 0; i < 40 && n == 0; i++) {
    mqtt_send_topic(pub, 0x30, "rig/in", "hello broker", 0);
    n = read_some(sub, buf, sizeof buf - 1, 250);
  }
  ck_assert_int_gt(n, 0);
  buf[n] = '\0';
  ck_assert_int_eq((unsigned char)buf[0], 0x30);
  ck_assert_ptr_nonnull(memmem(buf, (size_t)n, "host got: hello broker", 22));
  close(sub);
  close(pub);
  host_peers_stop(hp, &log);
  ck_assert_ptr_nonnull(strstr(buf_str(&log), "mqtt-echo: "));
  ck_assert_ptr_null(strstr(buf_str(&log), "mqtt-echo: 0 "));
  // The broker is gone with the peers.
  ck_assert_int_lt(mqtt_connect(port, "late"), 0);
  buf_free(&pre);
  buf_free(&log);
  host_peers_free(hp);
}
END_TEST

START_TEST(broker_restart) {
  host_peers_t *hp = host_peers_new();
  buf_t pre, log;
  buf_init(&pre, 4096);
  buf_init(&log, 4096);
  char err[256];
  rig_status_t st = host_peers_start(hp, "broker-restart 0.5", &pre, err, sizeof err);
  ck_assert_msg(st == RIG_OK, "%s", err);
  int port = prelude_int(&pre, "RIG_BROKER_PORT");
  int fd = mqtt_connect(port, "before");
  ck_assert_int_ge(fd, 0);
  // The broker goes away: the connection ends.
  char buf[16];
  struct pollfd p = {.fd = fd, .events = POLLIN};
  ck_assert_int_eq(poll(&p, 1, 3000), 1);
  ck_assert_int_le(recv(fd, buf, sizeof buf, 0), 0);
  close(fd);
  // And comes back on the same port.
  int again = -1;
  for (int i = 0; i < 60 && again < 0; i++) {
    usleep(100000);
    again = mqtt_connect(port, "after");
  }
  ck_assert_int_ge(again, 0);
  close(again);
  host_peers_stop(hp, &log);
  ck_assert_ptr_nonnull(strstr(buf_str(&log), "broker: restarted"));
  buf_free(&pre);
  buf_free(&log);
  host_peers_free(hp);
}
END_TEST

int main(void) {
  Suite *s = suite_create("host_peers");
  TCase *tc = tcase_create("peers");
  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, echo_server_echoes);
  tcase_add_test(tc, knock_reaches_the_board_server);
  tcase_add_test(tc, http_server_answers);
  tcase_add_test(tc, send_server_sends_its_bytes);
  tcase_add_test(tc, bad_entries_refused);
  tcase_add_test(tc, broker_and_mqtt_echo);
  tcase_add_test(tc, broker_restart);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

// SPDX-License-Identifier: MIT
// net_sdk.c (the chip's WiFi and sockets over the NONOS SDK) against
// fake_sdk.c, with sdk_tasks.c running the SDK's events as on the chip:
// association, scan, TCP out and in, UDP, names, closing, the errors the
// HAL documents, one send in flight, receive flow control. Negative
// control: an SDK that loses its sent callbacks must make send answer
// -EAGAIN, never lose or duplicate data.
#include <check.h>
#include <string.h>

#include "board_hal.h"
#include "fake_sdk.h"
#include "sdk_api.h"

#define IP(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | (uint32_t)(c) << 8 | (uint32_t)(d))
#define SERVER IP(192, 168, 1, 10)
#define PEER IP(192, 168, 1, 20)

// Runs the SDK's queued events until none is left.
static void pump(void) {
  for (int i = 0; i < 10000 && hal_sdk_run_one(); i++) {
  }
}

static void setup(void) {
  fake_sdk_reset();
  fake_sdk_add_ap("home", "secret123", 6, -55);
  fake_sdk_add_ap("cafe", "", 11, -71);
  // Sockets a failed test left are closed so that the next starts clean.
  for (int s = 0; s < 8; s++)
    board_sock_close(s);
  pump();
}

static void associate(void) {
  ck_assert_int_eq(board_wlan_connect("home", "secret123"), 0);
  pump();
  ck_assert_int_eq(board_wlan_status(), BOARD_STAT_GOT_IP);
}

// A TCP connection from the board to SERVER:port, connected.
static int connected(uint16_t port) {
  fake_remote_listen(SERVER, port);
  int s = board_sock_new(BOARD_SOCK_STREAM);
  ck_assert_int_ge(s, 0);
  ck_assert_int_eq(board_sock_connect(s, SERVER, port), -115);
  pump();
  ck_assert_int_eq(board_sock_connect(s, SERVER, port), 0);
  return s;
}

START_TEST(station_connects) {
  ck_assert_int_eq(board_net_present(), 1);
  ck_assert_int_eq(board_wlan_active(BOARD_IF_STA, -1), 1);
  ck_assert_int_eq(board_wlan_connect("home", "secret123"), 0);
  ck_assert_int_eq(board_wlan_status(), BOARD_STAT_CONNECTING);
  ck_assert_str_eq(board_wlan_ssid(), "home");
  pump();
  ck_assert_int_eq(board_wlan_status(), BOARD_STAT_GOT_IP);
  uint32_t cfg[4];
  ck_assert_int_eq(board_wlan_ifconfig(BOARD_IF_STA, cfg, 0), 0);
  ck_assert_uint_eq(cfg[0], IP(192, 168, 1, 100));
  ck_assert_uint_eq(cfg[1], IP(255, 255, 255, 0));
  ck_assert_uint_eq(cfg[2], IP(192, 168, 1, 1));
  ck_assert_uint_eq(cfg[3], IP(192, 168, 1, 1));
  ck_assert_int_eq(board_wlan_rssi(), -55);
  board_wlan_disconnect();
  ck_assert_int_eq(board_wlan_status(), BOARD_STAT_IDLE);
  ck_assert_int_eq(board_wlan_rssi(), 0);
}
END_TEST

START_TEST(station_failures) {
  ck_assert_int_eq(board_wlan_connect("home", "wrong"), 0);
  pump();
  ck_assert_int_eq(board_wlan_status(), BOARD_STAT_WRONG_PASSWORD);
  ck_assert_int_eq(board_wlan_connect("nowhere", ""), 0);
  pump();
  ck_assert_int_eq(board_wlan_status(), BOARD_STAT_NO_AP_FOUND);
  // Station off: connecting is refused; back on, and static addresses.
  ck_assert_int_eq(board_wlan_active(BOARD_IF_STA, 0), 0);
  ck_assert_int_eq(board_wlan_connect("home", "secret123"), -1);
  ck_assert_int_eq(board_wlan_status(), BOARD_STAT_IDLE);
  ck_assert_int_eq(board_wlan_active(BOARD_IF_STA, 1), 1);
  ck_assert_int_eq(board_wlan_active(BOARD_IF_AP, 1), 1);
  uint32_t set[4] = {IP(10, 0, 0, 5), IP(255, 0, 0, 0), IP(10, 0, 0, 1), IP(8, 8, 8, 8)}, got[4];
  ck_assert_int_eq(board_wlan_ifconfig(BOARD_IF_STA, set, 1), 0);
  ck_assert_int_eq(board_wlan_ifconfig(BOARD_IF_STA, got, 0), 0);
  ck_assert_mem_eq(got, set, sizeof set);
  ck_assert_int_eq(board_wlan_ap_config("Pyrite", "short", 0), -22);
  ck_assert_int_eq(board_wlan_ap_config("Pyrite", "longenough", 6), 0);
  ck_assert_int_eq(board_wlan_ifconfig(7, got, 0), -22);
}
END_TEST

START_TEST(scan_lists_aps) {
  board_ap_t aps[4];
  int n = board_wlan_scan(aps, 4);
  ck_assert_int_eq(n, 2);
  ck_assert_str_eq(aps[0].ssid, "home");
  ck_assert_int_eq(aps[0].channel, 6);
  ck_assert_int_eq(aps[0].rssi, -55);
  ck_assert_int_eq(aps[0].authmode, 3);
  ck_assert_str_eq(aps[1].ssid, "cafe");
  ck_assert_int_eq(aps[1].authmode, 0);
  ck_assert_int_eq(aps[1].bssid[5], 1);
  ck_assert_int_eq(board_wlan_scan(aps, 1), 1);
  board_wlan_active(BOARD_IF_STA, 0);
  ck_assert_int_eq(board_wlan_scan(aps, 4), -1);
}
END_TEST

START_TEST(tcp_client) {
  associate();
  int s = connected(7);
  ck_assert_int_eq(board_sock_poll(s), BOARD_POLL_OUT);
  ck_assert_int_eq(board_sock_recv(s, (char[8]){0}, 8), -11);
  ck_assert_int_eq(board_sock_send(s, "hello", 5), 5);
  ck_assert_int_eq(board_sock_poll(s) & BOARD_POLL_OUT, 0); // the send is in flight
  pump();
  char buf[64];
  ck_assert_uint_eq(fake_link_read(0, buf, sizeof buf), 5);
  ck_assert_mem_eq(buf, "hello", 5);
  fake_link_send(0, "world!", 6);
  pump();
  ck_assert_int_eq(board_sock_poll(s), BOARD_POLL_IN | BOARD_POLL_OUT);
  ck_assert_int_eq(board_sock_recv(s, buf, 4), 4);
  ck_assert_int_eq(board_sock_recv(s, buf + 4, 60), 2);
  ck_assert_mem_eq(buf, "world!", 6);
  uint32_t ip;
  uint16_t port;
  ck_assert_int_eq(board_sock_name(s, &ip, &port), 0);
  ck_assert_uint_eq(ip, IP(192, 168, 1, 100));
  ck_assert_uint_ge(port, 50000);
  // The peer closes: what is buffered first, then end of stream.
  fake_link_send(0, "bye", 3);
  fake_link_close(0);
  pump();
  ck_assert_int_eq(board_sock_poll(s), BOARD_POLL_IN | BOARD_POLL_HUP);
  ck_assert_int_eq(board_sock_recv(s, buf, 64), 3);
  ck_assert_int_eq(board_sock_recv(s, buf, 64), 0);
  ck_assert_int_eq(board_sock_send(s, "x", 1), -107);
  ck_assert_int_eq(board_sock_close(s), 0);
  ck_assert_int_eq(board_sock_close(s), -9);
  ck_assert_int_eq(board_sock_poll(s), BOARD_POLL_ERR);
}
END_TEST

START_TEST(tcp_close_waits_for_sdk) {
  associate();
  int s = connected(80);
  ck_assert_int_eq(board_sock_close(s), 0);
  ck_assert_int_eq(fake_link_closed(0), 1);
  // Until the SDK's disconnect callback the slot is not handed out again:
  // fill every other slot and see the closing one stay out.
  int got[8], n = 0;
  for (; n < 8; n++)
    if ((got[n] = board_sock_new(BOARD_SOCK_DGRAM)) < 0) break;
  ck_assert_int_eq(got[n], -12);
  for (int i = 0; i < n; i++)
    ck_assert_int_ne(got[i], s);
  for (int i = 0; i < n; i++)
    board_sock_close(got[i]);
  pump();
  int again = board_sock_new(BOARD_SOCK_STREAM);
  ck_assert_int_ge(again, 0);
  board_sock_close(again);
}
END_TEST

// Closed while the SDK is still connecting: the slot waits for the
// outcome (refused or connected), then the connection goes.
START_TEST(tcp_close_while_connecting) {
  associate();
  fake_remote_listen(SERVER, 80);
  int a = board_sock_new(BOARD_SOCK_STREAM), b = board_sock_new(BOARD_SOCK_STREAM);
  ck_assert_int_eq(board_sock_connect(a, SERVER, 80), -115);
  ck_assert_int_eq(board_sock_connect(b, SERVER, 81), -115); // nobody there
  ck_assert_int_eq(board_sock_close(a), 0);
  ck_assert_int_eq(board_sock_close(b), 0);
  ck_assert_int_eq(board_sock_poll(a), BOARD_POLL_ERR);
  pump();
  ck_assert_int_eq(fake_link_count(), 1);
  ck_assert_int_eq(fake_link_closed(0), 1);
  int got[4];
  for (int i = 0; i < 4; i++)
    ck_assert_int_ge(got[i] = board_sock_new(BOARD_SOCK_STREAM), 0); // every slot free again
  for (int i = 0; i < 4; i++)
    board_sock_close(got[i]);
}
END_TEST

START_TEST(tcp_server_accepts) {
  associate();
  int l = board_sock_new(BOARD_SOCK_STREAM);
  ck_assert_int_eq(board_sock_bind(l, 0, 8266), 0);
  ck_assert_int_eq(board_sock_listen(l, 1), 0);
  uint32_t ip;
  uint16_t port;
  ck_assert_int_eq(board_sock_accept(l, &ip, &port), -11);
  ck_assert_int_eq(board_sock_poll(l), 0);
  ck_assert_int_eq(board_sock_name(l, &ip, &port), 0);
  ck_assert_uint_eq(ip, IP(192, 168, 1, 100));
  ck_assert_uint_eq(port, 8266);
  int link = fake_remote_connect(PEER, 40001, 8266);
  ck_assert_int_ge(link, 0);
  fake_link_send(link, "early", 5); // before accept(): kept
  pump();
  ck_assert_int_eq(board_sock_poll(l), BOARD_POLL_IN);
  // A second peer while the backlog (1) is full: refused.
  int other = fake_remote_connect(PEER, 40002, 8266);
  pump();
  ck_assert_int_eq(fake_link_closed(other), 1);
  int c = board_sock_accept(l, &ip, &port);
  ck_assert_int_ge(c, 0);
  ck_assert_uint_eq(ip, PEER);
  ck_assert_uint_eq(port, 40001);
  ck_assert_int_eq(board_sock_accept(l, &ip, &port), -11);
  char buf[16];
  ck_assert_int_eq(board_sock_recv(c, buf, sizeof buf), 5);
  ck_assert_mem_eq(buf, "early", 5);
  ck_assert_int_eq(board_sock_send(c, "ok", 2), 2);
  pump();
  ck_assert_uint_eq(fake_link_read(link, buf, sizeof buf), 2);
  ck_assert_mem_eq(buf, "ok", 2);
  // The same port twice is refused; a closed listener frees it.
  int l2 = board_sock_new(BOARD_SOCK_STREAM);
  ck_assert_int_eq(board_sock_bind(l2, 0, 8266), -98);
  ck_assert_int_eq(board_sock_close(l), 0);
  ck_assert_int_eq(board_sock_bind(l2, 0, 8266), 0);
  ck_assert_int_eq(board_sock_listen(l2, 2), 0);
  board_sock_close(l2);
  board_sock_close(c);
  pump();
}
END_TEST

START_TEST(udp_both_ways) {
  associate();
  int u = board_sock_new(BOARD_SOCK_DGRAM);
  uint32_t ip;
  uint16_t port;
  char buf[32];
  ck_assert_int_eq(board_sock_recvfrom(u, buf, sizeof buf, &ip, &port), -107);
  ck_assert_int_eq(board_sock_bind(u, 0, 5000), 0);
  ck_assert_int_eq(board_sock_poll(u), BOARD_POLL_OUT);
  ck_assert_int_eq(board_sock_recvfrom(u, buf, sizeof buf, &ip, &port), -11);
  fake_udp_send(PEER, 6000, 5000, "ping", 4);
  fake_udp_send(PEER, 6001, 5000, "a longer datagram", 17);
  pump();
  ck_assert_int_eq(board_sock_poll(u), BOARD_POLL_IN | BOARD_POLL_OUT);
  ck_assert_int_eq(board_sock_recvfrom(u, buf, sizeof buf, &ip, &port), 4);
  ck_assert_mem_eq(buf, "ping", 4);
  ck_assert_uint_eq(ip, PEER);
  ck_assert_uint_eq(port, 6000);
  // A short buffer takes the start; the rest of that datagram is gone.
  ck_assert_int_eq(board_sock_recvfrom(u, buf, 8, &ip, &port), 8);
  ck_assert_mem_eq(buf, "a longer", 8);
  ck_assert_uint_eq(port, 6001);
  ck_assert_int_eq(board_sock_recvfrom(u, buf, sizeof buf, &ip, &port), -11);
  ck_assert_int_eq(board_sock_sendto(u, "pong", 4, PEER, 6000), 4);
  char out[8];
  ck_assert_int_eq(fake_udp_last(out, sizeof out, &ip, &port), 4);
  ck_assert_mem_eq(out, "pong", 4);
  ck_assert_uint_eq(ip, PEER);
  ck_assert_uint_eq(port, 6000);
  ck_assert_int_eq(board_sock_close(u), 0);
  // An unbound socket's first sendto binds it to a port of the SDK's.
  int v = board_sock_new(BOARD_SOCK_DGRAM);
  ck_assert_int_eq(board_sock_sendto(v, "hi", 2, PEER, 53), 2);
  ck_assert_int_eq(board_sock_name(v, &ip, &port), 0);
  ck_assert_uint_ge(port, 50000);
  board_sock_close(v);
}
END_TEST

START_TEST(resolve_names) {
  uint32_t ip = 0;
  ck_assert_int_eq(board_net_resolve("10.1.2.3", &ip), 0);
  ck_assert_uint_eq(ip, IP(10, 1, 2, 3));
  ck_assert_int_eq(board_net_resolve("example.org", &ip), -113); // no address yet
  associate();
  fake_sdk_add_name("example.org", IP(93, 184, 216, 34));
  fake_sdk_add_name("host.cached", IP(10, 9, 8, 7));
  ck_assert_int_eq(board_net_resolve("example.org", &ip), 0);
  ck_assert_uint_eq(ip, IP(93, 184, 216, 34));
  ck_assert_int_eq(board_net_resolve("host.cached", &ip), 0);
  ck_assert_uint_eq(ip, IP(10, 9, 8, 7));
  ck_assert_int_eq(board_net_resolve("nosuch.example", &ip), -2);
  fake_sdk_add_name("silent.example", UINT32_MAX);
  ck_assert_int_eq(board_net_resolve("silent.example", &ip), -110); // waited, bounded
  ck_assert_int_eq(board_net_resolve("example.org", &ip), 0);
  ck_assert_uint_eq(ip, IP(93, 184, 216, 34));
  ck_assert_int_eq(board_net_resolve("1.2.3", &ip), -2); // not a quad: a name nobody knows
}
END_TEST

START_TEST(errors_as_documented) {
  int s = board_sock_new(BOARD_SOCK_STREAM);
  ck_assert_int_eq(board_sock_send(s, "x", 1), -107); // ENOTCONN before connect
  ck_assert_int_eq(board_sock_recv(s, (char[4]){0}, 4), -107);
  ck_assert_int_eq(board_sock_connect(s, SERVER, 9), -113); // no address yet
  associate();
  // Nobody listens at port 9: refused, and it stays so.
  ck_assert_int_eq(board_sock_connect(s, SERVER, 9), -115);
  ck_assert_int_eq(board_sock_connect(s, SERVER, 9), -115);
  ck_assert_int_eq(board_sock_send(s, "x", 1), -11); // still connecting
  pump();
  ck_assert_int_eq(board_sock_poll(s), BOARD_POLL_ERR | BOARD_POLL_HUP);
  ck_assert_int_eq(board_sock_connect(s, SERVER, 9), -111);
  ck_assert_int_eq(board_sock_send(s, "x", 1), -111);
  ck_assert_int_eq(board_sock_close(s), 0);
  // A reset connection reports ECONNRESET.
  int c = connected(7);
  fake_link_reset(0);
  pump();
  ck_assert_int_eq(board_sock_recv(c, (char[4]){0}, 4), -104);
  ck_assert_int_eq(board_sock_close(c), 0);
  ck_assert_int_eq(board_sock_send(99, "x", 1), -9);
  ck_assert_int_eq(board_sock_new(7), -22);
  int u = board_sock_new(BOARD_SOCK_DGRAM);
  ck_assert_int_eq(board_sock_listen(u, 1), -95);
  board_sock_close(u);
}
END_TEST

START_TEST(one_send_in_flight) {
  associate();
  int s = connected(7);
  char data[3000], want[3000];
  for (size_t i = 0; i < sizeof data; i++)
    data[i] = want[i] = (char)('a' + i % 26);
  int n = board_sock_send(s, data, sizeof data);
  ck_assert_int_gt(n, 0);
  ck_assert_int_lt(n, (int)sizeof data); // one buffer's worth taken
  ck_assert_int_eq(board_sock_send(s, data + n, sizeof data - (size_t)n), -11);
  // The caller may reuse its buffer at once: what was taken was copied
  // (the SDK reads it only when the data leaves, at the next pump).
  memset(data, '#', (size_t)n);
  size_t sent = (size_t)n;
  while (sent < sizeof data) {
    pump();
    int m = board_sock_send(s, data + sent, sizeof data - sent);
    ck_assert_int_gt(m, 0);
    sent += (size_t)m;
  }
  pump();
  char got[3000];
  ck_assert_uint_eq(fake_link_read(0, got, sizeof got), sizeof data);
  ck_assert_mem_eq(got, want, sizeof want);
  ck_assert_int_eq(fake_sdk_send_violations(), 0);
  board_sock_close(s);
}
END_TEST

// Negative control: the sent callback never comes. send must keep
// answering -EAGAIN (not pretend, not overwrite the data in flight), and
// when the callback finally arrives the peer has exactly the first piece.
START_TEST(lost_sent_callback_blocks_not_loses) {
  associate();
  int s = connected(7);
  fake_sdk_drop_sent(1);
  ck_assert_int_eq(board_sock_send(s, "first", 5), 5);
  for (int i = 0; i < 5; i++) {
    pump();
    ck_assert_int_eq(board_sock_send(s, "second", 6), -11);
    ck_assert_int_eq(board_sock_poll(s) & BOARD_POLL_OUT, 0);
  }
  char buf[16];
  ck_assert_uint_eq(fake_link_read(0, buf, sizeof buf), 0);
  ck_assert_int_eq(fake_sdk_send_violations(), 0);
  fake_sdk_release_sent();
  pump();
  ck_assert_uint_eq(fake_link_read(0, buf, sizeof buf), 5);
  ck_assert_mem_eq(buf, "first", 5);
  ck_assert_int_eq(board_sock_send(s, "second", 6), 6);
  pump();
  ck_assert_uint_eq(fake_link_read(0, buf, sizeof buf), 6);
  ck_assert_mem_eq(buf, "second", 6);
  board_sock_close(s);
}
END_TEST

// More than the receive ring holds: the connection is held, released as
// Python reads, and every byte arrives once and in order.
START_TEST(receive_flow_control) {
  associate();
  int s = connected(7);
  static char big[20000], got[20000];
  for (size_t i = 0; i < sizeof big; i++)
    big[i] = (char)(i * 7 + i / 251);
  fake_link_send(0, big, sizeof big);
  size_t have = 0;
  int held = 0;
  for (int round = 0; round < 1000 && have < sizeof big; round++) {
    pump();
    held |= fake_link_held(0);
    int n = board_sock_recv(s, got + have, 700);
    if (n > 0) have += (size_t)n;
  }
  ck_assert_uint_eq(have, sizeof big);
  ck_assert_mem_eq(got, big, sizeof big);
  ck_assert_int_eq(held, 1);
  ck_assert_int_eq(board_sock_poll(s), BOARD_POLL_OUT); // no ENOBUFS left behind
  board_sock_close(s);
}
END_TEST

// sdk_tasks.c on its own: priorities, order within one, a full ring.
static int order[16], order_n;
static void task_lo(ETSEvent *e) {
  order[order_n++] = 100 + (int)e->sig;
  if (e->sig == 1) ck_assert(!ets_post(3, 9, 0)); // its event left the ring: room to post
}
static void task_hi(ETSEvent *e) {
  order[order_n++] = 200 + (int)e->sig;
}

START_TEST(task_queue_order) {
  static ETSEvent lo[2], hi[4];
  order_n = 0;
  ck_assert(ets_task(task_lo, 3, lo, 2));
  ck_assert(ets_task(task_hi, 25, hi, 4));
  ck_assert(!ets_post(3, 1, 0));
  ck_assert(!ets_post(3, 2, 0));
  ck_assert(ets_post(3, 3, 0)); // full: refused
  ck_assert(!ets_post(25, 1, 0));
  ck_assert(ets_post(26, 1, 0)); // nobody there
  hal_sdk_yield();
  int want[] = {201, 101, 102, 109};
  ck_assert_int_eq(order_n, 4);
  ck_assert_mem_eq(order, want, sizeof want);
  ck_assert_int_eq(hal_sdk_run_one(), 0);
  ck_assert(!ets_task(task_lo, 32, lo, 2));
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("net_sdk");
  TCase *t = tcase_create("net");
  tcase_add_checked_fixture(t, setup, NULL);
  tcase_add_test(t, station_connects);
  tcase_add_test(t, station_failures);
  tcase_add_test(t, scan_lists_aps);
  tcase_add_test(t, tcp_client);
  tcase_add_test(t, tcp_close_waits_for_sdk);
  tcase_add_test(t, tcp_close_while_connecting);
  tcase_add_test(t, tcp_server_accepts);
  tcase_add_test(t, udp_both_ways);
  tcase_add_test(t, resolve_names);
  tcase_add_test(t, errors_as_documented);
  tcase_add_test(t, one_send_in_flight);
  tcase_add_test(t, lost_sent_callback_blocks_not_loses);
  tcase_add_test(t, receive_flow_control);
  suite_add_tcase(s, t);
  TCase *q = tcase_create("tasks");
  tcase_add_test(q, task_queue_order);
  suite_add_tcase(s, q);
  return s;
}

int main(void) {
  SRunner *r = srunner_create(suite());
  srunner_run_all(r, CK_NORMAL);
  int failed = srunner_ntests_failed(r);
  srunner_free(r);
  return failed ? 1 : 0;
}

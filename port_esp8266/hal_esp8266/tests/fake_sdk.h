// SPDX-License-Identifier: MIT
// fake_sdk.h: a host stand-in for the part of Espressif's NONOS SDK that
// net_sdk.c calls (sdk_api.h), plus the far side of the network for tests:
// access points, remote TCP servers and clients, UDP peers and names.
//
// Like the SDK, it answers through callbacks that run only from the task
// loop: every asynchronous outcome is an event posted with ets_post and run
// by sdk_tasks.c (hal_sdk_yield / hal_sdk_run_one), so the test exercises
// the firmware's own run model. Like the SDK, espconn_send reads the
// caller's buffer only later, when the data leaves (at the sent event):
// a back-end that reused its buffer early would send corrupted data.
#ifndef FAKE_SDK_H
#define FAKE_SDK_H

#include <stddef.h>
#include <stdint.h>

// Back to power-on: station mode, no association, no connections.
void fake_sdk_reset(void);

// An access point the scan shows and the station may join.
void fake_sdk_add_ap(const char *ssid, const char *key, int channel, int rssi);
// A name the DNS knows (an address of 0: the server answers "not found";
// UINT32_MAX: it never answers).
void fake_sdk_add_name(const char *name, uint32_t ip);

// Knobs: the SDK loses every sent callback from now on (negative control);
// and how many espconn_send calls came while one was still in flight
// (which the SDK refuses).
void fake_sdk_drop_sent(int on);
int fake_sdk_send_violations(void);
// Lets a dropped sent callback through after all.
void fake_sdk_release_sent(void);

// A TCP server at [ip]:[port] on the network; connections elsewhere are
// refused.
void fake_remote_listen(uint32_t ip, uint16_t port);
// A peer connects to the board's [port]: a link id, or -1 when nobody
// listens there.
int fake_remote_connect(uint32_t ip, uint16_t from_port, uint16_t port);
// The links (connections) the network sees, numbered from 0 in order.
int fake_link_count(void);
// Bytes the peer sends on [link] (delivered in segments of 1460).
void fake_link_send(int link, const void *buf, size_t len);
// Copies what the board sent on [link] and has left, up to [max]; returns
// the count and forgets it.
size_t fake_link_read(int link, void *buf, size_t max);
// 1 when the board closed [link].
int fake_link_closed(int link);
// 1 while the board holds [link]'s receive side.
int fake_link_held(int link);
// The peer closes [link] or resets it.
void fake_link_close(int link);
void fake_link_reset(int link);

// A datagram from [ip]:[from_port] to the board's [port].
void fake_udp_send(uint32_t ip, uint16_t from_port, uint16_t port, const void *buf, size_t len);
// The board's last datagram: its length (-1 when none), and where it went.
int fake_udp_last(void *buf, size_t max, uint32_t *ip, uint16_t *port);

#endif

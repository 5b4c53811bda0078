// SPDX-License-Identifier: MIT
// host_peers.h: the network peers a test on the board talks to, started by
// the rig around the test as its "# host:" header line asks:
//
//   # host: echo                a TCP echo server on the rig's machine
//   # host: http                an HTTP server: GET /hello, GET /chunked
//                               (a chunked body), POST /echo (the body and
//                               the X-Test header back), else 404
//   # host: send HEX            a server that sends these bytes to each client
//                               and closes (RIG_SEND_PORT)
//   # host: knock PORT          a client that connects to the board's server
//                               on PORT, sends "knock\n", and answers the
//                               first line it gets with "host got: LINE\n"
//   # host: broker              an MQTT broker (mosquitto) on a free port
//   # host: mqtt-echo           (with broker) a libcurl MQTT client: every
//                               message on "rig/in" is published back on
//                               "rig/out" as "host got: MSG"
//   # host: broker-restart S    (with broker) the broker is stopped S seconds
//                               into the test and started again 1 s later
//
// Entries are comma-separated. The test learns where they are from names
// the rig puts ahead of its code (the prelude): RIG_HOST (the rig's address
// as the board reaches it), RIG_ECHO_PORT, RIG_HTTP_PORT, RIG_SEND_PORT, RIG_BROKER_PORT. The prelude is
// one line, so line numbers in tracebacks move by one.
#ifndef RIG_HOST_PEERS_H
#define RIG_HOST_PEERS_H

#include "buf.h"
#include "rig_status.h"

typedef struct host_peers host_peers_t;

host_peers_t *host_peers_new(void);
void host_peers_free(host_peers_t *hp);

// [host_ip]: the rig's address as the board sees it (127.0.0.1 for vboard);
// [board_ip]: the board's own address, for knock ("" when unknown).
void host_peers_set_addresses(host_peers_t *hp, const char *host_ip, const char *board_ip);

// Starts the peers of [list] and appends the prelude line to [prelude].
// RIG_E_USAGE for an unknown or malformed entry, RIG_E_SPAWN when the
// broker cannot start (message in [err]); nothing is left running then.
rig_status_t host_peers_start(host_peers_t *hp, const char *list, buf_t *prelude, char *err, size_t errlen);

// Stops every peer. [log] (may be NULL) gets what they saw, one line each
// ("echo: 2 connections, 37 bytes"), for the report when a test fails.
void host_peers_stop(host_peers_t *hp, buf_t *log);

// The program the broker is started with ("mosquitto"; tests may change it).
void host_peers_set_broker_command(host_peers_t *hp, const char *path);

#endif

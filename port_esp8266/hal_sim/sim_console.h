// SPDX-License-Identifier: MIT
// sim_console.h: where the virtual board's UART0 goes: a TCP port on
// 127.0.0.1 (one client at a time, as ser2net exports a real board) or the
// process's own stdin/stdout.
#ifndef SIM_CONSOLE_H
#define SIM_CONSOLE_H

#include <stddef.h>
#include <stdint.h>

// Listens on 127.0.0.1:[port] (0 picks a free port). Returns the port
// bound, or -1 with errno set.
int sim_console_listen_tcp(uint16_t port);

// Opens a listening TCP socket on 127.0.0.1:[port] (0: a free port) into
// *[fd_out]. Returns the port bound, or -1 with errno set.
int sim_listen_loopback(uint16_t port, int *fd_out);

// Uses stdin/stdout instead. With [plain_newlines], "\r\n" written by the
// firmware reaches stdout as "\n" (for `vboard run`, whose output is
// compared with CPython's).
void sim_console_use_stdio(int plain_newlines);

// Throttles the console to [baud] (8N1: 10 bits a byte) in both
// directions, as a real UART at that rate would; 0 turns it off.
void sim_console_set_baud_limit(uint32_t baud);

// Makes the TCP console speak RFC 2217 (Telnet with COM-PORT-OPTION; see
// sim_rfc2217.h) instead of raw bytes.
void sim_console_set_rfc2217(int on);

// Sends [len] protocol bytes to the client as they are: not throttled, not
// filtered, not escaped (the RFC 2217 layer's answers).
void sim_console_send_raw(const void *buf, size_t len);

#endif

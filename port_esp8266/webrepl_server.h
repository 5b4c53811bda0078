// SPDX-License-Identifier: MIT
// webrepl_server.h: the board's WebREPL server (PROTOCOLS.md section 2) in
// C, over board_hal.h's sockets: the HTTP upgrade, WebSocket frames, the
// password prompt, the REPL carried in text frames, and the binary file
// protocol. It lives in the board layer beside the UART, not in the Python
// heap, so a soft reset keeps the session (the rig soft-resets between
// tests); Python starts and stops it through the `_webrepl` module.
#ifndef PORT_WEBREPL_SERVER_H
#define PORT_WEBREPL_SERVER_H

#include <stddef.h>
#include <stdint.h>

#define WEBREPL_PASSWORD_MAX 9 // as MicroPython: a 10-byte buffer

// Listens on [port] with [password] (4..9 characters). Returns 0, -22 for a
// bad password, or a negative errno from the socket layer. Restarting
// replaces the old listener (and drops its client).
int webrepl_start(uint16_t port, const char *password);

// Stops listening and closes the client.
void webrepl_stop(void);

// 1 while listening.
int webrepl_running(void);

// Services the server: accepts, reads requests and frames. Bytes typed
// into the REPL are handed to [sink] (the console's input path, which also
// turns Ctrl-C into KeyboardInterrupt). At most [room] bytes are read from
// the socket, so a full input buffer leaves the rest in the socket (TCP
// then holds the client back) instead of dropping it. Called from the
// console's polling.
void webrepl_poll(void (*sink)(int c), size_t room);

// Copies console output to the logged-in client, in text frames.
void webrepl_write(const char *buf, size_t len);

// The file store the binary protocol reads and writes. The board layer
// sets it when a filesystem is mounted; without it PUT and GET answer
// status 1 and the session goes on.
typedef struct {
  // Opens [name] for writing (truncating) or reading; a handle >= 0 or -1.
  int (*open)(const char *name, int write);
  // Bytes read (0 at end) or -1.
  int (*read)(int h, void *buf, size_t len);
  // 0 or -1 after writing all [len] bytes.
  int (*write)(int h, const void *buf, size_t len);
  void (*close)(int h);
} webrepl_files_t;

void webrepl_set_files(const webrepl_files_t *files);

#endif

// SPDX-License-Identifier: MIT
// transport.h: a byte pipe to one board, whatever carries it.
//
// Target strings (one backend file each):
//   tcp:HOST:PORT            transport_tcp.c     a raw TCP console (ser2net, vboard)
//   serial:DEVICE[@BAUD]     transport_serial.c  a local UART through libserialport (115200 default)
//   exec:COMMAND [ARGS...]   transport_exec.c    a child process's stdin/stdout (QEMU)
//   vboard[:PATH]            transport_vboard.c  start the virtual board, then TCP to it
//   webrepl://HOST[:PORT]    transport_webrepl.c a board's WebREPL (port 8266 by default)
//
// Usage, libcurl style:
//   transport_parse(text, &spec, err, sizeof err);
//   transport_t *t = transport_new(&spec);
//   transport_open(t); transport_write(t, ...); transport_read(t, ...);
//   transport_free(t);   // closes, and kills any process it started
//
// Every wait has a timeout and stops early (RIG_E_INTERRUPTED) when
// rig_stop_requested(). Errors are status codes plus a message in
// transport_errmsg(); nothing here aborts or exits.
#ifndef RIG_TRANSPORT_H
#define RIG_TRANSPORT_H

#include "rig_status.h"

#include <stddef.h>
#include <sys/types.h>

#define TRANSPORT_TEXT_MAX 1024 // longest target string, path or command line
#define TRANSPORT_ARGS_MAX 64   // most words of an exec command, or vboard extra args
#define TRANSPORT_DEFAULT_BAUD 115200
#define TRANSPORT_CONNECT_MS 5000       // TCP connect timeout
#define TRANSPORT_VBOARD_START_MS 10000 // wait for vboard's "console on" line

typedef enum {
  TRANSPORT_TCP,
  TRANSPORT_SERIAL,
  TRANSPORT_EXEC,
  TRANSPORT_VBOARD,
  TRANSPORT_FD,
  TRANSPORT_WEBREPL
} transport_kind_t;

// A parsed target string. Plain data; no resources.
typedef struct {
  transport_kind_t kind;
  char host[256];                   // tcp, webrepl: host name or address (IPv6 without brackets)
  int port;                         // tcp, webrepl: 1..65535
  char device[TRANSPORT_TEXT_MAX];  // serial: device path
  int baud;                         // serial
  char command[TRANSPORT_TEXT_MAX]; // exec: the command line as given
  char path[TRANSPORT_TEXT_MAX];    // vboard: binary path, "" = default
} transport_spec_t;

// Parses [target] into [spec]. On RIG_E_TARGET, [err] says what is wrong
// and what the accepted forms are.
rig_status_t transport_parse(const char *target, transport_spec_t *spec, char *err, size_t errlen);

// Splits a command line into words: blanks separate, '...' and "..." quote,
// a backslash escapes the next character outside single quotes. The words
// are stored in [store]; returns the word count, or -1 when the line is
// malformed (unclosed quote) or does not fit.
int transport_split_args(const char *line, char *store, size_t storelen, char **argv, int argv_max);

// Copies [target] to [out] with secrets blanked: a user:password@ part and
// the values of password=, pass=, token= and key= become "***".
void transport_redact(const char *target, char *out, size_t outlen);

// The vboard binary used when the target is plain "vboard": "vboard" in
// ../port_esp8266/ beside the directory of the running executable when it
// exists, else "vboard" (looked up on PATH).
void transport_vboard_default(char *out, size_t outlen);

typedef struct transport transport_t;

// Runs [cmdline] (words split as for exec:, no shell) with stdin from
// /dev/null, keeps up to [cap]-1 bytes of its stdout in [out] (stderr stays the
// rig's),
// and waits up to [timeout_ms] (then kills it). *exit_status is its exit
// code (128+N for signal N). RIG_OK when it ran to the end; RIG_E_TIMEOUT,
// RIG_E_SPAWN, RIG_E_NODEVICE (not found) with a message in [err].
rig_status_t transport_run_command(const char *cmdline, int timeout_ms, char *out, size_t cap,
                                   int *exit_status, char *err, size_t errlen);

// A closed transport for [spec] (copied). NULL only when out of memory.
transport_t *transport_new(const transport_spec_t *spec);

// A transport over descriptors someone else opened (a socketpair in the
// unit tests). Takes ownership; [rfd] and [wfd] may be the same. It cannot
// be reopened.
transport_t *transport_new_fd(int rfd, int wfd);

// vboard: one more argument for the vboard command line (after --port 0).
rig_status_t transport_add_vboard_arg(transport_t *t, const char *arg);

// vboard: start it with "--control-port 0" and read its second line,
// "vboard: control on 127.0.0.1:<port>" (only for a vboard that has the
// option; see vboard --help).
void transport_vboard_want_control(transport_t *t);
// The vboard binary a spec names: its path, else transport_vboard_default.
void transport_vboard_path(const transport_spec_t *spec, char *out, size_t outlen);

// What `PATH --help` prints, into [out] ("" when it cannot be run): vboard
// gains options over time, and the rig uses them only where the help
// mentions them. One run serves every option a caller asks about.
void transport_vboard_help(const char *path, char *out, size_t outlen);

// A loopback address for a vboard's --ip (127.A.B.C), different for each
// [index] and for rigs running side by side.
void transport_vboard_pick_ip(int index, char *out, size_t cap);

// vboard: sends one line [cmd] ("reset hard", "hang", "drop 0.01", ...) on
// the control socket and reads the one-line answer into [reply] ("ok" or
// "error ..."). RIG_E_UNSUPPORTED when there is no control socket;
// RIG_E_PROTOCOL when the answer is not "ok".
rig_status_t transport_vboard_control(transport_t *t, const char *cmd, char *reply, size_t cap);

// webrepl: the password to answer the board's prompt with (4-9 characters
// on MicroPython). Without one, open() uses $RIG_WEBREPL_PASSWORD. Kept
// only in the transport; never part of a message or a report.
void transport_set_password(transport_t *t, const char *password);

// webrepl: the binary channel of the session (file transfer, PROTOCOLS.md
// 2.5), kept apart from the REPL text. send_binary sends [len] bytes in
// binary frames; read_binary waits for exactly [len] bytes of binary
// payload. RIG_E_UNSUPPORTED for other transports.
rig_status_t transport_webrepl_send_binary(transport_t *t, const void *buf, size_t len, int timeout_ms);
rig_status_t transport_webrepl_read_binary(transport_t *t, void *buf, size_t len, int timeout_ms);

// Serial: sets the modem lines (1 asserted, 0 released, -1 unchanged).
// On ESP8266 boards DTR drives GPIO0 and RTS drives EN (reset) through the
// usual two-transistor circuit. RIG_E_UNSUPPORTED for other transports.
rig_status_t transport_set_lines(transport_t *t, int dtr, int rts);

// Connects (tcp, serial), or starts the process and connects (exec, vboard).
rig_status_t transport_open(transport_t *t);

// Reads what is available, at most [cap] bytes, waiting up to [timeout_ms]
// for the first byte. RIG_OK with *got > 0, RIG_E_TIMEOUT with *got == 0,
// RIG_E_CLOSED at end of stream.
rig_status_t transport_read(transport_t *t, void *buf, size_t cap, size_t *got, int timeout_ms);

// Writes all [len] bytes or fails; RIG_E_TIMEOUT if the other side does not
// take them within [timeout_ms].
rig_status_t transport_write(transport_t *t, const void *buf, size_t len, int timeout_ms);

// Closes and opens again (after a dropped connection). For exec and vboard
// the process is restarted if it has died. RIG_E_UNSUPPORTED for fd.
rig_status_t transport_reopen(transport_t *t);

// Closes the connection and stops any process it started (SIGTERM, then
// SIGKILL after a second). Safe to call twice.
void transport_close(transport_t *t);
void transport_free(transport_t *t);

// The last error in words ("" when none).
const char *transport_errmsg(const transport_t *t);
transport_kind_t transport_kind(const transport_t *t);
// The process started for exec/vboard, or 0.
pid_t transport_child_pid(const transport_t *t);

#endif

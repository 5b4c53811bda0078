// SPDX-License-Identifier: MIT
// rig_status.h: the status codes every rig function returns, their
// messages, and the few process-wide helpers the layers share (a monotonic
// clock, sleeping, the stop request set by SIGINT/SIGTERM, and the list of
// child processes to kill on the way out).
//
// Contract: no rig function aborts or exits on a transport, protocol or
// file problem; it returns one of these codes, and objects keep a longer
// human message of their own (transport_errmsg, repl_errmsg, ...).
#ifndef RIG_STATUS_H
#define RIG_STATUS_H

#include <stdint.h>
#include <sys/types.h>

// X(name, message): one line per status code.
#define RIG_STATUS_LIST(X)                                                                                   \
  X(RIG_OK, "no error")                                                                                      \
  X(RIG_E_USAGE, "bad usage")                                                                                \
  X(RIG_E_TARGET, "bad target string")                                                                       \
  X(RIG_E_NOMEM, "out of memory")                                                                            \
  X(RIG_E_OVERFLOW, "buffer limit reached")                                                                  \
  X(RIG_E_CONNECT, "could not connect")                                                                      \
  X(RIG_E_NODEVICE, "no such device")                                                                        \
  X(RIG_E_SPAWN, "could not start the process")                                                              \
  X(RIG_E_IO, "input/output error")                                                                          \
  X(RIG_E_CLOSED, "connection closed by the other side")                                                     \
  X(RIG_E_TIMEOUT, "timed out")                                                                              \
  X(RIG_E_PROTOCOL, "unexpected reply from the board")                                                       \
  X(RIG_E_REBOOT, "the board rebooted")                                                                      \
  X(RIG_E_INTERRUPTED, "interrupted by a signal")                                                            \
  X(RIG_E_FILE, "file error")                                                                                \
  X(RIG_E_JSON, "invalid JSON")                                                                              \
  X(RIG_E_SCHEMA, "does not match the schema")                                                               \
  X(RIG_E_UNSUPPORTED, "not supported by this transport")                                                    \
  X(RIG_E_DENIED, "access denied by the board")

typedef enum {
#define RIG_STATUS_ENUM(name, msg) name,
  RIG_STATUS_LIST(RIG_STATUS_ENUM)
#undef RIG_STATUS_ENUM
      RIG_STATUS_COUNT
} rig_status_t;

// A static message for [status]; never NULL.
const char *rig_strerror(rig_status_t status);

// Milliseconds on a monotonic clock (never jumps with the wall clock).
int64_t rig_now_ms(void);

// Sleeps [ms] milliseconds, or less when a stop was requested.
void rig_sleep_ms(int ms);

// The stop request: set by the SIGINT/SIGTERM handler (rig_signals_install)
// and polled by every wait in the transports, which then return
// RIG_E_INTERRUPTED. Tests may set and clear it directly.
int rig_stop_requested(void);
void rig_request_stop(int signo);
void rig_clear_stop(void);
int rig_stop_signal(void);

// Installs SIGINT/SIGTERM handlers: the first signal requests a stop; a
// second one kills the registered children and exits with 130 at once.
// SIGPIPE is ignored so that a dropped connection is a status, not a death.
void rig_signals_install(void);

// Child processes the rig started (vboard, exec targets). Registered
// children are killed (their process group) on a second signal and at exit.
void rig_child_register(pid_t pid);
void rig_child_unregister(pid_t pid);
void rig_children_kill(void);

#endif

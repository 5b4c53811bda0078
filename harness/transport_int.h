// SPDX-License-Identifier: MIT
// transport_int.h: what the backends share with transport.c. Not for
// users of transport.h.
#ifndef RIG_TRANSPORT_INT_H
#define RIG_TRANSPORT_INT_H

#include "transport.h"

#include <stdarg.h>

struct transport_ops {
  rig_status_t (*open)(transport_t *t);
  rig_status_t (*read)(transport_t *t, void *buf, size_t cap, size_t *got, int timeout_ms);
  rig_status_t (*write)(transport_t *t, const void *buf, size_t len, int timeout_ms);
  void (*close)(transport_t *t);
};

struct transport {
  transport_spec_t spec;
  const struct transport_ops *ops;
  int rfd, wfd; // descriptor backends: read and write ends (-1 when closed)
  pid_t child;  // exec, vboard: the process started, 0 when none
  void *port;   // serial: the struct sp_port *
  int nvargs;   // vboard extra arguments
  char *vargs[TRANSPORT_ARGS_MAX];
  int want_control; // vboard: start it with --control-port 0
  int control_port; // vboard: its control socket, 0 when none
  void *ws;         // webrepl: the session (transport_webrepl.c)
  char secret[128]; // webrepl: the password; never copied into a message
  char err[512];
};

extern const struct transport_ops transport_tcp_ops, transport_serial_ops, transport_exec_ops,
    transport_vboard_ops, transport_fd_ops, transport_webrepl_ops;

// Sets the error message of [t] and returns [st].
rig_status_t transport_fail(transport_t *t, rig_status_t st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

// Read and write on descriptors with poll() timeouts (used by tcp, exec,
// vboard and fd backends).
rig_status_t transport_fd_read(transport_t *t, void *buf, size_t cap, size_t *got, int timeout_ms);
rig_status_t transport_fd_write(transport_t *t, const void *buf, size_t len, int timeout_ms);
void transport_fd_close(transport_t *t);

// Connects a TCP socket to [host]:[port] within [timeout_ms]; *fd on success.
rig_status_t transport_tcp_connect(transport_t *t, const char *host, int port, int timeout_ms, int *fd);

// Starts argv[0] (PATH lookup) in its own process group with its stdin and
// stdout on pipes: *to_child is the write end of its stdin, *from_child the
// read end of its stdout. [to_child] may be NULL: stdin is then /dev/null.
// The child dies with the rig on Linux (parent-death signal) and is
// registered for rig_children_kill().
rig_status_t transport_spawn(transport_t *t, char *const argv[], int *to_child, int *from_child, pid_t *pid);

// Stops the child [pid]: SIGTERM to its group, SIGKILL after [grace_ms].
void transport_kill_child(pid_t pid, int grace_ms);

// libcurl's global set-up, once per process (thread-safe).
void transport_curl_init(void);

// 1 when the child [pid] has exited (and reaps it), storing its wait status.
int transport_child_exited(pid_t pid, int *wstatus);

#endif

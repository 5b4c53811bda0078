// SPDX-License-Identifier: MIT
// transport_exec.c: exec:COMMAND [ARGS...], a board console on a child
// process's stdin and stdout (QEMU with the console on stdio, vboard
// --stdio). The command line is split into words (transport_split_args),
// not given to a shell. The child's stderr stays the rig's stderr.
#include "transport_int.h"

#include <string.h>

static rig_status_t exec_open(transport_t *t) {
  if (t->rfd >= 0) return RIG_OK;
  char store[TRANSPORT_TEXT_MAX];
  char *argv[TRANSPORT_ARGS_MAX];
  int argc = transport_split_args(t->spec.command, store, sizeof store, argv, TRANSPORT_ARGS_MAX);
  if (argc <= 0) return transport_fail(t, RIG_E_TARGET, "bad exec command '%s'", t->spec.command);
  pid_t pid;
  rig_status_t st = transport_spawn(t, argv, &t->wfd, &t->rfd, &pid);
  if (st != RIG_OK) return st;
  t->child = pid;
  return RIG_OK;
}

static rig_status_t exec_read(transport_t *t, void *buf, size_t cap, size_t *got, int timeout_ms) {
  rig_status_t st = transport_fd_read(t, buf, cap, got, timeout_ms);
  if (st == RIG_E_CLOSED && t->child) {
    int ws;
    if (transport_child_exited(t->child, &ws)) {
      t->child = 0;
      return transport_fail(t, RIG_E_CLOSED, "the command '%s' exited", t->spec.command);
    }
  }
  return st;
}

static void exec_close(transport_t *t) {
  transport_fd_close(t);
  if (t->child) transport_kill_child(t->child, 1000);
  t->child = 0;
}

const struct transport_ops transport_exec_ops = {exec_open, exec_read, transport_fd_write, exec_close};

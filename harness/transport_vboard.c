// SPDX-License-Identifier: MIT
// transport_vboard.c: vboard[:PATH], the virtual board started by the rig.
//
// Runs PATH --port 0 [extra args], reads its first stdout line, which is
// exactly "vboard: console on 127.0.0.1:<port>", and connects to that port
// over TCP. The process is the rig's: transport_close stops it. Its stdout
// pipe is closed after the first line (vboard ignores SIGPIPE); its stderr
// stays the rig's.
#include "transport_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define ANNOUNCE "vboard: console on 127.0.0.1:"
#define ANNOUNCE_CONTROL "vboard: control on 127.0.0.1:"

// Reads one line from [fd] into [line] within [timeout_ms].
static rig_status_t read_line(int fd, char *line, size_t cap, int timeout_ms) {
  transport_t tmp = {.rfd = fd, .wfd = -1};
  size_t n = 0;
  int64_t end = rig_now_ms() + timeout_ms;
  for (;;) {
    char c;
    size_t got;
    int64_t left = end - rig_now_ms();
    rig_status_t st = transport_fd_read(&tmp, &c, 1, &got, left < 0 ? 0 : (int)left);
    if (st != RIG_OK) {
      line[n] = '\0';
      return st;
    }
    if (c == '\n') break;
    if (n + 1 < cap) line[n++] = c;
  }
  if (n && line[n - 1] == '\r') n--;
  line[n] = '\0';
  return RIG_OK;
}

static rig_status_t start_vboard(transport_t *t, int *port) {
  char path[TRANSPORT_TEXT_MAX];
  transport_vboard_path(&t->spec, path, sizeof path);
  char *argv[TRANSPORT_ARGS_MAX];
  int argc = 0;
  argv[argc++] = path;
  argv[argc++] = "--port";
  argv[argc++] = "0";
  if (t->want_control) {
    argv[argc++] = "--control-port";
    argv[argc++] = "0";
  }
  for (int i = 0; i < t->nvargs; i++)
    argv[argc++] = t->vargs[i];
  argv[argc] = NULL;
  int out;
  pid_t pid;
  rig_status_t st = transport_spawn(t, argv, NULL, &out, &pid);
  if (st != RIG_OK) {
    if (st == RIG_E_NODEVICE)
      transport_fail(t, st,
                     "cannot run the virtual board '%s': not found (build it with "
                     "'cmake --build BUILD --target vboard', or give vboard:PATH)",
                     path);
    return st;
  }
  t->child = pid;
  char line[256];
  st = read_line(out, line, sizeof line, TRANSPORT_VBOARD_START_MS);
  t->control_port = 0;
  if (st == RIG_OK && t->want_control) {
    char cline[256];
    // Either line may come first.
    rig_status_t cst = read_line(out, cline, sizeof cline, TRANSPORT_VBOARD_START_MS);
    if (cst == RIG_OK && !strncmp(line, ANNOUNCE_CONTROL, strlen(ANNOUNCE_CONTROL))) {
      char swap[256];
      memcpy(swap, line, sizeof swap);
      memcpy(line, cline, sizeof line);
      memcpy(cline, swap, sizeof cline);
    }
    if (cst == RIG_OK && !strncmp(cline, ANNOUNCE_CONTROL, strlen(ANNOUNCE_CONTROL))) {
      long cp = strtol(cline + strlen(ANNOUNCE_CONTROL), NULL, 10);
      if (cp > 0 && cp <= 65535) t->control_port = (int)cp;
    }
  }
  close(out);
  if (st == RIG_E_INTERRUPTED) return st;
  if (st == RIG_E_TIMEOUT)
    return transport_fail(t, RIG_E_SPAWN, "vboard '%s' did not announce its console within %d s", path,
                          TRANSPORT_VBOARD_START_MS / 1000);
  if (st != RIG_OK) {
    int ws = 0;
    usleep(50000);
    if (transport_child_exited(pid, &ws)) {
      t->child = 0;
      return transport_fail(t, RIG_E_SPAWN, "vboard '%s' exited before announcing its console (status %d)",
                            path, WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws));
    }
    return transport_fail(t, RIG_E_SPAWN, "vboard '%s' closed its stdout before announcing its console",
                          path);
  }
  char *end;
  long p = strncmp(line, ANNOUNCE, strlen(ANNOUNCE)) ? -1 : strtol(line + strlen(ANNOUNCE), &end, 10);
  if (p <= 0 || p > 65535 || *end)
    return transport_fail(t, RIG_E_PROTOCOL, "vboard '%s' said '%s', expected '" ANNOUNCE "<port>'", path,
                          line);
  *port = (int)p;
  return RIG_OK;
}

static rig_status_t vboard_open(transport_t *t) {
  if (t->rfd >= 0) return RIG_OK;
  rig_status_t st = RIG_E_CONNECT;
  for (int attempt = 0; attempt < 2; attempt++) {
    if (t->child && transport_child_exited(t->child, NULL)) t->child = 0;
    if (!t->child) {
      st = start_vboard(t, &t->spec.port);
      if (st != RIG_OK) {
        if (t->child) transport_kill_child(t->child, 500);
        t->child = 0;
        return st;
      }
    }
    int fd;
    st = transport_tcp_connect(t, "127.0.0.1", t->spec.port, TRANSPORT_CONNECT_MS, &fd);
    if (st == RIG_OK) {
      t->rfd = t->wfd = fd;
      return RIG_OK;
    }
    if (st == RIG_E_INTERRUPTED) return st;
    // A vboard that cannot be reached (dying, hung) is replaced once.
    transport_kill_child(t->child, 500);
    t->child = 0;
  }
  return st;
}

// transport_reopen keeps a live vboard (only a new TCP client) and
// vboard_open restarts a dead one; closing stops it.
static void vboard_close(transport_t *t) {
  transport_fd_close(t);
  if (t->child) transport_kill_child(t->child, 1000);
  t->child = 0;
}

static rig_status_t vboard_read(transport_t *t, void *buf, size_t cap, size_t *got, int timeout_ms) {
  rig_status_t st = transport_fd_read(t, buf, cap, got, timeout_ms);
  if (st == RIG_E_CLOSED && t->child && transport_child_exited(t->child, NULL)) {
    t->child = 0;
    return transport_fail(t, RIG_E_CLOSED, "the vboard process died");
  }
  return st;
}

void transport_vboard_want_control(transport_t *t) {
  t->want_control = 1;
}

rig_status_t transport_vboard_control(transport_t *t, const char *cmd, char *reply, size_t cap) {
  if (cap) reply[0] = '\0';
  if (t->spec.kind != TRANSPORT_VBOARD || !t->control_port || !t->child)
    return transport_fail(t, RIG_E_UNSUPPORTED, "this board has no vboard control socket");
  int fd;
  rig_status_t st = transport_tcp_connect(t, "127.0.0.1", t->control_port, TRANSPORT_CONNECT_MS, &fd);
  if (st != RIG_OK) return st;
  transport_t tmp = {.rfd = fd, .wfd = fd};
  char line[256];
  snprintf(line, sizeof line, "%s\n", cmd);
  st = transport_fd_write(&tmp, line, strlen(line), 2000);
  if (st == RIG_OK) st = read_line(fd, line, sizeof line, 5000);
  close(fd);
  if (st != RIG_OK) return transport_fail(t, st, "vboard control '%s': %s", cmd, rig_strerror(st));
  snprintf(reply, cap, "%s", line);
  if (strncmp(line, "ok", 2))
    return transport_fail(t, RIG_E_PROTOCOL, "vboard control '%s' answered '%s'", cmd, line);
  return RIG_OK;
}

const struct transport_ops transport_vboard_ops = {vboard_open, vboard_read, transport_fd_write,
                                                   vboard_close};

void transport_vboard_path(const transport_spec_t *spec, char *out, size_t outlen) {
  if (spec->path[0])
    snprintf(out, outlen, "%s", spec->path);
  else
    transport_vboard_default(out, outlen);
}

void transport_vboard_help(const char *path, char *out, size_t outlen) {
  char cmd[TRANSPORT_TEXT_MAX + 16], err[256];
  int code;
  snprintf(cmd, sizeof cmd, "'%s' --help", path);
  if (transport_run_command(cmd, 5000, out, outlen, &code, err, sizeof err) != RIG_OK && outlen)
    out[0] = '\0';
}

void transport_vboard_pick_ip(int index, char *out, size_t cap) {
  // 127.A.B.C from the rig's pid and the board's index: runs side by side
  // (two CI jobs, a nightly and a developer's run) pick different ones.
  unsigned pid = (unsigned)getpid();
  snprintf(out, cap, "127.%u.%u.%u", 1 + (pid >> 8) % 254, pid % 256, 2 + (unsigned)index % 250);
}

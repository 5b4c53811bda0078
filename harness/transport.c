// SPDX-License-Identifier: MIT
// transport.c: target strings, the dispatch to the backends, and the
// descriptor and child-process helpers the backends share.
#include "transport_int.h"
#include "rig_path.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

static const char target_forms[] =
    "expected tcp:HOST:PORT, serial:DEVICE[@BAUD], exec:COMMAND [ARGS...], vboard[:PATH] or "
    "webrepl://HOST[:PORT]";

static rig_status_t parse_error(char *err, size_t errlen, const char *fmt, const char *what) {
  if (err && errlen) {
    char head[TRANSPORT_TEXT_MAX + 128];
    snprintf(head, sizeof head, fmt, what);
    snprintf(err, errlen, "%s (%s)", head, target_forms);
  }
  return RIG_E_TARGET;
}

// Parses a decimal number in [lo, hi] that makes up all of [s].
static int parse_int(const char *s, long lo, long hi, long *out) {
  if (!*s || !isdigit((unsigned char)*s)) return 0;
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || *end || v < lo || v > hi) return 0;
  *out = v;
  return 1;
}

static int copy_text(char *dst, size_t cap, const char *src, size_t len) {
  if (len >= cap) return 0;
  memcpy(dst, src, len);
  dst[len] = '\0';
  return 1;
}

static rig_status_t parse_tcp(const char *rest, transport_spec_t *spec, char *err, size_t errlen) {
  const char *host = rest, *colon;
  size_t hostlen;
  if (*rest == '[') { // [IPv6]:PORT
    const char *close = strchr(rest, ']');
    if (!close || close[1] != ':') return parse_error(err, errlen, "bad tcp target 'tcp:%s'", rest);
    host = rest + 1;
    hostlen = (size_t)(close - host);
    colon = close + 1;
  } else {
    colon = strrchr(rest, ':');
    if (!colon) return parse_error(err, errlen, "tcp target 'tcp:%s' has no :PORT", rest);
    hostlen = (size_t)(colon - rest);
  }
  if (hostlen == 0) return parse_error(err, errlen, "tcp target 'tcp:%s' has no host", rest);
  if (!copy_text(spec->host, sizeof spec->host, host, hostlen))
    return parse_error(err, errlen, "host name too long in 'tcp:%s'", rest);
  long port;
  if (!parse_int(colon + 1, 1, 65535, &port))
    return parse_error(err, errlen, "bad port '%s' (1..65535)", colon + 1);
  spec->port = (int)port;
  spec->kind = TRANSPORT_TCP;
  return RIG_OK;
}

static rig_status_t parse_serial(const char *rest, transport_spec_t *spec, char *err, size_t errlen) {
  const char *at = strrchr(rest, '@');
  size_t devlen = at ? (size_t)(at - rest) : strlen(rest);
  if (devlen == 0) return parse_error(err, errlen, "serial target 'serial:%s' has no device", rest);
  if (!copy_text(spec->device, sizeof spec->device, rest, devlen))
    return parse_error(err, errlen, "device name too long in 'serial:%s'", rest);
  spec->baud = TRANSPORT_DEFAULT_BAUD;
  if (at) {
    long baud;
    if (!parse_int(at + 1, 50, 12000000, &baud))
      return parse_error(err, errlen, "bad baud rate '%s' (a number such as 115200)", at + 1);
    spec->baud = (int)baud;
  }
  spec->kind = TRANSPORT_SERIAL;
  return RIG_OK;
}

// HOST[:PORT][/], as webrepl_cli.py takes it; the port defaults to 8266.
static rig_status_t parse_webrepl(const char *rest, transport_spec_t *spec, char *err, size_t errlen) {
  char text[TRANSPORT_TEXT_MAX];
  snprintf(text, sizeof text, "%s", rest);
  size_t n = strlen(text);
  if (n && text[n - 1] == '/') text[--n] = '\0';
  if (strchr(text, '@'))
    return parse_error(err, errlen, "%s",
                       "a webrepl target carries no password: give webrepl_password in the farm file or "
                       "set RIG_WEBREPL_PASSWORD");
  const char *host = text, *port = NULL;
  if (text[0] == '[') {
    char *close = strchr(text, ']');
    if (!close || (close[1] && close[1] != ':'))
      return parse_error(err, errlen, "bad webrepl target 'webrepl://%s'", rest);
    *close = '\0';
    host = text + 1;
    if (close[1]) port = close + 2;
  } else {
    char *colon = strrchr(text, ':');
    if (colon && strchr(text, ':') == colon) {
      *colon = '\0';
      port = colon + 1;
    }
  }
  if (!*host) return parse_error(err, errlen, "webrepl target 'webrepl://%s' has no host", rest);
  if (strlen(host) >= sizeof spec->host)
    return parse_error(err, errlen, "host name too long in 'webrepl://%s'", rest);
  long p = 8266;
  if (port && !parse_int(port, 1, 65535, &p))
    return parse_error(err, errlen, "bad port '%s' (1..65535)", port);
  memcpy(spec->host, host, strlen(host) + 1); // length checked above
  spec->port = (int)p;
  spec->kind = TRANSPORT_WEBREPL;
  return RIG_OK;
}

rig_status_t transport_parse(const char *target, transport_spec_t *spec, char *err, size_t errlen) {
  memset(spec, 0, sizeof *spec);
  if (err && errlen) err[0] = '\0';
  if (!target || !*target) return parse_error(err, errlen, "empty target%s", "");
  if (strlen(target) >= TRANSPORT_TEXT_MAX) return parse_error(err, errlen, "target too long%s", "");
  if (!strncmp(target, "tcp:", 4)) return parse_tcp(target + 4, spec, err, errlen);
  if (!strncmp(target, "serial:", 7)) return parse_serial(target + 7, spec, err, errlen);
  if (!strncmp(target, "exec:", 5)) {
    char store[TRANSPORT_TEXT_MAX];
    char *argv[TRANSPORT_ARGS_MAX];
    int argc = transport_split_args(target + 5, store, sizeof store, argv, TRANSPORT_ARGS_MAX);
    if (argc < 0)
      return parse_error(err, errlen, "cannot split the command of '%s' (unclosed quote?)", target);
    if (argc == 0) return parse_error(err, errlen, "exec target '%s' has no command", target);
    snprintf(spec->command, sizeof spec->command, "%s", target + 5);
    spec->kind = TRANSPORT_EXEC;
    return RIG_OK;
  }
  if (!strncmp(target, "webrepl://", 10)) return parse_webrepl(target + 10, spec, err, errlen);
  if (!strcmp(target, "vboard")) {
    spec->kind = TRANSPORT_VBOARD;
    return RIG_OK;
  }
  if (!strncmp(target, "vboard:", 7)) {
    if (!target[7]) return parse_error(err, errlen, "vboard target '%s' has an empty path", target);
    snprintf(spec->path, sizeof spec->path, "%s", target + 7);
    spec->kind = TRANSPORT_VBOARD;
    return RIG_OK;
  }
  return parse_error(err, errlen, "unknown target '%s'", target);
}

int transport_split_args(const char *line, char *store, size_t storelen, char **argv, int argv_max) {
  size_t used = 0;
  int argc = 0;
  const char *p = line;
  for (;;) {
    while (*p == ' ' || *p == '\t')
      p++;
    if (!*p) break;
    if (argc >= argv_max) return -1;
    argv[argc++] = store + used;
    char quote = 0;
    while (*p && (quote || (*p != ' ' && *p != '\t'))) {
      char c = *p++;
      if (quote == '\'' && c == '\'') {
        quote = 0;
        continue;
      }
      if (quote == '"' && c == '"') {
        quote = 0;
        continue;
      }
      if (!quote && (c == '\'' || c == '"')) {
        quote = c;
        continue;
      }
      if (c == '\\' && quote != '\'' && *p) c = *p++;
      if (used + 1 >= storelen) return -1;
      store[used++] = c;
    }
    if (quote) return -1;
    if (used + 1 > storelen) return -1;
    store[used++] = '\0';
  }
  if (argc < argv_max) argv[argc] = NULL;
  return argc;
}

void transport_redact(const char *target, char *out, size_t outlen) {
  if (!outlen) return;
  snprintf(out, outlen, "%s", target ? target : "");
  // user:password@host in a tcp target (or anything with '@' after "//").
  if (!strncmp(out, "tcp:", 4)) {
    char *at = strchr(out + 4, '@');
    if (at) {
      char rest[TRANSPORT_TEXT_MAX];
      snprintf(rest, sizeof rest, "%s", at);
      snprintf(out + 4, outlen - 4, "***%s", rest);
    }
  }
  static const char *const keys[] = {"password=", "pass=", "passwd=", "token=", "key=", "secret="};
  for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
    char *p = out;
    while ((p = strstr(p, keys[k])) != NULL) {
      char *v = p + strlen(keys[k]);
      char *e = v;
      while (*e && *e != '&' && *e != ' ' && *e != ',' && *e != ';')
        e++;
      char rest[TRANSPORT_TEXT_MAX];
      snprintf(rest, sizeof rest, "%s", e);
      size_t off = (size_t)(v - out);
      snprintf(v, outlen - off, "***%s", rest);
      p = v;
    }
  }
}

void transport_vboard_default(char *out, size_t outlen) {
  if (rig_path_beside("../port_esp8266/vboard", X_OK, out, outlen)) return;
  snprintf(out, outlen, "vboard");
}

transport_t *transport_new(const transport_spec_t *spec) {
  transport_t *t = calloc(1, sizeof *t);
  if (!t) return NULL;
  t->spec = *spec;
  t->rfd = t->wfd = -1;
  switch (spec->kind) {
  case TRANSPORT_TCP: t->ops = &transport_tcp_ops; break;
  case TRANSPORT_SERIAL: t->ops = &transport_serial_ops; break;
  case TRANSPORT_EXEC: t->ops = &transport_exec_ops; break;
  case TRANSPORT_VBOARD: t->ops = &transport_vboard_ops; break;
  case TRANSPORT_FD: t->ops = &transport_fd_ops; break;
  case TRANSPORT_WEBREPL: t->ops = &transport_webrepl_ops; break;
  }
  return t;
}

transport_t *transport_new_fd(int rfd, int wfd) {
  transport_spec_t spec = {.kind = TRANSPORT_FD};
  transport_t *t = transport_new(&spec);
  if (!t) return NULL;
  t->rfd = rfd;
  t->wfd = wfd;
  return t;
}

rig_status_t transport_add_vboard_arg(transport_t *t, const char *arg) {
  if (t->nvargs >= TRANSPORT_ARGS_MAX - 8)
    return transport_fail(t, RIG_E_OVERFLOW, "too many --vboard-arg (at most %d)", TRANSPORT_ARGS_MAX - 8);
  char *copy = strdup(arg);
  if (!copy) return RIG_E_NOMEM;
  t->vargs[t->nvargs++] = copy;
  return RIG_OK;
}

void transport_set_password(transport_t *t, const char *password) {
  snprintf(t->secret, sizeof t->secret, "%s", password ? password : "");
}

rig_status_t transport_fail(transport_t *t, rig_status_t st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(t->err, sizeof t->err, fmt, ap);
  va_end(ap);
  return st;
}

rig_status_t transport_open(transport_t *t) {
  t->err[0] = '\0';
  return t->ops->open(t);
}

rig_status_t transport_read(transport_t *t, void *buf, size_t cap, size_t *got, int timeout_ms) {
  *got = 0;
  return t->ops->read(t, buf, cap, got, timeout_ms);
}

rig_status_t transport_write(transport_t *t, const void *buf, size_t len, int timeout_ms) {
  return t->ops->write(t, buf, len, timeout_ms);
}

rig_status_t transport_reopen(transport_t *t) {
  if (t->spec.kind == TRANSPORT_FD)
    return transport_fail(t, RIG_E_UNSUPPORTED, "a descriptor transport cannot be reopened");
  // A live vboard keeps running: only its TCP client is replaced.
  if (t->spec.kind == TRANSPORT_VBOARD)
    transport_fd_close(t);
  else
    t->ops->close(t);
  return transport_open(t);
}

void transport_close(transport_t *t) {
  if (t) t->ops->close(t);
}

void transport_free(transport_t *t) {
  if (!t) return;
  transport_close(t);
  for (int i = 0; i < t->nvargs; i++)
    free(t->vargs[i]);
  explicit_bzero(t->secret, sizeof t->secret);
  free(t);
}

const char *transport_errmsg(const transport_t *t) {
  return t->err;
}
transport_kind_t transport_kind(const transport_t *t) {
  return t->spec.kind;
}
pid_t transport_child_pid(const transport_t *t) {
  return t->child;
}

// Waits for [events] on [fd] up to [timeout_ms], in slices so that a stop
// request is seen. Returns 1 ready, 0 timeout, -1 error (errno set), -2
// stop requested.
static int wait_fd(int fd, short events, int timeout_ms) {
  int64_t end = rig_now_ms() + (timeout_ms < 0 ? 0 : timeout_ms);
  for (;;) {
    if (rig_stop_requested()) return -2;
    int64_t left = end - rig_now_ms();
    if (left < 0) left = 0;
    int slice = left > 100 ? 100 : (int)left;
    struct pollfd pfd = {.fd = fd, .events = events};
    int r = poll(&pfd, 1, slice);
    if (r > 0) return 1;
    if (r < 0 && errno != EINTR) return -1;
    if (r == 0 && left == 0) return 0;
  }
}

rig_status_t transport_fd_read(transport_t *t, void *buf, size_t cap, size_t *got, int timeout_ms) {
  *got = 0;
  if (t->rfd < 0) return transport_fail(t, RIG_E_CLOSED, "not connected");
  int w = wait_fd(t->rfd, POLLIN, timeout_ms);
  if (w == -2) return RIG_E_INTERRUPTED;
  if (w == 0) return RIG_E_TIMEOUT;
  if (w < 0) return transport_fail(t, RIG_E_IO, "poll: %s", strerror(errno));
  for (;;) {
    ssize_t n = read(t->rfd, buf, cap);
    if (n > 0) {
      *got = (size_t)n;
      return RIG_OK;
    }
    if (n == 0) return transport_fail(t, RIG_E_CLOSED, "the board closed the connection");
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return RIG_E_TIMEOUT;
    if (errno == ECONNRESET || errno == EPIPE)
      return transport_fail(t, RIG_E_CLOSED, "connection reset: %s", strerror(errno));
    return transport_fail(t, RIG_E_IO, "read: %s", strerror(errno));
  }
}

rig_status_t transport_fd_write(transport_t *t, const void *buf, size_t len, int timeout_ms) {
  if (t->wfd < 0) return transport_fail(t, RIG_E_CLOSED, "not connected");
  const char *p = buf;
  int64_t end = rig_now_ms() + timeout_ms;
  while (len > 0) {
    int64_t left = end - rig_now_ms();
    int w = wait_fd(t->wfd, POLLOUT, left < 0 ? 0 : (int)left);
    if (w == -2) return RIG_E_INTERRUPTED;
    if (w == 0) return transport_fail(t, RIG_E_TIMEOUT, "the board does not take input");
    if (w < 0) return transport_fail(t, RIG_E_IO, "poll: %s", strerror(errno));
    ssize_t n = write(t->wfd, p, len);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
      if (errno == EPIPE || errno == ECONNRESET)
        return transport_fail(t, RIG_E_CLOSED, "connection lost: %s", strerror(errno));
      return transport_fail(t, RIG_E_IO, "write: %s", strerror(errno));
    }
    p += n;
    len -= (size_t)n;
  }
  return RIG_OK;
}

void transport_fd_close(transport_t *t) {
  if (t->rfd >= 0) close(t->rfd);
  if (t->wfd >= 0 && t->wfd != t->rfd) close(t->wfd);
  t->rfd = t->wfd = -1;
}

static rig_status_t fd_open(transport_t *t) {
  if (t->rfd < 0) return transport_fail(t, RIG_E_CLOSED, "descriptor transport already closed");
  return RIG_OK;
}

const struct transport_ops transport_fd_ops = {fd_open, transport_fd_read, transport_fd_write,
                                               transport_fd_close};

rig_status_t transport_spawn(transport_t *t, char *const argv[], int *to_child, int *from_child, pid_t *pid) {
  int in[2] = {-1, -1}, out[2];
  if (to_child && pipe2(in, O_CLOEXEC) < 0)
    return transport_fail(t, RIG_E_SPAWN, "pipe: %s", strerror(errno));
  if (pipe2(out, O_CLOEXEC) < 0) {
    if (to_child) close(in[0]), close(in[1]);
    return transport_fail(t, RIG_E_SPAWN, "pipe: %s", strerror(errno));
  }
  // A pipe the child reports exec failure through (closed on success).
  int report[2];
  if (pipe2(report, O_CLOEXEC) < 0) {
    if (to_child) close(in[0]), close(in[1]);
    close(out[0]), close(out[1]);
    return transport_fail(t, RIG_E_SPAWN, "pipe: %s", strerror(errno));
  }
  pid_t parent = getpid();
  pid_t p = fork();
  if (p < 0) {
    int e = errno;
    if (to_child) close(in[0]), close(in[1]);
    close(out[0]), close(out[1]), close(report[0]), close(report[1]);
    return transport_fail(t, RIG_E_SPAWN, "fork: %s", strerror(e));
  }
  if (p == 0) {
    setpgid(0, 0);
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);
#else
    (void)parent;
#endif
    signal(SIGPIPE, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    if (to_child) {
      dup2(in[0], 0);
    } else {
      int devnull = open("/dev/null", O_RDONLY);
      if (devnull >= 0) dup2(devnull, 0);
    }
    dup2(out[1], 1);
    execvp(argv[0], argv);
    int e = errno;
    (void)!write(report[1], &e, sizeof e);
    _exit(127);
  }
  setpgid(p, p); // also from here, so the group exists before we may kill it
  rig_child_register(p);
  close(report[1]);
  if (to_child) close(in[0]);
  close(out[1]);
  int e = 0;
  ssize_t n;
  do
    n = read(report[0], &e, sizeof e);
  while (n < 0 && errno == EINTR);
  close(report[0]);
  if (n == (ssize_t)sizeof e) {
    waitpid(p, NULL, 0);
    rig_child_unregister(p);
    if (to_child) close(in[1]);
    close(out[0]);
    return transport_fail(t, e == ENOENT ? RIG_E_NODEVICE : RIG_E_SPAWN, "cannot run '%s': %s", argv[0],
                          strerror(e));
  }
  if (to_child) {
    *to_child = in[1];
    fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
  }
  *from_child = out[0];
  *pid = p;
  return RIG_OK;
}

int transport_child_exited(pid_t pid, int *wstatus) {
  int st = 0;
  pid_t r = waitpid(pid, &st, WNOHANG);
  if (r == pid) {
    if (wstatus) *wstatus = st;
    rig_child_unregister(pid);
    return 1;
  }
  return r < 0 && errno == ECHILD;
}

void transport_kill_child(pid_t pid, int grace_ms) {
  if (pid <= 0) return;
  if (transport_child_exited(pid, NULL)) return;
  kill(-pid, SIGTERM);
  kill(pid, SIGTERM);
  int64_t end = rig_now_ms() + grace_ms;
  while (rig_now_ms() < end) {
    if (transport_child_exited(pid, NULL)) {
      kill(-pid, SIGKILL); // anything the child left in its group
      return;
    }
    struct timespec ts = {0, 10 * 1000000L};
    nanosleep(&ts, NULL);
  }
  kill(-pid, SIGKILL);
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
  rig_child_unregister(pid);
}

rig_status_t transport_run_command(const char *cmdline, int timeout_ms, char *out, size_t cap,
                                   int *exit_status, char *err, size_t errlen) {
  char store[TRANSPORT_TEXT_MAX];
  char *argv[TRANSPORT_ARGS_MAX + 1];
  if (cap) out[0] = '\0';
  *exit_status = -1;
  int argc = transport_split_args(cmdline, store, sizeof store, argv, TRANSPORT_ARGS_MAX);
  if (argc <= 0) {
    snprintf(err, errlen, "not a command line: '%s'", cmdline);
    return RIG_E_USAGE;
  }
  argv[argc] = NULL;
  transport_t tmp = {.rfd = -1, .wfd = -1};
  int from;
  pid_t pid;
  rig_status_t st = transport_spawn(&tmp, argv, NULL, &from, &pid);
  if (st != RIG_OK) {
    snprintf(err, errlen, "%s", tmp.err);
    return st;
  }
  size_t used = 0;
  int64_t end = rig_now_ms() + timeout_ms;
  tmp.rfd = from;
  for (;;) {
    char chunk[512];
    size_t got = 0;
    int64_t left = end - rig_now_ms();
    st = transport_fd_read(&tmp, chunk, sizeof chunk, &got, left < 0 ? 0 : (int)left);
    if (st != RIG_OK) break;
    size_t n = cap && used + got >= cap ? cap - 1 - used : got;
    if (cap) memcpy(out + used, chunk, n), used += n, out[used] = '\0';
  }
  close(from);
  if (st == RIG_E_CLOSED || st == RIG_E_IO) {
    // Output done; the exit follows at once (give it the time left).
    int ws = 0, done;
    while (!(done = transport_child_exited(pid, &ws)) && rig_now_ms() < end && !rig_stop_requested())
      rig_sleep_ms(5);
    if (done) {
      *exit_status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
      return RIG_OK;
    }
    st = RIG_E_TIMEOUT;
  }
  transport_kill_child(pid, 500);
  snprintf(err, errlen, "'%s' %s", argv[0],
           st == RIG_E_TIMEOUT ? "did not finish in time" : rig_strerror(st));
  return st == RIG_E_INTERRUPTED ? st : RIG_E_TIMEOUT;
}

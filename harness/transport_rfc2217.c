// SPDX-License-Identifier: MIT
// transport_rfc2217.c: RFC 2217 client (see transport_rfc2217.h).
//
// Threads: the caller's (which writes subnegotiations for the lines) and
// the bridge (which copies data both ways and answers Telnet negotiation).
// Both write the TCP socket; the mutex keeps their messages whole. The
// bridge records the server's SET-CONTROL answers so that set_lines can
// wait for them.
#include "transport_rfc2217.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240 };
enum { OPT_BINARY = 0, OPT_SGA = 3, OPT_COM_PORT = 44 };
enum {
  CPO_SET_BAUDRATE = 1,
  CPO_SET_DATASIZE = 2,
  CPO_SET_PARITY = 3,
  CPO_SET_STOPSIZE = 4,
  CPO_SET_CONTROL = 5
};

struct rfc2217 {
  int tcp;     // the connection to the server
  int local;   // our end of the socketpair the transport reads
  int stop[2]; // a byte here ends the bridge
  pthread_t thread;
  int started;
  pthread_mutex_t lock;
  pthread_cond_t changed;
  int com_port_ok;          // the server answered DO COM-PORT-OPTION
  int com_port_refused;     // ... or DONT
  unsigned control_answers; // SET-CONTROL answers seen
  // decoder state (bridge thread only)
  int state;
  uint8_t verb;
  uint8_t sb[32];
  size_t sb_len;
};

int rfc2217_is_target(const char *target) {
  return !strncmp(target, "rfc2217://", 10);
}

// Writes all of [buf] to the TCP socket under the lock.
static int send_locked(rfc2217_t *r, const uint8_t *buf, size_t len) {
  pthread_mutex_lock(&r->lock);
  int ok = 1;
  while (len > 0) {
    ssize_t n = send(r->tcp, buf, len, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = 0;
      break;
    }
    buf += n;
    len -= (size_t)n;
  }
  pthread_mutex_unlock(&r->lock);
  return ok;
}

static int subneg(rfc2217_t *r, uint8_t code, const uint8_t *v, size_t len) {
  uint8_t msg[32];
  size_t n = 0;
  msg[n++] = IAC, msg[n++] = SB, msg[n++] = OPT_COM_PORT, msg[n++] = code;
  for (size_t i = 0; i < len && n < sizeof msg - 3; i++) {
    msg[n++] = v[i];
    if (v[i] == IAC) msg[n++] = IAC;
  }
  msg[n++] = IAC, msg[n++] = SE;
  return send_locked(r, msg, n);
}

static void got_subneg(rfc2217_t *r) {
  if (r->sb_len < 2 || r->sb[0] != OPT_COM_PORT) return;
  if (r->sb[1] == CPO_SET_CONTROL + 100) {
    pthread_mutex_lock(&r->lock);
    r->control_answers++;
    pthread_cond_broadcast(&r->changed);
    pthread_mutex_unlock(&r->lock);
  }
}

static void got_option(rfc2217_t *r, uint8_t verb, uint8_t opt) {
  if (opt == OPT_COM_PORT && (verb == DO || verb == DONT)) {
    pthread_mutex_lock(&r->lock);
    if (verb == DO)
      r->com_port_ok = 1;
    else
      r->com_port_refused = 1;
    pthread_cond_broadcast(&r->changed);
    pthread_mutex_unlock(&r->lock);
    return;
  }
  // We asked for BINARY and SGA both ways; anything else offered is refused.
  if (opt == OPT_BINARY || opt == OPT_SGA) return;
  uint8_t msg[3] = {IAC, verb == WILL ? DONT : WONT, opt};
  if (verb == WILL || verb == DO) send_locked(r, msg, 3);
}

// Strips the Telnet layer from [n] bytes of [in]; data goes to [out].
static size_t decode(rfc2217_t *r, const uint8_t *in, size_t n, uint8_t *out) {
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    uint8_t b = in[i];
    switch (r->state) {
    case 0:
      if (b == IAC)
        r->state = 1;
      else
        out[o++] = b;
      break;
    case 1:
      r->state = 0;
      if (b == IAC)
        out[o++] = b;
      else if (b >= WILL && b <= DONT)
        r->verb = b, r->state = 2;
      else if (b == SB)
        r->sb_len = 0, r->state = 3;
      break;
    case 2:
      r->state = 0;
      got_option(r, r->verb, b);
      break;
    case 3:
      if (b == IAC)
        r->state = 4;
      else if (r->sb_len < sizeof r->sb)
        r->sb[r->sb_len++] = b;
      break;
    case 4:
      if (b == IAC) {
        if (r->sb_len < sizeof r->sb) r->sb[r->sb_len++] = b;
        r->state = 3;
      } else {
        r->state = 0;
        if (b == SE) got_subneg(r);
      }
      break;
    }
  }
  return o;
}

static int write_all_fd(int fd, const uint8_t *buf, size_t len) {
  while (len > 0) {
    ssize_t n = send(fd, buf, len, MSG_NOSIGNAL); // the transport may be closed first
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 0;
    buf += n;
    len -= (size_t)n;
  }
  return 1;
}

static void *bridge(void *arg) {
  rfc2217_t *r = arg;
  uint8_t in[4096], out[8192];
  for (;;) {
    struct pollfd fds[3] = {{.fd = r->tcp, .events = POLLIN},
                            {.fd = r->local, .events = POLLIN},
                            {.fd = r->stop[0], .events = POLLIN}};
    if (poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[2].revents) break;
    if (fds[0].revents) {
      ssize_t n = recv(r->tcp, in, sizeof in, 0);
      if (n <= 0 && !(n < 0 && errno == EINTR)) break;
      if (n > 0) {
        size_t o = decode(r, in, (size_t)n, out);
        if (o && !write_all_fd(r->local, out, o)) break;
      }
    }
    if (fds[1].revents) {
      ssize_t n = read(r->local, in, sizeof in);
      if (n <= 0 && !(n < 0 && errno == EINTR)) break;
      size_t o = 0;
      for (ssize_t i = 0; i < n; i++) {
        out[o++] = in[i];
        if (in[i] == IAC) out[o++] = IAC;
      }
      if (o && !send_locked(r, out, o)) break;
    }
  }
  // The other side sees the end of the stream.
  shutdown(r->local, SHUT_RDWR);
  pthread_mutex_lock(&r->lock);
  r->com_port_refused = 1;
  pthread_cond_broadcast(&r->changed);
  pthread_mutex_unlock(&r->lock);
  return NULL;
}

static rig_status_t connect_tcp(const char *host, const char *port, int *fd, char *err, size_t errlen) {
  struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *res = NULL;
  int rc = getaddrinfo(host, port, &hints, &res);
  if (rc) {
    snprintf(err, errlen, "cannot resolve %s: %s", host, gai_strerror(rc));
    return RIG_E_CONNECT;
  }
  int s = -1;
  for (struct addrinfo *a = res; a && s < 0; a = a->ai_next) {
    s = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (s >= 0 && connect(s, a->ai_addr, a->ai_addrlen) < 0) {
      close(s);
      s = -1;
    }
  }
  int saved = errno;
  freeaddrinfo(res);
  if (s < 0) {
    snprintf(err, errlen, "cannot connect to %s:%s: %s", host, port, strerror(saved));
    return RIG_E_CONNECT;
  }
  int one = 1;
  setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  *fd = s;
  return RIG_OK;
}

static int wait_until(rfc2217_t *r, int (*cond)(rfc2217_t *, unsigned), unsigned arg, int ms) {
  int64_t end = rig_now_ms() + ms;
  pthread_mutex_lock(&r->lock);
  while (!cond(r, arg) && !r->com_port_refused && rig_now_ms() < end) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 20 * 1000000L;
    if (ts.tv_nsec >= 1000000000L) ts.tv_sec++, ts.tv_nsec -= 1000000000L;
    pthread_cond_timedwait(&r->changed, &r->lock, &ts);
  }
  int ok = cond(r, arg);
  pthread_mutex_unlock(&r->lock);
  return ok;
}

static int com_port_ready(rfc2217_t *r, unsigned unused) {
  (void)unused;
  return r->com_port_ok;
}

static int answers_reached(rfc2217_t *r, unsigned want) {
  return r->control_answers >= want;
}

rig_status_t rfc2217_open(const char *target, int baud, rfc2217_t **out, transport_t **tout, char *err,
                          size_t errlen) {
  *out = NULL;
  *tout = NULL;
  char host[256], port[16];
  const char *hp = target + 10, *colon = strrchr(hp, ':');
  if (!rfc2217_is_target(target) || !colon || colon == hp || (size_t)(colon - hp) >= sizeof host ||
      strlen(colon + 1) == 0 || strlen(colon + 1) >= sizeof port) {
    snprintf(err, errlen, "bad target '%s' (expected rfc2217://HOST:PORT)", target);
    return RIG_E_TARGET;
  }
  memcpy(host, hp, (size_t)(colon - hp));
  host[colon - hp] = '\0';
  if (host[0] == '[' && host[strlen(host) - 1] == ']') { // [IPv6]
    memmove(host, host + 1, strlen(host));
    host[strlen(host) - 1] = '\0';
  }
  snprintf(port, sizeof port, "%s", colon + 1);
  rfc2217_t *r = calloc(1, sizeof *r);
  if (!r) return RIG_E_NOMEM;
  r->tcp = r->local = r->stop[0] = r->stop[1] = -1;
  pthread_mutex_init(&r->lock, NULL);
  pthread_cond_init(&r->changed, NULL);
  rig_status_t st = connect_tcp(host, port, &r->tcp, err, errlen);
  int pair[2];
  if (st == RIG_OK &&
      (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) < 0 || pipe2(r->stop, O_CLOEXEC) < 0)) {
    snprintf(err, errlen, "cannot make the bridge: %s", strerror(errno));
    st = RIG_E_IO;
  }
  if (st != RIG_OK) {
    rfc2217_close(r);
    return st;
  }
  r->local = pair[1];
  if (pthread_create(&r->thread, NULL, bridge, r) != 0) {
    close(pair[0]);
    rfc2217_close(r);
    snprintf(err, errlen, "cannot start the bridge thread");
    return RIG_E_IO;
  }
  r->started = 1;
  static const uint8_t hello[] = {IAC,     WILL, OPT_BINARY, IAC,     DO,  OPT_BINARY, IAC,         WILL,
                                  OPT_SGA, IAC,  DO,         OPT_SGA, IAC, WILL,       OPT_COM_PORT};
  send_locked(r, hello, sizeof hello);
  if (!wait_until(r, com_port_ready, 0, 3000)) {
    close(pair[0]);
    rfc2217_close(r);
    snprintf(err, errlen, "%s does not speak RFC 2217 (no DO COM-PORT-OPTION)", target);
    return RIG_E_PROTOCOL;
  }
  uint8_t b[4] = {(uint8_t)(baud >> 24), (uint8_t)(baud >> 16), (uint8_t)(baud >> 8), (uint8_t)baud};
  uint8_t eight = 8, none = 1, one_stop = 1, no_flow = 1;
  subneg(r, CPO_SET_BAUDRATE, b, 4);
  subneg(r, CPO_SET_DATASIZE, &eight, 1);
  subneg(r, CPO_SET_PARITY, &none, 1);
  subneg(r, CPO_SET_STOPSIZE, &one_stop, 1);
  subneg(r, CPO_SET_CONTROL, &no_flow, 1);
  transport_t *t = transport_new_fd(pair[0], pair[0]);
  if (!t) {
    close(pair[0]);
    rfc2217_close(r);
    return RIG_E_NOMEM;
  }
  *out = r;
  *tout = t;
  return RIG_OK;
}

rig_status_t rfc2217_set_lines(rfc2217_t *r, int dtr, int rts) {
  pthread_mutex_lock(&r->lock);
  unsigned want = r->control_answers;
  pthread_mutex_unlock(&r->lock);
  // One change at a time, each acknowledged, as pyserial does: the board
  // sees the same order of edges as on a local port.
  if (dtr >= 0) {
    uint8_t v = dtr ? 8 : 9;
    if (!subneg(r, CPO_SET_CONTROL, &v, 1)) return RIG_E_CLOSED;
    if (!wait_until(r, answers_reached, ++want, 1000)) return RIG_E_TIMEOUT;
  }
  if (rts >= 0) {
    uint8_t v = rts ? 11 : 12;
    if (!subneg(r, CPO_SET_CONTROL, &v, 1)) return RIG_E_CLOSED;
    if (!wait_until(r, answers_reached, ++want, 1000)) return RIG_E_TIMEOUT;
  }
  return RIG_OK;
}

void rfc2217_close(rfc2217_t *r) {
  if (!r) return;
  if (r->started) {
    if (write(r->stop[1], "x", 1) < 0) { /* the bridge ends at the socket's end anyway */
    }
    pthread_join(r->thread, NULL);
  }
  if (r->tcp >= 0) close(r->tcp);
  if (r->local >= 0) close(r->local);
  if (r->stop[0] >= 0) close(r->stop[0]);
  if (r->stop[1] >= 0) close(r->stop[1]);
  pthread_mutex_destroy(&r->lock);
  pthread_cond_destroy(&r->changed);
  free(r);
}

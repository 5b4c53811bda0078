// SPDX-License-Identifier: MIT
// transport_tcp.c: tcp:HOST:PORT, a raw TCP console such as ser2net's or
// vboard's. No telnet or RFC 2217 negotiation: the bytes are the UART's.
#include "transport_int.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

// Tries one address with a non-blocking connect bounded by [timeout_ms].
static int connect_one(const struct addrinfo *ai, int timeout_ms, int *err) {
  int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
  if (fd < 0) {
    *err = errno;
    return -1;
  }
  if (connect(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
    if (errno != EINPROGRESS) {
      *err = errno;
      close(fd);
      return -1;
    }
    int64_t end = rig_now_ms() + timeout_ms;
    for (;;) {
      if (rig_stop_requested()) {
        *err = EINTR;
        close(fd);
        return -1;
      }
      int64_t left = end - rig_now_ms();
      if (left <= 0) {
        *err = ETIMEDOUT;
        close(fd);
        return -1;
      }
      struct pollfd pfd = {.fd = fd, .events = POLLOUT};
      int r = poll(&pfd, 1, left > 100 ? 100 : (int)left);
      if (r > 0) break;
      if (r < 0 && errno != EINTR) {
        *err = errno;
        close(fd);
        return -1;
      }
    }
    int soerr = 0;
    socklen_t len = sizeof soerr;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len);
    if (soerr) {
      *err = soerr;
      close(fd);
      return -1;
    }
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

rig_status_t transport_tcp_connect(transport_t *t, const char *host, int port, int timeout_ms, int *fd) {
  char service[16];
  snprintf(service, sizeof service, "%d", port);
  struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *res = NULL;
  int gai = getaddrinfo(host, service, &hints, &res);
  if (gai != 0) return transport_fail(t, RIG_E_CONNECT, "cannot resolve '%s': %s", host, gai_strerror(gai));
  int err = 0;
  *fd = -1;
  for (struct addrinfo *ai = res; ai && *fd < 0; ai = ai->ai_next)
    *fd = connect_one(ai, timeout_ms, &err);
  freeaddrinfo(res);
  if (*fd < 0) {
    if (rig_stop_requested()) return RIG_E_INTERRUPTED;
    return transport_fail(t, RIG_E_CONNECT, "cannot connect to %s:%d: %s", host, port, strerror(err));
  }
  return RIG_OK;
}

static rig_status_t tcp_open(transport_t *t) {
  if (t->rfd >= 0) return RIG_OK;
  int fd;
  rig_status_t st = transport_tcp_connect(t, t->spec.host, t->spec.port, TRANSPORT_CONNECT_MS, &fd);
  if (st != RIG_OK) return st;
  t->rfd = t->wfd = fd;
  return RIG_OK;
}

const struct transport_ops transport_tcp_ops = {tcp_open, transport_fd_read, transport_fd_write,
                                                transport_fd_close};

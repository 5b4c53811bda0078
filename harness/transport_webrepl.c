// SPDX-License-Identifier: MIT
// transport_webrepl.c: webrepl://HOST[:PORT], a board's WebREPL (PROTOCOLS.md
// section 2) as a byte pipe, so the raw REPL and raw-paste run over it
// exactly as over a UART.
//
// libcurl makes the TCP connection (CURLOPT_CONNECT_ONLY); Debian's libcurl
// has no WebSocket API, so the upgrade and the frames are ours
// (websocket.c) over curl_easy_send/curl_easy_recv. After the upgrade the
// board asks "Password: "; the rig answers from transport_set_password() or
// the RIG_WEBREPL_PASSWORD environment variable and waits for "WebREPL
// connected" or "Access denied". The password is never put in a message.
#include "transport_int.h"
#include "websocket.h"

#include <curl/curl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WEBREPL_FRAME_MAX 65535 // the board refuses 64-bit lengths; so do we
#define WEBREPL_SEND_CHUNK 1024 // payload per frame we send, as webrepl_cli.py
#define WEBREPL_LOGIN_MS 5000

typedef struct {
  CURL *curl;
  curl_socket_t sock;
  uint8_t *in;     // raw bytes from the socket not yet parsed into frames
  size_t inlen;    //
  uint8_t *out;    // payload bytes decoded, not yet handed to the caller
  size_t outlen;   //
  size_t outoff;   // first undelivered byte of out
  uint8_t *bin;    // payload of binary frames (file transfer), kept apart
  size_t binlen;   //
  size_t binoff;   //
  int closed;      // the board sent CLOSE or the socket ended
  int last_binary; // the last data frame was binary (CONT frames follow it)
  uint32_t rng;    // mask generator (masks need not be secret here)
} webrepl_t;

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static void curl_init_once(void) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

void transport_curl_init(void) {
  pthread_once(&curl_once, curl_init_once);
}

static void ws_free(webrepl_t *w) {
  if (!w) return;
  if (w->curl) curl_easy_cleanup(w->curl);
  free(w->in);
  free(w->out);
  free(w->bin);
  free(w);
}

static void next_mask(webrepl_t *w, uint8_t mask[4]) {
  for (int i = 0; i < 4; i++) {
    w->rng = w->rng * 1664525u + 1013904223u;
    mask[i] = (uint8_t)(w->rng >> 24);
  }
}

// Waits until the socket is readable (POLLIN) or writable (POLLOUT);
// RIG_E_TIMEOUT after [timeout_ms], RIG_E_INTERRUPTED on a stop request.
static rig_status_t wait_sock(webrepl_t *w, short events, int64_t end) {
  for (;;) {
    if (rig_stop_requested()) return RIG_E_INTERRUPTED;
    int64_t left = end - rig_now_ms();
    if (left <= 0) return RIG_E_TIMEOUT;
    struct pollfd pfd = {.fd = (int)w->sock, .events = events};
    int r = poll(&pfd, 1, left > 100 ? 100 : (int)left);
    if (r > 0) return RIG_OK;
  }
}

static rig_status_t send_all(transport_t *t, const uint8_t *p, size_t len, int64_t end) {
  webrepl_t *w = t->ws;
  while (len) {
    size_t n = 0;
    CURLcode rc = curl_easy_send(w->curl, p, len, &n);
    if (rc == CURLE_AGAIN) {
      rig_status_t st = wait_sock(w, POLLOUT, end);
      if (st != RIG_OK) return transport_fail(t, st, "WebREPL: the board does not take data");
      continue;
    }
    if (rc != CURLE_OK) return transport_fail(t, RIG_E_IO, "WebREPL send: %s", curl_easy_strerror(rc));
    p += n;
    len -= n;
  }
  return RIG_OK;
}

static rig_status_t send_frame(transport_t *t, int opcode, const void *payload, size_t len, int64_t end) {
  uint8_t frame[WEBREPL_SEND_CHUNK + WS_HEADER_MAX], mask[4];
  next_mask(t->ws, mask);
  size_t n = ws_encode(frame, sizeof frame, opcode, payload, len, mask);
  if (!n) return transport_fail(t, RIG_E_OVERFLOW, "WebREPL frame too large");
  return send_all(t, frame, n, end);
}

// Appends [n] bytes to a growing buffer.
static int append(uint8_t **buf, size_t *len, const void *p, size_t n) {
  uint8_t *nb = realloc(*buf, *len + n + 1);
  if (!nb) return 0;
  memcpy(nb + *len, p, n);
  *buf = nb;
  *len += n;
  nb[*len] = 0;
  return 1;
}

// Moves every complete frame of w->in into w->out (data) or acts on it
// (ping, close). RIG_E_PROTOCOL on a malformed frame.
static rig_status_t parse_frames(transport_t *t, int64_t end) {
  webrepl_t *w = t->ws;
  for (;;) {
    ws_frame_t f;
    const char *why;
    int r = ws_parse_header(w->in, w->inlen, WEBREPL_FRAME_MAX, &f, &why);
    if (r < 0) return transport_fail(t, RIG_E_PROTOCOL, "WebREPL: bad frame from the board: %s", why);
    if (r == 0 || w->inlen - f.header_len < f.payload_len) return RIG_OK;
    uint8_t *payload = w->in + f.header_len;
    size_t plen = (size_t)f.payload_len;
    if (f.masked) ws_unmask(payload, plen, f.mask, 0);
    if (f.opcode == WS_CLOSE) {
      w->closed = 1;
    } else if (f.opcode == WS_PING) {
      rig_status_t st = send_frame(t, WS_PONG, payload, plen, end);
      if (st != RIG_OK) return st;
    } else if (f.opcode == WS_BINARY || (f.opcode == WS_CONT && w->last_binary)) {
      w->last_binary = 1;
      if (w->bin && w->binoff == w->binlen) w->binoff = w->binlen = 0;
      if (!append(&w->bin, &w->binlen, payload, plen)) return RIG_E_NOMEM;
    } else if (f.opcode != WS_PONG) {
      w->last_binary = 0;
      if (w->out && w->outoff == w->outlen) {
        w->outoff = w->outlen = 0;
        w->out[0] = 0;
      }
      if (!append(&w->out, &w->outlen, payload, plen)) return RIG_E_NOMEM;
    }
    size_t used = f.header_len + plen;
    memmove(w->in, w->in + used, w->inlen - used);
    w->inlen -= used;
  }
}

// Reads from the socket once (waiting until [end]) and parses frames.
static rig_status_t pump(transport_t *t, int64_t end) {
  webrepl_t *w = t->ws;
  if (w->closed) return RIG_E_CLOSED;
  uint8_t buf[4096];
  for (;;) {
    size_t n = 0;
    CURLcode rc = curl_easy_recv(w->curl, buf, sizeof buf, &n);
    if (rc == CURLE_AGAIN) {
      rig_status_t st = wait_sock(w, POLLIN, end);
      if (st != RIG_OK) return st;
      continue;
    }
    if (rc != CURLE_OK) return transport_fail(t, RIG_E_IO, "WebREPL receive: %s", curl_easy_strerror(rc));
    if (n == 0) {
      w->closed = 1;
      return RIG_E_CLOSED;
    }
    if (!append(&w->in, &w->inlen, buf, n)) return RIG_E_NOMEM;
    return parse_frames(t, end);
  }
}

// Reads until the decoded text holds [a] or [b]; returns 1 or 2 for which
// came first, 0 with *st set on timeout/close/error.
static int read_until(transport_t *t, const char *a, const char *b, int64_t end, rig_status_t *st) {
  webrepl_t *w = t->ws;
  for (;;) {
    const char *text = w->out ? (const char *)w->out + w->outoff : "";
    const char *pa = strstr(text, a), *pb = b ? strstr(text, b) : NULL;
    if (pa && (!pb || pa < pb)) {
      w->outoff += (size_t)(pa - text) + strlen(a);
      return 1;
    }
    if (pb) {
      w->outoff += (size_t)(pb - text) + strlen(b);
      return 2;
    }
    if (w->closed) {
      *st = RIG_E_CLOSED;
      return 0;
    }
    *st = pump(t, end);
    if (*st != RIG_OK && *st != RIG_E_CLOSED) return 0;
  }
}

static rig_status_t handshake(transport_t *t, int64_t end) {
  webrepl_t *w = t->ws;
  char req[600];
  size_t n = ws_upgrade_request(req, sizeof req, t->spec.host, t->spec.port, "cmlnd2VicmVwbGtleQ==");
  if (!n) return transport_fail(t, RIG_E_OVERFLOW, "WebREPL: host name too long");
  rig_status_t st = send_all(t, (const uint8_t *)req, n, end);
  if (st != RIG_OK) return st;
  // The answer head ends at a blank line; bytes after it are frames.
  char *head_end = NULL;
  while (!head_end) {
    uint8_t buf[512];
    size_t got = 0;
    CURLcode rc = curl_easy_recv(w->curl, buf, sizeof buf, &got);
    if (rc == CURLE_AGAIN) {
      st = wait_sock(w, POLLIN, end);
      if (st == RIG_E_TIMEOUT) return transport_fail(t, st, "WebREPL: no answer to the upgrade request");
      if (st != RIG_OK) return st;
      continue;
    }
    if (rc != CURLE_OK || got == 0)
      return transport_fail(t, RIG_E_CLOSED, "WebREPL: the board closed the connection during the upgrade");
    if (!append(&w->in, &w->inlen, buf, got)) return RIG_E_NOMEM;
    head_end = strstr((char *)w->in, "\r\n\r\n");
    if (!head_end && w->inlen > 4096)
      return transport_fail(t, RIG_E_PROTOCOL, "WebREPL: upgrade answer too long");
  }
  char why[160];
  *head_end = '\0';
  if (ws_check_upgrade((const char *)w->in, why, sizeof why))
    return transport_fail(t, RIG_E_PROTOCOL, "WebREPL: %s", why);
  size_t used = (size_t)(head_end + 4 - (char *)w->in);
  memmove(w->in, w->in + used, w->inlen - used);
  w->inlen -= used;
  return parse_frames(t, end);
}

static rig_status_t login(transport_t *t, int64_t end) {
  const char *pw = t->secret[0] ? t->secret : getenv("RIG_WEBREPL_PASSWORD");
  if (!pw || !*pw)
    return transport_fail(t, RIG_E_USAGE,
                          "WebREPL needs a password: give webrepl_password in the farm file or set "
                          "RIG_WEBREPL_PASSWORD");
  rig_status_t st = RIG_OK;
  if (!read_until(t, "Password: ", NULL, end, &st))
    return transport_fail(t, st == RIG_E_TIMEOUT ? RIG_E_PROTOCOL : st,
                          "WebREPL: no password prompt from the board");
  char line[160];
  int n = snprintf(line, sizeof line, "%s\r", pw);
  if (n < 0 || (size_t)n >= sizeof line) return transport_fail(t, RIG_E_USAGE, "WebREPL password too long");
  st = send_frame(t, WS_TEXT, line, (size_t)n, end);
  memset(line, 0, sizeof line);
  if (st != RIG_OK) return st;
  int which = read_until(t, "WebREPL connected\r\n", "Access denied", end, &st);
  if (which == 1) return RIG_OK;
  if (which == 2 || st == RIG_E_CLOSED)
    return transport_fail(t, RIG_E_DENIED, "WebREPL: the board refused the password (Access denied)");
  return transport_fail(t, st, "WebREPL: no answer to the password");
}

static void webrepl_close(transport_t *t) {
  webrepl_t *w = t->ws;
  if (!w) return;
  if (w->curl && !w->closed) {
    uint8_t frame[WS_HEADER_MAX + 2], mask[4];
    next_mask(w, mask);
    size_t n = ws_encode(frame, sizeof frame, WS_CLOSE, "\x03\xe8", 2, mask);
    size_t sent;
    curl_easy_send(w->curl, frame, n, &sent); // best effort: the socket closes anyway
  }
  ws_free(w);
  t->ws = NULL;
}

static rig_status_t webrepl_open(transport_t *t) {
  transport_curl_init();
  webrepl_t *w = calloc(1, sizeof *w);
  if (!w) return RIG_E_NOMEM;
  t->ws = w;
  w->rng = (uint32_t)rig_now_ms() ^ (uint32_t)(uintptr_t)w;
  w->curl = curl_easy_init();
  if (!w->curl) {
    webrepl_close(t);
    return transport_fail(t, RIG_E_NOMEM, "libcurl: cannot make a handle");
  }
  char url[300];
  int bracket = strchr(t->spec.host, ':') != NULL; // IPv6
  snprintf(url, sizeof url, "http://%s%s%s:%d/", bracket ? "[" : "", t->spec.host, bracket ? "]" : "",
           t->spec.port);
  curl_easy_setopt(w->curl, CURLOPT_URL, url);
  curl_easy_setopt(w->curl, CURLOPT_CONNECT_ONLY, 1L);
  curl_easy_setopt(w->curl, CURLOPT_CONNECTTIMEOUT_MS, (long)TRANSPORT_CONNECT_MS);
  curl_easy_setopt(w->curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(w->curl, CURLOPT_TCP_NODELAY, 1L);
  CURLcode rc = curl_easy_perform(w->curl);
  if (rc != CURLE_OK) {
    transport_fail(t, RIG_E_CONNECT, "cannot connect to webrepl://%s:%d: %s", t->spec.host, t->spec.port,
                   curl_easy_strerror(rc));
    webrepl_close(t);
    return RIG_E_CONNECT;
  }
  curl_easy_getinfo(w->curl, CURLINFO_ACTIVESOCKET, &w->sock);
  int64_t end = rig_now_ms() + WEBREPL_LOGIN_MS;
  rig_status_t st = handshake(t, end);
  if (st == RIG_OK) st = login(t, end);
  if (st != RIG_OK) {
    w->closed = 1; // no CLOSE frame on a half-made session
    webrepl_close(t);
  }
  return st;
}

static rig_status_t webrepl_read(transport_t *t, void *buf, size_t cap, size_t *got, int timeout_ms) {
  webrepl_t *w = t->ws;
  if (!w) return transport_fail(t, RIG_E_CLOSED, "WebREPL session is closed");
  int64_t end = rig_now_ms() + timeout_ms;
  while (w->outoff == w->outlen) {
    rig_status_t st = pump(t, end);
    if (st != RIG_OK) return st;
  }
  size_t n = w->outlen - w->outoff;
  if (n > cap) n = cap;
  memcpy(buf, w->out + w->outoff, n);
  w->outoff += n;
  *got = n;
  return RIG_OK;
}

static rig_status_t webrepl_write(transport_t *t, const void *buf, size_t len, int timeout_ms) {
  if (!t->ws) return transport_fail(t, RIG_E_CLOSED, "WebREPL session is closed");
  int64_t end = rig_now_ms() + timeout_ms;
  const uint8_t *p = buf;
  while (len) {
    size_t n = len < WEBREPL_SEND_CHUNK ? len : WEBREPL_SEND_CHUNK;
    rig_status_t st = send_frame(t, WS_TEXT, p, n, end);
    if (st != RIG_OK) return st;
    p += n;
    len -= n;
  }
  return RIG_OK;
}

rig_status_t transport_webrepl_send_binary(transport_t *t, const void *buf, size_t len, int timeout_ms) {
  if (t->ops != &transport_webrepl_ops) return RIG_E_UNSUPPORTED;
  if (!t->ws) return transport_fail(t, RIG_E_CLOSED, "WebREPL session is closed");
  int64_t end = rig_now_ms() + timeout_ms;
  const uint8_t *p = buf;
  do {
    size_t n = len < WEBREPL_SEND_CHUNK ? len : WEBREPL_SEND_CHUNK;
    rig_status_t st = send_frame(t, WS_BINARY, p, n, end);
    if (st != RIG_OK) return st;
    p += n;
    len -= n;
  } while (len);
  return RIG_OK;
}

rig_status_t transport_webrepl_read_binary(transport_t *t, void *buf, size_t len, int timeout_ms) {
  if (t->ops != &transport_webrepl_ops) return RIG_E_UNSUPPORTED;
  webrepl_t *w = t->ws;
  if (!w) return transport_fail(t, RIG_E_CLOSED, "WebREPL session is closed");
  int64_t end = rig_now_ms() + timeout_ms;
  while (w->binlen - w->binoff < len) {
    rig_status_t st = pump(t, end);
    if (st == RIG_E_TIMEOUT) return transport_fail(t, st, "WebREPL: the board sent no file-transfer answer");
    if (st != RIG_OK) return st;
  }
  memcpy(buf, w->bin + w->binoff, len);
  w->binoff += len;
  return RIG_OK;
}

const struct transport_ops transport_webrepl_ops = {webrepl_open, webrepl_read, webrepl_write, webrepl_close};

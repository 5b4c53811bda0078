// SPDX-License-Identifier: MIT
// webrepl_server.c: WebREPL on the board (see webrepl_server.h).
//
// Everything is non-blocking and driven from webrepl_poll: one client at a
// time; the HTTP request is read into a small buffer; frames are decoded a
// byte at a time (header, extended length, mask, payload), so no frame
// size needs a buffer and a 64-bit length is refused as MicroPython does.
#include "webrepl_server.h"

#include "board_hal.h"
#include "mod_hashlib.h"

#include <stdio.h>
#include <string.h>

#define REQUEST_MAX 1024      // HTTP request head kept while looking for the key
#define DENY_DELAY_US 1000000 // a wrong password closes the session after this
#define SEND_WAIT_US 200000   // how long output waits for a slow client

enum { S_IDLE, S_HTTP, S_LOGIN, S_REPL, S_CLOSING };
enum { F_H0, F_H1, F_LEN, F_MASK, F_PAYLOAD };

static struct {
  int listener, client; // socket handles, -1 when none
  int state;
  char password[WEBREPL_PASSWORD_MAX + 1];
  char request[REQUEST_MAX + 1];
  size_t request_len;
  char typed[WEBREPL_PASSWORD_MAX + 2];
  size_t typed_len;
  uint64_t close_at;
  // frame decoder
  int fstate, opcode, data_opcode, masked, len_bytes;
  uint8_t mask[4];
  uint64_t remaining, offset;
  // file protocol
  uint8_t rec[82];
  size_t rec_len;
  int fmode; // 0 request, 1 PUT data, 2 GET (each received byte asks for a chunk)
  int fh;
  uint32_t put_left;
} w = {.listener = -1, .client = -1, .fh = -1};

static const webrepl_files_t *files;

void webrepl_set_files(const webrepl_files_t *f) {
  files = f;
}

int webrepl_running(void) {
  return w.listener >= 0;
}

static void console_say(const char *text) {
  board_console_tx(text, strlen(text));
}

static void ip_text(uint32_t ip, uint16_t port, char *out, size_t cap) {
  snprintf(out, cap, "%u.%u.%u.%u:%u", (unsigned)(ip >> 24), (unsigned)(ip >> 16 & 255),
           (unsigned)(ip >> 8 & 255), (unsigned)(ip & 255), (unsigned)port);
}

// Sends all of [len] bytes, waiting a little for a slow client; gives up
// (dropping output, as a UART with nobody listening does) after that.
static int send_all(const void *buf, size_t len) {
  const uint8_t *p = buf;
  uint64_t give_up = board_ticks_us() + SEND_WAIT_US;
  while (len && w.client >= 0) {
    int n = board_sock_send(w.client, p, len);
    if (n > 0) {
      p += n;
      len -= (size_t)n;
    } else if (n != -11 || board_ticks_us() > give_up) {
      return -1;
    }
  }
  return 0;
}

static void send_frame(int opcode, const void *payload, size_t len) {
  uint8_t head[4];
  size_t hl = 2;
  head[0] = (uint8_t)(0x80 | opcode);
  if (len < 126) {
    head[1] = (uint8_t)len;
  } else {
    head[1] = 126;
    head[2] = (uint8_t)(len >> 8);
    head[3] = (uint8_t)len;
    hl = 4;
  }
  if (send_all(head, hl) == 0 && len) send_all(payload, len);
}

static void drop_client(void) {
  if (w.fh >= 0 && files) files->close(w.fh);
  w.fh = -1;
  if (w.client >= 0) board_sock_close(w.client);
  w.client = -1;
  w.state = S_IDLE;
}

void webrepl_stop(void) {
  drop_client();
  if (w.listener >= 0) board_sock_close(w.listener);
  w.listener = -1;
}

int webrepl_start(uint16_t port, const char *password) {
  size_t pl = password ? strlen(password) : 0;
  if (pl < 4 || pl > WEBREPL_PASSWORD_MAX) return -22;
  webrepl_stop();
  int s = board_sock_new(BOARD_SOCK_STREAM);
  if (s < 0) return s;
  int rc = board_sock_bind(s, 0, port);
  if (!rc) rc = board_sock_listen(s, 1);
  if (rc) {
    board_sock_close(s);
    return rc;
  }
  memcpy(w.password, password, pl + 1);
  w.listener = s;
  return 0;
}

// ---- HTTP upgrade --------------------------------------------------------

static void base64(const uint8_t *in, size_t n, char *out) {
  static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t o = 0;
  for (size_t i = 0; i < n; i += 3) {
    uint32_t v =
        (uint32_t)in[i] << 16 | (i + 1 < n ? (uint32_t)in[i + 1] << 8 : 0) | (i + 2 < n ? in[i + 2] : 0);
    out[o++] = abc[v >> 18 & 63];
    out[o++] = abc[v >> 12 & 63];
    out[o++] = i + 1 < n ? abc[v >> 6 & 63] : '=';
    out[o++] = i + 2 < n ? abc[v & 63] : '=';
  }
  out[o] = '\0';
}

// The value of header [name] in the request (case-sensitive, as WebREPL
// compares them), trimmed; NULL when absent.
static const char *header(const char *name, char *val, size_t cap) {
  size_t nl = strlen(name);
  for (char *line = strstr(w.request, "\r\n"); line; line = strstr(line + 2, "\r\n")) {
    char *p = line + 2;
    if (strncmp(p, name, nl) || p[nl] != ':') continue;
    p += nl + 1;
    while (*p == ' ')
      p++;
    char *e = strstr(p, "\r\n");
    size_t n = e ? (size_t)(e - p) : strlen(p);
    while (n && p[n - 1] == ' ')
      n--;
    if (n >= cap) n = cap - 1;
    memcpy(val, p, n);
    val[n] = '\0';
    return val;
  }
  return NULL;
}

static void answer_upgrade(void) {
  char key[80], conn[80], up[40];
  if (!header("Sec-WebSocket-Key", key, sizeof key) || !header("Connection", conn, sizeof conn) ||
      !strstr(conn, "Upgrade") || !header("Upgrade", up, sizeof up) || strcmp(up, "websocket")) {
    static const char page[] = "HTTP/1.0 200 OK\r\n\r\n"
                               "<base href=\"https://micropython.org/webrepl/\"></base>\r\n"
                               "<script src=\"webrepl_content.js\"></script>\r\n";
    send_all(page, sizeof page - 1);
    drop_client();
    return;
  }
  char joined[160];
  snprintf(joined, sizeof joined, "%s258EAFA5-E914-47DA-95CA-C5AB0DC85B11", key);
  uint8_t digest[20];
  rt_sha1(joined, strlen(joined), digest);
  char accept[32];
  base64(digest, sizeof digest, accept);
  char reply[256];
  int n = snprintf(reply, sizeof reply,
                   "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Accept: %s\r\n\r\n",
                   accept);
  send_all(reply, (size_t)n);
  send_frame(1, "Password: ", 10);
  w.state = S_LOGIN;
  w.typed_len = 0;
  w.fstate = F_H0;
  w.data_opcode = 1;
}

// ---- after the upgrade ---------------------------------------------------

static void login_byte(int c) {
  if (c == '\r' || c == '\n') {
    w.typed[w.typed_len] = '\0';
    if (!strcmp(w.typed, w.password)) {
      send_frame(1, "\r\nWebREPL connected\r\n>>> ", 25);
      w.state = S_REPL;
    } else {
      send_frame(1, "\r\nAccess denied\r\n", 17);
      w.state = S_CLOSING;
      w.close_at = board_ticks_us() + DENY_DELAY_US;
    }
    memset(w.typed, 0, sizeof w.typed);
    w.typed_len = 0;
    return;
  }
  if (w.typed_len < sizeof w.typed - 1) w.typed[w.typed_len++] = (char)c; // longer input never matches
}

static void version_bytes(uint8_t v[3]) {
  unsigned a = 0, b = 0, c = 0;
  sscanf(PYRITE_VERSION, "%u.%u.%u", &a, &b, &c);
  v[0] = (uint8_t)a;
  v[1] = (uint8_t)b;
  v[2] = (uint8_t)c;
}

static void file_answer(int status) {
  uint8_t a[4] = {'W', 'B', (uint8_t)status, (uint8_t)(status >> 8)};
  send_frame(2, a, 4);
}

static void file_byte(uint8_t c) {
  if (w.fmode == 1) { // PUT data: gather and write in chunks of the record buffer's size
    w.rec[w.rec_len++] = c;
    w.put_left--;
    if (w.rec_len == sizeof w.rec || !w.put_left) {
      if (w.fh >= 0 && files->write(w.fh, w.rec, w.rec_len)) {
        files->close(w.fh);
        w.fh = -1;
      }
      w.rec_len = 0;
    }
    if (!w.put_left) {
      int ok = w.fh >= 0;
      if (ok) files->close(w.fh);
      w.fh = -1;
      w.fmode = 0;
      file_answer(ok ? 0 : 1);
    }
    return;
  }
  if (w.fmode == 2) { // GET: each byte received asks for the next chunk
    uint8_t chunk[2 + 256];
    int n = files->read(w.fh, chunk + 2, 256);
    if (n < 0) n = 0;
    chunk[0] = (uint8_t)n;
    chunk[1] = (uint8_t)(n >> 8);
    send_frame(2, chunk, (size_t)n + 2);
    if (n == 0) {
      files->close(w.fh);
      w.fh = -1;
      w.fmode = 0;
      file_answer(0);
    }
    return;
  }
  w.rec[w.rec_len++] = c;
  if (w.rec_len < sizeof w.rec) return;
  w.rec_len = 0;
  char name[65];
  size_t nl = (size_t)(w.rec[16] | w.rec[17] << 8);
  if (nl > 64) nl = 64;
  memcpy(name, w.rec + 18, nl);
  name[nl] = '\0';
  int type = w.rec[2];
  if (type == 3) {
    uint8_t v[3];
    version_bytes(v);
    send_frame(2, v, 3);
  } else if (type == 1) {
    w.put_left = (uint32_t)w.rec[12] | (uint32_t)w.rec[13] << 8 | (uint32_t)w.rec[14] << 16 |
                 (uint32_t)w.rec[15] << 24;
    w.fh = files ? files->open(name, 1) : -1;
    if (w.fh < 0) {
      // Refused: the data that follows is still read (and dropped), so the
      // session stays in step with the client.
      file_answer(1);
      w.fmode = w.put_left ? 1 : 0;
      if (!w.put_left) file_answer(1);
      return;
    }
    file_answer(0);
    w.fmode = 1;
    if (!w.put_left) { // nothing follows: close at once, second answer
      files->close(w.fh);
      w.fh = -1;
      w.fmode = 0;
      file_answer(0);
    }
  } else if (type == 2) {
    w.fh = files ? files->open(name, 0) : -1;
    if (w.fh < 0) {
      file_answer(1);
      return;
    }
    file_answer(0);
    w.fmode = 2;
  }
}

static void payload_byte(uint8_t c, void (*sink)(int c)) {
  if (w.masked) c ^= w.mask[w.offset & 3];
  w.offset++;
  switch (w.opcode) {
  case 1:
    if (w.state == S_LOGIN)
      login_byte(c);
    else if (w.state == S_REPL)
      sink(c);
    break;
  case 2:
    if (w.state == S_LOGIN) // the reference client sends its password in a binary frame
      login_byte(c);
    else if (w.state == S_REPL)
      file_byte(c);
    break;
  default: break; // ping, pong, close payloads are not used
  }
}

static void frame_done(void) {
  if (w.opcode == 8) { // close: answer it and end the session
    send_all("\x88\x00", 2);
    drop_client();
  }
  w.fstate = F_H0;
}

static void frame_byte(uint8_t c, void (*sink)(int c)) {
  switch (w.fstate) {
  case F_H0:
    if (c & 0x70) { // reserved bits: no extension was agreed
      drop_client();
      return;
    }
    w.opcode = c & 0x0F;
    if (w.opcode == 0) w.opcode = w.data_opcode; // continuation keeps the data type
    if (w.opcode == 1 || w.opcode == 2) w.data_opcode = w.opcode;
    w.fstate = F_H1;
    break;
  case F_H1:
    w.masked = (c & 0x80) != 0;
    w.remaining = c & 0x7F;
    w.offset = 0;
    if (w.remaining == 127) { // 64-bit length: refused, as MicroPython does (EIO)
      drop_client();
      return;
    }
    if (w.remaining == 126) {
      w.remaining = 0;
      w.len_bytes = 2;
      w.fstate = F_LEN;
    } else {
      w.len_bytes = 4;
      w.fstate = w.masked ? F_MASK : F_PAYLOAD;
      if (!w.masked && !w.remaining) frame_done();
    }
    break;
  case F_LEN:
    w.remaining = w.remaining << 8 | c;
    if (--w.len_bytes == 0) {
      w.len_bytes = 4;
      w.fstate = w.masked ? F_MASK : F_PAYLOAD;
      if (!w.masked && !w.remaining) frame_done();
    }
    break;
  case F_MASK:
    w.mask[4 - w.len_bytes] = c;
    if (--w.len_bytes == 0) {
      w.fstate = F_PAYLOAD;
      if (!w.remaining) frame_done();
    }
    break;
  case F_PAYLOAD:
    payload_byte(c, sink);
    if (--w.remaining == 0) frame_done();
    break;
  }
}

static void accept_clients(void) {
  uint32_t ip;
  uint16_t port;
  int c;
  while ((c = board_sock_accept(w.listener, &ip, &port)) >= 0) {
    char who[32], msg[96];
    ip_text(ip, port, who, sizeof who);
    if (w.client >= 0) {
      snprintf(msg, sizeof msg, "\r\nConcurrent WebREPL connection from %s rejected\r\n", who);
      console_say(msg);
      board_sock_close(c);
      continue;
    }
    snprintf(msg, sizeof msg, "\r\nWebREPL connection from: %s\r\n", who);
    console_say(msg);
    w.client = c;
    w.state = S_HTTP;
    w.request_len = 0;
    w.rec_len = 0;
    w.fmode = 0;
  }
}

// Reads what the current client sent: HTTP, then frames.
static void service_client(void (*sink)(int c), size_t room) {
  if (w.state == S_CLOSING) {
    // The session holds the server until its time is up even when the
    // client has left, so guessing passwords costs a second a guess.
    uint8_t junk[64];
    while (board_sock_recv(w.client, junk, sizeof junk) > 0)
      ; // nothing the client says matters now
    if (board_ticks_us() >= w.close_at) drop_client();
    return;
  }
  uint8_t buf[256];
  int n;
  while (w.client >= 0 && room &&
         (n = board_sock_recv(w.client, buf, room < sizeof buf ? room : sizeof buf)) != -11) {
    if (n > 0) room -= (size_t)n;
    if (n <= 0) { // end of stream or an error
      drop_client();
      return;
    }
    for (int i = 0; i < n && w.client >= 0 && w.state != S_CLOSING; i++) {
      if (w.state == S_HTTP) {
        if (w.request_len < REQUEST_MAX) w.request[w.request_len++] = (char)buf[i];
        w.request[w.request_len] = '\0';
        if (strstr(w.request, "\r\n\r\n")) {
          answer_upgrade();
        } else if (w.request_len == REQUEST_MAX) { // not HTTP, or far too long
          drop_client();
        }
      } else {
        frame_byte(buf[i], sink);
      }
    }
  }
}

void webrepl_poll(void (*sink)(int c), size_t room) {
  if (w.listener < 0) return;
  // The current client first: a session that has just ended (its CLOSE
  // frame or end of stream is waiting) makes way for the next one, instead
  // of having it rejected as a second client.
  if (w.client >= 0) service_client(sink, room);
  accept_clients();
}

void webrepl_write(const char *buf, size_t len) {
  if (w.client < 0 || w.state != S_REPL) return;
  while (len) {
    size_t n = len < 1024 ? len : 1024;
    send_frame(1, buf, n);
    buf += n;
    len -= n;
  }
}

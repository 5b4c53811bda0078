// SPDX-License-Identifier: MIT
// websocket.c: upgrade request, answer check and frame codec (RFC 6455).
#include "websocket.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

int ws_parse_header(const uint8_t *buf, size_t len, size_t max_payload, ws_frame_t *f, const char **why) {
  static const char *none = "";
  if (why) *why = none;
  if (len < 2) return 0;
  memset(f, 0, sizeof *f);
  f->fin = (buf[0] & 0x80) != 0;
  f->opcode = buf[0] & 0x0F;
  if (buf[0] & 0x70) {
    if (why) *why = "reserved bits set (no extension was negotiated)";
    return -1;
  }
  switch (f->opcode) {
  case WS_CONT:
  case WS_TEXT:
  case WS_BINARY:
  case WS_CLOSE:
  case WS_PING:
  case WS_PONG: break;
  default:
    if (why) *why = "unknown opcode";
    return -1;
  }
  f->masked = (buf[1] & 0x80) != 0;
  uint64_t n = buf[1] & 0x7F;
  size_t pos = 2;
  if (n == 126) {
    if (len < 4) return 0;
    n = (uint64_t)buf[2] << 8 | buf[3];
    pos = 4;
  } else if (n == 127) {
    if (len < 10) return 0;
    n = 0;
    for (int i = 0; i < 8; i++)
      n = n << 8 | buf[2 + i];
    pos = 10;
  }
  // Control frames are short and never fragmented (RFC 6455 5.5).
  if (f->opcode >= WS_CLOSE && (n > 125 || !f->fin)) {
    if (why) *why = "control frame too long or fragmented";
    return -1;
  }
  if (n > max_payload) {
    if (why) *why = "frame larger than the limit";
    return -1;
  }
  if (f->masked) {
    if (len < pos + 4) return 0;
    memcpy(f->mask, buf + pos, 4);
    pos += 4;
  }
  f->header_len = pos;
  f->payload_len = n;
  return 1;
}

void ws_unmask(uint8_t *p, size_t n, const uint8_t mask[4], uint64_t offset) {
  for (size_t i = 0; i < n; i++)
    p[i] ^= mask[(offset + i) & 3];
}

size_t ws_encode(uint8_t *out, size_t cap, int opcode, const void *payload, size_t len,
                 const uint8_t mask[4]) {
  size_t pos = 0;
  uint8_t head[WS_HEADER_MAX];
  head[pos++] = (uint8_t)(0x80 | (opcode & 0x0F));
  uint8_t maskbit = mask ? 0x80 : 0;
  if (len < 126) {
    head[pos++] = (uint8_t)(maskbit | len);
  } else if (len <= 0xFFFF) {
    head[pos++] = (uint8_t)(maskbit | 126);
    head[pos++] = (uint8_t)(len >> 8);
    head[pos++] = (uint8_t)len;
  } else {
    head[pos++] = (uint8_t)(maskbit | 127);
    for (int i = 7; i >= 0; i--)
      head[pos++] = (uint8_t)((uint64_t)len >> (8 * i));
  }
  if (mask) {
    memcpy(head + pos, mask, 4);
    pos += 4;
  }
  if (cap < pos || cap - pos < len) return 0;
  memcpy(out, head, pos);
  if (len) memcpy(out + pos, payload, len);
  if (mask) ws_unmask(out + pos, len, mask, 0);
  return pos + len;
}

size_t ws_upgrade_request(char *out, size_t cap, const char *host, int port, const char *key) {
  int n = snprintf(out, cap,
                   "GET / HTTP/1.1\r\n"
                   "Host: %s:%d\r\n"
                   "Connection: Upgrade\r\n"
                   "Upgrade: websocket\r\n"
                   "Sec-WebSocket-Key: %s\r\n"
                   "Sec-WebSocket-Version: 13\r\n"
                   "\r\n",
                   host, port, key);
  return n < 0 || (size_t)n >= cap ? 0 : (size_t)n;
}

// Finds header [name] (case-insensitive, as HTTP says) in [head] and copies
// its trimmed value; 0 when absent.
static int header_value(const char *head, const char *name, char *val, size_t cap) {
  size_t nl = strlen(name);
  for (const char *line = strstr(head, "\r\n"); line && line[2]; line = strstr(line + 2, "\r\n")) {
    const char *p = line + 2;
    if (strncasecmp(p, name, nl) || p[nl] != ':') continue;
    p += nl + 1;
    while (*p == ' ' || *p == '\t')
      p++;
    const char *e = strstr(p, "\r\n");
    size_t n = e ? (size_t)(e - p) : strlen(p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
      n--;
    if (n >= cap) n = cap - 1;
    memcpy(val, p, n);
    val[n] = '\0';
    return 1;
  }
  return 0;
}

int ws_check_upgrade(const char *head, char *why, size_t whylen) {
  int status = 0;
  if (sscanf(head, "HTTP/%*d.%*d %d", &status) != 1) {
    snprintf(why, whylen, "not an HTTP answer (is this a WebREPL port?)");
    return -1;
  }
  if (status != 101) {
    const char *eol = strstr(head, "\r\n");
    int n = eol ? (int)(eol - head) : (int)strlen(head);
    snprintf(why, whylen, "the server did not switch to WebSocket: '%.*s'", n > 80 ? 80 : n, head);
    return -1;
  }
  char val[64];
  if (!header_value(head, "Upgrade", val, sizeof val) || strcasecmp(val, "websocket")) {
    snprintf(why, whylen, "answer 101 without 'Upgrade: websocket'");
    return -1;
  }
  return 0;
}

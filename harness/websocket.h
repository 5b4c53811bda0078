// SPDX-License-Identifier: MIT
// websocket.h: the client's half of RFC 6455 as WebREPL uses it (see
// PROTOCOLS.md section 2): the upgrade request, the check of the answer,
// and frames. Pure functions over buffers; no sockets, so the unit tests
// feed them recorded byte sequences.
//
// A client masks every frame it sends (RFC 6455 5.3); a WebREPL server
// sends unmasked frames but accepts both, and a browser-facing server may
// mask, so the parser takes either.
#ifndef RIG_WEBSOCKET_H
#define RIG_WEBSOCKET_H

#include <stddef.h>
#include <stdint.h>

enum { WS_CONT = 0, WS_TEXT = 1, WS_BINARY = 2, WS_CLOSE = 8, WS_PING = 9, WS_PONG = 10 };

#define WS_HEADER_MAX 14 // 2 + 8 (64-bit length) + 4 (mask)

typedef struct {
  int fin;              // 1 on the last frame of a message
  int opcode;           // WS_*
  int masked;           // the payload is XORed with mask[]
  uint8_t mask[4];      //
  size_t header_len;    // bytes before the payload
  uint64_t payload_len; // bytes of payload
} ws_frame_t;

// Parses the frame header at the start of [buf] ([len] bytes available).
// Returns 1 with *f filled when the whole header is there, 0 when more
// bytes are needed, -1 when the header is invalid or announces more than
// [max_payload] bytes (*why says which).
int ws_parse_header(const uint8_t *buf, size_t len, size_t max_payload, ws_frame_t *f, const char **why);

// XORs [n] payload bytes at payload offset [offset] with [mask] in place.
void ws_unmask(uint8_t *p, size_t n, const uint8_t mask[4], uint64_t offset);

// Writes one final frame (FIN set) of [opcode] carrying [len] bytes into
// [out], masked with [mask] when it is not NULL. Returns the frame's size,
// or 0 when [cap] is too small (at most len + WS_HEADER_MAX is needed).
size_t ws_encode(uint8_t *out, size_t cap, int opcode, const void *payload, size_t len,
                 const uint8_t mask[4]);

// The HTTP upgrade request for [host]:[port] with [key] (any base64 text:
// WebREPL does not check it). Returns its length, 0 when [cap] is short.
size_t ws_upgrade_request(char *out, size_t cap, const char *host, int port, const char *key);

// Checks the HTTP answer head (up to and including the blank line): the
// status must be 101 and Upgrade must name websocket. Returns 0, or -1
// with the reason in [why].
int ws_check_upgrade(const char *head, char *why, size_t whylen);

#endif

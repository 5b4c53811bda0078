// SPDX-License-Identifier: MIT
// transport_rfc2217.h: the client side of RFC 2217 (a serial port exported
// over Telnet with COM-PORT-OPTION 44, as ser2net, esp_rfc2217_server or
// vboard --rfc2217 serve it). Target form: rfc2217://HOST:PORT
//
// The connection is handed out as a plain transport_t (transport_new_fd)
// whose bytes are the serial data: a bridge thread strips the Telnet layer
// on the way in and doubles 0xFF on the way out, so the REPL client and
// the flasher work on it unchanged. The modem lines go through
// rfc2217_set_lines.
//
//   rfc2217_t *r; transport_t *t;
//   rfc2217_open("rfc2217://127.0.0.1:4000", 115200, &r, &t, err, sizeof err);
//   rfc2217_set_lines(r, 0, 1);   // DTR released, RTS asserted
//   ... transport_read/write(t) ...
//   transport_free(t); rfc2217_close(r);
#ifndef RIG_TRANSPORT_RFC2217_H
#define RIG_TRANSPORT_RFC2217_H

#include "rig_status.h"
#include "transport.h"

#include <stddef.h>

typedef struct rfc2217 rfc2217_t;

// 1 when [target] has the rfc2217:// form.
int rfc2217_is_target(const char *target);

// Connects, negotiates BINARY, SUPPRESS-GO-AHEAD and COM-PORT-OPTION, and
// sets [baud] 8N1 without flow control. On RIG_OK *r and *t are the
// caller's. RIG_E_TARGET (bad form), RIG_E_CONNECT, RIG_E_PROTOCOL (the
// server refused COM-PORT-OPTION), with a message in [err].
rig_status_t rfc2217_open(const char *target, int baud, rfc2217_t **r, transport_t **t, char *err,
                          size_t errlen);

// Sets DTR and RTS (1 asserted, 0 released, -1 unchanged) and waits (up
// to a second) for the server to acknowledge each change.
rig_status_t rfc2217_set_lines(rfc2217_t *r, int dtr, int rts);

// Stops the bridge and closes the connection. Safe with NULL.
void rfc2217_close(rfc2217_t *r);

#endif

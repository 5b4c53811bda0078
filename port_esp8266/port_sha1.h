// SPDX-License-Identifier: MIT
// port_sha1.h: SHA-1 of a buffer, for the WebSocket accept key.
#ifndef PORT_SHA1_H
#define PORT_SHA1_H

#include <stddef.h>
#include <stdint.h>

void port_sha1(const void *data, size_t len, uint8_t digest[20]);

#endif

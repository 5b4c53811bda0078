// SPDX-License-Identifier: MIT
// port_md5.h: MD5 (RFC 1321) for esp.check_fw, which compares the image
// in flash with the digest the image builder put after it.
#ifndef PORT_MD5_H
#define PORT_MD5_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
  uint32_t state[4];
  uint64_t bytes;    // message length so far
  uint8_t block[64]; // the partial block
} port_md5_t;

void port_md5_init(port_md5_t *m);
void port_md5_update(port_md5_t *m, const void *data, size_t len);
// Pads, finishes and writes the 16-byte digest to [out].
void port_md5_final(port_md5_t *m, uint8_t out[16]);

#endif

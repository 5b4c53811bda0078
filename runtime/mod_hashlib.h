// SPDX-License-Identifier: MIT
// mod_hashlib.h: the hashlib module (sha1, sha256).
#ifndef RT_MOD_HASHLIB_H
#define RT_MOD_HASHLIB_H

#include "obj.h"

void rt_hashlib_init(rt_dict_t *globals);

// SHA-1 of one buffer, for C callers (the WebSocket accept key of the
// board's WebREPL server). Never raises.
void rt_sha1(const void *data, size_t len, uint8_t digest[20]);

#endif

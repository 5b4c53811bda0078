// SPDX-License-Identifier: MIT
// mod_hashlib.h: the hashlib module (sha1, sha256).
#ifndef RT_MOD_HASHLIB_H
#define RT_MOD_HASHLIB_H

#include "obj.h"

void rt_hashlib_init(rt_dict_t *globals);

#endif

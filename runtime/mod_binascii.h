// SPDX-License-Identifier: MIT
// mod_binascii.h: the binascii module (hexlify, unhexlify, b2a_base64,
// a2b_base64, crc32).
#ifndef RT_MOD_BINASCII_H
#define RT_MOD_BINASCII_H

#include "obj.h"

void rt_binascii_init(rt_dict_t *globals);

#endif

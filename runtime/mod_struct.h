// SPDX-License-Identifier: MIT
// mod_struct.h: the struct module (pack, unpack, calcsize, pack_into,
// unpack_from).
#ifndef RT_MOD_STRUCT_H
#define RT_MOD_STRUCT_H

#include "obj.h"

void rt_struct_init(rt_dict_t *globals);

#endif

// SPDX-License-Identifier: MIT
// mod_micropython.h: the micropython module (const, mem_info, opt_level,
// kbd_intr, heap_lock/heap_unlock as no-ops).
#ifndef RT_MOD_MICROPYTHON_H
#define RT_MOD_MICROPYTHON_H

#include "obj.h"

void rt_micropython_init(rt_dict_t *globals);

#endif

// SPDX-License-Identifier: MIT
// mod_gc.h: the gc module (collect, mem_free, mem_alloc, enable, disable).
#ifndef RT_MOD_GC_H
#define RT_MOD_GC_H

#include "obj.h"

void rt_gc_module_init(rt_dict_t *globals);

#endif

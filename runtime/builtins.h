// SPDX-License-Identifier: MIT
// builtins.h: the builtins namespace (functions, types, exceptions) and
// the iterator types behind enumerate, zip, map, filter and reversed.
#ifndef RT_BUILTINS_H
#define RT_BUILTINS_H

#include "obj_func.h"

// __build_class__, pushed by LOAD_BUILD_CLASS.
extern const rt_builtin_t rt_builtins_build_class_obj;

// Creates rt_state->builtins (the names added at run time). Allocates.
void rt_builtins_init(void);
// The builtin called [name] (a str or qstr), or RT_NULL.
rt_val_t rt_builtins_lookup(rt_val_t name);

#endif

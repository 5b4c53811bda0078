// SPDX-License-Identifier: MIT
// obj_bytes.h: bytes, immutable byte strings. They share rt_str_t's layout
// (with type &rt_bytes_type), so rt_str_data reads them too.
#ifndef RT_OBJ_BYTES_H
#define RT_OBJ_BYTES_H

#include "obj.h"

extern const rt_type_t rt_bytes_type;

// A new bytes object holding a copy of [n] bytes at [s].
rt_val_t rt_bytes_new(const char *s, size_t n);

#endif

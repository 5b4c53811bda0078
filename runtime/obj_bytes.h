// SPDX-License-Identifier: MIT
// obj_bytes.h: bytes, immutable byte strings. They share rt_str_t's layout
// (with type &rt_bytes_type), so rt_str_data reads them too.
#ifndef RT_OBJ_BYTES_H
#define RT_OBJ_BYTES_H

#include "obj.h"

extern const rt_type_t rt_bytes_type;

// A new bytes object holding a copy of [n] bytes at [s].
rt_val_t rt_bytes_new(const char *s, size_t n);
// The data of a bytes, bytearray or memoryview [v] (borrowed: valid until
// the object changes); false for other values.
bool rt_bytes_buffer(rt_val_t v, const uint8_t **data, size_t *len);
// [len] bytes at [s] decoded as UTF-8 into a str; raises UnicodeDecodeError.
rt_val_t rt_bytes_decode(const char *s, size_t len);
// The hex digits of bytes-like [self] as a str.
rt_val_t rt_bytes_hex(rt_val_t self);
// bytes.fromhex / bytearray.fromhex (with [mutable]) of str [str].
rt_val_t rt_bytes_fromhex(rt_val_t str, bool mutable);

#endif

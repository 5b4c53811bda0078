// SPDX-License-Identifier: MIT
// obj_bytearray.h: bytearray, a mutable byte buffer (drivers read into
// them; items are ints 0..255).
#ifndef RT_OBJ_BYTEARRAY_H
#define RT_OBJ_BYTEARRAY_H

#include "obj.h"

typedef struct {
  const rt_type_t *type; // &rt_bytearray_type
  size_t len, alloc;
  uint8_t *data; // leaf allocation
} rt_bytearray_t;

extern const rt_type_t rt_bytearray_type;

rt_val_t rt_bytearray_new(const void *data, size_t n);

#endif

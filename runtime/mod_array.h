// SPDX-License-Identifier: MIT
// mod_array.h: the array module (array.array of typecodes b B h H i I l L
// q Q f d) and the buffer access other modules use.
#ifndef RT_MOD_ARRAY_H
#define RT_MOD_ARRAY_H

#include "obj.h"

typedef struct {
  const rt_type_t *type; // &rt_array_type
  char typecode;
  uint8_t itemsize;
  size_t len, cap; // items
  uint8_t *data;   // leaf allocation of cap * itemsize bytes
} rt_array_t;

extern const rt_type_t rt_array_type;

// The bytes of array [v] (borrowed: valid until it changes); false when
// [v] is not an array.
bool rt_array_buffer(rt_val_t v, uint8_t **data, size_t *len);

void rt_array_init(rt_dict_t *globals);

#endif

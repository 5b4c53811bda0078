// SPDX-License-Identifier: MIT
// obj_set.h: set and frozenset.
#ifndef RT_OBJ_SET_H
#define RT_OBJ_SET_H

#include "obj.h"

// An open-addressing table of keys. Iteration follows slot order, as
// CPython's does, so small-int sets print in the same order.
typedef struct {
  const rt_type_t *type; // &rt_set_type or &rt_frozenset_type
  size_t used, fill, mask;
  rt_val_t *table; // RT_NULL empty, RT_DELETE deleted
} rt_set_t;

extern const rt_type_t rt_set_type, rt_frozenset_type;

// A new set of the [n] values at [items].
rt_val_t rt_set_new(size_t n, const rt_val_t *items);
void rt_set_add(rt_val_t set, rt_val_t v);
// Sets up an empty table in [set], whose type field the caller has set.
void rt_set_init(rt_val_t set);
void rt_set_update(rt_val_t set, rt_val_t iterable);
bool rt_set_contains(rt_val_t set, rt_val_t v);

#endif

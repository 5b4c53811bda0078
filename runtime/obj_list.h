// SPDX-License-Identifier: MIT
// obj_list.h: list.
#ifndef RT_OBJ_LIST_H
#define RT_OBJ_LIST_H

#include "obj.h"

// items[0..len) are valid; items has room for alloc values.
typedef struct {
  const rt_type_t *type; // &rt_list_type
  size_t len, alloc;
  rt_val_t *items;
} rt_list_t;

// The list iterator (read by the VM's FOR_ITER fast path).
typedef struct {
  const rt_type_t *type; // &rt_list_iter_type
  rt_val_t list;
  size_t pos;
} rt_list_iter_t;
extern const rt_type_t rt_list_iter_type;

// A new list of [n] items, all None. Raises MemoryError.
rt_val_t rt_list_new(size_t n);
rt_val_t rt_list_from_items(size_t n, const rt_val_t *items);
rt_val_t rt_list_from_iter(rt_val_t iterable);
void rt_list_append(rt_val_t list, rt_val_t v);
void rt_list_extend(rt_val_t list, rt_val_t iterable);
void rt_list_reverse(rt_val_t list);
// Sorts in place, stable; [key] may be RT_NULL. May run Python code.
void rt_list_sort(rt_val_t list, rt_val_t key, bool reverse);

#endif

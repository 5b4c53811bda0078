// SPDX-License-Identifier: MIT
// obj_dict.h: dict, insertion ordered, with an open-addressing index.
// Also used for every namespace (globals, class and instance attributes).
#ifndef RT_OBJ_DICT_H
#define RT_OBJ_DICT_H

#include "obj.h"

typedef struct {
  rt_val_t key; // RT_NULL for a deleted entry
  rt_val_t value;
} rt_dict_entry_t;

struct rt_dict {
  const rt_type_t *type; // &rt_dict_type
  uint32_t used;         // live entries
  uint32_t fill;         // entries[0..fill) in use, deleted included
  uint32_t cap;          // room in entries
  uint32_t mask;         // index slots - 1
  void *table;           // index slots (1, 2 or 4 bytes each) then the entries
  rt_dict_entry_t *entries;
};

rt_dict_t *rt_dict_new(size_t n);
// Sets up an empty table in [d], whose type field the caller has set.
void rt_dict_init(rt_dict_t *d);
// The value for [key] or RT_NULL. May run __eq__/__hash__ of user keys.
rt_val_t rt_dict_get(rt_dict_t *d, rt_val_t key);
void rt_dict_set(rt_dict_t *d, rt_val_t key, rt_val_t value);
// Removes [key]; returns its value or RT_NULL if absent.
rt_val_t rt_dict_pop(rt_dict_t *d, rt_val_t key);
// Iteration: starting with *pos = 0, returns the next live entry or NULL.
rt_dict_entry_t *rt_dict_next(rt_dict_t *d, size_t *pos);
void rt_dict_clear(rt_dict_t *d);
rt_dict_t *rt_dict_copy(rt_dict_t *d);
// Lookup of a qstr key with a cache: *hint is an entry index tried first
// and updated on a hit. Never runs Python code.
rt_val_t rt_dict_get_hint(rt_dict_t *d, rt_val_t qkey, uint16_t *hint);
// Adds every pair of mapping or iterable [src] (dict.update semantics).
void rt_dict_update(rt_dict_t *d, rt_val_t src);

#endif

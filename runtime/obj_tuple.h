// SPDX-License-Identifier: MIT
// obj_tuple.h: tuple, plus the sequence helpers list shares.
#ifndef RT_OBJ_TUPLE_H
#define RT_OBJ_TUPLE_H

#include "obj.h"

// Immutable after construction; items are inline.
typedef struct {
  const rt_type_t *type; // &rt_tuple_type
  size_t len;
  rt_val_t items[];
} rt_tuple_t;

// A new tuple of [n] items copied from [items] (or set to None when NULL,
// to be filled in before the tuple escapes). n == 0 gives the shared empty
// tuple. Raises MemoryError.
rt_val_t rt_tuple_new(size_t n, const rt_val_t *items);
static inline rt_val_t *rt_tuple_items(rt_val_t t) {
  return ((rt_tuple_t *)t)->items;
}
static inline size_t rt_tuple_len(rt_val_t t) {
  return ((rt_tuple_t *)t)->len;
}
rt_val_t rt_tuple_from_iter(rt_val_t iterable);
// Lexicographic comparison of two item arrays for == != < <= > >=.
bool rt_tuple_seq_compare(rt_binary_op_t op, const rt_val_t *a, size_t na, const rt_val_t *b, size_t nb);
// Cycle-safe printing of containers: returns false (having written
// [ellipsis], e.g. "[...]") when [container] is already being printed;
// otherwise records it, and the caller must call rt_tuple_print_leave.
bool rt_tuple_print_enter(rt_printer_t *p, rt_val_t container, const char *ellipsis);
void rt_tuple_print_leave(void);
// Writes "(a, b)" style item lists with [open]/[close] brackets.
void rt_tuple_print_items(rt_printer_t *p, const rt_val_t *items, size_t n, const char *open,
                          const char *close);
// index()/count() over an item array.
rt_val_t rt_tuple_seq_index(const rt_val_t *items, size_t n, size_t nargs, const rt_val_t *args,
                            const char *what);
rt_val_t rt_tuple_seq_count(const rt_val_t *items, size_t n, rt_val_t v);

#endif

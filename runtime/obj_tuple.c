// SPDX-License-Identifier: MIT
// obj_tuple.c: the tuple type and shared sequence helpers.
#include <string.h>

#include "obj_tuple.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_slice.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

static const rt_tuple_t empty_tuple = {&rt_tuple_type, 0};

rt_val_t rt_tuple_new(size_t n, const rt_val_t *items) {
  if (n == 0) return rt_val(&empty_tuple);
  if (n > (SIZE_MAX / sizeof(rt_val_t)) / 2) rt_raise_memory_error();
  rt_tuple_t *t = rt_gc_alloc(sizeof(rt_tuple_t) + n * sizeof(rt_val_t), 0);
  t->type = &rt_tuple_type;
  t->len = n;
  for (size_t i = 0; i < n; i++)
    t->items[i] = items ? items[i] : RT_NONE;
  return rt_val(t);
}

rt_val_t rt_tuple_from_iter(rt_val_t iterable) {
  if (rt_is_obj(iterable, &rt_tuple_type)) return iterable;
  rt_val_t l = rt_list_from_iter(iterable);
  rt_val_t *items;
  size_t n = rt_obj_get_items(l, &items);
  return rt_tuple_new(n, items);
}

bool rt_tuple_seq_compare(rt_binary_op_t op, const rt_val_t *a, size_t na, const rt_val_t *b, size_t nb) {
  if (op == RT_BINARY_EQ || op == RT_BINARY_NE) {
    bool eq = na == nb;
    for (size_t i = 0; eq && i < na; i++)
      eq = rt_obj_eq(a[i], b[i]);
    return op == RT_BINARY_EQ ? eq : !eq;
  }
  size_t i = 0;
  while (i < na && i < nb && rt_obj_eq(a[i], b[i]))
    i++;
  if (i < na && i < nb) return rt_obj_truthy(rt_obj_compare(op, a[i], b[i]));
  switch (op) {
  case RT_BINARY_LT: return na < nb;
  case RT_BINARY_LE: return na <= nb;
  case RT_BINARY_GT: return na > nb;
  default: return na >= nb;
  }
}

bool rt_tuple_print_enter(rt_printer_t *p, rt_val_t container, const char *ellipsis) {
  for (int i = 0; i < rt_state->print_depth && i < RT_PRINT_NEST; i++)
    if (rt_state->print_stack[i] == container) {
      rt_print_cstr(p, ellipsis);
      return false;
    }
  rt_c_enter();
  if (rt_state->print_depth < RT_PRINT_NEST) rt_state->print_stack[rt_state->print_depth] = container;
  rt_state->print_depth++;
  return true;
}

void rt_tuple_print_leave(void) {
  rt_state->print_depth--;
  rt_c_leave();
}

void rt_tuple_print_items(rt_printer_t *p, const rt_val_t *items, size_t n, const char *open,
                          const char *close) {
  rt_c_enter();
  rt_print_cstr(p, open);
  for (size_t i = 0; i < n; i++) {
    if (i) rt_print_str(p, ", ", 2);
    rt_obj_print(p, items[i], true);
  }
  rt_print_cstr(p, close);
  rt_c_leave();
}

static void tuple_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_tuple_t *t = (rt_tuple_t *)self;
  if (!rt_tuple_print_enter(p, self, "(...)")) return;
  rt_tuple_print_items(p, t->items, t->len, "(", t->len == 1 ? ",)" : ")");
  rt_tuple_print_leave();
}

static rt_val_t tuple_make_new(const rt_type_t *type, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)type;
  (void)kw;
  if (n == 0) return rt_val(&empty_tuple);
  if (n > 1) rt_raise_msg(&rt_exc_TypeError, RT_MSG("tuple expected at most 1 argument, got %z"), n);
  return rt_tuple_from_iter(args[0]);
}

static rt_val_t tuple_unary(rt_unary_op_t op, rt_val_t self) {
  rt_tuple_t *t = (rt_tuple_t *)self;
  switch (op) {
  case RT_UNARY_BOOL: return rt_bool(t->len != 0);
  case RT_UNARY_LEN: return rt_small((intptr_t)t->len);
  case RT_UNARY_HASH: {
    uintptr_t h = 0x345678;
    for (size_t i = 0; i < t->len; i++)
      h = (h ^ (uintptr_t)rt_obj_hash(t->items[i])) * 1000003u;
    return rt_small((intptr_t)(h >> 2));
  }
  default: return RT_NULL;
  }
}

static rt_val_t tuple_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  rt_tuple_t *t = (rt_tuple_t *)a;
  switch (op) {
  case RT_BINARY_ADD:
  case RT_BINARY_INPLACE_ADD: {
    if (!rt_is_obj(b, &rt_tuple_type)) return RT_NULL;
    rt_tuple_t *u = (rt_tuple_t *)b;
    rt_val_t r = rt_tuple_new(t->len + u->len, NULL);
    rt_memcpy(rt_tuple_items(r), t->items, t->len * sizeof(rt_val_t));
    rt_memcpy(rt_tuple_items(r) + t->len, u->items, u->len * sizeof(rt_val_t));
    return r;
  }
  case RT_BINARY_MUL:
  case RT_BINARY_INPLACE_MUL: {
    if (!rt_is_small(b) && b != RT_TRUE && b != RT_FALSE) return RT_NULL;
    intptr_t k = rt_obj_get_int(b);
    if (k <= 0 || t->len == 0) return rt_val(&empty_tuple);
    if ((size_t)k > (SIZE_MAX / 64) / t->len) rt_raise_memory_error();
    rt_val_t r = rt_tuple_new(t->len * (size_t)k, NULL);
    for (intptr_t i = 0; i < k; i++)
      rt_memcpy(rt_tuple_items(r) + (size_t)i * t->len, t->items, t->len * sizeof(rt_val_t));
    return r;
  }
  case RT_BINARY_CONTAINS:
    for (size_t i = 0; i < t->len; i++)
      if (rt_obj_eq(t->items[i], b)) return RT_TRUE;
    return RT_FALSE;
  case RT_BINARY_EQ:
  case RT_BINARY_NE:
  case RT_BINARY_LT:
  case RT_BINARY_LE:
  case RT_BINARY_GT:
  case RT_BINARY_GE: {
    if (!rt_is_obj(b, &rt_tuple_type)) return RT_NULL;
    rt_tuple_t *u = (rt_tuple_t *)b;
    return rt_bool(rt_tuple_seq_compare(op, t->items, t->len, u->items, u->len));
  }
  default: return RT_NULL;
  }
}

static rt_val_t tuple_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  if (value != RT_NULL)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'tuple' object does not support item assignment"));
  rt_tuple_t *t = (rt_tuple_t *)self;
  if (rt_is_obj(index, &rt_slice_type)) {
    intptr_t start, step;
    size_t cnt = rt_slice_indices(index, t->len, &start, &step);
    rt_val_t r = rt_tuple_new(cnt, NULL);
    for (size_t i = 0; i < cnt; i++)
      rt_tuple_items(r)[i] = t->items[start + (intptr_t)i * step];
    return r;
  }
  return t->items[rt_obj_index(index, t->len, "tuple")];
}

// ---- iterator (shared with list: it reads the live item array) ----

typedef struct {
  const rt_type_t *type;
  rt_val_t seq;
  size_t pos;
} tuple_iter_t;

static rt_val_t tuple_iter_next(rt_val_t self) {
  tuple_iter_t *it = (tuple_iter_t *)self;
  rt_tuple_t *t = (rt_tuple_t *)it->seq;
  if (it->pos >= t->len) return RT_NULL;
  return t->items[it->pos++];
}

static const rt_type_t tuple_iter_type = {
    .type = &rt_type_type,
    .name = RT_Q_tuple_iterator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .iternext = tuple_iter_next,
};

static rt_val_t tuple_getiter(rt_val_t self) {
  tuple_iter_t *it = rt_gc_alloc(sizeof *it, 0);
  it->type = &tuple_iter_type;
  it->seq = self;
  return rt_val(it);
}

rt_val_t rt_tuple_seq_index(const rt_val_t *items, size_t n, size_t nargs, const rt_val_t *args,
                            const char *what) {
  intptr_t a = 0, b = (intptr_t)n;
  if (nargs > 1) a = rt_obj_get_int(args[1]);
  if (nargs > 2) b = rt_obj_get_int(args[2]);
  if (a < 0) a += (intptr_t)n;
  if (b < 0) b += (intptr_t)n;
  if (a < 0) a = 0;
  if (b > (intptr_t)n) b = (intptr_t)n;
  for (intptr_t i = a; i < b; i++)
    if (rt_obj_eq(items[i], args[0])) return rt_small(i);
  if (strcmp(what, "list") == 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("%r is not in list"), args[0]);
  rt_raise_msg(&rt_exc_ValueError, RT_MSG("%s.index(x): x not in %s"), what, what);
}

rt_val_t rt_tuple_seq_count(const rt_val_t *items, size_t n, rt_val_t v) {
  intptr_t c = 0;
  for (size_t i = 0; i < n; i++)
    c += rt_obj_eq(items[i], v);
  return rt_small(c);
}

static rt_val_t m_index(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  rt_tuple_t *t = (rt_tuple_t *)args[0];
  return rt_tuple_seq_index(t->items, t->len, n - 1, args + 1, "tuple");
}
static rt_val_t m_count(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_tuple_t *t = (rt_tuple_t *)args[0];
  return rt_tuple_seq_count(t->items, t->len, args[1]);
}

static RT_BUILTIN(index_obj, index, 2, 4, 0, m_index);
static RT_BUILTIN(count_obj, count, 2, 2, 0, m_count);

static const rt_method_t tuple_methods[] = {{RT_Q_index, &index_obj}, {RT_Q_count, &count_obj}, {0, NULL}};

const rt_type_t rt_tuple_type = {
    .type = &rt_type_type,
    .name = RT_Q_tuple,
    .flags = RT_TYPE_BASETYPE,
    .base = &rt_object_type,
    .methods = tuple_methods,
    .print = tuple_print,
    .make_new = tuple_make_new,
    .unary = tuple_unary,
    .binary = tuple_binary,
    .subscr = tuple_subscr,
    .getiter = tuple_getiter,
};

// SPDX-License-Identifier: MIT
// obj_set.c: set and frozenset.
//
// Invariants: mask+1 is a power of two >= 8; fill (live + deleted slots)
// stays below 3/5 of the slots, so probing terminates; used counts live
// keys. Deleted slots hold RT_DELETE.
#include <string.h>

#include "obj_set.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

static uintptr_t hash_of(rt_val_t v) {
  return rt_is_small(v) ? (uintptr_t)rt_small_get(v) : (uintptr_t)rt_obj_hash(v);
}

static rt_set_t *alloc_set(const rt_type_t *t, size_t slots) {
  rt_set_t *s = rt_gc_alloc(sizeof *s, 0);
  s->type = t;
  s->mask = slots - 1;
  s->table = rt_gc_alloc(slots * sizeof(rt_val_t), 0);
  return s;
}

// Slot of [v], or of the first free slot for it; *found tells which.
static size_t probe(rt_set_t *s, rt_val_t v, uintptr_t h, bool *found) {
  size_t i = h & s->mask, free_slot = (size_t)-1;
  for (;;) {
    rt_val_t k = s->table[i];
    if (k == RT_NULL) {
      *found = false;
      return free_slot != (size_t)-1 ? free_slot : i;
    }
    if (k == RT_DELETE) {
      if (free_slot == (size_t)-1) free_slot = i;
    } else if (k == v || (!(rt_is_small(k) && rt_is_small(v)) && rt_obj_eq(k, v))) {
      *found = true;
      return i;
    }
    i = (i + 1) & s->mask;
  }
}

static void resize(rt_set_t *s, size_t slots) {
  rt_val_t *old = s->table;
  size_t n = s->mask + 1;
  s->table = rt_gc_alloc(slots * sizeof(rt_val_t), 0);
  s->mask = slots - 1;
  s->fill = s->used;
  for (size_t i = 0; i < n; i++) {
    rt_val_t k = old[i];
    if (k == RT_NULL || k == RT_DELETE) continue;
    size_t j = hash_of(k) & s->mask;
    while (s->table[j])
      j = (j + 1) & s->mask;
    s->table[j] = k;
  }
  rt_gc_free(old);
}

void rt_set_add(rt_val_t set, rt_val_t v) {
  rt_set_t *s = (rt_set_t *)set;
  uintptr_t h = hash_of(v);
  bool found;
  size_t i = probe(s, v, h, &found);
  if (found) return;
  if (s->table[i] == RT_NULL) s->fill++;
  s->table[i] = v;
  s->used++;
  if (s->fill * 5 >= s->mask * 3) {
    size_t want = s->used > 50000 ? s->used * 2 : s->used * 4, slots = 8;
    while (slots <= want)
      slots *= 2;
    resize(s, slots);
  }
}

bool rt_set_contains(rt_val_t set, rt_val_t v) {
  bool found;
  probe((rt_set_t *)set, v, hash_of(v), &found);
  return found;
}

static bool discard(rt_val_t set, rt_val_t v) {
  rt_set_t *s = (rt_set_t *)set;
  bool found;
  size_t i = probe(s, v, hash_of(v), &found);
  if (!found) return false;
  s->table[i] = RT_DELETE;
  s->used--;
  return true;
}

void rt_set_update(rt_val_t set, rt_val_t iterable) {
  if (rt_is_obj(iterable, &rt_set_type) || rt_is_obj(iterable, &rt_frozenset_type)) {
    rt_set_t *o = (rt_set_t *)iterable;
    for (size_t i = 0; i <= o->mask; i++)
      if (o->table[i] && o->table[i] != RT_DELETE) rt_set_add(set, o->table[i]);
    return;
  }
  rt_val_t it = rt_obj_getiter(iterable), v;
  while ((v = rt_obj_iternext(it)) != RT_NULL)
    rt_set_add(set, v);
}

static rt_val_t new_of(const rt_type_t *t) {
  return rt_val(alloc_set(t, 8));
}

void rt_set_init(rt_val_t set) {
  rt_set_t *s = (rt_set_t *)set;
  s->mask = 7;
  s->table = rt_gc_alloc(8 * sizeof(rt_val_t), 0);
}

rt_val_t rt_set_new(size_t n, const rt_val_t *items) {
  rt_val_t s = new_of(&rt_set_type);
  for (size_t i = 0; i < n; i++)
    rt_set_add(s, items[i]);
  return s;
}

static bool is_set(rt_val_t v) {
  return rt_is_obj(v, &rt_set_type) || rt_is_obj(v, &rt_frozenset_type);
}

// Iteration helper: the next live key at or after *pos.
static rt_val_t next_key(rt_set_t *s, size_t *pos) {
  while (*pos <= s->mask) {
    rt_val_t k = s->table[(*pos)++];
    if (k && k != RT_DELETE) return k;
  }
  return RT_NULL;
}

static void set_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_set_t *s = (rt_set_t *)self;
  bool frozen = s->type == &rt_frozenset_type;
  if (s->used == 0) {
    rt_print_cstr(p, frozen ? "frozenset()" : "set()");
    return;
  }
  rt_c_enter();
  if (frozen) rt_print_cstr(p, "frozenset(");
  rt_print_str(p, "{", 1);
  size_t pos = 0;
  rt_val_t k;
  bool first = true;
  while ((k = next_key(s, &pos)) != RT_NULL) {
    if (!first) rt_print_str(p, ", ", 2);
    first = false;
    rt_obj_print(p, k, true);
  }
  rt_print_str(p, "}", 1);
  if (frozen) rt_print_str(p, ")", 1);
  rt_c_leave();
}

static rt_val_t set_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (n > 1)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q expected at most 1 argument, got %z"), rt_qstr_val(t->name),
                 n);
  rt_val_t s = new_of(t);
  if (n) rt_set_update(s, args[0]);
  return s;
}

static rt_val_t copy_as(rt_val_t src, const rt_type_t *t) {
  rt_val_t s = new_of(t);
  rt_set_update(s, src);
  return s;
}

static bool subset(rt_val_t a, rt_val_t b) {
  rt_set_t *s = (rt_set_t *)a;
  size_t pos = 0;
  rt_val_t k;
  while ((k = next_key(s, &pos)) != RT_NULL)
    if (!rt_set_contains(b, k)) return false;
  return true;
}

static rt_val_t set_op(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  const rt_type_t *t = rt_typeof(a);
  rt_val_t r;
  size_t pos = 0;
  rt_val_t k;
  switch (op) {
  case RT_BINARY_OR:
    r = copy_as(a, t);
    rt_set_update(r, b);
    return r;
  case RT_BINARY_AND:
    r = new_of(t);
    while ((k = next_key((rt_set_t *)a, &pos)) != RT_NULL)
      if (rt_set_contains(b, k)) rt_set_add(r, k);
    return r;
  case RT_BINARY_SUB:
    r = new_of(t);
    while ((k = next_key((rt_set_t *)a, &pos)) != RT_NULL)
      if (!rt_set_contains(b, k)) rt_set_add(r, k);
    return r;
  default: // XOR
    r = new_of(t);
    while ((k = next_key((rt_set_t *)a, &pos)) != RT_NULL)
      if (!rt_set_contains(b, k)) rt_set_add(r, k);
    pos = 0;
    while ((k = next_key((rt_set_t *)b, &pos)) != RT_NULL)
      if (!rt_set_contains(a, k)) rt_set_add(r, k);
    return r;
  }
}

static rt_val_t set_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if (op == RT_BINARY_CONTAINS) return rt_bool(rt_set_contains(a, b));
  if (!is_set(b)) return RT_NULL;
  size_t na = ((rt_set_t *)a)->used, nb = ((rt_set_t *)b)->used;
  switch (op) {
  case RT_BINARY_OR:
  case RT_BINARY_AND:
  case RT_BINARY_SUB:
  case RT_BINARY_XOR: return set_op(op, a, b);
  case RT_BINARY_INPLACE_OR:
  case RT_BINARY_INPLACE_AND:
  case RT_BINARY_INPLACE_SUB:
  case RT_BINARY_INPLACE_XOR: {
    if (rt_typeof(a) == &rt_frozenset_type)
      return set_op((rt_binary_op_t)(op - RT_BINARY_INPLACE_FIRST - 1), a, b);
    rt_val_t r = set_op((rt_binary_op_t)(op - RT_BINARY_INPLACE_FIRST - 1), a, b);
    rt_set_t *s = (rt_set_t *)a, *x = (rt_set_t *)r;
    s->table = x->table;
    s->mask = x->mask;
    s->used = x->used;
    s->fill = x->fill;
    return a;
  }
  case RT_BINARY_EQ: return rt_bool(na == nb && subset(a, b));
  case RT_BINARY_NE: return rt_bool(!(na == nb && subset(a, b)));
  case RT_BINARY_LE: return rt_bool(subset(a, b));
  case RT_BINARY_LT: return rt_bool(na < nb && subset(a, b));
  case RT_BINARY_GE: return rt_bool(subset(b, a));
  case RT_BINARY_GT: return rt_bool(na > nb && subset(b, a));
  default: return RT_NULL;
  }
}

static rt_val_t set_unary(rt_unary_op_t op, rt_val_t self) {
  rt_set_t *s = (rt_set_t *)self;
  switch (op) {
  case RT_UNARY_BOOL: return rt_bool(s->used != 0);
  case RT_UNARY_LEN: return rt_small((intptr_t)s->used);
  case RT_UNARY_HASH: {
    if (s->type == &rt_set_type) rt_raise_msg(&rt_exc_TypeError, RT_MSG("unhashable type: 'set'"));
    uintptr_t h = 1927868237u;
    size_t pos = 0;
    rt_val_t k;
    while ((k = next_key(s, &pos)) != RT_NULL)
      h ^= (uintptr_t)rt_obj_hash(k) * 3644798167u;
    return rt_small((intptr_t)(h >> 2));
  }
  default: return RT_NULL;
  }
}

typedef struct {
  const rt_type_t *type;
  rt_val_t set;
  size_t pos;
} set_iter_t;

static rt_val_t set_iter_next(rt_val_t self) {
  set_iter_t *it = (set_iter_t *)self;
  return next_key((rt_set_t *)it->set, &it->pos);
}

static const rt_type_t set_iter_type = {
    .type = &rt_type_type,
    .name = RT_Q_set_iterator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .iternext = set_iter_next,
};

static rt_val_t set_getiter(rt_val_t self) {
  set_iter_t *it = rt_gc_alloc(sizeof *it, 0);
  it->type = &set_iter_type;
  it->set = self;
  return rt_val(it);
}

// ---- methods ----

static rt_val_t m_add(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_set_add(args[0], args[1]);
  return RT_NONE;
}
static rt_val_t m_discard(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  discard(args[0], args[1]);
  return RT_NONE;
}
static rt_val_t m_remove(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  if (!discard(args[0], args[1])) rt_raise(rt_exc_new1(&rt_exc_KeyError, args[1]));
  return RT_NONE;
}
static rt_val_t m_pop(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  size_t pos = 0;
  rt_val_t k = next_key((rt_set_t *)args[0], &pos);
  if (!k) rt_raise_msg(&rt_exc_KeyError, RT_MSG("pop from an empty set"));
  discard(args[0], k);
  return k;
}
static rt_val_t m_clear(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_set_t *s = (rt_set_t *)args[0];
  s->table = rt_gc_alloc(8 * sizeof(rt_val_t), 0);
  s->mask = 7;
  s->used = s->fill = 0;
  return RT_NONE;
}
static rt_val_t m_copy(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return copy_as(args[0], rt_typeof(args[0]));
}
static rt_val_t m_update(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  for (size_t i = 1; i < n; i++)
    rt_set_update(args[0], args[i]);
  return RT_NONE;
}

static rt_val_t m_init(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (n > 1) rt_set_update(args[0], args[1]);
  return RT_NONE;
}

// union/intersection/difference/symmetric_difference with any iterables.
static rt_val_t multi(size_t n, const rt_val_t *args, rt_binary_op_t op) {
  rt_val_t r = copy_as(args[0], rt_typeof(args[0]));
  for (size_t i = 1; i < n; i++) {
    rt_val_t o = is_set(args[i]) ? args[i] : copy_as(args[i], &rt_set_type);
    r = set_op(op, r, o);
  }
  return r;
}
static rt_val_t m_union(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return multi(n, args, RT_BINARY_OR);
}
static rt_val_t m_intersection(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return multi(n, args, RT_BINARY_AND);
}
static rt_val_t m_difference(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return multi(n, args, RT_BINARY_SUB);
}
static rt_val_t m_symdiff(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return multi(n, args, RT_BINARY_XOR);
}
// The *_update methods compute the new contents as a fresh set, then
// [self] adopts its table (the fresh set becomes garbage).
static rt_val_t inplace(size_t n, const rt_val_t *args, rt_binary_op_t op) {
  rt_set_t *r = (rt_set_t *)multi(n, args, op), *s = (rt_set_t *)args[0];
  s->table = r->table;
  s->mask = r->mask;
  s->used = r->used;
  s->fill = r->fill;
  return RT_NONE;
}
static rt_val_t m_intersection_update(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return inplace(n, args, RT_BINARY_AND);
}
static rt_val_t m_difference_update(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return inplace(n, args, RT_BINARY_SUB);
}
static rt_val_t m_symdiff_update(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return inplace(n, args, RT_BINARY_XOR);
}
static rt_val_t as_set(rt_val_t v) {
  return is_set(v) ? v : copy_as(v, &rt_set_type);
}
static rt_val_t m_issubset(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_bool(subset(args[0], as_set(args[1])));
}
static rt_val_t m_issuperset(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_bool(subset(as_set(args[1]), args[0]));
}
static rt_val_t m_isdisjoint(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_val_t o = as_set(args[1]), k;
  size_t pos = 0;
  while ((k = next_key((rt_set_t *)args[0], &pos)) != RT_NULL)
    if (rt_set_contains(o, k)) return RT_FALSE;
  return RT_TRUE;
}

static RT_BUILTIN(add_obj, add, 2, 2, 0, m_add);
static RT_BUILTIN(discard_obj, discard, 2, 2, 0, m_discard);
static RT_BUILTIN(remove_obj, remove, 2, 2, 0, m_remove);
static RT_BUILTIN(pop_obj, pop, 1, 1, 0, m_pop);
static RT_BUILTIN(clear_obj, clear, 1, 1, 0, m_clear);
static RT_BUILTIN(copy_obj, copy, 1, 1, 0, m_copy);
static RT_BUILTIN(update_obj, update, 1, RT_ARGS_ANY, 0, m_update);
static RT_BUILTIN(init_obj, __init__, 1, 2, 0, m_init);
static RT_BUILTIN(union_obj, union, 1, RT_ARGS_ANY, 0, m_union);
static RT_BUILTIN(intersection_obj, intersection, 1, RT_ARGS_ANY, 0, m_intersection);
static RT_BUILTIN(difference_obj, difference, 1, RT_ARGS_ANY, 0, m_difference);
static RT_BUILTIN(symdiff_obj, symmetric_difference, 2, 2, 0, m_symdiff);
static RT_BUILTIN(issubset_obj, issubset, 2, 2, 0, m_issubset);
static RT_BUILTIN(issuperset_obj, issuperset, 2, 2, 0, m_issuperset);
static RT_BUILTIN(isdisjoint_obj, isdisjoint, 2, 2, 0, m_isdisjoint);
static RT_BUILTIN(intersection_update_obj, intersection_update, 1, RT_ARGS_ANY, 0, m_intersection_update);
static RT_BUILTIN(difference_update_obj, difference_update, 1, RT_ARGS_ANY, 0, m_difference_update);
static RT_BUILTIN(symdiff_update_obj, symmetric_difference_update, 2, 2, 0, m_symdiff_update);

static const rt_method_t set_methods[] = {
    {RT_Q_add, &add_obj},
    {RT_Q_discard, &discard_obj},
    {RT_Q_remove, &remove_obj},
    {RT_Q_pop, &pop_obj},
    {RT_Q_clear, &clear_obj},
    {RT_Q_copy, &copy_obj},
    {RT_Q_update, &update_obj},
    {RT_Q_union, &union_obj},
    {RT_Q_intersection, &intersection_obj},
    {RT_Q_difference, &difference_obj},
    {RT_Q_symmetric_difference, &symdiff_obj},
    {RT_Q_issubset, &issubset_obj},
    {RT_Q_issuperset, &issuperset_obj},
    {RT_Q_isdisjoint, &isdisjoint_obj},
    {RT_Q_intersection_update, &intersection_update_obj},
    {RT_Q_difference_update, &difference_update_obj},
    {RT_Q_symmetric_difference_update, &symdiff_update_obj},
    {RT_Q___init__, &init_obj},
    {0, NULL},
};

static const rt_method_t frozenset_methods[] = {
    {RT_Q_copy, &copy_obj},
    {RT_Q_union, &union_obj},
    {RT_Q_intersection, &intersection_obj},
    {RT_Q_difference, &difference_obj},
    {RT_Q_symmetric_difference, &symdiff_obj},
    {RT_Q_issubset, &issubset_obj},
    {RT_Q_issuperset, &issuperset_obj},
    {RT_Q_isdisjoint, &isdisjoint_obj},
    {0, NULL},
};

const rt_type_t rt_set_type = {
    .type = &rt_type_type,
    .name = RT_Q_set,
    .flags = RT_TYPE_BASETYPE,
    .base = &rt_object_type,
    .methods = set_methods,
    .print = set_print,
    .make_new = set_make_new,
    .unary = set_unary,
    .binary = set_binary,
    .getiter = set_getiter,
};

const rt_type_t rt_frozenset_type = {
    .type = &rt_type_type,
    .name = RT_Q_frozenset,
    .base = &rt_object_type,
    .methods = frozenset_methods,
    .print = set_print,
    .make_new = set_make_new,
    .unary = set_unary,
    .binary = set_binary,
    .getiter = set_getiter,
};

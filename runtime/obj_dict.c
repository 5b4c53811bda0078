// SPDX-License-Identifier: MIT
// obj_dict.c: the dict type.
//
// Invariants: entries[0..fill) hold the insertion order, deleted entries
// have key RT_NULL; used counts the live ones. The index has mask+1 slots
// (a power of two, at least 8); slot value 0 is empty, k > 0 refers to
// entries[k-1]. Slots are 1 byte when cap < 255, 2 bytes when cap < 65535,
// else 4. cap = (mask+1)*2/3, so probing always finds an empty slot.
// Deleting leaves the slot pointing at the dead entry; probes pass over it.
// One allocation holds the index followed by the entries.
#include <string.h>

#include "obj_dict.h"
#include "obj_set.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

static inline size_t slot_width(uint32_t cap) {
  return cap < 255 ? 1 : cap < 65535 ? 2 : 4;
}

static inline uint32_t slot_get(const rt_dict_t *d, size_t i) {
  switch (slot_width(d->cap)) {
  case 1: return ((const uint8_t *)d->table)[i];
  case 2: return ((const uint16_t *)d->table)[i];
  default: return ((const uint32_t *)d->table)[i];
  }
}

static inline void slot_set(rt_dict_t *d, size_t i, uint32_t v) {
  switch (slot_width(d->cap)) {
  case 1: ((uint8_t *)d->table)[i] = (uint8_t)v; break;
  case 2: ((uint16_t *)d->table)[i] = (uint16_t)v; break;
  default: ((uint32_t *)d->table)[i] = v; break;
  }
}

static uintptr_t key_hash(rt_val_t k) {
  if (rt_is_qstr(k)) return rt_qstr_hash(k);
  if (rt_is_small(k)) return (uintptr_t)rt_small_get(k);
  if (rt_is_obj(k, &rt_str_type)) return rt_str_hash(k);
  return (uintptr_t)rt_obj_hash(k);
}

static inline bool key_eq(rt_val_t a, rt_val_t b) {
  if (a == b) return true;
  if ((rt_is_qstr(a) && rt_is_qstr(b)) || (rt_is_small(a) && rt_is_small(b))) return false;
  return rt_obj_eq(a, b);
}

// Allocates an empty table of [slots] index slots.
static void alloc_table(rt_dict_t *d, uint32_t slots) {
  uint32_t cap = slots * 2 / 3;
  size_t w = slot_width(cap), isz = (slots * w + sizeof(rt_val_t) - 1) & ~(sizeof(rt_val_t) - 1);
  void *t = rt_gc_alloc(isz + cap * sizeof(rt_dict_entry_t), 0); // may raise: d unchanged
  d->table = t;
  d->entries = (rt_dict_entry_t *)((char *)t + isz);
  d->mask = slots - 1;
  d->cap = cap;
  d->fill = d->used = 0;
}

void rt_dict_init(rt_dict_t *d) {
  alloc_table(d, 8);
}

rt_dict_t *rt_dict_new(size_t n) {
  rt_dict_t *d = rt_gc_alloc(sizeof *d, 0);
  d->type = &rt_dict_type;
  uint32_t slots = 8;
  while (slots * 2 / 3 < n)
    slots *= 2;
  alloc_table(d, slots);
  return d;
}

// Index slot for [key]: where it is, or the empty slot where it would go.
// Sets *found.
static size_t probe(rt_dict_t *d, rt_val_t key, uintptr_t h, bool *found) {
  size_t i = h & d->mask;
  for (;;) {
    uint32_t k = slot_get(d, i);
    if (k == 0) {
      *found = false;
      return i;
    }
    rt_val_t ek = d->entries[k - 1].key;
    if (ek != RT_NULL && key_eq(ek, key)) {
      *found = true;
      return i;
    }
    i = (i + 1) & d->mask;
  }
}

static void resize(rt_dict_t *d, uint32_t slots) {
  void *old_table = d->table;
  rt_dict_entry_t *old = d->entries;
  uint32_t old_fill = d->fill;
  alloc_table(d, slots);
  for (uint32_t j = 0; j < old_fill; j++) {
    if (old[j].key == RT_NULL) continue;
    size_t i = key_hash(old[j].key) & d->mask;
    while (slot_get(d, i))
      i = (i + 1) & d->mask;
    d->entries[d->fill] = old[j];
    slot_set(d, i, ++d->fill);
  }
  d->used = d->fill;
  rt_gc_free(old_table);
}

rt_val_t rt_dict_get(rt_dict_t *d, rt_val_t key) {
  bool found;
  size_t i = probe(d, key, key_hash(key), &found);
  return found ? d->entries[slot_get(d, i) - 1].value : RT_NULL;
}

rt_val_t rt_dict_get_hint(rt_dict_t *d, rt_val_t qkey, uint16_t *hint) {
  if (*hint < d->fill && d->entries[*hint].key == qkey) return d->entries[*hint].value;
  size_t i = rt_qstr_hash(qkey) & d->mask;
  for (;;) {
    uint32_t k = slot_get(d, i);
    if (k == 0) return RT_NULL;
    rt_val_t ek = d->entries[k - 1].key;
    if (ek == qkey || (ek != RT_NULL && !rt_is_qstr(ek) && rt_is_str(ek) && rt_str_eq(ek, qkey))) {
      if (k - 1 <= UINT16_MAX) *hint = (uint16_t)(k - 1);
      return d->entries[k - 1].value;
    }
    i = (i + 1) & d->mask;
  }
}

void rt_dict_set(rt_dict_t *d, rt_val_t key, rt_val_t value) {
  uintptr_t h = key_hash(key);
  bool found;
  size_t i = probe(d, key, h, &found);
  if (found) {
    d->entries[slot_get(d, i) - 1].value = value;
    return;
  }
  if (d->fill >= d->cap) {
    uint32_t slots = d->mask + 1;
    if (d->used + 1 > d->cap / 2) slots *= 2; // grow, else just compact
    resize(d, slots);
    i = probe(d, key, h, &found);
  }
  d->entries[d->fill].key = key;
  d->entries[d->fill].value = value;
  slot_set(d, i, ++d->fill);
  d->used++;
}

rt_val_t rt_dict_pop(rt_dict_t *d, rt_val_t key) {
  bool found;
  size_t i = probe(d, key, key_hash(key), &found);
  if (!found) return RT_NULL;
  rt_dict_entry_t *e = &d->entries[slot_get(d, i) - 1];
  rt_val_t v = e->value;
  e->key = RT_NULL;
  e->value = RT_NULL;
  d->used--;
  return v;
}

rt_dict_entry_t *rt_dict_next(rt_dict_t *d, size_t *pos) {
  while (*pos < d->fill) {
    rt_dict_entry_t *e = &d->entries[(*pos)++];
    if (e->key != RT_NULL) return e;
  }
  return NULL;
}

void rt_dict_clear(rt_dict_t *d) {
  void *old = d->table;
  alloc_table(d, 8);
  rt_gc_free(old);
}

rt_dict_t *rt_dict_copy(rt_dict_t *d) {
  rt_dict_t *c = rt_dict_new(d->used);
  size_t pos = 0;
  rt_dict_entry_t *e;
  while ((e = rt_dict_next(d, &pos)))
    rt_dict_set(c, e->key, e->value);
  return c;
}

void rt_dict_update(rt_dict_t *d, rt_val_t src) {
  if (rt_is_obj(src, &rt_dict_type)) {
    size_t pos = 0;
    rt_dict_entry_t *e;
    while ((e = rt_dict_next((rt_dict_t *)src, &pos)))
      rt_dict_set(d, e->key, e->value);
    return;
  }
  rt_val_t m[2];
  if (rt_obj_load_method_maybe(src, RT_QV(keys), m)) {
    rt_val_t keys = rt_obj_call_method(m, 0, NULL), it = rt_obj_getiter(keys), k;
    while ((k = rt_obj_iternext(it)) != RT_NULL)
      rt_dict_set(d, k, rt_obj_subscr(src, k));
    return;
  }
  rt_val_t it = rt_obj_getiter(src), item;
  size_t idx = 0;
  while ((item = rt_obj_iternext(it)) != RT_NULL) {
    const rt_type_t *t = rt_typeof(item);
    if (!t->getiter && !t->subscr && !(t->flags & (RT_TYPE_USER | RT_TYPE_ITER_SELF)))
      rt_raise_msg(&rt_exc_TypeError,
                   RT_MSG("cannot convert dictionary update sequence element #%z to a sequence"), idx);
    rt_val_t pair = rt_tuple_from_iter(item);
    if (rt_tuple_len(pair) != 2)
      rt_raise_msg(&rt_exc_ValueError,
                   RT_MSG("dictionary update sequence element #%z has length %z; 2 is required"), idx,
                   rt_tuple_len(pair));
    rt_dict_set(d, rt_tuple_items(pair)[0], rt_tuple_items(pair)[1]);
    idx++;
  }
}

// ---- type slots ----

static void dict_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_dict_t *d = (rt_dict_t *)self;
  if (!rt_tuple_print_enter(p, self, "{...}")) return;
  rt_print_str(p, "{", 1);
  size_t pos = 0;
  rt_dict_entry_t *e;
  bool first = true;
  while ((e = rt_dict_next(d, &pos))) {
    if (!first) rt_print_str(p, ", ", 2);
    first = false;
    rt_obj_print(p, e->key, true);
    rt_print_str(p, ": ", 2);
    rt_obj_print(p, e->value, true);
  }
  rt_print_str(p, "}", 1);
  rt_tuple_print_leave();
}

static rt_val_t dict_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  if (n > 1) rt_raise_msg(&rt_exc_TypeError, RT_MSG("dict expected at most 1 argument, got %z"), n);
  rt_dict_t *d = rt_dict_new(0);
  if (n) rt_dict_update(d, args[0]);
  if (kw)
    for (size_t i = 0; i < kw->n; i++)
      rt_dict_set(d, kw->names[i], kw->values[i]);
  return rt_val(d);
}

static rt_val_t dict_unary(rt_unary_op_t op, rt_val_t self) {
  rt_dict_t *d = (rt_dict_t *)self;
  switch (op) {
  case RT_UNARY_BOOL: return rt_bool(d->used != 0);
  case RT_UNARY_LEN: return rt_small((intptr_t)d->used);
  default: return RT_NULL;
  }
}

static rt_val_t dict_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  rt_dict_t *d = (rt_dict_t *)a;
  switch (op) {
  case RT_BINARY_CONTAINS: return rt_bool(rt_dict_get(d, b) != RT_NULL);
  case RT_BINARY_EQ:
  case RT_BINARY_NE: {
    if (!rt_is_obj(b, &rt_dict_type)) return RT_NULL;
    rt_dict_t *o = (rt_dict_t *)b;
    bool eq = d->used == o->used;
    size_t pos = 0;
    rt_dict_entry_t *e;
    while (eq && (e = rt_dict_next(d, &pos))) {
      rt_val_t v = rt_dict_get(o, e->key);
      eq = v != RT_NULL && rt_obj_eq(e->value, v);
    }
    return rt_bool(op == RT_BINARY_EQ ? eq : !eq);
  }
  case RT_BINARY_OR:
  case RT_BINARY_INPLACE_OR: {
    // d |= x takes any mapping or iterable of pairs, as update() does.
    if (!rt_is_obj(b, &rt_dict_type) && op == RT_BINARY_OR) return RT_NULL;
    rt_dict_t *r = op == RT_BINARY_OR ? rt_dict_copy(d) : d;
    rt_dict_update(r, b);
    return rt_val(r);
  }
  default: return RT_NULL;
  }
}

static rt_val_t dict_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  rt_dict_t *d = (rt_dict_t *)self;
  if (value == RT_NULL) {
    rt_val_t v = rt_dict_get(d, index);
    if (v == RT_NULL) {
      rt_val_t m[2];
      if ((d->type->flags & RT_TYPE_USER) && rt_obj_load_method_maybe(self, RT_QV(__missing__), m))
        return rt_obj_call_method(m, 1, &index);
      rt_raise(rt_exc_new1(&rt_exc_KeyError, index));
    }
    return v;
  }
  if (value == RT_DELETE) {
    if (rt_dict_pop(d, index) == RT_NULL) rt_raise(rt_exc_new1(&rt_exc_KeyError, index));
    return RT_NONE;
  }
  rt_dict_set(d, index, value);
  return RT_NONE;
}

// ---- views and iterators: kind 0 keys, 1 values, 2 items ----

typedef struct {
  const rt_type_t *type;
  rt_val_t dict;
  size_t pos;
  int kind;
} dict_iter_t;

static rt_val_t dict_iter_next(rt_val_t self) {
  dict_iter_t *it = (dict_iter_t *)self;
  rt_dict_entry_t *e = rt_dict_next((rt_dict_t *)it->dict, &it->pos);
  if (!e) return RT_NULL;
  if (it->kind == 0) return e->key;
  if (it->kind == 1) return e->value;
  rt_val_t pair[2] = {e->key, e->value};
  return rt_tuple_new(2, pair);
}

static const rt_type_t dict_iter_type = {
    .type = &rt_type_type,
    .name = RT_Q_dict_keyiterator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .iternext = dict_iter_next,
};

static rt_val_t iter_new(rt_val_t dict, int kind) {
  dict_iter_t *it = rt_gc_alloc(sizeof *it, 0);
  it->type = &dict_iter_type;
  it->dict = dict;
  it->kind = kind;
  return rt_val(it);
}

static rt_val_t dict_getiter(rt_val_t self) {
  return iter_new(self, 0);
}

typedef struct {
  const rt_type_t *type;
  rt_val_t dict;
  int kind;
} dict_view_t;

static const rt_type_t view_types[3];

static void view_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  dict_view_t *v = (dict_view_t *)self;
  rt_print_format(p, "%q([", rt_qstr_val(v->type->name));
  rt_val_t it = iter_new(v->dict, v->kind), x;
  bool first = true;
  while ((x = rt_obj_iternext(it)) != RT_NULL) {
    if (!first) rt_print_str(p, ", ", 2);
    first = false;
    rt_obj_print(p, x, true);
  }
  rt_print_str(p, "])", 2);
}

static rt_val_t view_getiter(rt_val_t self) {
  dict_view_t *v = (dict_view_t *)self;
  return iter_new(v->dict, v->kind);
}

static rt_val_t view_unary(rt_unary_op_t op, rt_val_t self) {
  dict_view_t *v = (dict_view_t *)self;
  return dict_unary(op, v->dict);
}

static rt_val_t view_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  dict_view_t *v = (dict_view_t *)a;
  if (op == RT_BINARY_AND || op == RT_BINARY_OR || op == RT_BINARY_SUB || op == RT_BINARY_XOR) {
    // Keys and items views act as sets: the result is a new set.
    if (v->kind == 1) return RT_NULL;
    rt_val_t set = rt_val(&rt_set_type), sa = rt_obj_call1(set, a);
    if (!rt_is_obj(b, &rt_set_type) && !rt_is_obj(b, &rt_frozenset_type)) {
      rt_val_t m[2];
      if (!rt_obj_load_method_maybe(b, RT_QV(__iter__), m) && !rt_typeof(b)->getiter) return RT_NULL;
      b = rt_obj_call1(set, b);
    }
    return rt_obj_binary(op, sa, b);
  }
  if (op != RT_BINARY_CONTAINS) return RT_NULL;
  if (v->kind == 0) return rt_bool(rt_dict_get((rt_dict_t *)v->dict, b) != RT_NULL);
  rt_val_t it = iter_new(v->dict, v->kind), x;
  while ((x = rt_obj_iternext(it)) != RT_NULL)
    if (rt_obj_eq(x, b)) return RT_TRUE;
  return RT_FALSE;
}

#define VIEW_TYPE(q)                                                                                         \
  {                                                                                                          \
    .type = &rt_type_type, .name = RT_Q_##q, .base = &rt_object_type, .print = view_print,                   \
    .unary = view_unary, .binary = view_binary, .getiter = view_getiter,                                     \
  }
static const rt_type_t view_types[3] = {VIEW_TYPE(dict_keys), VIEW_TYPE(dict_values), VIEW_TYPE(dict_items)};

static rt_val_t view_new(rt_val_t dict, int kind) {
  dict_view_t *v = rt_gc_alloc(sizeof *v, 0);
  v->type = &view_types[kind];
  v->dict = dict;
  v->kind = kind;
  return rt_val(v);
}

// ---- methods ----

#define D ((rt_dict_t *)args[0])

static rt_val_t m_get(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  rt_val_t v = rt_dict_get(D, args[1]);
  return v ? v : n > 2 ? args[2] : RT_NONE;
}

static rt_val_t m_keys(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return view_new(args[0], 0);
}
static rt_val_t m_values(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return view_new(args[0], 1);
}
static rt_val_t m_items(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return view_new(args[0], 2);
}

static rt_val_t m_pop(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  rt_val_t v = rt_dict_pop(D, args[1]);
  if (v) return v;
  if (n > 2) return args[2];
  rt_raise(rt_exc_new1(&rt_exc_KeyError, args[1]));
}

static rt_val_t m_popitem(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  for (uint32_t i = D->fill; i-- > 0;) {
    rt_dict_entry_t *e = &D->entries[i];
    if (e->key == RT_NULL) continue;
    rt_val_t pair[2] = {e->key, e->value};
    rt_val_t t = rt_tuple_new(2, pair);
    rt_dict_pop(D, pair[0]);
    return t;
  }
  rt_raise_msg(&rt_exc_KeyError, RT_MSG("popitem(): dictionary is empty"));
}

static rt_val_t m_setdefault(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  rt_val_t v = rt_dict_get(D, args[1]);
  if (v) return v;
  v = n > 2 ? args[2] : RT_NONE;
  rt_dict_set(D, args[1], v);
  return v;
}

static rt_val_t m_update(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  if (n > 1) rt_dict_update(D, args[1]);
  if (kw)
    for (size_t i = 0; i < kw->n; i++)
      rt_dict_set(D, kw->names[i], kw->values[i]);
  return RT_NONE;
}

static rt_val_t m_copy(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_val(rt_dict_copy(D));
}

static rt_val_t m_init(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  return m_update(n, args, kw);
}

static rt_val_t m_clear(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_dict_clear(D);
  return RT_NONE;
}

static rt_val_t m_fromkeys(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  // Called as dict.fromkeys(keys[, value]): args[0] is the keys.
  rt_dict_t *d = rt_dict_new(0);
  rt_val_t it = rt_obj_getiter(args[0]), k;
  while ((k = rt_obj_iternext(it)) != RT_NULL)
    rt_dict_set(d, k, n > 1 ? args[1] : RT_NONE);
  return rt_val(d);
}

static RT_BUILTIN(get_obj, get, 2, 3, 0, m_get);
static RT_BUILTIN(keys_obj, keys, 1, 1, 0, m_keys);
static RT_BUILTIN(values_obj, values, 1, 1, 0, m_values);
static RT_BUILTIN(items_obj, items, 1, 1, 0, m_items);
static RT_BUILTIN(pop_obj, pop, 2, 3, 0, m_pop);
static RT_BUILTIN(popitem_obj, popitem, 1, 1, 0, m_popitem);
static RT_BUILTIN(setdefault_obj, setdefault, 2, 3, 0, m_setdefault);
static RT_BUILTIN(update_obj, update, 1, 2, RT_BF_KW, m_update);
static RT_BUILTIN(copy_obj, copy, 1, 1, 0, m_copy);
static RT_BUILTIN(init_obj, __init__, 1, 2, RT_BF_KW, m_init);
static RT_BUILTIN(clear_obj, clear, 1, 1, 0, m_clear);
const rt_builtin_t rt_dict_fromkeys_obj = {&rt_builtin_type, RT_Q_fromkeys, 1, 2, 0, m_fromkeys};

static const rt_method_t dict_methods[] = {
    {RT_Q_get, &get_obj},
    {RT_Q_keys, &keys_obj},
    {RT_Q_values, &values_obj},
    {RT_Q_items, &items_obj},
    {RT_Q_pop, &pop_obj},
    {RT_Q_popitem, &popitem_obj},
    {RT_Q_setdefault, &setdefault_obj},
    {RT_Q_update, &update_obj},
    {RT_Q_copy, &copy_obj},
    {RT_Q_clear, &clear_obj},
    {RT_Q_fromkeys, &rt_dict_fromkeys_obj},
    {RT_Q___init__, &init_obj},
    {0, NULL},
};

const rt_type_t rt_dict_type = {
    .type = &rt_type_type,
    .name = RT_Q_dict,
    .flags = RT_TYPE_BASETYPE,
    .base = &rt_object_type,
    .methods = dict_methods,
    .print = dict_print,
    .make_new = dict_make_new,
    .unary = dict_unary,
    .binary = dict_binary,
    .subscr = dict_subscr,
    .getiter = dict_getiter,
};

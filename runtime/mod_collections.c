// SPDX-License-Identifier: MIT
// mod_collections.c: namedtuple (a heap-made type whose instances are
// tuples), deque (a list with cheap appends at the right; left operations
// move items), OrderedDict and defaultdict (dicts with a type of their own:
// the dict functions work on them, their slots add what differs).
#include <string.h>

#include "mod_collections.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

// ---- namedtuple ----

// A namedtuple class: tuple's slots with its own printer, constructor and
// attributes; [defaults] fill the rightmost fields. Its methods table is
// made per class (in the heap) so that the class itself answers _fields
// and _make.
typedef struct {
  rt_type_t t;
  rt_val_t fields;   // tuple of qstrs
  rt_val_t defaults; // tuple (maybe empty), for the last fields
} nt_type_t;

__attribute__((noinline)) static const nt_type_t *nt_type(rt_val_t self) {
  return (const nt_type_t *)rt_typeof(self);
}

static void nt_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_val_t f = nt_type(self)->fields;
  rt_print_format(p, "%q(", rt_qstr_val(rt_typeof(self)->name));
  for (size_t i = 0; i < rt_tuple_len(f); i++) {
    if (i) rt_print_str(p, ", ", 2);
    rt_print_format(p, "%q=%r", rt_tuple_items(f)[i], rt_tuple_items(self)[i]);
  }
  rt_print_str(p, ")", 1);
}

static rt_val_t nt_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  const nt_type_t *nt = (const nt_type_t *)t;
  rt_val_t f = nt->fields;
  size_t nf = rt_tuple_len(f), nd = rt_tuple_len(nt->defaults);
  if (n > nf)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q.__new__() takes %z positional arguments but %z were given"),
                 rt_qstr_val(t->name), nf + 1, n + 1);
  rt_val_t tup = rt_tuple_new(nf, NULL);
  rt_val_t *items = rt_tuple_items(tup);
  for (size_t i = 0; i < nf; i++)
    items[i] = i < n ? args[i] : RT_NULL;
  if (kw)
    for (size_t k = 0; k < kw->n; k++) {
      size_t i = 0;
      while (i < nf && rt_tuple_items(f)[i] != kw->names[k])
        i++;
      if (i == nf)
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q.__new__() got an unexpected keyword argument '%q'"),
                     rt_qstr_val(t->name), kw->names[k]);
      if (items[i])
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q.__new__() got multiple values for argument '%q'"),
                     rt_qstr_val(t->name), kw->names[k]);
      items[i] = kw->values[k];
    }
  for (size_t i = 0; i < nf; i++) {
    if (items[i]) continue;
    if (i + nd >= nf) {
      items[i] = rt_tuple_items(nt->defaults)[i + nd - nf];
      continue;
    }
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q.__new__() missing required argument: '%q'"),
                 rt_qstr_val(t->name), rt_tuple_items(f)[i]);
  }
  ((rt_tuple_t *)tup)->type = t;
  return tup;
}

static rt_val_t nt_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store) return RT_NULL;
  rt_val_t f = nt_type(self)->fields;
  for (size_t i = 0; i < rt_tuple_len(f); i++)
    if (rt_tuple_items(f)[i] == name) return rt_tuple_items(self)[i];
  return RT_NULL;
}

static rt_val_t m_asdict(ARGS) {
  (void)n, (void)kw;
  rt_val_t f = nt_type(args[0])->fields;
  rt_dict_t *d = rt_dict_new(rt_tuple_len(f));
  for (size_t i = 0; i < rt_tuple_len(f); i++)
    rt_dict_set(d, rt_tuple_items(f)[i], rt_tuple_items(args[0])[i]);
  return rt_val(d);
}

static rt_val_t m_replace(ARGS) {
  (void)n;
  rt_val_t self = args[0], f = nt_type(self)->fields;
  rt_val_t r = rt_tuple_new(rt_tuple_len(f), rt_tuple_items(self));
  ((rt_tuple_t *)r)->type = rt_typeof(self);
  rt_val_t unknown = RT_NULL;
  for (size_t k = 0; kw && k < kw->n; k++) {
    size_t i = 0;
    while (i < rt_tuple_len(f) && rt_tuple_items(f)[i] != kw->names[k])
      i++;
    if (i < rt_tuple_len(f)) {
      rt_tuple_items(r)[i] = kw->values[k];
    } else {
      if (!unknown) unknown = rt_list_new(0);
      rt_list_append(unknown, kw->names[k]);
    }
  }
  if (unknown) rt_raise_msg(&rt_exc_ValueError, RT_MSG("Got unexpected field names: %r"), unknown);
  return r;
}

// _make(iterable), bound to its class.
static rt_val_t m_make(ARGS) {
  (void)n, (void)kw;
  rt_val_t l = rt_list_from_iter(args[1]);
  rt_val_t *items;
  size_t cnt = rt_obj_get_items(l, &items);
  const rt_type_t *t = (const rt_type_t *)args[0];
  size_t nf = rt_tuple_len(((const nt_type_t *)t)->fields);
  if (cnt != nf) rt_raise_msg(&rt_exc_TypeError, RT_MSG("Expected %z arguments, got %z"), nf, cnt);
  return t->make_new(t, cnt, items, NULL);
}

static RT_BUILTIN(asdict_obj, _asdict, 1, 1, 0, m_asdict);
static RT_BUILTIN(replace_obj, _replace, 1, 1, RT_BF_KW, m_replace);
static RT_BUILTIN(make_obj, _make, 2, 2, 0, m_make);

// Splits "x y" or "x, y" into a list of names.
static rt_val_t field_list(rt_val_t spec) {
  if (!rt_is_str(spec)) return rt_list_from_iter(spec);
  size_t len;
  const char *s = rt_str_data(spec, &len);
  rt_vstr_t v;
  rt_vstr_init(&v, len);
  for (size_t i = 0; i < len; i++)
    rt_vstr_addc(&v, s[i] == ',' ? ' ' : s[i]);
  rt_val_t str = rt_str_new(v.buf, v.len);
  rt_vstr_free(&v);
  rt_val_t m[2];
  rt_obj_load_method(str, RT_QV(split), m);
  return rt_obj_call_method(m, 0, NULL);
}

static rt_val_t f_namedtuple(ARGS) {
  (void)n;
  rt_str_check(args[0], "namedtuple() argument 1");
  rt_val_t names = field_list(args[1]);
  rt_val_t *items;
  size_t nf = rt_obj_get_items(names, &items);
  rt_val_t fields = rt_tuple_new(nf, NULL);
  for (size_t i = 0; i < nf; i++) {
    rt_str_check(items[i], "Type names and field names");
    size_t len;
    const char *s = rt_str_data(items[i], &len);
    if (!len || (s[0] >= '0' && s[0] <= '9'))
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("Type names and field names must be valid identifiers: %r"),
                   items[i]);
    rt_tuple_items(fields)[i] = rt_qstr_from(s, len);
    for (size_t k = 0; k < i; k++)
      if (rt_tuple_items(fields)[k] == rt_tuple_items(fields)[i])
        rt_raise_msg(&rt_exc_ValueError, RT_MSG("Encountered duplicate field name: %r"), items[i]);
  }
  rt_val_t defaults = rt_tuple_new(0, NULL);
  rt_val_t d = kw ? rt_kw_get(kw, RT_QV(defaults)) : RT_NULL;
  if (d && d != RT_NONE) {
    defaults = rt_tuple_from_iter(d);
    if (rt_tuple_len(defaults) > nf)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("Got more default values than field names"));
  }
  nt_type_t *t = rt_gc_alloc(sizeof *t, 0);
  t->t = rt_tuple_type;
  size_t len;
  const char *s = rt_str_data(args[0], &len);
  t->t.name = (unsigned short)rt_qstr_index(rt_qstr_from(s, len));
  t->t.flags = 0;
  t->t.base = &rt_tuple_type;
  t->t.print = nt_print;
  t->t.make_new = nt_make_new;
  t->t.attr = nt_attr;
  t->fields = fields;
  t->defaults = defaults;
  rt_method_t *methods = rt_gc_alloc(5 * sizeof *methods, 0);
  methods[0] = (rt_method_t){RT_Q__asdict, &asdict_obj};
  methods[1] = (rt_method_t){RT_Q__replace, &replace_obj};
  methods[2] = (rt_method_t){RT_Q__fields, (const void *)fields};
  methods[3] = (rt_method_t){RT_Q__make, (const void *)rt_bound_new(rt_val(&make_obj), rt_val(t))};
  t->t.methods = methods;
  return rt_val(t);
}

// ---- deque ----

typedef struct {
  const rt_type_t *type;
  rt_val_t list;
  intptr_t maxlen; // -1: unbounded
} deque_t;

extern const rt_type_t rt_deque_type;
#define DQ(v) ((deque_t *)(v))

static void trim(deque_t *d, bool from_left) {
  while (d->maxlen >= 0 && (intptr_t)rt_obj_len(d->list) > d->maxlen) {
    rt_list_t *l = (rt_list_t *)d->list;
    if (from_left) {
      rt_memmove(l->items, l->items + 1, (l->len - 1) * sizeof(rt_val_t));
    }
    l->len--;
  }
}

static rt_val_t deque_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  deque_t *d = rt_gc_alloc(sizeof *d, 0);
  d->type = &rt_deque_type;
  d->maxlen = -1;
  rt_val_t ml = n > 1 ? args[1] : rt_kw_get(kw, rt_qstr_from_cstr("maxlen"));
  if (ml && ml != RT_NONE) d->maxlen = rt_obj_get_int(ml);
  d->list = n > 0 ? rt_list_from_iter(args[0]) : rt_list_new(0);
  trim(d, true);
  return rt_val(d);
}

static void deque_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_str(p, "deque(", 6);
  rt_obj_print(p, DQ(self)->list, true);
  if (DQ(self)->maxlen >= 0) rt_print_format(p, ", maxlen=%d", (int)DQ(self)->maxlen);
  rt_print_str(p, ")", 1);
}

static rt_val_t deque_unary(rt_unary_op_t op, rt_val_t self) {
  return rt_obj_unary(op, DQ(self)->list);
}
static rt_val_t deque_getiter(rt_val_t self) {
  return rt_obj_getiter(DQ(self)->list);
}
static rt_val_t deque_subscr(rt_val_t self, rt_val_t i, rt_val_t v) {
  if (v == RT_NULL) return rt_obj_subscr(DQ(self)->list, i);
  if (v == RT_DELETE)
    rt_obj_del_subscr(DQ(self)->list, i);
  else
    rt_obj_store_subscr(DQ(self)->list, i, v);
  return RT_NONE;
}
static rt_val_t deque_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if (op == RT_BINARY_CONTAINS) return rt_bool(rt_obj_contains(DQ(a)->list, b));
  if (op == RT_BINARY_EQ && rt_is_obj(b, &rt_deque_type)) return rt_bool(rt_obj_eq(DQ(a)->list, DQ(b)->list));
  return RT_NULL;
}

static rt_val_t d_append(ARGS) {
  (void)n, (void)kw;
  rt_list_append(DQ(args[0])->list, args[1]);
  trim(DQ(args[0]), true);
  return RT_NONE;
}
static rt_val_t d_appendleft(ARGS) {
  (void)n, (void)kw;
  rt_val_t l = DQ(args[0])->list;
  rt_list_append(l, RT_NONE);
  rt_list_t *lp = (rt_list_t *)l;
  rt_memmove(lp->items + 1, lp->items, (lp->len - 1) * sizeof(rt_val_t));
  lp->items[0] = args[1];
  trim(DQ(args[0]), false);
  return RT_NONE;
}
static rt_val_t d_pop(ARGS) {
  (void)n, (void)kw;
  rt_list_t *l = (rt_list_t *)DQ(args[0])->list;
  if (!l->len) rt_raise_msg(&rt_exc_IndexError, RT_MSG("pop from an empty deque"));
  return l->items[--l->len];
}
static rt_val_t d_popleft(ARGS) {
  (void)n, (void)kw;
  rt_list_t *l = (rt_list_t *)DQ(args[0])->list;
  if (!l->len) rt_raise_msg(&rt_exc_IndexError, RT_MSG("pop from an empty deque"));
  rt_val_t v = l->items[0];
  rt_memmove(l->items, l->items + 1, (l->len - 1) * sizeof(rt_val_t));
  l->len--;
  return v;
}
static rt_val_t d_extend(ARGS) {
  (void)n, (void)kw;
  rt_list_extend(DQ(args[0])->list, args[1]);
  trim(DQ(args[0]), true);
  return RT_NONE;
}
static rt_val_t d_clear(ARGS) {
  (void)n, (void)kw;
  ((rt_list_t *)DQ(args[0])->list)->len = 0;
  return RT_NONE;
}
static rt_val_t d_extendleft(ARGS) {
  (void)n, (void)kw;
  rt_val_t it = rt_obj_getiter(args[1]), v;
  while ((v = rt_obj_iternext(it))) {
    rt_val_t one[2] = {args[0], v};
    d_appendleft(2, one, NULL);
  }
  return RT_NONE;
}
static rt_val_t d_rotate(ARGS) {
  (void)kw;
  rt_list_t *l = (rt_list_t *)DQ(args[0])->list;
  intptr_t k = n > 1 ? rt_obj_get_int(args[1]) : 1;
  if (l->len < 2) return RT_NONE;
  k %= (intptr_t)l->len;
  if (k < 0) k += (intptr_t)l->len;
  // Right by k: three reversals, no extra memory.
  rt_val_t *a = l->items;
  size_t len = l->len;
  for (int part = 0; part < 3; part++) {
    size_t lo = part == 0 ? 0 : part == 1 ? 0 : (size_t)k, hi = part == 0 ? len : part == 1 ? (size_t)k : len;
    for (size_t i = lo, j = hi; i + 1 < j; i++, j--) {
      rt_val_t t = a[i];
      a[i] = a[j - 1];
      a[j - 1] = t;
    }
  }
  return RT_NONE;
}
static rt_val_t d_count(ARGS) {
  (void)n, (void)kw;
  rt_val_t *items;
  size_t len = rt_obj_get_items(DQ(args[0])->list, &items);
  intptr_t c = 0;
  for (size_t i = 0; i < len; i++)
    c += rt_obj_eq(items[i], args[1]);
  return rt_small(c);
}
static intptr_t d_find(rt_val_t self, rt_val_t v) {
  rt_val_t *items;
  size_t len = rt_obj_get_items(DQ(self)->list, &items);
  for (size_t i = 0; i < len; i++)
    if (rt_obj_eq(items[i], v)) return (intptr_t)i;
  return -1;
}
static rt_val_t d_index(ARGS) {
  (void)n, (void)kw;
  intptr_t i = d_find(args[0], args[1]);
  if (i < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("%r is not in deque"), args[1]);
  return rt_small(i);
}
static rt_val_t d_remove(ARGS) {
  (void)n, (void)kw;
  intptr_t i = d_find(args[0], args[1]);
  if (i < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("%r is not in deque"), args[1]);
  rt_obj_del_subscr(DQ(args[0])->list, rt_small(i));
  return RT_NONE;
}
static rt_val_t d_reverse(ARGS) {
  (void)n, (void)kw;
  rt_list_reverse(DQ(args[0])->list);
  return RT_NONE;
}
static rt_val_t deque_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store != RT_NULL || name != RT_QV(maxlen)) return RT_NULL;
  return DQ(self)->maxlen < 0 ? RT_NONE : rt_small(DQ(self)->maxlen);
}

static RT_BUILTIN(d_append_obj, append, 2, 2, 0, d_append);
static RT_BUILTIN(d_appendleft_obj, appendleft, 2, 2, 0, d_appendleft);
static RT_BUILTIN(d_pop_obj, pop, 1, 1, 0, d_pop);
static RT_BUILTIN(d_popleft_obj, popleft, 1, 1, 0, d_popleft);
static RT_BUILTIN(d_extend_obj, extend, 2, 2, 0, d_extend);
static RT_BUILTIN(d_extendleft_obj, extendleft, 2, 2, 0, d_extendleft);
static RT_BUILTIN(d_clear_obj, clear, 1, 1, 0, d_clear);
static RT_BUILTIN(d_rotate_obj, rotate, 1, 2, 0, d_rotate);
static RT_BUILTIN(d_count_obj, count, 2, 2, 0, d_count);
static RT_BUILTIN(d_index_obj, index, 2, 2, 0, d_index);
static RT_BUILTIN(d_remove_obj, remove, 2, 2, 0, d_remove);
static RT_BUILTIN(d_reverse_obj, reverse, 1, 1, 0, d_reverse);
static const rt_method_t deque_methods[] = {
    {RT_Q_append, &d_append_obj},
    {RT_Q_appendleft, &d_appendleft_obj},
    {RT_Q_pop, &d_pop_obj},
    {RT_Q_popleft, &d_popleft_obj},
    {RT_Q_extend, &d_extend_obj},
    {RT_Q_extendleft, &d_extendleft_obj},
    {RT_Q_clear, &d_clear_obj},
    {RT_Q_rotate, &d_rotate_obj},
    {RT_Q_count, &d_count_obj},
    {RT_Q_index, &d_index_obj},
    {RT_Q_remove, &d_remove_obj},
    {RT_Q_reverse, &d_reverse_obj},
    {0, NULL},
};

const rt_type_t rt_deque_type = {
    .type = &rt_type_type,
    .name = RT_Q_deque,
    .base = &rt_object_type,
    .methods = deque_methods,
    .print = deque_print,
    .make_new = deque_make_new,
    .unary = deque_unary,
    .binary = deque_binary,
    .attr = deque_attr,
    .subscr = deque_subscr,
    .getiter = deque_getiter,
};

// ---- OrderedDict and defaultdict ----

// Both are dicts: an rt_dict_t comes first, so every dict function (and
// dict's methods, found through the base type) works on them. defaultdict
// adds its factory.
typedef struct {
  rt_dict_t dict;
  rt_val_t factory; // None or a callable
} defaultdict_t;

extern const rt_type_t rt_ordereddict_type, rt_defaultdict_type;

static bool dict_like(rt_val_t v) {
  return rt_is_obj(v, &rt_dict_type) || rt_is_obj(v, &rt_ordereddict_type) ||
         rt_is_obj(v, &rt_defaultdict_type);
}

// Fills [d] from a positional mapping/iterable and keyword arguments.
static void dict_fill(rt_dict_t *d, size_t n, const rt_val_t *args, const rt_kw_t *kw, const char *what) {
  if (n > 1) rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s expected at most 1 argument, got %z"), what, n);
  if (n) rt_dict_update(d, args[0]);
  for (size_t i = 0; kw && i < kw->n; i++)
    rt_dict_set(d, kw->names[i], kw->values[i]);
}

static rt_val_t od_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  rt_dict_t *d = rt_gc_alloc(sizeof *d, 0);
  d->type = &rt_ordereddict_type;
  rt_dict_init(d);
  dict_fill(d, n, args, kw, "OrderedDict");
  return rt_val(d);
}

static void od_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_dict_t *d = (rt_dict_t *)self;
  if (!d->used) {
    rt_print_cstr(p, "OrderedDict()");
    return;
  }
  if (!rt_tuple_print_enter(p, self, "...")) return;
  rt_print_cstr(p, "OrderedDict([");
  size_t pos = 0;
  rt_dict_entry_t *e;
  bool first = true;
  while ((e = rt_dict_next(d, &pos))) {
    rt_print_format(p, "%s(%r, %r)", first ? "" : ", ", e->key, e->value);
    first = false;
  }
  rt_print_cstr(p, "])");
  rt_tuple_print_leave();
}

// == between dict-likes: two OrderedDicts also compare their order.
static rt_val_t od_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if ((op == RT_BINARY_EQ || op == RT_BINARY_NE) && dict_like(b)) {
    rt_dict_t *x = (rt_dict_t *)a, *y = (rt_dict_t *)b;
    bool eq = x->used == y->used;
    bool ordered = rt_is_obj(a, &rt_ordereddict_type) && rt_is_obj(b, &rt_ordereddict_type);
    size_t px = 0, py = 0;
    rt_dict_entry_t *e, *f;
    while (eq && (e = rt_dict_next(x, &px))) {
      if (ordered) {
        f = rt_dict_next(y, &py);
        eq = f && rt_obj_eq(e->key, f->key) && rt_obj_eq(e->value, f->value);
      } else {
        rt_val_t v = rt_dict_get(y, e->key);
        eq = v && rt_obj_eq(e->value, v);
      }
    }
    return rt_bool(op == RT_BINARY_EQ ? eq : !eq);
  }
  return rt_dict_type.binary(op, a, b);
}

static rt_val_t od_unary(rt_unary_op_t op, rt_val_t self) {
  return rt_dict_type.unary(op, self);
}
static rt_val_t od_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  return rt_dict_type.subscr(self, index, value);
}
static rt_val_t od_getiter(rt_val_t self) {
  return rt_dict_type.getiter(self);
}

static rt_val_t od_move_to_end(ARGS) {
  rt_dict_t *d = (rt_dict_t *)args[0];
  rt_val_t key = args[1];
  rt_val_t last = n > 2 ? args[2] : kw ? rt_kw_get(kw, RT_QV(last)) : RT_NULL;
  rt_val_t v = rt_dict_pop(d, key);
  if (!v) rt_raise(rt_exc_new1(&rt_exc_KeyError, key));
  if (!last || rt_obj_truthy(last)) {
    rt_dict_set(d, key, v);
    return RT_NONE;
  }
  // To the front: rebuild with the key first.
  rt_dict_t *rest = rt_dict_copy(d);
  rt_dict_clear(d);
  rt_dict_set(d, key, v);
  size_t pos = 0;
  rt_dict_entry_t *e;
  while ((e = rt_dict_next(rest, &pos)))
    rt_dict_set(d, e->key, e->value);
  return RT_NONE;
}

static rt_val_t od_popitem(ARGS) {
  rt_dict_t *d = (rt_dict_t *)args[0];
  rt_val_t last = n > 1 ? args[1] : kw ? rt_kw_get(kw, RT_QV(last)) : RT_NULL;
  if (!d->used) rt_raise(rt_exc_new1(&rt_exc_KeyError, rt_str_new_cstr("dictionary is empty")));
  bool from_end = !last || rt_obj_truthy(last);
  size_t pos = 0;
  rt_dict_entry_t *e, *pick = NULL;
  while ((e = rt_dict_next(d, &pos))) {
    pick = e;
    if (!from_end) break;
  }
  rt_val_t pair[2] = {pick->key, pick->value};
  rt_dict_pop(d, pair[0]);
  return rt_tuple_new(2, pair);
}

static RT_BUILTIN(od_move_to_end_obj, move_to_end, 2, 3, RT_BF_KW, od_move_to_end);
static RT_BUILTIN(od_popitem_obj, popitem, 1, 2, RT_BF_KW, od_popitem);
static const rt_method_t od_methods[] = {
    {RT_Q_move_to_end, &od_move_to_end_obj},
    {RT_Q_popitem, &od_popitem_obj},
    {0, NULL},
};

const rt_type_t rt_ordereddict_type = {
    .type = &rt_type_type,
    .name = RT_Q_OrderedDict,
    .base = &rt_dict_type,
    .methods = od_methods,
    .print = od_print,
    .make_new = od_make_new,
    .unary = od_unary,
    .binary = od_binary,
    .subscr = od_subscr,
    .getiter = od_getiter,
};

static rt_val_t dd_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  defaultdict_t *d = rt_gc_alloc(sizeof *d, 0);
  d->dict.type = &rt_defaultdict_type;
  rt_dict_init(&d->dict);
  d->factory = RT_NONE;
  if (n) {
    rt_val_t m[2];
    if (args[0] != RT_NONE && !rt_is_type(args[0]) &&
        !rt_obj_load_method_maybe(args[0], RT_QV(__call__), m) && !rt_typeof(args[0])->call)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("first argument must be callable or None"));
    d->factory = args[0];
    args++;
    n--;
  }
  dict_fill(&d->dict, n, args, kw, "defaultdict");
  return rt_val(d);
}

static void dd_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_format(p, "defaultdict(%r, ", ((defaultdict_t *)self)->factory);
  rt_dict_type.print(p, self, true);
  rt_print_cstr(p, ")");
}

// d[key] for a missing key calls the factory and keeps what it returns.
static rt_val_t dd_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  if (value != RT_NULL) return rt_dict_type.subscr(self, index, value);
  defaultdict_t *d = (defaultdict_t *)self;
  rt_val_t v = rt_dict_get(&d->dict, index);
  if (v) return v;
  if (d->factory == RT_NONE) rt_raise(rt_exc_new1(&rt_exc_KeyError, index));
  v = rt_obj_call0(d->factory);
  rt_dict_set(&d->dict, index, v);
  return v;
}

static rt_val_t dd_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (name != RT_QV(default_factory) || store == RT_DELETE) return RT_NULL;
  if (store == RT_NULL) return ((defaultdict_t *)self)->factory;
  ((defaultdict_t *)self)->factory = store;
  return RT_NONE;
}

const rt_type_t rt_defaultdict_type = {
    .type = &rt_type_type,
    .name = RT_Q_defaultdict,
    .base = &rt_dict_type,
    .print = dd_print,
    .make_new = dd_make_new,
    .unary = od_unary,
    .binary = od_binary,
    .attr = dd_attr,
    .subscr = dd_subscr,
    .getiter = od_getiter,
};

static RT_BUILTIN(namedtuple_obj, namedtuple, 2, 2, RT_BF_KW, f_namedtuple);

void rt_collections_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(namedtuple), rt_val(&namedtuple_obj));
  rt_dict_set(g, RT_QV(deque), rt_val(&rt_deque_type));
  rt_dict_set(g, RT_QV(OrderedDict), rt_val(&rt_ordereddict_type));
  rt_dict_set(g, RT_QV(defaultdict), rt_val(&rt_defaultdict_type));
}

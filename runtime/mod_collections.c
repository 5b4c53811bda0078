// SPDX-License-Identifier: MIT
// mod_collections.c: namedtuple (a heap-made type whose instances are
// tuples), deque (a list with cheap appends at the right; left operations
// move items) and OrderedDict (dict, which keeps insertion order anyway).
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

typedef struct {
  rt_type_t t;
  rt_val_t fields; // tuple of qstrs
} nt_type_t;

__attribute__((noinline)) static rt_val_t nt_fields(rt_val_t self) {
  return ((const nt_type_t *)rt_typeof(self))->fields;
}

static void nt_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_val_t f = nt_fields(self);
  rt_print_format(p, "%q(", rt_qstr_val(rt_typeof(self)->name));
  for (size_t i = 0; i < rt_tuple_len(f); i++) {
    if (i) rt_print_str(p, ", ", 2);
    rt_print_format(p, "%q=%r", rt_tuple_items(f)[i], rt_tuple_items(self)[i]);
  }
  rt_print_str(p, ")", 1);
}

static rt_val_t nt_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_val_t f = ((const nt_type_t *)t)->fields;
  size_t nf = rt_tuple_len(f);
  if (n > nf)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q() takes %z positional arguments but %z were given"),
                 rt_qstr_val(t->name), nf, n);
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
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q() got an unexpected keyword argument '%q'"),
                     rt_qstr_val(t->name), kw->names[k]);
      items[i] = kw->values[k];
    }
  for (size_t i = 0; i < nf; i++)
    if (!items[i])
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q() missing required argument: '%q'"), rt_qstr_val(t->name),
                   rt_tuple_items(f)[i]);
  ((rt_tuple_t *)tup)->type = t;
  return tup;
}

static rt_val_t nt_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store) return RT_NULL;
  rt_val_t f = nt_fields(self);
  for (size_t i = 0; i < rt_tuple_len(f); i++)
    if (rt_tuple_items(f)[i] == name) return rt_tuple_items(self)[i];
  if (name == rt_qstr_from_cstr("_fields")) return f;
  return RT_NULL;
}

static rt_val_t m_asdict(ARGS) {
  (void)n, (void)kw;
  rt_val_t f = nt_fields(args[0]);
  rt_dict_t *d = rt_dict_new(rt_tuple_len(f));
  for (size_t i = 0; i < rt_tuple_len(f); i++)
    rt_dict_set(d, rt_tuple_items(f)[i], rt_tuple_items(args[0])[i]);
  return rt_val(d);
}

static rt_val_t m_replace(ARGS) {
  (void)n;
  rt_val_t self = args[0], f = nt_fields(self);
  rt_val_t r = rt_tuple_new(rt_tuple_len(f), rt_tuple_items(self));
  ((rt_tuple_t *)r)->type = rt_typeof(self);
  for (size_t k = 0; kw && k < kw->n; k++)
    for (size_t i = 0; i < rt_tuple_len(f); i++)
      if (rt_tuple_items(f)[i] == kw->names[k]) rt_tuple_items(r)[i] = kw->values[k];
  return r;
}

static RT_BUILTIN(asdict_obj, _asdict, 1, 1, 0, m_asdict);
static RT_BUILTIN(replace_obj, _replace, 1, 1, RT_BF_KW, m_replace);
static const rt_method_t nt_methods[] = {
    {RT_Q__asdict, &asdict_obj}, {RT_Q__replace, &replace_obj}, {0, NULL}};

static rt_val_t f_namedtuple(ARGS) {
  (void)n, (void)kw;
  rt_str_check(args[0], "namedtuple() argument 1");
  rt_val_t spec = args[1];
  if (rt_is_str(spec)) {
    // "x y" or "x, y"
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
    spec = rt_obj_call_method(m, 0, NULL);
  }
  rt_val_t names = rt_list_from_iter(spec);
  rt_val_t *items;
  size_t nf = rt_obj_get_items(names, &items);
  rt_val_t fields = rt_tuple_new(nf, NULL);
  for (size_t i = 0; i < nf; i++) {
    rt_str_check(items[i], "field name");
    size_t len;
    const char *s = rt_str_data(items[i], &len);
    rt_tuple_items(fields)[i] = rt_qstr_from(s, len);
  }
  nt_type_t *t = rt_gc_alloc(sizeof *t, 0);
  t->t = rt_tuple_type;
  size_t len;
  const char *s = rt_str_data(args[0], &len);
  t->t.name = (unsigned short)rt_qstr_index(rt_qstr_from(s, len));
  t->t.flags = 0;
  t->t.base = &rt_tuple_type;
  t->t.methods = nt_methods;
  t->t.print = nt_print;
  t->t.make_new = nt_make_new;
  t->t.attr = nt_attr;
  t->fields = fields;
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

static RT_BUILTIN(d_append_obj, append, 2, 2, 0, d_append);
static RT_BUILTIN(d_appendleft_obj, appendleft, 2, 2, 0, d_appendleft);
static RT_BUILTIN(d_pop_obj, pop, 1, 1, 0, d_pop);
static RT_BUILTIN(d_popleft_obj, popleft, 1, 1, 0, d_popleft);
static RT_BUILTIN(d_extend_obj, extend, 2, 2, 0, d_extend);
static RT_BUILTIN(d_clear_obj, clear, 1, 1, 0, d_clear);
static const rt_method_t deque_methods[] = {
    {RT_Q_append, &d_append_obj},
    {RT_Q_appendleft, &d_appendleft_obj},
    {RT_Q_pop, &d_pop_obj},
    {RT_Q_popleft, &d_popleft_obj},
    {RT_Q_extend, &d_extend_obj},
    {RT_Q_clear, &d_clear_obj},
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
    .subscr = deque_subscr,
    .getiter = deque_getiter,
};

static RT_BUILTIN(namedtuple_obj, namedtuple, 2, 2, RT_BF_KW, f_namedtuple);

void rt_collections_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(namedtuple), rt_val(&namedtuple_obj));
  rt_dict_set(g, RT_QV(deque), rt_val(&rt_deque_type));
  rt_dict_set(g, RT_QV(OrderedDict), rt_val(&rt_dict_type));
}

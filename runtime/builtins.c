// SPDX-License-Identifier: MIT
// builtins.c: builtin functions and the builtins namespace.
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "runtime.h"
#include "compile.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "format.h"
#include "gc.h"
#include "hal.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_file.h"
#include "obj_float.h"
#include "obj_gen.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_memoryview.h"
#include "obj_module.h"
#include "obj_range.h"
#include "obj_set.h"
#include "obj_slice.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "obj_type.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"
#include "vm.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw
#define UNUSED (void)n, (void)args, (void)kw

// ---- output ----

static rt_val_t b_print(ARGS) {
  rt_val_t sep = rt_kw_get(kw, RT_QV(sep)), end = rt_kw_get(kw, RT_QV(end)),
           file = rt_kw_get(kw, RT_QV(file));
  static const unsigned short allowed[] = {RT_Q_sep, RT_Q_end, RT_Q_file, RT_Q_flush};
  rt_kw_check(kw, allowed, 4, "print");
  if (sep && sep != RT_NONE && !rt_is_str(sep))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("sep must be None or a string, not %t"), sep);
  if (end && end != RT_NONE && !rt_is_str(end))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("end must be None or a string, not %t"), end);
  size_t sl = 1, el = 1;
  const char *sd = " ", *ed = "\n";
  if (sep && sep != RT_NONE) sd = rt_str_data(sep, &sl);
  if (end && end != RT_NONE) ed = rt_str_data(end, &el);
  if (file && file != RT_NONE) {
    // Build the whole line, then hand it to file.write.
    rt_vstr_t v;
    rt_printer_t p;
    rt_print_buffer(&p, &v);
    for (size_t i = 0; i < n; i++) {
      if (i) rt_print_str(&p, sd, sl);
      rt_obj_print(&p, args[i], false);
    }
    rt_print_str(&p, ed, el);
    rt_val_t m[2];
    rt_obj_load_method(file, RT_QV(write), m);
    rt_val_t s = rt_print_buffer_str(&p);
    rt_obj_call_method(m, 1, &s);
    return RT_NONE;
  }
  for (size_t i = 0; i < n; i++) {
    if (i) rt_print_str(&rt_print_console, sd, sl);
    rt_obj_print(&rt_print_console, args[i], false);
  }
  rt_print_str(&rt_print_console, ed, el);
  return RT_NONE;
}

static rt_val_t b_input(ARGS) {
  (void)kw;
  if (n) rt_obj_print(&rt_print_console, args[0], false);
  rt_vstr_t v;
  rt_vstr_init(&v, 32);
  for (;;) {
    int c = hal_console_read();
    if (c < 0) {
      if (v.len == 0) rt_raise(rt_exc_new(&rt_exc_EOFError, 0, NULL));
      break;
    }
    if (c == '\r' || c == '\n') break;
    if (c == 3) rt_raise(rt_exc_new(&rt_exc_KeyboardInterrupt, 0, NULL));
    if ((c == 8 || c == 127) && v.len) {
      v.len--;
      rt_print_raw("\b \b", 3);
      continue;
    }
    char ch = (char)c;
    rt_vstr_addc(&v, ch);
    rt_print_raw(&ch, 1);
  }
  rt_print_raw("\r\n", 2);
  rt_val_t r = rt_str_new(v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

// ---- object introspection ----

static rt_val_t b_len(ARGS) {
  UNUSED;
  // The length as the type gives it: a range longer than the machine word
  // has a big-int length on the 32-bit chip as on the host.
  return rt_obj_unary(RT_UNARY_LEN, args[0]);
}

static rt_val_t b_repr(ARGS) {
  UNUSED;
  return rt_obj_repr(args[0]);
}

static rt_val_t b_format(ARGS) {
  (void)kw;
  rt_val_t spec = n > 1 ? args[1] : RT_QV(_empty);
  rt_str_check(spec, "format() argument 2");
  return rt_format_value(args[0], spec);
}

// repr() with every non-ASCII character escaped (\xNN, \uNNNN, \UNNNNNNNN).
static rt_val_t b_ascii(ARGS) {
  (void)n, (void)kw;
  rt_val_t r = rt_obj_repr(args[0]);
  size_t len;
  const unsigned char *s = (const unsigned char *)rt_str_data(r, &len);
  rt_vstr_t v;
  rt_vstr_init(&v, len);
  for (size_t i = 0; i < len; i++) {
    s = (const unsigned char *)rt_str_data(r, NULL);
    unsigned c = s[i];
    if (c < 0x80) {
      rt_vstr_addc(&v, (char)c);
      continue;
    }
    size_t k = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
    uint32_t cp = c & (0x3f >> k);
    for (size_t j = 0; j < k && i + 1 < len; j++)
      cp = (cp << 6) | (s[++i] & 0x3f);
    char buf[12];
    static const char hex[] = "0123456789abcdef";
    size_t digits = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
    buf[0] = '\\';
    buf[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (size_t d = 0; d < digits; d++)
      buf[2 + d] = hex[(cp >> (4 * (digits - 1 - d))) & 15];
    rt_vstr_add(&v, buf, 2 + digits);
  }
  rt_val_t out = rt_str_new(v.buf, v.len);
  rt_vstr_free(&v);
  return out;
}

static rt_val_t b_abs(ARGS) {
  UNUSED;
  return rt_obj_unary(RT_UNARY_ABS, args[0]);
}

static rt_val_t b_hash(ARGS) {
  UNUSED;
  return rt_int_from(rt_obj_hash(args[0]));
}

static rt_val_t b_id(ARGS) {
  UNUSED;
  return rt_int_from((intptr_t)(args[0] >> 1));
}

static rt_val_t b_callable(ARGS) {
  UNUSED;
  const rt_type_t *t = rt_typeof(args[0]);
  if (t->flags & RT_TYPE_USER) return rt_bool(rt_type_lookup(t, RT_QV(__call__)) != RT_NULL);
  return rt_bool(t->call != NULL || t == &rt_builtin_type);
}

static bool isinstance_of(rt_val_t v, rt_val_t cls, bool sub) {
  rt_val_t members = rt_type_union_args(cls); // int | str checks as (int, str)
  if (members) cls = members;
  if (rt_is_obj(cls, &rt_tuple_type)) {
    for (size_t i = 0; i < rt_tuple_len(cls); i++)
      if (isinstance_of(v, rt_tuple_items(cls)[i], sub)) return true;
    return false;
  }
  if (!rt_is_type(cls))
    rt_raise_msg(&rt_exc_TypeError,
                 sub ? RT_MSG("issubclass() arg 2 must be a class, a tuple of classes, or a union")
                     : RT_MSG("isinstance() arg 2 must be a type, a tuple of types, or a union"));
  const rt_type_t *c = (const rt_type_t *)cls;
  // A metaclass may decide: __instancecheck__ / __subclasscheck__.
  rt_val_t meta = rt_type_metaclass(c);
  if (meta) {
    rt_val_t hook =
        rt_type_lookup((const rt_type_t *)meta, sub ? RT_QV(__subclasscheck__) : RT_QV(__instancecheck__));
    if (hook) return rt_obj_truthy(rt_obj_call(hook, 2, (rt_val_t[]){cls, v}, NULL));
  }
  if (sub) return rt_obj_subtype((const rt_type_t *)v, c);
  if (rt_obj_isinstance(v, c)) return true;
  // A class made by a metaclass is an instance of it (and of its bases).
  meta = rt_is_type(v) ? rt_type_metaclass((const rt_type_t *)v) : RT_NULL;
  return meta && rt_obj_subtype((const rt_type_t *)meta, c);
}

static rt_val_t b_isinstance(ARGS) {
  UNUSED;
  return rt_bool(isinstance_of(args[0], args[1], false));
}

static rt_val_t b_issubclass(ARGS) {
  UNUSED;
  if (!rt_is_type(args[0])) rt_raise_msg(&rt_exc_TypeError, RT_MSG("issubclass() arg 1 must be a class"));
  return rt_bool(isinstance_of(args[0], args[1], true));
}

static rt_val_t attr_name(rt_val_t v) {
  if (!rt_is_str(v)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("attribute name must be string, not '%t'"), v);
  if (rt_is_qstr(v)) return v;
  size_t len;
  const char *s = rt_str_data(v, &len);
  return rt_qstr_from(s, len);
}

static rt_val_t b_getattr(ARGS) {
  (void)kw;
  rt_val_t name = attr_name(args[1]);
  if (n > 2) {
    rt_val_t v;
    if (rt_nlr_try(rt_obj_getattr_maybe, args[0], name, &v)) return v ? v : args[2];
    if (rt_obj_isinstance(v, &rt_exc_AttributeError)) return args[2];
    rt_raise(v);
  }
  return rt_obj_getattr(args[0], name);
}

static rt_val_t b_setattr(ARGS) {
  UNUSED;
  rt_obj_setattr(args[0], attr_name(args[1]), args[2]);
  return RT_NONE;
}

static rt_val_t b_delattr(ARGS) {
  UNUSED;
  rt_obj_delattr(args[0], attr_name(args[1]));
  return RT_NONE;
}

static rt_val_t b_hasattr(ARGS) {
  UNUSED;
  rt_val_t name = attr_name(args[1]), v;
  if (rt_nlr_try(rt_obj_getattr_maybe, args[0], name, &v)) return rt_bool(v != RT_NULL);
  if (rt_obj_isinstance(v, &rt_exc_AttributeError)) return RT_FALSE;
  rt_raise(v);
}

static void add_names(rt_val_t set, rt_dict_t *d) {
  size_t pos = 0;
  rt_dict_entry_t *e;
  while ((e = rt_dict_next(d, &pos)))
    rt_set_add(set, e->key);
}

static void add_type_names(rt_val_t set, const rt_type_t *t) {
  for (; t; t = t->base) {
    if (t->flags & RT_TYPE_USER) {
      rt_val_t mro = ((rt_class_t *)(uintptr_t)t)->mro;
      for (size_t i = 0; i < rt_tuple_len(mro); i++) {
        const rt_type_t *c = (const rt_type_t *)rt_tuple_items(mro)[i];
        if (c->flags & RT_TYPE_USER)
          add_names(set, ((rt_class_t *)(uintptr_t)c)->dict);
        else
          add_type_names(set, c);
      }
      return;
    }
    if (t->methods)
      for (const rt_method_t *m = t->methods; m->name; m++)
        rt_set_add(set, rt_qstr_val(m->name));
  }
}

static rt_val_t b_dir(ARGS) {
  (void)kw;
  rt_val_t set = rt_set_new(0, NULL);
  if (n == 0) {
    add_names(set, rt_vm_globals());
  } else {
    rt_val_t v = args[0];
    if (rt_is_obj(v, &rt_module_type)) {
      add_names(set, rt_module_dict(v));
    } else {
      rt_dict_t *d = rt_type_instance_dict(v, false);
      if (d) add_names(set, d);
      add_type_names(set, rt_is_type(v) ? (const rt_type_t *)v : rt_typeof(v));
    }
  }
  rt_val_t l = rt_list_from_iter(set);
  rt_list_sort(l, RT_NULL, false);
  return l;
}

static rt_val_t b_globals(ARGS) {
  UNUSED;
  return rt_val(rt_vm_globals());
}

static rt_val_t b_locals(ARGS) {
  UNUSED;
  rt_frame_t *f = rt_state->frame;
  if (!f || (f->code->flags & RT_CODE_MODULE)) return rt_val(rt_vm_globals());
  if (f->locals) return rt_val(f->locals);
  rt_dict_t *d = rt_dict_new(f->code->n_locals);
  for (size_t i = 0; i < f->code->n_locals; i++) {
    rt_val_t v = f->slots[i];
    if (v && rt_is_obj(v, &rt_cell_type)) v = ((rt_cell_t *)v)->value;
    if (v) rt_dict_set(d, f->code->local_names[i], v);
  }
  return rt_val(d);
}

static rt_val_t b_vars(ARGS) {
  (void)kw;
  if (n == 0) return b_locals(0, NULL, NULL);
  return rt_obj_getattr(args[0], RT_QV(__dict__));
}

// ---- iteration helpers ----

static rt_val_t b_iter(ARGS);
static rt_val_t b_next(ARGS) {
  (void)kw;
  if (rt_is_obj(args[0], &rt_gen_type)) {
    // Generators: the return value travels in StopIteration.
    rt_val_t ret = RT_NONE, v = rt_gen_send(args[0], RT_NONE, &ret);
    if (v) return v;
    if (n > 1) return args[1];
    rt_raise(rt_exc_new(&rt_exc_StopIteration, ret == RT_NONE ? 0 : 1, &ret));
  }
  rt_val_t v = rt_obj_iternext(args[0]);
  if (v) return v;
  if (n > 1) return args[1];
  rt_raise(rt_exc_new(&rt_exc_StopIteration, 0, NULL));
}

// enumerate, zip, map, filter, reversed and iter(callable, sentinel) share
// one iterator record; [kind] selects the behaviour.
enum { IT_ENUMERATE, IT_ZIP, IT_MAP, IT_FILTER, IT_REVERSED, IT_CALLABLE };

typedef struct {
  const rt_type_t *type;
  int kind;
  rt_val_t func;  // map/filter function, callable, or the reversed sequence
  rt_val_t iters; // tuple of iterators
  intptr_t count; // enumerate counter / reversed index
  rt_val_t extra; // iter(callable, sentinel): the sentinel
} iter_t;

// zip(strict=True): iterator [i] of [k] ended; all must end together.
static void zip_check_ends(rt_val_t *its, size_t k, size_t i) {
  size_t longer = 0;
  if (i == 0)
    for (size_t j = 1; j < k && !longer; j++)
      if (rt_obj_iternext(its[j])) longer = j;
  if (i == 0 && !longer) return;
  size_t arg = i ? i : longer;
  char others[24];
  snprintf(others, sizeof others, arg == 1 ? "argument 1" : "arguments 1-%u", (unsigned)arg);
  rt_raise_msg(&rt_exc_ValueError, RT_MSG("zip() argument %z is %s than %s"), arg + 1,
               i ? "shorter" : "longer", others);
}

static rt_val_t iter_next(rt_val_t self) {
  iter_t *it = (iter_t *)self;
  rt_val_t *its = it->iters ? rt_tuple_items(it->iters) : NULL;
  switch (it->kind) {
  case IT_ENUMERATE: {
    rt_val_t v = rt_obj_iternext(its[0]);
    if (!v) return RT_NULL;
    rt_val_t pair[2] = {rt_int_from(it->count++), v};
    return rt_tuple_new(2, pair);
  }
  case IT_ZIP: {
    size_t k = rt_tuple_len(it->iters);
    if (k == 0) return RT_NULL;
    rt_val_t t = rt_tuple_new(k, NULL);
    for (size_t i = 0; i < k; i++) {
      rt_val_t v = rt_obj_iternext(its[i]);
      if (!v) {
        if (it->extra == RT_TRUE) zip_check_ends(its, k, i);
        return RT_NULL;
      }
      rt_tuple_items(t)[i] = v;
    }
    return t;
  }
  case IT_MAP: {
    size_t k = rt_tuple_len(it->iters);
    rt_val_t buf[4], *a = k <= 4 ? buf : rt_gc_alloc(k * sizeof(rt_val_t), 0);
    for (size_t i = 0; i < k; i++) {
      a[i] = rt_obj_iternext(its[i]);
      if (!a[i]) return RT_NULL;
    }
    return rt_obj_call(it->func, k, a, NULL);
  }
  case IT_FILTER:
    for (;;) {
      rt_val_t v = rt_obj_iternext(its[0]);
      if (!v) return RT_NULL;
      bool keep = it->func == RT_NONE ? rt_obj_truthy(v) : rt_obj_truthy(rt_obj_call1(it->func, v));
      if (keep) return v;
    }
  case IT_REVERSED:
    if (it->count <= 0) return RT_NULL;
    return rt_obj_subscr(it->func, rt_small(--it->count));
  default: {
    rt_val_t v = rt_obj_call0(it->func);
    return rt_obj_eq(v, it->extra) ? RT_NULL : v;
  }
  }
}

static void iter_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_format(p, "<%t object at %p>", self, (void *)self);
}

static const rt_type_t iter_types[] = {
#define IT_TYPE(q)                                                                                           \
  {                                                                                                          \
    .type = &rt_type_type, .name = RT_Q_##q, .flags = RT_TYPE_ITER_SELF, .base = &rt_object_type,            \
    .print = iter_print, .iternext = iter_next                                                               \
  }
    IT_TYPE(enumerate), IT_TYPE(zip),      IT_TYPE(map),
    IT_TYPE(filter),    IT_TYPE(reversed), IT_TYPE(callable_iterator),
#undef IT_TYPE
};

static rt_val_t iter_new(int kind, rt_val_t func, size_t n, const rt_val_t *iterables) {
  iter_t *it = rt_gc_alloc(sizeof *it, 0);
  it->type = &iter_types[kind];
  it->kind = kind;
  it->func = func;
  rt_val_t t = rt_tuple_new(n, NULL);
  for (size_t i = 0; i < n; i++)
    rt_tuple_items(t)[i] = rt_obj_getiter(iterables[i]);
  it->iters = t;
  return rt_val(it);
}

static rt_val_t enumerate_make(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  rt_val_t start = n > 1 ? args[1] : rt_kw_get(kw, RT_QV(start));
  if (n < 1) rt_raise_msg(&rt_exc_TypeError, RT_MSG("enumerate() missing required argument 'iterable'"));
  rt_val_t r = iter_new(IT_ENUMERATE, RT_NULL, 1, args);
  ((iter_t *)r)->count = start ? rt_obj_get_int(start) : 0;
  return r;
}

static rt_val_t zip_make(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  rt_val_t it = iter_new(IT_ZIP, RT_NULL, n, args);
  rt_val_t strict = rt_kw_get(kw, RT_QV(strict));
  ((iter_t *)it)->extra = strict && rt_obj_truthy(strict) ? RT_TRUE : RT_NULL;
  return it;
}

static rt_val_t map_make(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t, (void)kw;
  if (n < 2) rt_raise_msg(&rt_exc_TypeError, RT_MSG("map() must have at least two arguments."));
  return iter_new(IT_MAP, args[0], n - 1, args + 1);
}

static rt_val_t filter_make(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t, (void)kw;
  if (n != 2) rt_raise_msg(&rt_exc_TypeError, RT_MSG("filter expected 2 arguments, got %z"), n);
  return iter_new(IT_FILTER, args[0], 1, args + 1);
}

static rt_val_t reversed_make(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t, (void)kw;
  if (n != 1) rt_raise_msg(&rt_exc_TypeError, RT_MSG("reversed expected 1 argument, got %z"), n);
  rt_val_t m[2];
  if (rt_obj_load_method_maybe(args[0], RT_QV(__reversed__), m) && rt_typeof(m[0]) == &rt_func_type)
    return rt_obj_call_method(m, 0, NULL);
  // A range reverses into a range iterator, whatever its bounds.
  if (rt_is_obj(args[0], &rt_range_type))
    return rt_obj_getiter(rt_obj_subscr(args[0], rt_slice_new(RT_NONE, RT_NONE, rt_small(-1))));
  if (rt_is_obj(args[0], &rt_dict_type)) {
    rt_val_t l = rt_list_from_iter(args[0]);
    rt_list_reverse(l);
    return rt_obj_getiter(l);
  }
  // Sequences only: they have a length and take integer indices.
  const rt_type_t *t0 = rt_typeof(args[0]);
  bool seq = (t0->flags & RT_TYPE_USER)
                 ? rt_type_lookup(t0, RT_QV(__getitem__)) && rt_type_lookup(t0, RT_QV(__len__))
                 : t0->subscr && t0->unary && !rt_obj_subtype(t0, &rt_set_type) &&
                       !rt_obj_subtype(t0, &rt_frozenset_type) && !(t0->flags & RT_TYPE_ITER_SELF);
  if (!seq) rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object is not reversible"), args[0]);
  iter_t *it = rt_gc_alloc(sizeof *it, 0);
  it->type = &iter_types[IT_REVERSED];
  it->kind = IT_REVERSED;
  it->func = args[0];
  it->count = (intptr_t)rt_obj_len(args[0]);
  return rt_val(it);
}

static rt_val_t b_iter(ARGS) {
  (void)kw;
  if (n == 2) {
    if (b_callable(1, args, NULL) != RT_TRUE)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("iter(v, w): v must be callable"));
    iter_t *it = rt_gc_alloc(sizeof *it, 0);
    it->type = &iter_types[IT_CALLABLE];
    it->kind = IT_CALLABLE;
    it->func = args[0];
    it->extra = args[1];
    return rt_val(it);
  }
  rt_val_t r = rt_obj_getiter(args[0]);
  const rt_type_t *t = rt_typeof(r);
  if ((t->flags & RT_TYPE_USER) ? !rt_type_lookup(t, RT_QV(__next__)) : !t->iternext)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("iter() returned non-iterator of type '%t'"), r);
  return r;
}

#define ITER_TYPE(ident, q, maker)                                                                           \
  static const rt_type_t ident = {                                                                           \
      .type = &rt_type_type, .name = RT_Q_##q, .base = &rt_object_type, .make_new = maker}
ITER_TYPE(enumerate_type, enumerate, enumerate_make);
ITER_TYPE(zip_type, zip, zip_make);
ITER_TYPE(map_type, map, map_make);
ITER_TYPE(filter_type, filter, filter_make);
ITER_TYPE(reversed_type, reversed, reversed_make);

static rt_val_t b_any(ARGS) {
  UNUSED;
  rt_val_t it = rt_obj_getiter(args[0]), v;
  while ((v = rt_obj_iternext(it)) != RT_NULL)
    if (rt_obj_truthy(v)) return RT_TRUE;
  return RT_FALSE;
}

static rt_val_t b_all(ARGS) {
  UNUSED;
  rt_val_t it = rt_obj_getiter(args[0]), v;
  while ((v = rt_obj_iternext(it)) != RT_NULL)
    if (!rt_obj_truthy(v)) return RT_FALSE;
  return RT_TRUE;
}

static rt_val_t b_sum(ARGS) {
  (void)kw;
  rt_val_t acc = n > 1 ? args[1] : rt_kw_get(kw, RT_QV(start));
  if (!acc) acc = rt_small(0);
  if (rt_is_str(acc))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("sum() can't sum strings [use ''.join(seq) instead]"));
  rt_val_t it = rt_obj_getiter(args[0]), v;
  while ((v = rt_obj_iternext(it)) != RT_NULL)
    acc = rt_obj_binary(RT_BINARY_ADD, acc, v);
  return acc;
}

// min and max: [op] is LT for min, GT for max.
static rt_val_t minmax(size_t n, const rt_val_t *args, const rt_kw_t *kw, rt_binary_op_t op,
                       const char *name) {
  static const unsigned short allowed[] = {RT_Q_key, RT_Q_default};
  rt_kw_check(kw, allowed, 2, name);
  rt_val_t key = rt_kw_get(kw, RT_QV(key)), def = rt_kw_get(kw, RT_QV(default));
  if (key == RT_NONE) key = RT_NULL;
  if (n == 0) rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s expected at least 1 argument, got 0"), name);
  if (n > 1 && def)
    rt_raise_msg(&rt_exc_TypeError,
                 RT_MSG("Cannot specify a default for %s() with multiple positional arguments"), name);
  rt_val_t it = n == 1 ? rt_obj_getiter(args[0]) : rt_obj_getiter(rt_tuple_new(n, args));
  rt_val_t best = RT_NULL, best_key = RT_NULL, v;
  while ((v = rt_obj_iternext(it)) != RT_NULL) {
    rt_val_t k = key ? rt_obj_call1(key, v) : v;
    if (!best || rt_obj_truthy(rt_obj_compare(op, k, best_key))) {
      best = v;
      best_key = k;
    }
  }
  if (!best) {
    if (def) return def;
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("%s() arg is an empty sequence"), name);
  }
  return best;
}

static rt_val_t b_min(ARGS) {
  return minmax(n, args, kw, RT_BINARY_LT, "min");
}
static rt_val_t b_max(ARGS) {
  return minmax(n, args, kw, RT_BINARY_GT, "max");
}

static rt_val_t b_sorted(ARGS) {
  (void)n;
  static const unsigned short allowed[] = {RT_Q_key, RT_Q_reverse};
  rt_kw_check(kw, allowed, 2, "sorted");
  rt_val_t l = rt_list_from_iter(args[0]);
  rt_val_t key = rt_kw_get(kw, RT_QV(key)), rev = rt_kw_get(kw, RT_QV(reverse));
  rt_list_sort(l, key == RT_NONE ? RT_NULL : key, rev && rt_obj_truthy(rev));
  return l;
}

// ---- numbers and characters ----

static rt_val_t b_chr(ARGS) {
  UNUSED;
  intptr_t c = rt_obj_get_int(args[0]);
  if (c < 0 || c > 0x10ffff) rt_raise_msg(&rt_exc_ValueError, RT_MSG("chr() arg not in range(0x110000)"));
  char b[4];
  size_t k;
  uint32_t u = (uint32_t)c;
  if (u < 0x80) {
    b[0] = (char)u;
    k = 1;
  } else if (u < 0x800) {
    b[0] = (char)(0xc0 | (u >> 6));
    b[1] = (char)(0x80 | (u & 0x3f));
    k = 2;
  } else if (u < 0x10000) {
    b[0] = (char)(0xe0 | (u >> 12));
    b[1] = (char)(0x80 | ((u >> 6) & 0x3f));
    b[2] = (char)(0x80 | (u & 0x3f));
    k = 3;
  } else {
    b[0] = (char)(0xf0 | (u >> 18));
    b[1] = (char)(0x80 | ((u >> 12) & 0x3f));
    b[2] = (char)(0x80 | ((u >> 6) & 0x3f));
    b[3] = (char)(0x80 | (u & 0x3f));
    k = 4;
  }
  return rt_str_new(b, k);
}

static rt_val_t b_ord(ARGS) {
  UNUSED;
  // bytes share the str layout; a bytearray keeps its own buffer.
  if (rt_is_obj(args[0], &rt_bytes_type) || rt_is_obj(args[0], &rt_bytearray_type)) {
    size_t blen;
    const unsigned char *b;
    if (rt_is_obj(args[0], &rt_bytes_type)) {
      b = (const unsigned char *)rt_str_data(args[0], &blen);
    } else {
      rt_bytearray_t *ba = (rt_bytearray_t *)args[0];
      b = ba->data;
      blen = ba->len;
    }
    if (blen != 1)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("ord() expected a character, but string of length %d found"),
                   (int)blen);
    return rt_small(b[0]);
  }
  if (!rt_is_str(args[0]))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("ord() expected string of length 1, but %t found"), args[0]);
  size_t len;
  const unsigned char *s = (const unsigned char *)rt_str_data(args[0], &len);
  if (len == 1) return rt_small(s[0]);
  // One UTF-8 encoded character.
  if (len >= 2 && len <= 4 && (s[0] & 0xc0) == 0xc0) {
    size_t need = (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3 : 4;
    if (need == len) {
      uint32_t cp = s[0] & (0x7f >> need);
      for (size_t i = 1; i < len; i++)
        cp = (cp << 6) | (s[i] & 0x3f);
      return rt_small((intptr_t)cp);
    }
  }
  rt_raise_msg(&rt_exc_TypeError, RT_MSG("ord() expected a character, but string of length %z found"), len);
}

static rt_val_t int_in_base(rt_val_t v, int base) {
  v = rt_type_unbox(v);
  rt_val_t m[2];
  if (!rt_obj_isinstance(v, &rt_int_type) && !rt_is_obj(v, &rt_float_type) &&
      rt_obj_load_method_maybe(v, RT_QV(__index__), m)) {
    v = rt_obj_call_method(m, 0, NULL);
    if (!rt_obj_isinstance(v, &rt_int_type))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("__index__ returned non-int (type %t)"), v);
  }
  if (!rt_obj_isinstance(v, &rt_int_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object cannot be interpreted as an integer"), v);
  if (v == RT_TRUE || v == RT_FALSE) v = rt_small(v == RT_TRUE);
  rt_vstr_t buf;
  rt_printer_t p;
  rt_print_buffer(&p, &buf);
  rt_int_print_base(&p, v, base);
  return rt_print_buffer_str(&p);
}

static rt_val_t b_hex(ARGS) {
  UNUSED;
  return int_in_base(args[0], 16);
}
static rt_val_t b_oct(ARGS) {
  UNUSED;
  return int_in_base(args[0], 8);
}
static rt_val_t b_bin(ARGS) {
  UNUSED;
  return int_in_base(args[0], 2);
}

static bool is_real(rt_val_t v) {
  return rt_is_small(v) || v == RT_TRUE || v == RT_FALSE || rt_is_obj(v, &rt_int_type) ||
         rt_is_obj(v, &rt_float_type);
}

static rt_val_t b_divmod(ARGS) {
  UNUSED;
  // Among builtin types only numbers divide; name divmod as CPython does.
  if ((!is_real(args[0]) || !is_real(args[1])) && !(rt_typeof(args[0])->flags & RT_TYPE_USER) &&
      !(rt_typeof(args[1])->flags & RT_TYPE_USER))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("unsupported operand type(s) for divmod(): '%t' and '%t'"),
                 args[0], args[1]);
  // With a float involved CPython names divmod itself for a zero divisor.
  if ((rt_is_obj(args[0], &rt_float_type) || rt_is_obj(args[1], &rt_float_type)) && is_real(args[0]) &&
      is_real(args[1]) && rt_obj_get_float(args[1]) == 0)
    rt_raise_msg(&rt_exc_ZeroDivisionError, RT_MSG("float divmod()"));
  rt_val_t t[2] = {rt_obj_binary(RT_BINARY_FLOORDIV, args[0], args[1]),
                   rt_obj_binary(RT_BINARY_MOD, args[0], args[1])};
  return rt_tuple_new(2, t);
}

// The inverse of [a] modulo [m] (m > 0) by the extended Euclidean
// algorithm; ValueError when gcd(a, m) != 1.
static rt_val_t mod_inverse(rt_val_t a, rt_val_t m) {
  rt_val_t r0 = rt_obj_binary(RT_BINARY_MOD, a, m), r1 = m, s0 = rt_small(1), s1 = rt_small(0);
  while (rt_obj_truthy(r1)) {
    rt_val_t q = rt_obj_binary(RT_BINARY_FLOORDIV, r0, r1);
    rt_val_t r2 = rt_obj_binary(RT_BINARY_SUB, r0, rt_obj_binary(RT_BINARY_MUL, q, r1));
    rt_val_t s2 = rt_obj_binary(RT_BINARY_SUB, s0, rt_obj_binary(RT_BINARY_MUL, q, s1));
    r0 = r1;
    r1 = r2;
    s0 = s1;
    s1 = s2;
  }
  if (!rt_obj_eq(r0, rt_small(1)))
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("base is not invertible for the given modulus"));
  return rt_obj_binary(RT_BINARY_MOD, s0, m);
}

static rt_val_t b_pow(ARGS) {
  static const unsigned short allowed[] = {RT_Q_base, RT_Q_exp, RT_Q_mod};
  rt_kw_check(kw, allowed, 3, "pow");
  rt_val_t a[3] = {RT_NULL, RT_NULL, RT_NONE};
  for (size_t i = 0; i < n && i < 3; i++)
    a[i] = args[i];
  for (size_t i = 0; i < 3 && kw; i++) {
    rt_val_t v = rt_kw_get(kw, rt_qstr_val(allowed[i]));
    if (v && i < n)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("argument for pow() given by name ('%s') and position (%d)"),
                   rt_qstr_cstr(rt_qstr_val(allowed[i])), (int)i + 1);
    if (v) a[i] = v;
  }
  if (!a[0] || !a[1])
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("pow() missing required argument '%s' (pos %d)"),
                 !a[0] ? "base" : "exp", !a[0] ? 1 : 2);
  if (a[2] != RT_NONE) {
    rt_val_t base = rt_type_unbox(a[0]), e = rt_type_unbox(a[1]), m = rt_type_unbox(a[2]);
    if (!rt_obj_isinstance(base, &rt_int_type) || !rt_obj_isinstance(e, &rt_int_type) ||
        !rt_obj_isinstance(m, &rt_int_type))
      rt_raise_msg(&rt_exc_TypeError,
                   RT_MSG("pow() 3rd argument not allowed unless all arguments are integers"));
    if (!rt_obj_truthy(m)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("pow() 3rd argument cannot be 0"));
    bool neg_m = rt_int_is_neg(m);
    if (neg_m) m = rt_obj_unary(RT_UNARY_NEG, m);
    if (rt_int_is_neg(e)) {
      base = mod_inverse(base, m);
      e = rt_obj_unary(RT_UNARY_NEG, e);
    }
    rt_val_t r = rt_small(1);
    base = rt_obj_binary(RT_BINARY_MOD, base, m);
    while (rt_obj_truthy(e)) {
      if (rt_obj_truthy(rt_obj_binary(RT_BINARY_AND, e, rt_small(1))))
        r = rt_obj_binary(RT_BINARY_MOD, rt_obj_binary(RT_BINARY_MUL, r, base), m);
      e = rt_obj_binary(RT_BINARY_RSHIFT, e, rt_small(1));
      base = rt_obj_binary(RT_BINARY_MOD, rt_obj_binary(RT_BINARY_MUL, base, base), m);
    }
    r = rt_obj_binary(RT_BINARY_MOD, r, m);
    // A negative modulus gives a result in (m, 0] as % does.
    if (neg_m && rt_obj_truthy(r)) r = rt_obj_binary(RT_BINARY_SUB, r, m);
    return r;
  }
  return rt_obj_binary(RT_BINARY_POW, a[0], a[1]);
}

static rt_val_t b_round(ARGS) {
  (void)kw;
  rt_val_t v = args[0];
  if (rt_obj_isinstance(v, &rt_float_type) || rt_obj_isinstance(v, &rt_int_type)) v = rt_type_unbox(v);
  rt_val_t nd = n > 1 ? args[1] : rt_kw_get(kw, RT_QV(ndigits));
  if (nd == RT_NONE) nd = RT_NULL;
  if (rt_obj_isinstance(v, &rt_int_type)) {
    if (!nd || rt_obj_get_int(nd) >= 0) return v == RT_TRUE || v == RT_FALSE ? rt_small(v == RT_TRUE) : v;
    // Round to a negative number of digits, half to even.
    rt_val_t p = rt_obj_binary(RT_BINARY_POW, rt_small(10), rt_small(-rt_obj_get_int(nd)));
    rt_val_t q = rt_obj_binary(RT_BINARY_FLOORDIV, v, p), r = rt_obj_binary(RT_BINARY_MOD, v, p);
    rt_val_t twice = rt_obj_binary(RT_BINARY_MUL, r, rt_small(2));
    int c = rt_int_cmp(twice, p);
    if (c > 0 || (c == 0 && rt_obj_truthy(rt_obj_binary(RT_BINARY_AND, q, rt_small(1)))))
      q = rt_obj_binary(RT_BINARY_ADD, q, rt_small(1));
    return rt_obj_binary(RT_BINARY_MUL, q, p);
  }
  if (!rt_is_obj(v, &rt_float_type)) {
    rt_val_t m[2];
    if (rt_obj_load_method_maybe(v, RT_QV(__round__), m)) return rt_obj_call_method(m, nd ? 1 : 0, &nd);
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("type %t doesn't define __round__ method"), v);
  }
  double d = rt_float_get(v);
  if (!nd) {
    double r = nearbyint(d);
    return rt_int_from_double(r);
  }
  intptr_t k = rt_obj_get_int(nd);
  if (!isfinite(d) || k > 300) return v;
  if (k < -300) return rt_float_new(0.0 * d);
  // Correctly rounded through the C library's decimal conversion.
  char buf[400];
  if (k >= 0) {
    snprintf(buf, sizeof buf, "%.*f", (int)k, d);
    double r;
    rt_float_parse(buf, strlen(buf), &r);
    return rt_float_new(r);
  }
  double p = pow(10.0, (double)-k);
  return rt_float_new(nearbyint(d / p) * p);
}

// ---- code execution ----

// Compiles str or bytes [src] as [mode] with module-level names kept
// dynamic (see RT_COMPILE_NAMES). eval() skips leading blanks as CPython
// does.
static rt_code_t *compile_source(rt_val_t src, rt_val_t filename, rt_compile_mode_t mode, const char *fname) {
  const uint8_t *bd;
  size_t len;
  const char *s;
  if (rt_is_str(src)) {
    s = rt_str_data(src, &len);
  } else if (rt_bytes_buffer(src, &bd, &len)) {
    s = (const char *)bd;
  } else {
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s() arg 1 must be a string, bytes or code object"), fname);
  }
  if (mode == RT_COMPILE_EVAL)
    while (len && (*s == ' ' || *s == '\t')) {
      s++;
      len--;
    }
  rt_mem_reader_t m;
  rt_reader_t r;
  rt_reader_mem(&r, &m, s, len);
  return rt_compile(r, filename, (rt_compile_mode_t)(mode | RT_COMPILE_NAMES));
}

// exec/eval: [args] are source or code, globals, locals.
static rt_val_t run_source(rt_compile_mode_t mode, size_t n, const rt_val_t *args, const char *fname) {
  rt_val_t g = n > 1 ? args[1] : RT_NONE, l = n > 2 ? args[2] : RT_NONE;
  if (g != RT_NONE && !rt_is_obj(g, &rt_dict_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s() globals must be a dict, not %t"), fname, g);
  if (l != RT_NONE && !rt_is_obj(l, &rt_dict_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("locals must be a mapping"));
  rt_code_t *code = rt_is_obj(args[0], &rt_code_type)
                        ? (rt_code_t *)args[0]
                        : compile_source(args[0], RT_QV(_lt_string_gt_), mode, fname);
  rt_dict_t *gd = g != RT_NONE ? (rt_dict_t *)g : rt_vm_globals();
  rt_dict_t *ld = l != RT_NONE ? (rt_dict_t *)l : gd;
  if (!rt_dict_get(gd, RT_QV(__builtins__))) rt_dict_set(gd, RT_QV(__builtins__), rt_val(rt_state->builtins));
  rt_val_t r = rt_vm_run_code(code, gd, ld);
  return mode == RT_COMPILE_EVAL ? r : RT_NONE;
}

static rt_val_t b_exec(ARGS) {
  (void)kw;
  return run_source(RT_COMPILE_FILE, n, args, "exec");
}

static rt_val_t b_eval(ARGS) {
  (void)kw;
  return run_source(RT_COMPILE_EVAL, n, args, "eval");
}

// compile(source, filename, mode): a code object for exec() or eval().
static rt_val_t b_compile(ARGS) {
  static const unsigned short allowed[] = {RT_Q_source, RT_Q_filename,     RT_Q_mode,
                                           RT_Q_flags,  RT_Q_dont_inherit, RT_Q_optimize};
  rt_kw_check(kw, allowed, 6, "compile");
  rt_val_t a[3] = {RT_NULL, RT_NULL, RT_NULL};
  for (size_t i = 0; i < n && i < 3; i++)
    a[i] = args[i];
  for (size_t i = 0; i < 3; i++)
    if (!a[i] && kw) a[i] = rt_kw_get(kw, rt_qstr_val(allowed[i]));
  if (!a[0] || !a[1] || !a[2])
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("compile() missing required argument '%s' (pos %d)"),
                 !a[0]   ? "source"
                 : !a[1] ? "filename"
                         : "mode",
                 !a[0]   ? 1
                 : !a[1] ? 2
                         : 3);
  rt_str_check(a[1], "compile() argument 'filename'");
  rt_str_check(a[2], "compile() argument 'mode'");
  size_t ml, fl;
  const char *m = rt_str_data(a[2], &ml), *fn = rt_str_data(a[1], &fl);
  rt_compile_mode_t mode;
  if (ml == 4 && memcmp(m, "exec", 4) == 0)
    mode = RT_COMPILE_FILE;
  else if (ml == 4 && memcmp(m, "eval", 4) == 0)
    mode = RT_COMPILE_EVAL;
  else if (ml == 6 && memcmp(m, "single", 6) == 0)
    mode = RT_COMPILE_SINGLE;
  else
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("compile() mode must be 'exec', 'eval' or 'single'"));
  return rt_val(compile_source(a[0], rt_qstr_from(fn, fl), mode, "compile"));
}

// The class statement: runs the body into a namespace, then makes the
// class through the metaclass (metaclass= or the bases' own) and calls
// the nearest base's __init_subclass__ with the other class keywords.
static rt_val_t b_build_class(ARGS) {
  if (n < 2) rt_raise_msg(&rt_exc_TypeError, RT_MSG("__build_class__: not enough arguments"));
  rt_val_t func = args[0], name = args[1];
  rt_val_t bases = rt_tuple_new(n - 2, args + 2);
  rt_val_t meta = RT_NULL;
  rt_val_t kn[8], kv[8];
  rt_kw_t rest = {0, kn, kv};
  for (size_t i = 0; kw && i < kw->n; i++) {
    if (kw->names[i] == RT_QV(metaclass))
      meta = kw->values[i];
    else if (rest.n < 8) {
      kn[rest.n] = kw->names[i];
      kv[rest.n++] = kw->values[i];
    }
  }
  if (!meta)
    for (size_t i = 0; i + 2 < n; i++)
      if (rt_is_type(args[i + 2]) && rt_type_metaclass((const rt_type_t *)args[i + 2]))
        meta = rt_type_metaclass((const rt_type_t *)args[i + 2]);
  rt_dict_t *ns = rt_dict_new(8);
  // A metaclass's __prepare__(name, bases) may provide the namespace.
  rt_val_t prep =
      meta && rt_is_type(meta) ? rt_type_lookup((const rt_type_t *)meta, RT_QV(__prepare__)) : RT_NULL;
  if (prep) {
    // Looked up on the metaclass: only a classmethod receives it.
    bool cm = rt_is_obj(prep, &rt_classmethod_type);
    if (cm || rt_is_obj(prep, &rt_staticmethod_type)) prep = ((rt_bound_t *)prep)->func;
    rt_val_t pa[3] = {meta, name, bases};
    rt_val_t d = rt_obj_call(prep, cm ? 3 : 2, pa + !cm, NULL);
    if (!rt_obj_isinstance(d, &rt_dict_type))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q.__prepare__() must return a mapping, not %t"),
                   rt_qstr_val(((const rt_type_t *)meta)->name), d);
    ns = (rt_dict_t *)d;
  }
  rt_val_t cell = rt_vm_run_class_body(func, ns);
  rt_val_t cls;
  if (meta && meta != rt_val(&rt_type_type)) {
    rt_val_t margs[3] = {name, bases, rt_val(ns)};
    cls = rt_obj_call(meta, 3, margs, rest.n ? &rest : NULL);
    if (rt_is_type(cls)) rt_type_set_metaclass(cls, meta);
  } else {
    cls = rt_type_new_class(name, bases, ns);
  }
  if (rt_is_obj(cell, &rt_cell_type)) ((rt_cell_t *)cell)->value = cls;
  if (rt_is_type(cls)) rt_type_init_subclass(cls, rest.n ? &rest : NULL);
  return cls;
}

static rt_val_t b_help(ARGS) {
  UNUSED;
  rt_print_cstr(&rt_print_console, "Welcome to " RT_FIRMWARE_NAME ", a small Python for the ESP8266.\n"
                                   "Control commands:\n"
                                   "  CTRL-A        -- on a blank line, enter raw REPL mode\n"
                                   "  CTRL-B        -- on a blank line, enter normal REPL mode\n"
                                   "  CTRL-C        -- interrupt a running program\n"
                                   "  CTRL-D        -- on a blank line, do a soft reset of the board\n"
                                   "  CTRL-E        -- on a blank line, enter paste mode\n");
  return RT_NONE;
}

static rt_val_t b_import(ARGS) {
  UNUSED;
  rt_str_check(args[0], "__import__() argument 1");
  return rt_module_import(attr_name(args[0]));
}

static RT_BUILTIN(print_obj, print, 0, RT_ARGS_ANY, RT_BF_KW, b_print);
static RT_BUILTIN(input_obj, input, 0, 1, 0, b_input);
static RT_BUILTIN(len_obj, len, 1, 1, 0, b_len);
static RT_BUILTIN(repr_obj, repr, 1, 1, 0, b_repr);
static RT_BUILTIN(abs_obj, abs, 1, 1, 0, b_abs);
static RT_BUILTIN(format_obj, format, 1, 2, 0, b_format);
static RT_BUILTIN(ascii_obj, ascii, 1, 1, 0, b_ascii);
static RT_BUILTIN(hash_obj, hash, 1, 1, 0, b_hash);
static RT_BUILTIN(id_obj, id, 1, 1, 0, b_id);
static RT_BUILTIN(callable_obj, callable, 1, 1, 0, b_callable);
static RT_BUILTIN(isinstance_obj, isinstance, 2, 2, 0, b_isinstance);
static RT_BUILTIN(issubclass_obj, issubclass, 2, 2, 0, b_issubclass);
static RT_BUILTIN(getattr_obj, getattr, 2, 3, 0, b_getattr);
static RT_BUILTIN(setattr_obj, setattr, 3, 3, 0, b_setattr);
static RT_BUILTIN(delattr_obj, delattr, 2, 2, 0, b_delattr);
static RT_BUILTIN(hasattr_obj, hasattr, 2, 2, 0, b_hasattr);
static RT_BUILTIN(dir_obj, dir, 0, 1, 0, b_dir);
static RT_BUILTIN(globals_obj, globals, 0, 0, 0, b_globals);
static RT_BUILTIN(locals_obj, locals, 0, 0, 0, b_locals);
static RT_BUILTIN(vars_obj, vars, 0, 1, 0, b_vars);
static RT_BUILTIN(iter_obj, iter, 1, 2, 0, b_iter);
static RT_BUILTIN(next_obj, next, 1, 2, 0, b_next);
static RT_BUILTIN(any_obj, any, 1, 1, 0, b_any);
static RT_BUILTIN(all_obj, all, 1, 1, 0, b_all);
static RT_BUILTIN(sum_obj, sum, 1, 2, RT_BF_KW, b_sum);
static RT_BUILTIN(min_obj, min, 0, RT_ARGS_ANY, RT_BF_KW, b_min);
static RT_BUILTIN(max_obj, max, 0, RT_ARGS_ANY, RT_BF_KW, b_max);
static RT_BUILTIN(sorted_obj, sorted, 1, 1, RT_BF_KW, b_sorted);
static RT_BUILTIN(chr_obj, chr, 1, 1, 0, b_chr);
static RT_BUILTIN(ord_obj, ord, 1, 1, 0, b_ord);
static RT_BUILTIN(hex_obj, hex, 1, 1, 0, b_hex);
static RT_BUILTIN(oct_obj, oct, 1, 1, 0, b_oct);
static RT_BUILTIN(bin_obj, bin, 1, 1, 0, b_bin);
static RT_BUILTIN(divmod_obj, divmod, 2, 2, 0, b_divmod);
static RT_BUILTIN(pow_obj, pow, 0, 3, RT_BF_KW, b_pow);
static RT_BUILTIN(round_obj, round, 1, 2, RT_BF_KW, b_round);
static RT_BUILTIN(exec_obj, exec, 1, 3, 0, b_exec);
static RT_BUILTIN(eval_obj, eval, 1, 3, 0, b_eval);
static RT_BUILTIN(compile_obj, compile, 0, 6, RT_BF_KW, b_compile);
static RT_BUILTIN(help_obj, help, 0, 1, 0, b_help);
static RT_BUILTIN(import_obj, __import__, 1, 5, 0, b_import);
const rt_builtin_t rt_builtins_build_class_obj = {&rt_builtin_type, RT_Q___build_class__, 2, RT_ARGS_ANY,
                                                  RT_BF_KW,         b_build_class};

// The builtins, indexed by qstr: a read-only table instead of a heap dict
// (saves a few KB of the board's heap). rt_state->builtins holds only what
// programs add at run time (such as the REPL's "_").
static const void *const builtin_table[RT_Q_COUNT] = {
    [RT_Q_print] = &print_obj,
    [RT_Q_open] = &rt_file_open_obj,
    [RT_Q_input] = &input_obj,
    [RT_Q_len] = &len_obj,
    [RT_Q_repr] = &repr_obj,
    [RT_Q_abs] = &abs_obj,
    [RT_Q_format] = &format_obj,
    [RT_Q_ascii] = &ascii_obj,
    [RT_Q_hash] = &hash_obj,
    [RT_Q_id] = &id_obj,
    [RT_Q_callable] = &callable_obj,
    [RT_Q_isinstance] = &isinstance_obj,
    [RT_Q_issubclass] = &issubclass_obj,
    [RT_Q_getattr] = &getattr_obj,
    [RT_Q_setattr] = &setattr_obj,
    [RT_Q_delattr] = &delattr_obj,
    [RT_Q_hasattr] = &hasattr_obj,
    [RT_Q_dir] = &dir_obj,
    [RT_Q_globals] = &globals_obj,
    [RT_Q_locals] = &locals_obj,
    [RT_Q_vars] = &vars_obj,
    [RT_Q_iter] = &iter_obj,
    [RT_Q_next] = &next_obj,
    [RT_Q_any] = &any_obj,
    [RT_Q_all] = &all_obj,
    [RT_Q_sum] = &sum_obj,
    [RT_Q_compile] = &compile_obj,
    [RT_Q_min] = &min_obj,
    [RT_Q_max] = &max_obj,
    [RT_Q_sorted] = &sorted_obj,
    [RT_Q_chr] = &chr_obj,
    [RT_Q_ord] = &ord_obj,
    [RT_Q_hex] = &hex_obj,
    [RT_Q_oct] = &oct_obj,
    [RT_Q_bin] = &bin_obj,
    [RT_Q_divmod] = &divmod_obj,
    [RT_Q_pow] = &pow_obj,
    [RT_Q_round] = &round_obj,
    [RT_Q_exec] = &exec_obj,
    [RT_Q_eval] = &eval_obj,
    [RT_Q_help] = &help_obj,
    [RT_Q___import__] = &import_obj,
    [RT_Q___build_class__] = &rt_builtins_build_class_obj,
    [RT_Q_type] = &rt_type_type,
    [RT_Q_object] = &rt_object_type,
    [RT_Q_bool] = &rt_bool_type,
    [RT_Q_int] = &rt_int_type,
    [RT_Q_float] = &rt_float_type,
    [RT_Q_str] = &rt_str_type,
    [RT_Q_bytes] = &rt_bytes_type,
    [RT_Q_bytearray] = &rt_bytearray_type,
    [RT_Q_memoryview] = &rt_memoryview_type,
    [RT_Q_list] = &rt_list_type,
    [RT_Q_tuple] = &rt_tuple_type,
    [RT_Q_dict] = &rt_dict_type,
    [RT_Q_set] = &rt_set_type,
    [RT_Q_frozenset] = &rt_frozenset_type,
    [RT_Q_range] = &rt_range_type,
    [RT_Q_slice] = &rt_slice_type,
    [RT_Q_enumerate] = &enumerate_type,
    [RT_Q_zip] = &zip_type,
    [RT_Q_map] = &map_type,
    [RT_Q_filter] = &filter_type,
    [RT_Q_reversed] = &reversed_type,
    [RT_Q_super] = &rt_super_type,
    [RT_Q_property] = &rt_property_type,
    [RT_Q_staticmethod] = &rt_staticmethod_type,
    [RT_Q_classmethod] = &rt_classmethod_type,
    [RT_Q_NotImplemented] = &rt_notimpl_obj,
    [RT_Q_Ellipsis] = &rt_ellipsis_obj,
    [RT_Q_EnvironmentError] = &rt_exc_OSError,
    [RT_Q_IOError] = &rt_exc_OSError,
#define EXC(name, base) [RT_Q_##name] = &rt_exc_##name,
#include "exc_defs.h"
#undef EXC
};

rt_val_t rt_builtins_lookup(rt_val_t name) {
  if (rt_is_qstr(name) && rt_qstr_index(name) < RT_Q_COUNT) {
    const void *v = builtin_table[rt_qstr_index(name)];
    if (v) return rt_val(v);
    // The builtins module's own name: what a class body made by exec()
    // with bare globals reads for __module__, as in CPython.
    if (name == RT_QV(__name__)) return RT_QV(builtins);
  }
  return rt_dict_get(rt_state->builtins, name);
}

void rt_builtins_init(void) {
  rt_state->builtins = rt_dict_new(0);
}

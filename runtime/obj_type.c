// SPDX-License-Identifier: MIT
// obj_type.c: type objects, classes and instances, object/None/bool, and
// the descriptor types. The methods of builtin types as objects (slot
// wrappers, unbound methods) are in obj_type_builtin.c; the match
// statement's tests in obj_type_match.c.
//
// Invariants: a class's mro tuple starts with the class and ends with
// object; builtin types in it stand for themselves only (their own method
// table), since their bases follow them in the tuple. A class's native
// base is object or a builtin exception; instances are rt_instance_t or
// rt_exc_t accordingly.
#include <stddef.h>
#include <string.h>

#include "obj_type.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_float.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_set.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"
#include "vm.h"

static inline bool is_user(const rt_type_t *t) {
  return (t->flags & RT_TYPE_USER) != 0;
}
static inline rt_class_t *as_class(const rt_type_t *t) {
  return (rt_class_t *)(uintptr_t)t;
}

const rt_type_t *rt_type_native(const rt_type_t *t) {
  return is_user(t) ? as_class(t)->native : t;
}

// Looks [name] up in one type only (a user dict or a builtin method table,
// then the special methods its slots provide). Kept out of line, as it was
// while the slot wrappers were inlined here: inlined into the MRO loops it
// made class attribute loads (bench/attr_access.py) 7% slower on x86.
static __attribute__((noinline)) rt_val_t lookup_own(const rt_type_t *t, rt_val_t name) {
  if (is_user(t)) return rt_dict_get(as_class(t)->dict, name);
  if (!rt_is_qstr(name)) return RT_NULL;
  unsigned q = rt_qstr_index(name);
  if (t->methods)
    for (const rt_method_t *m = t->methods; m->name; m++)
      if (m->name == q) return rt_val(m->value);
  // object has no slot wrappers: the common miss at the end of an MRO
  // stays here.
  return t == &rt_object_type ? RT_NULL : rt_type_slot_wrapper(t, q);
}

rt_val_t rt_type_lookup(const rt_type_t *t, rt_val_t name) {
  if (is_user(t)) {
    rt_val_t mro = as_class(t)->mro;
    for (size_t i = 0; i < rt_tuple_len(mro); i++) {
      rt_val_t v = lookup_own((const rt_type_t *)rt_tuple_items(mro)[i], name);
      if (v) return v;
    }
    return RT_NULL;
  }
  for (; t; t = t->base) {
    rt_val_t v = lookup_own(t, name);
    if (v) return v;
  }
  return RT_NULL;
}

// Like rt_type_lookup but only in user classes' dicts (special methods).
static rt_val_t user_lookup(const rt_type_t *t, rt_val_t name) {
  if (!is_user(t)) return RT_NULL;
  rt_val_t mro = as_class(t)->mro;
  for (size_t i = 0; i < rt_tuple_len(mro); i++) {
    const rt_type_t *c = (const rt_type_t *)rt_tuple_items(mro)[i];
    if (!is_user(c)) continue;
    rt_val_t v = rt_dict_get(as_class(c)->dict, name);
    if (v) return v;
  }
  return RT_NULL;
}

rt_dict_t *rt_type_instance_dict(rt_val_t v, bool create) {
  if (!rt_is_ptr(v)) return NULL;
  const rt_type_t *t = rt_ptr(v)->type;
  if (!is_user(t) && t != &rt_object_type) return NULL;
  if (rt_type_native(t)->flags & RT_TYPE_EXC) {
    rt_exc_t *e = (rt_exc_t *)v;
    if (!e->dict && create) e->dict = rt_dict_new(0);
    return e->dict;
  }
  if (t == &rt_object_type) return NULL;
  rt_dict_t **slot = (rt_dict_t **)((char *)v + as_class(t)->dict_offset);
  if (!*slot && create) *slot = rt_dict_new(0);
  return *slot;
}

// Immutable builtins whose values may be immediate words (small ints,
// qstrs) or variable-sized: their subclasses' instances box the value.
static bool is_boxed_native(const rt_type_t *n) {
  return n == &rt_int_type || n == &rt_float_type || n == &rt_str_type || n == &rt_tuple_type ||
         n == &rt_bytes_type || n == &rt_frozenset_type;
}

static bool is_boxed(rt_val_t v) {
  if (!rt_is_ptr(v)) return false;
  const rt_type_t *t = rt_ptr(v)->type;
  return is_user(t) && is_boxed_native(as_class(t)->native);
}

rt_val_t rt_type_unbox(rt_val_t v) {
  return is_boxed(v) ? ((rt_boxed_t *)v)->value : v;
}

// The size of the native part of instances of subclasses of [native]
// (0 if it cannot be subclassed).
static uint16_t native_size(const rt_type_t *native) {
  if (native == &rt_object_type || native == &rt_type_type) return (uint16_t)offsetof(rt_instance_t, dict);
  if (is_boxed_native(native)) return (uint16_t)offsetof(rt_boxed_t, dict);
  if (native == &rt_list_type) return sizeof(rt_list_t);
  if (native == &rt_dict_type) return sizeof(rt_dict_t);
  if (native == &rt_set_type) return sizeof(rt_set_t);
  return 0;
}

// Calls special method [m] found on the class with self first.
static rt_val_t call_special(rt_val_t m, rt_val_t self, size_t n, const rt_val_t *args) {
  rt_val_t a[3];
  a[0] = self;
  for (size_t i = 0; i < n && i < 2; i++)
    a[i + 1] = args[i];
  if (rt_is_obj(m, &rt_staticmethod_type)) return rt_obj_call(((rt_bound_t *)m)->func, n, args, NULL);
  return rt_obj_call(m, n + 1, a, NULL);
}

// ---- instance slots (classes made by class statements) ----

static void default_repr(rt_printer_t *p, rt_val_t self) {
  const rt_type_t *t = rt_typeof(self);
  rt_print_format(p, is_user(t) ? "<__main__.%q object at %p>" : "<%q object at %p>", rt_qstr_val(t->name),
                  (void *)self);
}

static void instance_print(rt_printer_t *p, rt_val_t self, bool repr) {
  const rt_type_t *t = rt_typeof(self);
  rt_val_t m = repr ? RT_NULL : user_lookup(t, RT_QV(__str__));
  if (!m) m = user_lookup(t, RT_QV(__repr__));
  if (m) {
    rt_val_t s = call_special(m, self, 0, NULL);
    if (!rt_is_str(s))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s returned non-string (type %t)"),
                   repr ? "__repr__" : "__str__", s);
    size_t n;
    const char *d = rt_str_data(s, &n);
    rt_print_str(p, d, n);
    return;
  }
  const rt_type_t *nat = rt_type_native(t);
  if (nat->print && nat != &rt_object_type)
    nat->print(p, rt_type_unbox(self), repr);
  else
    default_repr(p, self);
}

static rt_val_t unary_name(rt_unary_op_t op) {
  switch (op) {
  case RT_UNARY_POS: return RT_QV(__pos__);
  case RT_UNARY_NEG: return RT_QV(__neg__);
  case RT_UNARY_INVERT: return RT_QV(__invert__);
  case RT_UNARY_BOOL: return RT_QV(__bool__);
  case RT_UNARY_LEN: return RT_QV(__len__);
  case RT_UNARY_HASH: return RT_QV(__hash__);
  case RT_UNARY_ABS: return RT_QV(__abs__);
  case RT_UNARY_INT: return RT_QV(__int__);
  default: return RT_QV(__float__);
  }
}

static rt_val_t instance_unary(rt_unary_op_t op, rt_val_t self) {
  const rt_type_t *t = rt_typeof(self);
  rt_val_t m = user_lookup(t, unary_name(op));
  if (op == RT_UNARY_HASH && m == RT_NONE)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("unhashable type: '%q'"), rt_qstr_val(t->name));
  if (m) {
    rt_val_t r = call_special(m, self, 0, NULL);
    if (op == RT_UNARY_BOOL && r != RT_TRUE && r != RT_FALSE)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("__bool__ should return bool, returned %t"), r);
    if (op == RT_UNARY_LEN) {
      if (!rt_is_small(r))
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object cannot be interpreted as an integer"), r);
      if (rt_small_get(r) < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("__len__() should return >= 0"));
    }
    if (op == RT_UNARY_HASH && !rt_is_small(r)) r = rt_small((intptr_t)rt_obj_hash(r));
    return r;
  }
  if (is_boxed(self)) {
    const rt_type_t *nat = rt_type_native(t);
    if (op == RT_UNARY_HASH) return rt_small(rt_obj_hash(rt_type_unbox(self)));
    return nat->unary ? nat->unary(op, rt_type_unbox(self)) : RT_NULL;
  }
  switch (op) {
  case RT_UNARY_BOOL:
    m = user_lookup(t, RT_QV(__len__));
    if (m) return rt_bool(rt_obj_truthy(call_special(m, self, 0, NULL)));
    return RT_TRUE;
  case RT_UNARY_HASH: {
    // Defining __eq__ drops the inherited hash; subclasses of list, dict
    // and set are unhashable like their base.
    const rt_type_t *nat = rt_type_native(t);
    if (user_lookup(t, RT_QV(__eq__)) || nat == &rt_list_type || nat == &rt_dict_type || nat == &rt_set_type)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("unhashable type: '%q'"), rt_qstr_val(t->name));
    return rt_small((intptr_t)(self >> 3));
  }
  default: {
    const rt_type_t *nat = rt_type_native(t);
    return nat->unary && nat != &rt_object_type ? nat->unary(op, self) : RT_NULL;
  }
  }
}

static const unsigned short binary_names[][2] = {
#define X(n, s, d, r) {RT_Q_##d, RT_Q_##r},
    RT_BINARY_OPS(X)
#undef X
};
static const unsigned short inplace_names[] = {
    RT_Q___iadd__, RT_Q___isub__, RT_Q___imul__,    RT_Q___itruediv__, RT_Q___ifloordiv__,
    RT_Q___imod__, RT_Q___ipow__, RT_Q___ilshift__, RT_Q___irshift__,  RT_Q___iand__,
    RT_Q___ior__,  RT_Q___ixor__, RT_Q___imatmul__,
};
static const unsigned short compare_names[] = {RT_Q___lt__, RT_Q___gt__, RT_Q___eq__,
                                               RT_Q___le__, RT_Q___ge__, RT_Q___ne__};

static rt_val_t instance_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  const rt_type_t *t = rt_typeof(a);
  unsigned short q;
  if (op < RT_BINARY_INPLACE_FIRST)
    q = binary_names[op][0];
  else if (op < RT_BINARY_LT)
    q = inplace_names[op - RT_BINARY_INPLACE_FIRST - 1];
  else if (op < RT_BINARY_CONTAINS)
    q = compare_names[op - RT_BINARY_LT];
  else
    q = RT_Q___contains__;
  rt_val_t m = user_lookup(t, rt_qstr_val(q));
  if (!m) {
    const rt_type_t *nat = rt_type_native(t);
    if (is_boxed(a)) {
      // The builtin operation on the values; a boxed right operand of the
      // same builtin is unboxed too (MyInt(1) + MyInt(2)).
      rt_val_t ub = is_boxed(b) ? rt_type_unbox(b) : b;
      rt_val_t r = nat->binary ? nat->binary(op, rt_type_unbox(a), ub) : RT_NULL;
      if (!r && ub != b) return rt_obj_binary(op, rt_type_unbox(a), ub);
      return r;
    }
    return nat->binary && nat != &rt_object_type ? nat->binary(op, a, b) : RT_NULL;
  }
  rt_val_t r = call_special(m, a, 1, &b);
  if (r == rt_val(&rt_notimpl_obj)) return RT_NULL;
  if (op == RT_BINARY_CONTAINS) return rt_bool(rt_obj_truthy(r));
  return r;
}

rt_val_t rt_type_binary_reflected(rt_binary_op_t op, rt_val_t self, rt_val_t other) {
  const rt_type_t *t = rt_typeof(self);
  if (!is_user(t)) return RT_NULL;
  rt_binary_op_t orig = op;
  if (op >= RT_BINARY_INPLACE_FIRST && op < RT_BINARY_LT)
    op = (rt_binary_op_t)(op - RT_BINARY_INPLACE_FIRST - 1);
  unsigned short q;
  if (op < RT_BINARY_INPLACE_FIRST) {
    q = binary_names[op][1];
  } else {
    // a < b reflects to b > a, and so on; == and != reflect to themselves.
    static const unsigned short refl[] = {RT_Q___gt__, RT_Q___lt__, RT_Q___eq__,
                                          RT_Q___ge__, RT_Q___le__, RT_Q___ne__};
    if (op >= RT_BINARY_CONTAINS) return RT_NULL;
    q = refl[op - RT_BINARY_LT];
  }
  rt_val_t m = user_lookup(t, rt_qstr_val(q));
  if (!m) {
    // "other op boxed": the other operand's operation on the boxed value.
    if (!is_boxed(self)) return RT_NULL;
    const rt_type_t *to = rt_typeof(other);
    return to->binary && !is_user(to) ? to->binary(orig, other, rt_type_unbox(self)) : RT_NULL;
  }
  rt_val_t r = call_special(m, self, 1, &other);
  return r == rt_val(&rt_notimpl_obj) ? RT_NULL : r;
}

static rt_val_t instance_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  const rt_type_t *t = rt_typeof(self);
  rt_val_t args[2] = {index, value};
  rt_val_t name = value == RT_NULL     ? RT_QV(__getitem__)
                  : value == RT_DELETE ? RT_QV(__delitem__)
                                       : RT_QV(__setitem__);
  rt_val_t m = user_lookup(t, name);
  if (!m) {
    const rt_type_t *nat = rt_type_native(t);
    if (nat->subscr && nat != &rt_object_type) return nat->subscr(rt_type_unbox(self), index, value);
    if (value == RT_NULL) rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object is not subscriptable"), self);
    if (value == RT_DELETE)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object doesn't support item deletion"), self);
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object does not support item assignment"), self);
  }
  rt_val_t r = call_special(m, self, value == RT_NULL || value == RT_DELETE ? 1 : 2, args);
  return value == RT_NULL ? r : RT_NONE;
}

// Iterator over an object with only __getitem__ (the old sequence protocol).
typedef struct {
  const rt_type_t *type;
  rt_val_t obj;
  intptr_t i;
} seq_iter_t;

static rt_val_t seq_iter_next(rt_val_t self) {
  seq_iter_t *it = (seq_iter_t *)self;
  rt_val_t v;
  if (rt_nlr_try(rt_obj_subscr, it->obj, rt_small(it->i), &v)) {
    it->i++;
    return v;
  }
  if (rt_obj_isinstance(v, &rt_exc_IndexError) || rt_obj_isinstance(v, &rt_exc_StopIteration)) return RT_NULL;
  rt_raise(v);
}

static const rt_type_t seq_iter_type = {
    .type = &rt_type_type,
    .name = RT_Q_iterator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .iternext = seq_iter_next,
};

static rt_val_t instance_getiter(rt_val_t self) {
  const rt_type_t *t = rt_typeof(self);
  rt_val_t m = user_lookup(t, RT_QV(__iter__));
  if (m) return call_special(m, self, 0, NULL);
  if (user_lookup(t, RT_QV(__getitem__))) {
    seq_iter_t *it = rt_gc_alloc(sizeof *it, 0);
    it->type = &seq_iter_type;
    it->obj = self;
    return rt_val(it);
  }
  const rt_type_t *nat = rt_type_native(t);
  if (nat->getiter) return nat->getiter(rt_type_unbox(self));
  rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object is not iterable"), self);
}

static rt_val_t call_next(rt_val_t m, rt_val_t self) {
  return call_special(m, self, 0, NULL);
}

static rt_val_t instance_iternext(rt_val_t self) {
  rt_val_t m = user_lookup(rt_typeof(self), RT_QV(__next__));
  if (!m) rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object is not an iterator"), self);
  rt_val_t v;
  if (rt_nlr_try(call_next, m, self, &v)) return v;
  if (rt_obj_isinstance(v, &rt_exc_StopIteration)) return RT_NULL;
  rt_raise(v);
}

static rt_val_t instance_call(rt_val_t self, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_val_t m = user_lookup(rt_typeof(self), RT_QV(__call__));
  if (!m) rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object is not callable"), self);
  rt_val_t buf[8], *a = buf;
  if (n + 1 > 8) a = rt_gc_alloc((n + 1) * sizeof(rt_val_t), 0);
  a[0] = self;
  rt_memcpy(a + 1, args, n * sizeof(rt_val_t));
  return rt_obj_call(m, n + 1, a, kw);
}

// ---- creating instances ----

// A new instance of [t] without running __init__: what object.__new__(t,
// ...) gives. For a builtin type, the builtin constructor's result.
static rt_val_t new_instance(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  if (!is_user(t)) {
    if (!t->make_new)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("cannot create '%q' instances"), rt_qstr_val(t->name));
    return t->make_new(t, n, args, kw);
  }
  rt_class_t *c = as_class(t);
  if (c->native->flags & RT_TYPE_EXC) return rt_exc_make_new(t, n, args, kw);
  if (c->native == &rt_type_type) {
    // A metaclass: the class is a plain type record that remembers [t],
    // so type(C) and isinstance(C, Meta) see the metaclass.
    if (n != 3 || !rt_is_obj(args[2], &rt_dict_type))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("type.__new__() takes exactly 3 arguments"));
    rt_str_check(args[0], "type.__new__() argument 1");
    size_t len;
    const char *s = rt_str_data(args[0], &len);
    rt_val_t cls = rt_type_new_class(rt_qstr_from(s, len), rt_tuple_from_iter(args[1]),
                                     rt_dict_copy((rt_dict_t *)args[2]));
    rt_type_set_metaclass(cls, rt_val(t));
    return cls;
  }
  if (is_boxed_native(c->native)) {
    rt_val_t v = c->native->make_new(c->native, n, args, kw);
    rt_boxed_t *b = rt_gc_alloc(sizeof *b, 0);
    b->type = t;
    b->value = v;
    return rt_val(b);
  }
  // The native part (zeroed, then set up empty) plus the dict pointer.
  rt_obj_t *o = rt_gc_alloc(c->dict_offset + sizeof(rt_dict_t *), 0);
  o->type = t;
  if (c->native == &rt_dict_type) rt_dict_init((rt_dict_t *)o);
  if (c->native == &rt_set_type) rt_set_init(rt_val(o));
  return rt_val(o);
}

// object.__new__(cls, *args) (static: cls comes first).
static rt_val_t m_obj_new(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  if (n < 1 || !rt_is_type(args[0]))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("object.__new__(X): X is not a type object"));
  const rt_type_t *t = (const rt_type_t *)args[0];
  // object.__new__ of a plain class takes no extra arguments worth keeping.
  if (!is_user(t) || as_class(t)->native != &rt_object_type) return new_instance(t, n - 1, args + 1, kw);
  return new_instance(t, 0, NULL, NULL);
}
static RT_BUILTIN(obj_new_obj, __new__, 1, RT_ARGS_ANY, RT_BF_KW, m_obj_new);

static rt_val_t class_instantiate(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_class_t *c = as_class(t);
  rt_val_t obj;
  rt_val_t newm = user_lookup(t, RT_QV(__new__));
  if (newm) {
    if (rt_is_obj(newm, &rt_staticmethod_type)) newm = ((rt_bound_t *)newm)->func;
    rt_val_t buf[8], *a = buf;
    if (n + 1 > 8) a = rt_gc_alloc((n + 1) * sizeof(rt_val_t), 0);
    a[0] = rt_val(t);
    rt_memcpy(a + 1, args, n * sizeof(rt_val_t));
    obj = rt_obj_call(newm, n + 1, a, kw);
    // A metaclass's __new__ makes a plain class: its __init__ still runs.
    if (!rt_obj_isinstance(obj, t) && !(c->native == &rt_type_type && rt_is_type(obj))) return obj;
  } else {
    obj = new_instance(t, n, args, kw);
  }
  if (c->native != &rt_object_type && !(c->native->flags & RT_TYPE_EXC) && !is_boxed_native(c->native) &&
      c->native != &rt_type_type && !user_lookup(t, RT_QV(__init__))) {
    // No __init__ of its own: the builtin's (list(iterable), dict(**kw), ...).
    rt_val_t m = rt_type_lookup(t, RT_QV(__init__));
    rt_val_t buf[8], *a = buf;
    if (n + 1 > 8) a = rt_gc_alloc((n + 1) * sizeof(rt_val_t), 0);
    a[0] = obj;
    rt_memcpy(a + 1, args, n * sizeof(rt_val_t));
    rt_obj_call(m, n + 1, a, kw);
    return obj;
  }
  rt_val_t init = user_lookup(t, RT_QV(__init__));
  if (init) {
    rt_val_t buf[8], *a = buf;
    if (n + 1 > 8) a = rt_gc_alloc((n + 1) * sizeof(rt_val_t), 0);
    a[0] = obj;
    rt_memcpy(a + 1, args, n * sizeof(rt_val_t));
    rt_val_t r = rt_obj_call(init, n + 1, a, kw);
    if (r != RT_NONE) rt_raise_msg(&rt_exc_TypeError, RT_MSG("__init__() should return None, not '%t'"), r);
  } else if (!newm && (n || (kw && kw->n)) && c->native == &rt_object_type) {
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q() takes no arguments"), rt_qstr_val(t->name));
  }
  return obj;
}

// ---- C3 linearisation ----

static rt_val_t mro_of(const rt_type_t *t) {
  if (is_user(t)) return as_class(t)->mro;
  size_t n = 0;
  for (const rt_type_t *b = t; b; b = b->base)
    n++;
  rt_val_t r = rt_tuple_new(n, NULL);
  n = 0;
  for (const rt_type_t *b = t; b; b = b->base)
    rt_tuple_items(r)[n++] = rt_val(b);
  return r;
}

static rt_val_t c3(rt_val_t self, rt_val_t bases) {
  size_t nb = rt_tuple_len(bases), nl = nb + 1;
  rt_val_t *lists = rt_gc_alloc(nl * sizeof(rt_val_t), 0);
  size_t *pos = rt_gc_alloc(nl * sizeof(size_t), RT_GC_LEAF);
  size_t total = 1;
  for (size_t i = 0; i < nb; i++) {
    lists[i] = mro_of((const rt_type_t *)rt_tuple_items(bases)[i]);
    total += rt_tuple_len(lists[i]);
  }
  lists[nb] = bases;
  rt_val_t out = rt_tuple_new(total, NULL);
  size_t k = 0;
  rt_tuple_items(out)[k++] = self;
  for (;;) {
    bool any = false, found = false;
    for (size_t i = 0; i < nl && !found; i++) {
      if (pos[i] >= rt_tuple_len(lists[i])) continue;
      any = true;
      rt_val_t cand = rt_tuple_items(lists[i])[pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < nl && !in_tail; j++)
        for (size_t q = pos[j] + 1; q < rt_tuple_len(lists[j]); q++)
          if (rt_tuple_items(lists[j])[q] == cand) {
            in_tail = true;
            break;
          }
      if (in_tail) continue;
      found = true;
      rt_tuple_items(out)[k++] = cand;
      for (size_t j = 0; j < nl; j++)
        if (pos[j] < rt_tuple_len(lists[j]) && rt_tuple_items(lists[j])[pos[j]] == cand) pos[j]++;
    }
    if (!any) break;
    if (!found)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("Cannot create a consistent method resolution order (MRO)"));
  }
  ((rt_tuple_t *)out)->len = k;
  return out;
}

// Whether class attribute [a] is an instance of a class statement's class
// that defines __set__ or __delete__: a data descriptor, which wins over
// the instance dict.
static bool data_descriptor(rt_val_t a) {
  const rt_type_t *at = rt_typeof(a);
  return is_user(at) && (user_lookup(at, RT_QV(__set__)) || user_lookup(at, RT_QV(__delete__)));
}

// RT_TYPE_DESCR if [d] holds a property, a data descriptor or an attribute
// hook, so that an instance's own dict may not simply be consulted first.
static unsigned short dict_descr_flag(rt_dict_t *d) {
  size_t pos = 0;
  rt_dict_entry_t *e;
  while ((e = rt_dict_next(d, &pos)))
    if (rt_is_obj(e->value, &rt_property_type) || e->key == RT_QV(__getattribute__) ||
        e->key == RT_QV(__setattr__) || e->key == RT_QV(__delattr__) || data_descriptor(e->value))
      return RT_TYPE_DESCR;
  return 0;
}

// Calls __set_name__(cls, name) on the attributes of new class [cls]
// that define it, as type.__new__ does.
static void set_names(rt_val_t cls, rt_dict_t *d) {
  size_t pos = 0, n = 0;
  rt_dict_entry_t *e;
  while ((e = rt_dict_next(d, &pos)))
    n += is_user(rt_typeof(e->value)) && user_lookup(rt_typeof(e->value), RT_QV(__set_name__));
  if (!n) return;
  // From a copy: the calls may change the namespace.
  rt_dict_t *copy = rt_dict_copy(d);
  pos = 0;
  while ((e = rt_dict_next(copy, &pos))) {
    rt_val_t m =
        is_user(rt_typeof(e->value)) ? user_lookup(rt_typeof(e->value), RT_QV(__set_name__)) : RT_NULL;
    if (m) rt_obj_call(m, 3, (rt_val_t[]){e->value, cls, e->key}, NULL);
  }
}

static unsigned short class_descr_flag(rt_class_t *c) {
  unsigned short f = dict_descr_flag(c->dict);
  for (size_t i = 0; i < rt_tuple_len(c->bases); i++)
    f |= ((const rt_type_t *)rt_tuple_items(c->bases)[i])->flags & RT_TYPE_DESCR;
  return f;
}

// Attributes of the builtin value of a boxed instance (int.real, ...).
static rt_val_t boxed_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  const rt_type_t *nat = as_class(rt_typeof(self))->native;
  return nat->attr ? nat->attr(rt_type_unbox(self), name, store) : RT_NULL;
}

rt_val_t rt_type_new_class(rt_val_t name, rt_val_t bases, rt_dict_t *dict) {
  size_t nb = rt_tuple_len(bases);
  const rt_type_t *native = &rt_object_type;
  for (size_t i = 0; i < nb; i++) {
    rt_val_t b = rt_tuple_items(bases)[i];
    if (!rt_is_type(b)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("bases must be types"));
    const rt_type_t *bt = (const rt_type_t *)b;
    if (!(bt->flags & RT_TYPE_BASETYPE) && !is_user(bt) && bt != &rt_object_type && !is_boxed_native(bt) &&
        bt != &rt_type_type)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("type '%q' is not an acceptable base type"),
                   rt_qstr_val(bt->name));
    const rt_type_t *bn = rt_type_native(bt);
    if (!native_size(bn) && !(bn->flags & RT_TYPE_EXC))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("subclassing '%q' is not supported"), rt_qstr_val(bn->name));
    if (native == &rt_object_type || rt_obj_subtype(bn, native)) native = bn;
  }
  if (nb == 0) bases = rt_tuple_new(1, (rt_val_t[]){rt_val(&rt_object_type)});
  rt_class_t *c = rt_gc_alloc(sizeof *c, 0);
  rt_state->class_version++; // a new class may reuse a freed one's address
  c->t.type = &rt_type_type;
  c->t.name = (unsigned short)rt_qstr_index(name);
  c->t.flags = RT_TYPE_USER | (native->flags & RT_TYPE_EXC);
  c->t.base = (const rt_type_t *)rt_tuple_items(bases)[0];
  c->t.print = instance_print;
  c->t.call = instance_call;
  c->t.unary = instance_unary;
  c->t.binary = instance_binary;
  c->t.attr = is_boxed_native(native) ? boxed_attr : native == &rt_type_type ? NULL : native->attr;
  c->t.subscr = instance_subscr;
  c->t.getiter = instance_getiter;
  c->t.iternext = instance_iternext;
  c->dict = dict;
  c->bases = bases;
  c->native = native;
  c->dict_offset = native_size(native);
  c->t.flags |= class_descr_flag(c);
  c->mro = c3(rt_val(c), bases);
  set_names(rt_val(c), dict);
  return rt_val(c);
}

rt_val_t rt_type_metaclass(const rt_type_t *t) {
  if (!is_user(t)) return RT_NULL;
  rt_val_t mro = as_class(t)->mro;
  for (size_t i = 0; i < rt_tuple_len(mro); i++) {
    const rt_type_t *c = (const rt_type_t *)rt_tuple_items(mro)[i];
    if (is_user(c) && as_class(c)->meta) return as_class(c)->meta;
  }
  return RT_NULL;
}

void rt_type_set_metaclass(rt_val_t cls, rt_val_t meta) {
  if (is_user((const rt_type_t *)cls)) as_class((const rt_type_t *)cls)->meta = meta;
}

void rt_type_init_subclass(rt_val_t cls, const rt_kw_t *kw) {
  const rt_type_t *t = (const rt_type_t *)cls;
  if (!is_user(t)) return;
  rt_val_t mro = as_class(t)->mro;
  for (size_t i = 1; i < rt_tuple_len(mro); i++) {
    const rt_type_t *c = (const rt_type_t *)rt_tuple_items(mro)[i];
    if (!is_user(c)) continue;
    rt_val_t f = rt_dict_get(as_class(c)->dict, RT_QV(__init_subclass__));
    if (!f) continue;
    // Implicitly a classmethod.
    if (rt_is_obj(f, &rt_classmethod_type) || rt_is_obj(f, &rt_staticmethod_type))
      f = ((rt_bound_t *)f)->func;
    rt_obj_call(f, 1, &cls, kw);
    return;
  }
  if (kw && kw->n)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q.__init_subclass__() takes no keyword arguments"),
                 rt_qstr_val(t->name));
}

// ---- the type type ----

static void type_print(rt_printer_t *p, rt_val_t self, bool repr) {
  const rt_type_t *t = (const rt_type_t *)self;
  // A metaclass's __str__/__repr__ renders its classes.
  rt_val_t meta = rt_type_metaclass(t);
  if (meta) {
    const rt_type_t *mt = (const rt_type_t *)meta;
    rt_val_t m = repr ? RT_NULL : user_lookup(mt, RT_QV(__str__));
    if (!m) m = user_lookup(mt, RT_QV(__repr__));
    if (m) {
      rt_val_t s = call_special(m, self, 0, NULL);
      if (!rt_is_str(s))
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s returned non-string (type %t)"),
                     repr ? "__repr__" : "__str__", s);
      size_t n;
      const char *d = rt_str_data(s, &n);
      rt_print_str(p, d, n);
      return;
    }
  }
  // Nested classes show their dotted __qualname__ ("Outer.Inner").
  rt_val_t q = is_user(t) ? rt_dict_get(as_class(t)->dict, RT_QV(__qualname__)) : RT_NULL;
  if (q && rt_is_str(q))
    rt_print_format(p, "<class '__main__.%S'>", q);
  else
    rt_print_format(p, is_user(t) ? "<class '__main__.%q'>" : "<class '%q'>", rt_qstr_val(t->name));
}

static rt_val_t type_call(rt_val_t self, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  const rt_type_t *t = (const rt_type_t *)self;
  if (t == &rt_type_type) {
    if (n == 1) {
      if (rt_is_type(args[0]) && rt_type_metaclass((const rt_type_t *)args[0]))
        return rt_type_metaclass((const rt_type_t *)args[0]);
      return rt_val(rt_typeof(args[0]));
    }
    if (n == 3) {
      if (!rt_is_obj(args[2], &rt_dict_type))
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("type() argument 3 must be dict"));
      rt_str_check(args[0], "type() argument 1");
      size_t len;
      const char *s = rt_str_data(args[0], &len);
      return rt_type_new_class(rt_qstr_from(s, len), rt_tuple_from_iter(args[1]),
                               rt_dict_copy((rt_dict_t *)args[2]));
    }
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("type() takes 1 or 3 arguments"));
  }
  if (is_user(t)) {
    // A metaclass's own __call__ decides how the class is called.
    rt_val_t meta = rt_type_metaclass(t),
             m = meta ? user_lookup((const rt_type_t *)meta, RT_QV(__call__)) : RT_NULL;
    if (m) {
      rt_val_t buf[8], *a = buf;
      if (n + 1 > 8) a = rt_gc_alloc((n + 1) * sizeof(rt_val_t), 0);
      a[0] = self;
      rt_memcpy(a + 1, args, n * sizeof(rt_val_t));
      return rt_obj_call(m, n + 1, a, kw);
    }
    return class_instantiate(t, n, args, kw);
  }
  if (!t->make_new)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("cannot create '%q' instances"), rt_qstr_val(t->name));
  return t->make_new(t, n, args, kw);
}

static rt_val_t type_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  const rt_type_t *t = (const rt_type_t *)self;
  if (store == RT_NULL) {
    if (name == RT_QV(__name__) || name == RT_QV(__qualname__)) return rt_qstr_val(t->name);
    if (name == RT_QV(__mro__)) return mro_of(t);
    if (name == RT_QV(__module__)) return is_user(t) ? RT_QV(__main__) : RT_QV(builtins);
    if (name == RT_QV(__bases__)) {
      if (is_user(t)) return as_class(t)->bases;
      return t->base ? rt_tuple_new(1, (rt_val_t[]){rt_val(t->base)}) : rt_tuple_new(0, NULL);
    }
    if (name == RT_QV(__dict__) && is_user(t)) return rt_val(as_class(t)->dict);
    if (name == RT_QV(__doc__)) {
      rt_val_t d = rt_type_lookup(t, name);
      return d ? d : RT_NONE;
    }
    return RT_NULL;
  }
  if (!is_user(t))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("cannot set '%q' attribute of immutable type '%q'"), name,
                 rt_qstr_val(t->name));
  rt_state->class_version++; // cached method lookups may change
  if (store == RT_DELETE) return rt_dict_pop(as_class(t)->dict, name) ? RT_NONE : RT_NULL;
  rt_dict_set(as_class(t)->dict, name, store);
  if (rt_is_obj(store, &rt_property_type) || data_descriptor(store)) as_class(t)->t.flags |= RT_TYPE_DESCR;
  return RT_NONE;
}

// Special method [name] of the metaclass of class [self], or RT_NULL.
static rt_val_t meta_special(rt_val_t self, rt_val_t name) {
  rt_val_t meta = rt_type_metaclass((const rt_type_t *)self);
  return meta ? user_lookup((const rt_type_t *)meta, name) : RT_NULL;
}

// ---- X | Y of types (types.UnionType), for isinstance and annotations ----

typedef struct {
  const rt_type_t *type; // &union_type
  rt_val_t args;         // tuple of distinct types (None as NoneType)
} union_t;

static const rt_type_t union_type;

static bool unionable(rt_val_t v) {
  return v == RT_NONE || rt_is_type(v) || rt_is_obj(v, &union_type);
}

static void union_add(rt_val_t *items, size_t *n, rt_val_t v) {
  if (v == RT_NONE) v = rt_val(&rt_none_type);
  for (size_t i = 0; i < *n; i++)
    if (items[i] == v) return;
  items[(*n)++] = v;
}

// a | b when both are types, None or unions; RT_NULL otherwise.
static rt_val_t union_of(rt_val_t a, rt_val_t b) {
  if (!unionable(a) || !unionable(b)) return RT_NULL;
  size_t na = rt_is_obj(a, &union_type) ? rt_tuple_len(((union_t *)a)->args) : 1;
  size_t nb = rt_is_obj(b, &union_type) ? rt_tuple_len(((union_t *)b)->args) : 1;
  rt_val_t items = rt_tuple_new(na + nb, NULL), *it = rt_tuple_items(items);
  size_t n = 0;
  for (int side = 0; side < 2; side++) {
    rt_val_t v = side ? b : a;
    if (rt_is_obj(v, &union_type))
      for (size_t i = 0; i < rt_tuple_len(((union_t *)v)->args); i++)
        union_add(it, &n, rt_tuple_items(((union_t *)v)->args)[i]);
    else
      union_add(it, &n, v);
  }
  if (n == 1) return it[0];
  ((rt_tuple_t *)items)->len = n;
  union_t *u = rt_gc_alloc(sizeof *u, 0);
  u->type = &union_type;
  u->args = items;
  return rt_val(u);
}

static void union_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_val_t args = ((union_t *)self)->args;
  for (size_t i = 0; i < rt_tuple_len(args); i++) {
    const rt_type_t *t = (const rt_type_t *)rt_tuple_items(args)[i];
    if (i) rt_print_cstr(p, " | ");
    rt_print_format(p, t == &rt_none_type ? "None" : is_user(t) ? "__main__.%q" : "%q", rt_qstr_val(t->name));
  }
}

static rt_val_t union_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if (op == RT_BINARY_OR) return union_of(a, b);
  if (op == RT_BINARY_EQ && rt_is_obj(b, &union_type)) {
    rt_val_t x = ((union_t *)a)->args, y = ((union_t *)b)->args;
    if (rt_tuple_len(x) != rt_tuple_len(y)) return RT_FALSE;
    for (size_t i = 0; i < rt_tuple_len(x); i++) {
      bool found = false;
      for (size_t j = 0; j < rt_tuple_len(y); j++)
        found |= rt_tuple_items(x)[i] == rt_tuple_items(y)[j];
      if (!found) return RT_FALSE;
    }
    return RT_TRUE;
  }
  return RT_NULL;
}

static rt_val_t union_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  return !store && name == RT_QV(__args__) ? ((union_t *)self)->args : RT_NULL;
}

static const rt_type_t union_type = {
    .type = &rt_type_type,
    .name = RT_Q_UnionType,
    .base = &rt_object_type,
    .print = union_print,
    .binary = union_binary,
    .attr = union_attr,
};

rt_val_t rt_type_union_args(rt_val_t v) {
  return rt_is_obj(v, &union_type) ? ((union_t *)v)->args : RT_NULL;
}

static rt_val_t type_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if (op == RT_BINARY_CONTAINS) {
    rt_val_t m = meta_special(a, RT_QV(__contains__));
    if (m) return rt_bool(rt_obj_truthy(rt_obj_call2(m, a, b)));
    m = meta_special(a, RT_QV(__iter__));
    if (!m) rt_raise_msg(&rt_exc_TypeError, RT_MSG("argument of type 'type' is not iterable"));
    rt_val_t it = rt_obj_getiter(rt_obj_call1(m, a)), v;
    while ((v = rt_obj_iternext(it)) != RT_NULL)
      if (rt_obj_eq(v, b)) return RT_TRUE;
    return RT_FALSE;
  }
  return op == RT_BINARY_OR ? union_of(a, b) : RT_NULL;
}

// cls[index]: a metaclass's __getitem__/__setitem__/__delitem__, else the
// class's __class_getitem__; list[int] and other builtin generics give
// the class itself (annotations only need them to evaluate).
static rt_val_t type_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  const rt_type_t *t = (const rt_type_t *)self;
  rt_val_t meta = rt_type_metaclass(t);
  if (meta) {
    rt_val_t name = value == RT_NULL     ? RT_QV(__getitem__)
                    : value == RT_DELETE ? RT_QV(__delitem__)
                                         : RT_QV(__setitem__);
    rt_val_t m = user_lookup((const rt_type_t *)meta, name);
    if (m) {
      rt_val_t r = rt_obj_call(m, value == RT_NULL || value == RT_DELETE ? 2 : 3,
                               (rt_val_t[]){self, index, value}, NULL);
      return value == RT_NULL ? r : RT_NONE;
    }
  }
  if (value != RT_NULL)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'type' object does not support item assignment"));
  rt_val_t cg = user_lookup(t, RT_QV(__class_getitem__));
  if (cg) {
    // Implicitly a classmethod.
    if (rt_is_obj(cg, &rt_classmethod_type) || rt_is_obj(cg, &rt_staticmethod_type))
      cg = ((rt_bound_t *)cg)->func;
    return rt_obj_call2(cg, self, index);
  }
  return self;
}

static rt_val_t type_unary(rt_unary_op_t op, rt_val_t self) {
  if (op == RT_UNARY_LEN) {
    rt_val_t m = meta_special(self, RT_QV(__len__)); // len(cls) of an enum-like class
    return m ? rt_obj_call1(m, self) : RT_NULL;
  }
  if (op == RT_UNARY_HASH) return rt_small((intptr_t)(self >> 3));
  if (op == RT_UNARY_BOOL) return RT_TRUE;
  return RT_NULL;
}

static rt_val_t type_getiter(rt_val_t self) {
  rt_val_t m = meta_special(self, RT_QV(__iter__));
  if (!m) rt_raise_msg(&rt_exc_TypeError, RT_MSG("'type' object is not iterable"));
  return rt_obj_getiter(rt_obj_call1(m, self));
}

static rt_val_t m_mro(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_list_from_iter(mro_of((const rt_type_t *)args[0]));
}
// type.__call__(cls, *args): makes an instance the usual way (what a
// metaclass's __call__ reaches through super()).
static rt_val_t m_type_call(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  if (!rt_is_type(args[0])) rt_raise_msg(&rt_exc_TypeError, RT_MSG("descriptor '__call__' requires a type"));
  const rt_type_t *t = (const rt_type_t *)args[0];
  if (is_user(t)) return class_instantiate(t, n - 1, args + 1, kw);
  return type_call(args[0], n - 1, args + 1, kw);
}

static RT_BUILTIN(mro_obj, mro, 1, 1, 0, m_mro);
static RT_BUILTIN(type_call_obj, __call__, 1, RT_ARGS_ANY, RT_BF_KW, m_type_call);
static const rt_method_t type_methods[] = {{RT_Q_mro, &mro_obj}, {RT_Q___call__, &type_call_obj}, {0, NULL}};

const rt_type_t rt_type_type = {
    .type = &rt_type_type,
    .name = RT_Q_type,
    .base = &rt_object_type,
    .methods = type_methods,
    .print = type_print,
    .call = type_call,
    .unary = type_unary,
    .binary = type_binary,
    .subscr = type_subscr,
    .getiter = type_getiter,
    .attr = type_attr,
};

// ---- object ----

static rt_val_t object_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)args;
  if (n || (kw && kw->n)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("object() takes no arguments"));
  rt_obj_t *o = rt_gc_alloc(sizeof *o, 0);
  o->type = t;
  return rt_val(o);
}

static rt_val_t m_obj_init(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return RT_NONE;
}

// object.__repr__ / __str__: the builtin rendering, ignoring user overrides.
static rt_val_t m_obj_repr(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_vstr_t v;
  rt_printer_t p;
  rt_print_buffer(&p, &v);
  const rt_type_t *nat = rt_type_native(rt_typeof(args[0]));
  if (nat->print && nat != &rt_object_type)
    nat->print(&p, args[0], true);
  else
    default_repr(&p, args[0]);
  return rt_print_buffer_str(&p);
}

static rt_val_t m_obj_str(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  const rt_type_t *t = rt_typeof(args[0]);
  rt_val_t m = user_lookup(t, RT_QV(__repr__));
  if (m) return call_special(m, args[0], 0, NULL);
  rt_vstr_t v;
  rt_printer_t p;
  rt_print_buffer(&p, &v);
  const rt_type_t *nat = rt_type_native(t);
  if (nat->print && nat != &rt_object_type)
    nat->print(&p, args[0], false);
  else
    default_repr(&p, args[0]);
  return rt_print_buffer_str(&p);
}

static rt_val_t m_obj_eq(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return args[0] == args[1] ? RT_TRUE : rt_val(&rt_notimpl_obj);
}

static rt_val_t m_obj_ne(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_bool(!rt_obj_eq(args[0], args[1]));
}

static rt_val_t m_obj_hash(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_small((intptr_t)(args[0] >> 3));
}

static rt_val_t m_obj_setattr(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_dict_t *d = rt_type_instance_dict(args[0], true);
  if (!d) rt_raise_msg(&rt_exc_AttributeError, RT_MSG("'%t' object has no attribute '%S'"), args[0], args[1]);
  rt_dict_set(d, args[1], args[2]);
  return RT_NONE;
}

// object.__init_subclass__(cls): the end of the chain; takes no keywords.
static rt_val_t m_obj_init_subclass(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n;
  if (kw && kw->n)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q.__init_subclass__() takes no keyword arguments"),
                 rt_is_type(args[0]) ? rt_qstr_val(((const rt_type_t *)args[0])->name) : RT_QV(object));
  return RT_NONE;
}
static RT_BUILTIN(obj_init_subclass_obj, __init_subclass__, 1, 1, RT_BF_KW, m_obj_init_subclass);
static RT_BUILTIN(obj_init_obj, __init__, 1, RT_ARGS_ANY, RT_BF_KW, m_obj_init);
static RT_BUILTIN(obj_repr_obj, __repr__, 1, 1, 0, m_obj_repr);
static RT_BUILTIN(obj_str_obj, __str__, 1, 1, 0, m_obj_str);
static RT_BUILTIN(obj_eq_obj, __eq__, 2, 2, 0, m_obj_eq);
static RT_BUILTIN(obj_ne_obj, __ne__, 2, 2, 0, m_obj_ne);
static RT_BUILTIN(obj_hash_obj, __hash__, 1, 1, 0, m_obj_hash);
static RT_BUILTIN(obj_setattr_obj, __setattr__, 3, 3, 0, m_obj_setattr);
// object.__delattr__(self, name): deletes from the instance dict.
static rt_val_t m_obj_delattr(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_dict_t *d = rt_type_instance_dict(args[0], false);
  if (!d || !rt_dict_pop(d, args[1]))
    rt_raise_msg(&rt_exc_AttributeError, RT_MSG("'%t' object has no attribute '%S'"), args[0], args[1]);
  return RT_NONE;
}
static RT_BUILTIN(obj_delattr_obj, __delattr__, 2, 2, 0, m_obj_delattr);
static const rt_method_t object_methods[] = {
    {RT_Q___init__, &obj_init_obj},
    {RT_Q___repr__, &obj_repr_obj},
    {RT_Q___str__, &obj_str_obj},
    {RT_Q___eq__, &obj_eq_obj},
    {RT_Q___ne__, &obj_ne_obj},
    {RT_Q___hash__, &obj_hash_obj},
    {RT_Q___setattr__, &obj_setattr_obj},
    {RT_Q___delattr__, &obj_delattr_obj},
    {RT_Q___new__, &obj_new_obj},
    {RT_Q___init_subclass__, &obj_init_subclass_obj},
    {0, NULL},
};

static void object_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  default_repr(p, self);
}

const rt_type_t rt_object_type = {
    .type = &rt_type_type,
    .name = RT_Q_object,
    .flags = RT_TYPE_BASETYPE,
    .methods = object_methods,
    .print = object_print,
    .make_new = object_make_new,
};

// ---- None, bool, NotImplemented, Ellipsis ----

static void none_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)self, (void)repr;
  rt_print_str(p, "None", 4);
}

static rt_val_t none_unary(rt_unary_op_t op, rt_val_t self) {
  (void)self;
  if (op == RT_UNARY_BOOL) return RT_FALSE;
  if (op == RT_UNARY_HASH) return rt_small(0x5a5a);
  return RT_NULL;
}

const rt_type_t rt_none_type = {
    .type = &rt_type_type,
    .name = RT_Q_NoneType,
    .base = &rt_object_type,
    .print = none_print,
    .unary = none_unary,
};

static void bool_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  if (self == RT_TRUE)
    rt_print_str(p, "True", 4);
  else
    rt_print_str(p, "False", 5);
}

static rt_val_t bool_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t, (void)kw;
  if (n > 1) rt_raise_msg(&rt_exc_TypeError, RT_MSG("bool expected at most 1 argument, got %z"), n);
  return n ? rt_bool(rt_obj_truthy(args[0])) : RT_FALSE;
}

static rt_val_t bool_unary(rt_unary_op_t op, rt_val_t self) {
  if (op == RT_UNARY_BOOL) return self;
  return rt_int_type.unary(op, rt_small(self == RT_TRUE));
}

static rt_val_t bool_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if ((b == RT_TRUE || b == RT_FALSE) &&
      (op == RT_BINARY_AND || op == RT_BINARY_OR || op == RT_BINARY_XOR || op == RT_BINARY_INPLACE_AND ||
       op == RT_BINARY_INPLACE_OR || op == RT_BINARY_INPLACE_XOR)) {
    bool x = a == RT_TRUE, y = b == RT_TRUE;
    if (op == RT_BINARY_AND || op == RT_BINARY_INPLACE_AND) return rt_bool(x && y);
    if (op == RT_BINARY_OR || op == RT_BINARY_INPLACE_OR) return rt_bool(x || y);
    return rt_bool(x != y);
  }
  return rt_int_binary(op, rt_small(a == RT_TRUE), b);
}

const rt_type_t rt_bool_type = {
    .type = &rt_type_type,
    .name = RT_Q_bool,
    .base = &rt_int_type,
    .print = bool_print,
    .make_new = bool_make_new,
    .unary = bool_unary,
    .binary = bool_binary,
    .attr = rt_int_attr,
};

static void notimpl_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_cstr(p, self == rt_val(&rt_notimpl_obj) ? "NotImplemented" : "Ellipsis");
}

const rt_type_t rt_notimpl_type = {
    .type = &rt_type_type, .name = RT_Q_NotImplementedType, .base = &rt_object_type, .print = notimpl_print};
const rt_type_t rt_ellipsis_type = {
    .type = &rt_type_type, .name = RT_Q_ellipsis, .base = &rt_object_type, .print = notimpl_print};
const rt_obj_t rt_notimpl_obj = {&rt_notimpl_type};
const rt_obj_t rt_ellipsis_obj = {&rt_ellipsis_type};

// ---- staticmethod, classmethod, property (wrappers laid out as rt_bound_t) ----

static rt_val_t wrap_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (n != 1)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%q expected 1 argument, got %z"), rt_qstr_val(t->name), n);
  rt_bound_t *w = rt_gc_alloc(sizeof *w, 0);
  w->type = t;
  w->func = args[0];
  w->self = RT_NONE;
  return rt_val(w);
}

static rt_val_t wrap_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store) return RT_NULL;
  if (name == RT_QV(__func__)) return ((rt_bound_t *)self)->func;
  return RT_NULL;
}

const rt_type_t rt_staticmethod_type = {
    .type = &rt_type_type,
    .name = RT_Q_staticmethod,
    .base = &rt_object_type,
    .make_new = wrap_make_new,
    .attr = wrap_attr,
};

const rt_type_t rt_classmethod_type = {
    .type = &rt_type_type,
    .name = RT_Q_classmethod,
    .base = &rt_object_type,
    .make_new = wrap_make_new,
    .attr = wrap_attr,
};

typedef struct {
  const rt_type_t *type;
  rt_val_t fget, fset, fdel;
} property_t;

static rt_val_t property_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  property_t *p = rt_gc_alloc(sizeof *p, 0);
  p->type = &rt_property_type;
  p->fget = n > 0 ? args[0] : RT_NONE;
  p->fset = n > 1 ? args[1] : RT_NONE;
  p->fdel = n > 2 ? args[2] : RT_NONE;
  rt_val_t v;
  if ((v = rt_kw_get(kw, RT_QV(fget)))) p->fget = v;
  if ((v = rt_kw_get(kw, RT_QV(fset)))) p->fset = v;
  return rt_val(p);
}

static rt_val_t property_copy(rt_val_t self, int which, rt_val_t f) {
  property_t *o = (property_t *)self, *p = rt_gc_alloc(sizeof *p, 0);
  *p = *o;
  if (which == 0) p->fget = f;
  if (which == 1) p->fset = f;
  if (which == 2) p->fdel = f;
  return rt_val(p);
}

static rt_val_t m_setter(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return property_copy(args[0], 1, args[1]);
}
static rt_val_t m_getter(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return property_copy(args[0], 0, args[1]);
}
static rt_val_t m_deleter(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return property_copy(args[0], 2, args[1]);
}
static RT_BUILTIN(setter_obj, setter, 2, 2, 0, m_setter);
static RT_BUILTIN(getter_obj, getter, 2, 2, 0, m_getter);
static RT_BUILTIN(deleter_obj, deleter, 2, 2, 0, m_deleter);
static const rt_method_t property_methods[] = {
    {RT_Q_setter, &setter_obj}, {RT_Q_getter, &getter_obj}, {RT_Q_deleter, &deleter_obj}, {0, NULL}};

static rt_val_t property_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  property_t *p = (property_t *)self;
  if (store) return RT_NULL;
  if (name == RT_QV(fget)) return p->fget;
  if (name == RT_QV(fset)) return p->fset;
  return RT_NULL;
}

const rt_type_t rt_property_type = {
    .type = &rt_type_type,
    .name = RT_Q_property,
    .base = &rt_object_type,
    .methods = property_methods,
    .make_new = property_make_new,
    .attr = property_attr,
};

// ---- attribute protocol ----

typedef struct {
  const rt_type_t *type;
  rt_val_t cls; // the class whose successors are searched
  rt_val_t obj; // the instance (or class, in a classmethod)
} super_t;

// Binds class attribute [a] found for instance [v] (of type [t]).
// Class attribute [a] as seen through [obj] (None for the class [cls]
// itself): what a user descriptor's __get__ gives, else [a].
static rt_val_t descriptor_get(rt_val_t a, rt_val_t obj, rt_val_t cls) {
  const rt_type_t *at = rt_typeof(a);
  rt_val_t g = is_user(at) ? user_lookup(at, RT_QV(__get__)) : RT_NULL;
  return g ? rt_obj_call(g, 3, (rt_val_t[]){a, obj, cls}, NULL) : a;
}

static void bind(rt_val_t a, rt_val_t v, const rt_type_t *t, rt_val_t out[2]) {
  const rt_type_t *at = rt_typeof(a);
  if (a == rt_val(&obj_new_obj)) {
    // __new__ is static: the class is passed explicitly.
    out[0] = a;
    out[1] = RT_NULL;
  } else if (at == &rt_func_type || at == &rt_builtin_type) {
    out[0] = a;
    // A builtin's method works on the builtin value of a boxed instance.
    out[1] = at == &rt_builtin_type ? rt_type_unbox(v) : v;
  } else if (at == &rt_staticmethod_type) {
    out[0] = ((rt_bound_t *)a)->func;
    out[1] = RT_NULL;
  } else if (at == &rt_classmethod_type) {
    out[0] = ((rt_bound_t *)a)->func;
    out[1] = rt_val(t);
  } else if (at == &rt_property_type) {
    rt_val_t g = ((property_t *)a)->fget;
    if (g == RT_NONE) rt_raise_msg(&rt_exc_AttributeError, RT_MSG("property has no getter"));
    out[0] = rt_obj_call1(g, v);
    out[1] = RT_NULL;
  } else {
    out[0] = descriptor_get(a, v, rt_val(t));
    out[1] = RT_NULL;
  }
}

static bool super_lookup(rt_val_t v, rt_val_t name, rt_val_t out[2]) {
  super_t *s = (super_t *)v;
  const rt_type_t *t = rt_is_type(s->obj) ? (const rt_type_t *)s->obj : rt_typeof(s->obj);
  if (rt_is_type(s->obj) && rt_is_type(s->cls) && !rt_obj_subtype(t, (const rt_type_t *)s->cls)) {
    // In a metaclass method the object is a class made by that metaclass.
    rt_val_t meta = rt_type_metaclass(t);
    t = meta ? (const rt_type_t *)meta : (const rt_type_t *)s->cls;
  }
  rt_val_t mro = mro_of(t);
  size_t i = 0, n = rt_tuple_len(mro);
  while (i < n && rt_tuple_items(mro)[i] != s->cls)
    i++;
  for (i++; i < n; i++) {
    const rt_type_t *c = (const rt_type_t *)rt_tuple_items(mro)[i];
    rt_val_t a = lookup_own(c, name);
    if (!a && !is_user(c) && c == &rt_object_type) a = lookup_own(c, name);
    if (a) {
      if (rt_is_type(s->obj) && rt_typeof(a) == &rt_func_type) {
        out[0] = a;
        out[1] = RT_NULL;
      } else {
        bind(a, s->obj, t, out);
      }
      return true;
    }
  }
  return false;
}

// Builtins in method tables that are called on the class, not an instance.
static bool class_level_builtin(rt_val_t name) {
  return name == RT_QV(fromkeys) || name == RT_QV(fromhex) || name == RT_QV(maketrans) ||
         name == RT_QV(from_bytes) || name == RT_QV(__new__);
}

// Class attribute [name] of class [c] for a call or load; a builtin method
// of a builtin type comes wrapped as a checked descriptor.
static rt_val_t class_attr(const rt_type_t *c, rt_val_t name) {
  const rt_type_t *owner = NULL;
  rt_val_t a = RT_NULL;
  if (is_user(c)) {
    rt_val_t mro = as_class(c)->mro;
    for (size_t i = 0; i < rt_tuple_len(mro); i++) {
      owner = (const rt_type_t *)rt_tuple_items(mro)[i];
      if ((a = lookup_own(owner, name)) != RT_NULL) break;
    }
  } else {
    for (owner = c; owner; owner = owner->base)
      if ((a = lookup_own(owner, name)) != RT_NULL) break;
  }
  if (a && owner && !is_user(owner) && rt_is_obj(a, &rt_builtin_type) && !class_level_builtin(name)) {
    // object's methods reached through a builtin class apply to that class.
    return rt_type_method_descr(owner == &rt_object_type && !is_user(c) ? c : owner, a);
  }
  return a;
}

bool rt_type_attr_lookup(rt_val_t v, rt_val_t name, rt_val_t out[2]) {
  const rt_type_t *t = rt_typeof(v);
  out[1] = RT_NULL;
  if (t == &rt_super_type) return super_lookup(v, name, out);
  if (t == &rt_type_type) {
    // Attribute of a class: its MRO, then the type's own attributes.
    const rt_type_t *c = (const rt_type_t *)v;
    rt_val_t a = class_attr(c, name);
    if (a) {
      const rt_type_t *at = rt_typeof(a);
      if (at == &rt_staticmethod_type) {
        out[0] = ((rt_bound_t *)a)->func;
      } else if (at == &rt_classmethod_type) {
        out[0] = ((rt_bound_t *)a)->func;
        out[1] = v;
      } else {
        out[0] = descriptor_get(a, RT_NONE, v);
      }
      return true;
    }
    a = type_attr(v, name, RT_NULL);
    if (a) {
      out[0] = a;
      return true;
    }
    if (name == RT_QV(__class__)) {
      rt_val_t meta = rt_type_metaclass(c);
      out[0] = meta ? meta : rt_val(&rt_type_type);
      return true;
    }
    a = lookup_own(&rt_type_type, name);
    if (a) {
      out[0] = a;
      out[1] = v;
      return true;
    }
    // Methods of a metaclass apply to its classes.
    rt_val_t meta = rt_type_metaclass(c);
    if (meta && (a = rt_type_lookup((const rt_type_t *)meta, name)) != RT_NULL) {
      bind(a, v, (const rt_type_t *)meta, out);
      return true;
    }
    return false;
  }
  if ((t->flags & (RT_TYPE_USER | RT_TYPE_DESCR | RT_TYPE_EXC)) == RT_TYPE_USER) {
    // No descriptors anywhere in the MRO: the instance's own dict wins.
    rt_dict_t *d0 = rt_type_instance_dict(v, false);
    rt_val_t x = d0 ? rt_dict_get(d0, name) : RT_NULL;
    if (x) {
      out[0] = x;
      return true;
    }
  }
  rt_val_t a = rt_type_lookup(t, name);
  if (a && (rt_typeof(a) == &rt_property_type || data_descriptor(a))) {
    bind(a, v, t, out);
    return true;
  }
  rt_dict_t *d = rt_type_instance_dict(v, false);
  if (d && !(rt_type_native(t)->flags & RT_TYPE_EXC)) {
    rt_val_t x = rt_dict_get(d, name);
    if (x) {
      out[0] = x;
      return true;
    }
  }
  if (t->attr) {
    rt_val_t x = t->attr(v, name, RT_NULL);
    if (x) {
      out[0] = x;
      return true;
    }
  }
  if (a) {
    bind(a, v, t, out);
    return true;
  }
  if (name == RT_QV(__class__)) {
    out[0] = rt_val(t);
    return true;
  }
  if (name == RT_QV(__dict__) && (d || (d = rt_type_instance_dict(v, true)))) {
    out[0] = rt_val(d);
    return true;
  }
  if (is_user(t)) {
    rt_val_t ga = user_lookup(t, RT_QV(__getattr__));
    if (ga) {
      out[0] = call_special(ga, v, 1, &name);
      return true;
    }
  }
  return false;
}

bool rt_type_attr_store(rt_val_t v, rt_val_t name, rt_val_t value) {
  const rt_type_t *t = rt_typeof(v);
  if (is_user(t)) {
    rt_val_t a = rt_type_lookup(t, name);
    if (a && is_user(rt_typeof(a))) {
      // A data descriptor: __set__ / __delete__ decide.
      rt_val_t m = user_lookup(rt_typeof(a), value == RT_DELETE ? RT_QV(__delete__) : RT_QV(__set__));
      if (m) {
        rt_obj_call(m, value == RT_DELETE ? 2 : 3, (rt_val_t[]){a, v, value}, NULL);
        return true;
      }
    }
    if (a && rt_typeof(a) == &rt_property_type) {
      property_t *p = (property_t *)a;
      rt_val_t f = value == RT_DELETE ? p->fdel : p->fset;
      if (f == RT_NONE) rt_raise_msg(&rt_exc_AttributeError, RT_MSG("can't set attribute '%q'"), name);
      if (value == RT_DELETE)
        rt_obj_call1(f, v);
      else
        rt_obj_call2(f, v, value);
      return true;
    }
    bool del = value == RT_DELETE;
    rt_val_t sa = user_lookup(t, del ? RT_QV(__delattr__) : RT_QV(__setattr__));
    if (sa) {
      rt_val_t args[3] = {v, name, value};
      rt_obj_call(sa, del ? 2 : 3, args, NULL);
      return true;
    }
  }
  if (t->attr && t->attr(v, name, value)) return true;
  rt_dict_t *d = rt_type_instance_dict(v, value != RT_DELETE);
  if (!d) return false;
  if (value == RT_DELETE) return rt_dict_pop(d, name) != RT_NULL;
  rt_dict_set(d, name, value);
  return true;
}

// ---- super ----

static rt_val_t super_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t, (void)kw;
  rt_val_t cls, obj;
  if (n == 2) {
    cls = args[0];
    obj = args[1];
  } else if (n == 0) {
    if (!rt_vm_super_args(&cls, &obj)) rt_raise_msg(&rt_exc_RuntimeError, RT_MSG("super(): no arguments"));
  } else {
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("super() takes 0 or 2 arguments"));
  }
  if (!rt_is_type(cls)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("super() argument 1 must be a type"));
  super_t *s = rt_gc_alloc(sizeof *s, 0);
  s->type = &rt_super_type;
  s->cls = cls;
  s->obj = obj;
  return rt_val(s);
}

static void super_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  super_t *s = (super_t *)self;
  rt_print_format(p, "<super: <class '%q'>, <%t object>>", rt_qstr_val(((const rt_type_t *)s->cls)->name),
                  s->obj);
}

const rt_type_t rt_super_type = {
    .type = &rt_type_type,
    .name = RT_Q_super,
    .base = &rt_object_type,
    .print = super_print,
    .make_new = super_make_new,
};

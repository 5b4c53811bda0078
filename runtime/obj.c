// SPDX-License-Identifier: MIT
// obj.c: the generic object protocol: dispatch through type slots with
// Python's fallbacks (reflected operands, in-place to plain, identity
// equality, __len__ for truth, iteration for "in").
#include <string.h>

#include "obj.h"
#include "gc.h"
#include "hal.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "obj_type.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

static const char *const binary_symbols[] = {
#define X(n, s, d, r) s,
    RT_BINARY_OPS(X)
#undef X
};

const char *rt_obj_type_name(rt_val_t v) {
  return rt_qstr_cstr(rt_typeof(v)->name);
}

bool rt_obj_subtype(const rt_type_t *t, const rt_type_t *base) {
  if (t == base || base == &rt_object_type) return true;
  if (t->flags & RT_TYPE_USER) {
    rt_val_t mro = ((const rt_class_t *)t)->mro;
    for (size_t i = 0; i < rt_tuple_len(mro); i++) {
      const rt_type_t *c = (const rt_type_t *)rt_tuple_items(mro)[i];
      if (c == base) return true;
    }
    return false;
  }
  for (t = t->base; t; t = t->base)
    if (t == base) return true;
  return false;
}

bool rt_obj_isinstance(rt_val_t v, const rt_type_t *t) {
  return rt_obj_subtype(rt_typeof(v), t);
}

rt_val_t rt_obj_unary(rt_unary_op_t op, rt_val_t v) {
  const rt_type_t *t = rt_typeof(v);
  rt_val_t r = t->unary ? t->unary(op, v) : RT_NULL;
  if (r) return r;
  switch (op) {
  case RT_UNARY_BOOL: return RT_TRUE;
  case RT_UNARY_HASH: return rt_small((intptr_t)(v >> 3));
  case RT_UNARY_LEN: rt_raise_msg(&rt_exc_TypeError, RT_MSG("object of type '%t' has no len()"), v);
  case RT_UNARY_NEG: rt_raise_msg(&rt_exc_TypeError, RT_MSG("bad operand type for unary -: '%t'"), v);
  case RT_UNARY_POS: rt_raise_msg(&rt_exc_TypeError, RT_MSG("bad operand type for unary +: '%t'"), v);
  case RT_UNARY_INVERT: rt_raise_msg(&rt_exc_TypeError, RT_MSG("bad operand type for unary ~: '%t'"), v);
  case RT_UNARY_ABS: rt_raise_msg(&rt_exc_TypeError, RT_MSG("bad operand type for abs(): '%t'"), v);
  case RT_UNARY_INT:
    rt_raise_msg(&rt_exc_TypeError,
                 RT_MSG("int() argument must be a string, a bytes-like object or a real number, not '%t'"),
                 v);
  default:
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("float() argument must be a string or a real number, not '%t'"),
                 v);
  }
}

bool rt_obj_truthy(rt_val_t v) {
  if (v == RT_TRUE) return true;
  if (v == RT_FALSE || v == RT_NONE) return false;
  if (rt_is_small(v)) return v != rt_small(0);
  return rt_obj_unary(RT_UNARY_BOOL, v) == RT_TRUE;
}

intptr_t rt_obj_hash(rt_val_t v) {
  if (rt_is_small(v)) return rt_small_get(v);
  if (rt_is_str(v)) return (intptr_t)rt_str_hash(v);
  const rt_type_t *t = rt_typeof(v);
  if (t == &rt_list_type || t == &rt_dict_type)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("unhashable type: '%t'"), v);
  return rt_small_get(rt_obj_unary(RT_UNARY_HASH, v));
}

size_t rt_obj_len(rt_val_t v) {
  rt_val_t r = rt_obj_unary(RT_UNARY_LEN, v);
  if (!rt_is_small(r))
    rt_raise_msg(&rt_exc_OverflowError, RT_MSG("Python int too large to convert to C ssize_t"));
  return (size_t)rt_small_get(r);
}

// Tries a's slot, then the reflected form on b. RT_NULL if neither applies.
static rt_val_t try_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  const rt_type_t *ta = rt_typeof(a), *tb = rt_typeof(b);
  // A subclass's reflected method goes first (Python's rule).
  if (ta != tb && (tb->flags & RT_TYPE_USER) && rt_obj_subtype(tb, ta)) {
    rt_val_t r = rt_type_binary_reflected(op, b, a);
    if (r) return r;
  }
  if (ta->binary) {
    rt_val_t r = ta->binary(op, a, b);
    if (r) return r;
  }
  if (ta != tb) {
    if (tb->flags & RT_TYPE_USER) return rt_type_binary_reflected(op, b, a);
    rt_binary_op_t plain = op >= RT_BINARY_INPLACE_FIRST && op < RT_BINARY_LT
                               ? (rt_binary_op_t)(op - RT_BINARY_INPLACE_FIRST - 1)
                               : op;
    // Builtin types handle mixed operands themselves except "n * seq".
    if (plain == RT_BINARY_MUL && tb->binary) return tb->binary(RT_BINARY_MUL, b, a);
    if ((plain == RT_BINARY_EQ || plain == RT_BINARY_NE) && tb->binary) return tb->binary(plain, b, a);
    if (plain >= RT_BINARY_LT && plain <= RT_BINARY_GE && plain != RT_BINARY_EQ && tb->binary) {
      static const rt_binary_op_t swap[] = {RT_BINARY_GT, RT_BINARY_LT, RT_BINARY_EQ, RT_BINARY_GE,
                                            RT_BINARY_LE};
      return tb->binary(swap[plain - RT_BINARY_LT], b, a);
    }
  }
  return RT_NULL;
}

rt_val_t rt_obj_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  rt_val_t r = try_binary(op, a, b);
  if (r) return r;
  if (op >= RT_BINARY_INPLACE_FIRST && op < RT_BINARY_LT) {
    op = (rt_binary_op_t)(op - RT_BINARY_INPLACE_FIRST - 1);
    r = try_binary(op, a, b);
    if (r) return r;
  }
  if (op == RT_BINARY_EQ) return rt_bool(a == b);
  if (op == RT_BINARY_NE) return rt_bool(a != b);
  if (op == RT_BINARY_CONTAINS) {
    rt_val_t it = rt_obj_getiter(a), x;
    while ((x = rt_obj_iternext(it)) != RT_NULL)
      if (rt_obj_eq(x, b)) return RT_TRUE;
    return RT_FALSE;
  }
  if (op >= RT_BINARY_LT) {
    static const char *const cmp[] = {"<", ">", "==", "<=", ">=", "!="};
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%s' not supported between instances of '%t' and '%t'"),
                 cmp[op - RT_BINARY_LT], a, b);
  }
  if (op < RT_BINARY_INPLACE_FIRST) {
    if (op == RT_BINARY_ADD && rt_is_str(a))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("can only concatenate str (not \"%t\") to str"), b);
    if (op == RT_BINARY_ADD && rt_is_obj(a, &rt_list_type))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("can only concatenate list (not \"%t\") to list"), b);
    if (op == RT_BINARY_ADD && rt_is_obj(a, &rt_tuple_type))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("can only concatenate tuple (not \"%t\") to tuple"), b);
    if (op == RT_BINARY_MUL && (rt_is_str(a) || rt_is_str(b) || rt_is_obj(a, &rt_list_type)))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("can't multiply sequence by non-int of type '%t'"),
                   rt_is_str(a) || rt_is_obj(a, &rt_list_type) ? b : a);
    if (op == RT_BINARY_POW)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("unsupported operand type(s) for ** or pow(): '%t' and '%t'"), a,
                   b);
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("unsupported operand type(s) for %s: '%t' and '%t'"),
                 binary_symbols[op], a, b);
  }
  rt_raise_msg(&rt_exc_TypeError, RT_MSG("unsupported operand"));
}

rt_val_t rt_obj_compare(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if (rt_is_small(a) && rt_is_small(b)) {
    intptr_t x = (intptr_t)a, y = (intptr_t)b;
    switch (op) {
    case RT_BINARY_LT: return rt_bool(x < y);
    case RT_BINARY_LE: return rt_bool(x <= y);
    case RT_BINARY_GT: return rt_bool(x > y);
    case RT_BINARY_GE: return rt_bool(x >= y);
    case RT_BINARY_EQ: return rt_bool(x == y);
    default: return rt_bool(x != y);
    }
  }
  if (op == RT_BINARY_NE) {
    rt_val_t r = try_binary(RT_BINARY_NE, a, b);
    if (r) return r;
    return rt_bool(!rt_obj_eq(a, b));
  }
  return rt_obj_binary(op, a, b);
}

bool rt_obj_eq(rt_val_t a, rt_val_t b) {
  if (a == b) return true;
  if (rt_is_small(a) && rt_is_small(b)) return false;
  if (rt_is_str(a) && rt_is_str(b)) return rt_str_eq(a, b);
  return rt_obj_truthy(rt_obj_binary(RT_BINARY_EQ, a, b));
}

bool rt_obj_contains(rt_val_t a, rt_val_t b) {
  return rt_obj_truthy(rt_obj_binary(RT_BINARY_CONTAINS, a, b));
}

void rt_obj_print(rt_printer_t *p, rt_val_t v, bool repr) {
  const rt_type_t *t = rt_typeof(v);
  if (t->print) {
    t->print(p, v, repr);
    return;
  }
  rt_print_format(p, "<%q object at %p>", rt_qstr_val(t->name), (void *)v);
}

// str(i) for a small int: the digits go straight into the new str,
// without the growable buffer of a printer.
static rt_val_t small_int_str(intptr_t i) {
  char buf[24], *e = buf + sizeof buf, *q = e;
  uintptr_t m = i < 0 ? (uintptr_t)0 - (uintptr_t)i : (uintptr_t)i;
  do {
    *--q = (char)('0' + m % 10);
    m /= 10;
  } while (m);
  if (i < 0) *--q = '-';
  return rt_str_new(q, (size_t)(e - q));
}

rt_val_t rt_obj_str(rt_val_t v) {
  if (rt_is_str(v)) return v;
  if (rt_is_small(v)) return small_int_str(rt_small_get(v));
  rt_vstr_t buf;
  rt_printer_t p;
  rt_print_buffer(&p, &buf);
  rt_obj_print(&p, v, false);
  return rt_print_buffer_str(&p);
}

rt_val_t rt_obj_repr(rt_val_t v) {
  if (rt_is_small(v)) return small_int_str(rt_small_get(v));
  rt_vstr_t buf;
  rt_printer_t p;
  rt_print_buffer(&p, &buf);
  rt_obj_print(&p, v, true);
  return rt_print_buffer_str(&p);
}

// ---- attributes ----

bool rt_obj_load_method_maybe(rt_val_t v, rt_val_t name, rt_val_t out[2]) {
  return rt_type_attr_lookup(v, name, out);
}

static __attribute__((noreturn)) void no_attr(rt_val_t v, rt_val_t name) {
  if (rt_is_type(v))
    rt_raise_msg(&rt_exc_AttributeError, RT_MSG("type object '%q' has no attribute '%S'"),
                 rt_qstr_val(((const rt_type_t *)v)->name), name);
  if (rt_is_obj(v, &rt_module_type))
    rt_raise_msg(&rt_exc_AttributeError, RT_MSG("module '%S' has no attribute '%S'"),
                 rt_obj_getattr_maybe(v, RT_QV(__name__)), name);
  rt_raise_msg(&rt_exc_AttributeError, RT_MSG("'%t' object has no attribute '%S'"), v, name);
}

void rt_obj_load_method(rt_val_t v, rt_val_t name, rt_val_t out[2]) {
  if (!rt_type_attr_lookup(v, name, out)) no_attr(v, name);
}

rt_val_t rt_obj_getattr_maybe(rt_val_t v, rt_val_t name) {
  rt_val_t out[2];
  if (!rt_type_attr_lookup(v, name, out)) return RT_NULL;
  if (out[1]) return rt_bound_new(out[0], out[1]);
  return out[0];
}

rt_val_t rt_obj_getattr(rt_val_t v, rt_val_t name) {
  rt_val_t r = rt_obj_getattr_maybe(v, name);
  if (!r) no_attr(v, name);
  return r;
}

void rt_obj_setattr(rt_val_t v, rt_val_t name, rt_val_t value) {
  if (rt_type_attr_store(v, name, value)) return;
  rt_raise_msg(&rt_exc_AttributeError, RT_MSG("'%t' object has no attribute '%S'"), v, name);
}

void rt_obj_delattr(rt_val_t v, rt_val_t name) {
  if (rt_type_attr_store(v, name, RT_DELETE)) return;
  no_attr(v, name);
}

// ---- subscripts ----

rt_val_t rt_obj_subscr(rt_val_t v, rt_val_t index) {
  const rt_type_t *t = rt_typeof(v);
  if (!t->subscr) {
    if (rt_is_type(v)) return v; // list[int] and friends: accept and ignore
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object is not subscriptable"), v);
  }
  return t->subscr(v, index, RT_NULL);
}

void rt_obj_store_subscr(rt_val_t v, rt_val_t index, rt_val_t value) {
  const rt_type_t *t = rt_typeof(v);
  if (!t->subscr) rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object does not support item assignment"), v);
  t->subscr(v, index, value);
}

void rt_obj_del_subscr(rt_val_t v, rt_val_t index) {
  const rt_type_t *t = rt_typeof(v);
  if (!t->subscr) rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object doesn't support item deletion"), v);
  t->subscr(v, index, RT_DELETE);
}

// ---- calls ----

rt_val_t rt_obj_call(rt_val_t f, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  const rt_type_t *t = rt_typeof(f);
  if (t == &rt_builtin_type) {
    const rt_builtin_t *b = (const rt_builtin_t *)f;
    if (kw && kw->n == 0) kw = NULL;
    rt_builtin_check(b, n, args, kw);
    return b->fn(n, args, kw);
  }
  if (!t->call) rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object is not callable"), f);
  return t->call(f, n, args, kw);
}

rt_val_t rt_obj_call_method(const rt_val_t m[2], size_t n, const rt_val_t *args) {
  if (!m[1]) return rt_obj_call(m[0], n, args, NULL);
  rt_val_t buf[6];
  rt_val_t *a = n + 1 <= 6 ? buf : rt_gc_alloc((n + 1) * sizeof(rt_val_t), 0);
  a[0] = m[1];
  rt_memcpy(a + 1, args, n * sizeof(rt_val_t));
  return rt_obj_call(m[0], n + 1, a, NULL);
}

rt_val_t rt_obj_call0(rt_val_t f) {
  return rt_obj_call(f, 0, NULL, NULL);
}
rt_val_t rt_obj_call1(rt_val_t f, rt_val_t a) {
  return rt_obj_call(f, 1, &a, NULL);
}
rt_val_t rt_obj_call2(rt_val_t f, rt_val_t a, rt_val_t b) {
  rt_val_t args[2] = {a, b};
  return rt_obj_call(f, 2, args, NULL);
}

// ---- iteration ----

rt_val_t rt_obj_getiter(rt_val_t v) {
  const rt_type_t *t = rt_typeof(v);
  if (t->flags & RT_TYPE_ITER_SELF) return v;
  if (t->getiter) return t->getiter(v);
  rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object is not iterable"), v);
}

rt_val_t rt_obj_iternext(rt_val_t it) {
  // Builtins that loop in C (sum, list(), sorted, ...) come through here:
  // keep them interruptible.
  if (--rt_state->poll_countdown <= 0) {
    rt_state->poll_countdown = RT_POLL_INTERVAL;
    hal_poll();
  }
  if (rt_state->interrupt) {
    rt_state->interrupt = 0;
    rt_raise(rt_exc_new(&rt_exc_KeyboardInterrupt, 0, NULL));
  }
  const rt_type_t *t = rt_typeof(it);
  if (!t->iternext) rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object is not an iterator"), it);
  return t->iternext(it);
}

// ---- conversions ----

long long rt_obj_get_ll(rt_val_t v) {
  v = rt_type_unbox(v);
  if (rt_is_obj(v, &rt_int_type)) {
    const rt_bigint_t *b = (const rt_bigint_t *)rt_ptr(v);
    if (b->len > 2 || (b->len == 2 && (b->digits[1] & 0x80000000u)))
      rt_raise_msg(&rt_exc_OverflowError, RT_MSG("Python int too large to convert to C long"));
    return (long long)rt_int_low64(v);
  }
  return rt_obj_get_int(v);
}

intptr_t rt_obj_get_int(rt_val_t v) {
  if (rt_is_small(v)) return rt_small_get(v);
  if (v == RT_TRUE) return 1;
  if (v == RT_FALSE) return 0;
  if (rt_is_obj(v, &rt_int_type)) {
    // A big int may still fit the machine word: on a 32-bit target small
    // ints stop at 2**30, C's ssize_t at 2**31.
    const rt_bigint_t *b = (const rt_bigint_t *)rt_ptr(v);
    if (b->len <= 2) {
      int64_t x = (int64_t)rt_int_low64(v);
      if ((x < 0) == rt_int_is_neg(v) && x >= INTPTR_MIN && x <= INTPTR_MAX &&
          (b->len < 2 || !(b->digits[1] & 0x80000000u)))
        return (intptr_t)x;
    }
    rt_raise_msg(&rt_exc_OverflowError, RT_MSG("Python int too large to convert to C ssize_t"));
  }
  if (rt_obj_isinstance(v, &rt_int_type)) return rt_obj_get_int(rt_type_unbox(v));
  rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object cannot be interpreted as an integer"), v);
}

double rt_obj_get_float(rt_val_t v) {
  v = rt_type_unbox(v);
  if (rt_is_obj(v, &rt_float_type)) return rt_float_get(v);
  if (rt_is_small(v) || v == RT_TRUE || v == RT_FALSE || rt_is_obj(v, &rt_int_type))
    return rt_int_to_double(v);
  rt_val_t f = rt_obj_unary(RT_UNARY_FLOAT, v);
  if (!rt_is_obj(f, &rt_float_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("must be real number, not %t"), v);
  return rt_float_get(f);
}

size_t rt_obj_index(rt_val_t index, size_t len, const char *what) {
  index = rt_type_unbox(index);
  if (!rt_is_small(index) && index != RT_TRUE && index != RT_FALSE) {
    if (rt_is_obj(index, &rt_int_type))
      rt_raise_msg(&rt_exc_IndexError, RT_MSG("cannot fit 'int' into an index-sized integer"));
    // An object with __index__ indexes as the int it gives.
    rt_val_t m[2];
    if ((rt_typeof(index)->flags & RT_TYPE_USER) && rt_obj_load_method_maybe(index, RT_QV(__index__), m)) {
      rt_val_t r = rt_obj_call_method(m, 0, NULL);
      if (!rt_is_small(r) && !rt_is_obj(r, &rt_int_type))
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("__index__ returned non-int (type %t)"), r);
      return rt_obj_index(r, len, what);
    }
    if (what[0] == 's' && what[1] == 't') // CPython's str words it differently
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("string indices must be integers, not '%t'"), index);
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s indices must be integers or slices, not %t"), what, index);
  }
  intptr_t i = rt_obj_get_int(index);
  if (i < 0) i += (intptr_t)len;
  if (i < 0 || (size_t)i >= len) rt_raise_msg(&rt_exc_IndexError, RT_MSG("%s index out of range"), what);
  return (size_t)i;
}

size_t rt_obj_get_items(rt_val_t v, rt_val_t **items) {
  if (rt_is_obj(v, &rt_tuple_type)) {
    *items = rt_tuple_items(v);
    return rt_tuple_len(v);
  }
  if (rt_is_obj(v, &rt_list_type)) {
    *items = ((rt_list_t *)v)->items;
    return ((rt_list_t *)v)->len;
  }
  rt_raise_msg(&rt_exc_TypeError, RT_MSG("expected tuple or list, not %t"), v);
}

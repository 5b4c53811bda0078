// SPDX-License-Identifier: MIT
// obj_range.c: the range type, with 64-bit bounds and a slower form for
// bigger ones (obj_range.h).
#include "obj_range.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_slice.h"
#include "obj_tuple.h"
#include "obj_type.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

#define RANGE_LIMIT ((int64_t)1 << 61)

// Length of a compact range (step != 0).
static int64_t range_len(const rt_range_t *r) {
  if (r->step > 0) return r->stop > r->start ? (r->stop - r->start + r->step - 1) / r->step : 0;
  return r->start > r->stop ? (r->start - r->stop - r->step - 1) / -r->step : 0;
}

// [v] as a 64-bit int in *x when it is an int that fits; false otherwise.
static bool int_value(rt_val_t v, int64_t *x) {
  if (rt_is_small(v)) {
    *x = rt_small_get(v);
    return true;
  }
  if (!rt_is_obj(v, &rt_int_type)) return false;
  const rt_bigint_t *b = (const rt_bigint_t *)rt_ptr(v);
  if (b->len > 2 || (b->len == 2 && (b->digits[1] & 0x80000000u))) return false;
  *x = (int64_t)rt_int_low64(v);
  return true;
}

static bool is_int(rt_val_t v) {
  return rt_is_small(v) || rt_is_obj(v, &rt_int_type);
}

// ---- ranges with big bounds (step 0, see obj_range.h) ----
// Their arithmetic goes through the int type's generic operations: slow,
// but only programs that reach beyond 2**61 pay for it.

static rt_val_t add(rt_val_t a, rt_val_t b) {
  return rt_obj_binary(RT_BINARY_ADD, a, b);
}
static rt_val_t sub(rt_val_t a, rt_val_t b) {
  return rt_obj_binary(RT_BINARY_SUB, a, b);
}
static rt_val_t mul(rt_val_t a, rt_val_t b) {
  return rt_obj_binary(RT_BINARY_MUL, a, b);
}

// Start, stop and step of either form, as ints, in [b].
static void bounds(const rt_range_t *r, rt_val_t b[3]) {
  if (r->step) {
    b[0] = rt_range_value(r->start);
    b[1] = rt_range_value(r->stop);
    b[2] = rt_range_value(r->step);
  } else {
    rt_memcpy(b, rt_tuple_items(r->big), 3 * sizeof(rt_val_t));
  }
}

// The number of items of a range with bounds [b], as an int.
static rt_val_t big_len(const rt_val_t b[3]) {
  bool up = !rt_int_is_neg(b[2]);
  rt_val_t lo = up ? b[0] : b[1], hi = up ? b[1] : b[0];
  if (rt_int_cmp(hi, lo) <= 0) return rt_small(0);
  rt_val_t step = up ? b[2] : rt_obj_unary(RT_UNARY_NEG, b[2]);
  return add(rt_obj_binary(RT_BINARY_FLOORDIV, sub(sub(hi, lo), rt_small(1)), step), rt_small(1));
}

static bool big_has(const rt_val_t b[3], rt_val_t x) {
  bool up = !rt_int_is_neg(b[2]);
  if (up ? rt_int_cmp(x, b[0]) < 0 || rt_int_cmp(x, b[1]) >= 0
         : rt_int_cmp(x, b[0]) > 0 || rt_int_cmp(x, b[1]) <= 0)
    return false;
  return rt_obj_binary(RT_BINARY_MOD, sub(x, b[0]), b[2]) == rt_small(0);
}

// A range over int bounds [b] (nonzero step): the compact form when they fit.
static rt_val_t range_from(const rt_val_t b[3]) {
  int64_t x[3];
  bool compact = true;
  for (int i = 0; i < 3 && compact; i++)
    compact = int_value(b[i], &x[i]) && x[i] <= RANGE_LIMIT && x[i] >= -RANGE_LIMIT;
  if (compact) {
    rt_range_t *r = rt_gc_alloc(sizeof *r, RT_GC_LEAF);
    r->type = &rt_range_type;
    r->start = x[0];
    r->stop = x[1];
    r->step = x[2];
    return rt_val(r);
  }
  rt_range_t *r = rt_gc_alloc(sizeof *r, 0);
  r->type = &rt_range_type;
  r->big = rt_tuple_new(3, b);
  r->step = 0;
  return rt_val(r);
}

static rt_val_t slice_int(rt_val_t v) {
  v = rt_type_unbox(v);
  if (v == RT_TRUE || v == RT_FALSE) return rt_small(v == RT_TRUE);
  if (!is_int(v))
    rt_raise_msg(&rt_exc_TypeError,
                 RT_MSG("slice indices must be integers or None or have an __index__ method"));
  return v;
}

// A slice bound resolved against [len] as CPython does for big lengths.
static rt_val_t slice_bound(rt_val_t v, rt_val_t len, bool back, bool is_start) {
  if (v == RT_NONE) {
    if (is_start) return back ? sub(len, rt_small(1)) : rt_small(0);
    return back ? rt_small(-1) : len;
  }
  v = slice_int(v);
  if (rt_int_is_neg(v)) {
    v = add(v, len);
    if (rt_int_is_neg(v)) v = back ? rt_small(-1) : rt_small(0);
  } else if (rt_int_cmp(v, len) >= 0) {
    v = back ? sub(len, rt_small(1)) : len;
  }
  return v;
}

// Indexing and slicing with int arithmetic: ranges with big bounds, and
// compact ranges whose products could overflow 64 bits.
static rt_val_t big_subscr(const rt_range_t *r, rt_val_t index) {
  rt_val_t b[3];
  bounds(r, b);
  rt_val_t len = big_len(b);
  if (rt_is_obj(index, &rt_slice_type)) {
    const rt_slice_t *sl = (const rt_slice_t *)index;
    rt_val_t step = sl->step == RT_NONE ? rt_small(1) : slice_int(sl->step);
    if (step == rt_small(0)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("slice step cannot be zero"));
    bool back = rt_int_is_neg(step);
    rt_val_t lo = slice_bound(sl->start, len, back, true), hi = slice_bound(sl->stop, len, back, false);
    rt_val_t nb[3] = {add(b[0], mul(lo, b[2])), add(b[0], mul(hi, b[2])), mul(b[2], step)};
    return range_from(nb);
  }
  index = rt_type_unbox(index);
  if (!is_int(index))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("range indices must be integers or slices, not %t"), index);
  if (rt_int_is_neg(index)) index = add(index, len);
  if (rt_int_is_neg(index) || rt_int_cmp(index, len) >= 0)
    rt_raise_msg(&rt_exc_IndexError, RT_MSG("range object index out of range"));
  return add(b[0], mul(index, b[2]));
}

// ---- the type ----

// An argument of range(): an int (bools and int subclasses as plain ints).
static rt_val_t arg(rt_val_t v) {
  v = rt_type_unbox(v);
  if (v == RT_TRUE || v == RT_FALSE) return rt_small(v == RT_TRUE);
  if (!is_int(v))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object cannot be interpreted as an integer"), v);
  return v;
}

static rt_val_t range_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t, (void)kw;
  if (n < 1 || n > 3)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("range expected at most 3 arguments, got %z"), n);
  rt_val_t b[3] = {rt_small(0), RT_NULL, rt_small(1)};
  if (n == 1) {
    b[1] = arg(args[0]);
  } else {
    b[0] = arg(args[0]);
    b[1] = arg(args[1]);
    if (n == 3) b[2] = arg(args[2]);
  }
  if (b[2] == rt_small(0)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("range() arg 3 must not be zero"));
  return range_from(b);
}

static void range_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_val_t b[3];
  bounds((rt_range_t *)self, b);
  rt_print_format(p, "range(%r, %r", b[0], b[1]);
  if (b[2] != rt_small(1)) rt_print_format(p, ", %r", b[2]);
  rt_print_cstr(p, ")");
}

static rt_val_t range_unary(rt_unary_op_t op, rt_val_t self) {
  rt_range_t *r = (rt_range_t *)self;
  if (op != RT_UNARY_BOOL && op != RT_UNARY_LEN) return RT_NULL;
  if (r->step) return op == RT_UNARY_BOOL ? rt_bool(range_len(r) != 0) : rt_range_value(range_len(r));
  rt_val_t b[3];
  bounds(r, b);
  rt_val_t len = big_len(b);
  if (op == RT_UNARY_BOOL) return rt_bool(len != rt_small(0));
  // As CPython: a length must fit a signed 64-bit size.
  int64_t x;
  if (!int_value(len, &x))
    rt_raise_msg(&rt_exc_OverflowError, RT_MSG("Python int too large to convert to C ssize_t"));
  return len;
}

static bool range_has(const rt_range_t *r, int64_t x) {
  if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return false;
  return (x - r->start) % r->step == 0;
}

static rt_val_t range_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  rt_range_t *r = (rt_range_t *)a;
  if (op == RT_BINARY_CONTAINS) {
    int64_t x;
    if (r->step && int_value(b, &x)) return rt_bool(range_has(r, x));
    if (r->step && rt_is_obj(b, &rt_int_type)) return RT_FALSE; // beyond any bound
    if (!r->step && is_int(b)) {
      rt_val_t bb[3];
      bounds(r, bb);
      return rt_bool(big_has(bb, b));
    }
    rt_val_t it = rt_obj_getiter(a), v;
    while ((v = rt_obj_iternext(it)) != RT_NULL)
      if (rt_obj_eq(v, b)) return RT_TRUE;
    return RT_FALSE;
  }
  if (op == RT_BINARY_EQ && rt_is_obj(b, &rt_range_type)) {
    rt_range_t *s = (rt_range_t *)b;
    if (r->step && s->step) {
      int64_t la = range_len(r), lb = range_len(s);
      if (la != lb) return RT_FALSE;
      if (la == 0) return RT_TRUE;
      return rt_bool(r->start == s->start && (la == 1 || r->step == s->step));
    }
    rt_val_t x[3], y[3];
    bounds(r, x);
    bounds(s, y);
    rt_val_t la = big_len(x);
    if (!rt_obj_eq(la, big_len(y))) return RT_FALSE;
    if (la == rt_small(0)) return RT_TRUE;
    return rt_bool(rt_obj_eq(x[0], y[0]) && (la == rt_small(1) || rt_obj_eq(x[2], y[2])));
  }
  return RT_NULL;
}

static rt_val_t range_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  if (value != RT_NULL)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'range' object does not support item assignment"));
  rt_range_t *r = (rt_range_t *)self;
  if (!r->step) return big_subscr(r, index);
  int64_t len = range_len(r);
  if (rt_is_obj(index, &rt_slice_type)) {
    // 64-bit arithmetic is exact while lengths and steps stay below 2**31
    // (|bound| <= 2**61 + 2**62); beyond that, slice with ints.
    const int64_t cap = (int64_t)1 << 31;
    if (len > cap || len > (int64_t)(SIZE_MAX >> 1) || r->step > cap || r->step < -cap)
      return big_subscr(r, index);
    intptr_t start, stop, step;
    rt_slice_bounds(index, (size_t)len, &start, &stop, &step);
    if ((int64_t)step > cap || (int64_t)step < -cap) return big_subscr(r, index);
    rt_val_t b[3] = {rt_range_value(r->start + (int64_t)start * r->step),
                     rt_range_value(r->start + (int64_t)stop * r->step), rt_range_value(r->step * step)};
    return range_from(b);
  }
  index = rt_type_unbox(index);
  int64_t i;
  if (!int_value(index, &i)) {
    if (rt_is_obj(index, &rt_int_type))
      rt_raise_msg(&rt_exc_IndexError, RT_MSG("range object index out of range"));
    size_t cap = len > (int64_t)(SIZE_MAX >> 1) ? SIZE_MAX >> 1 : (size_t)len;
    i = (int64_t)rt_obj_index(index, cap, "range object");
  }
  if (i < 0) i += len;
  if (i < 0 || i >= len) rt_raise_msg(&rt_exc_IndexError, RT_MSG("range object index out of range"));
  return rt_range_value(r->start + i * r->step);
}

static rt_val_t range_iter_next(rt_val_t self) {
  rt_range_iter_t *it = (rt_range_iter_t *)self;
  if (it->step > 0 ? it->cur >= it->stop : it->cur <= it->stop) return RT_NULL;
  int64_t v = it->cur;
  it->cur += it->step;
  return rt_range_value(v);
}

const rt_type_t rt_range_iter_type = {
    .type = &rt_type_type,
    .name = RT_Q_range_iterator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .iternext = range_iter_next,
};

// The iterator of a range with big bounds: the next value and how many
// are left, as ints.
typedef struct {
  const rt_type_t *type;
  rt_val_t cur, step, left;
} long_iter_t;

static rt_val_t long_iter_next(rt_val_t self) {
  long_iter_t *it = (long_iter_t *)self;
  if (it->left == rt_small(0)) return RT_NULL;
  rt_val_t v = it->cur;
  it->cur = add(v, it->step);
  it->left = sub(it->left, rt_small(1));
  return v;
}

static const rt_type_t long_iter_type = {
    .type = &rt_type_type,
    .name = RT_Q_longrange_iterator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .iternext = long_iter_next,
};

static rt_val_t range_getiter(rt_val_t self) {
  rt_range_t *r = (rt_range_t *)self;
  if (!r->step) {
    rt_val_t b[3];
    bounds(r, b);
    long_iter_t *it = rt_gc_alloc(sizeof *it, 0);
    it->type = &long_iter_type;
    it->cur = b[0];
    it->step = b[2];
    it->left = big_len(b);
    return rt_val(it);
  }
  rt_range_iter_t *it = rt_gc_alloc(sizeof *it, RT_GC_LEAF);
  it->type = &rt_range_iter_type;
  it->cur = r->start;
  it->stop = r->stop;
  it->step = r->step;
  return rt_val(it);
}

static rt_val_t range_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store) return RT_NULL;
  int i = name == RT_QV(start) ? 0 : name == RT_QV(stop) ? 1 : name == RT_QV(step) ? 2 : -1;
  if (i < 0) return RT_NULL;
  rt_val_t b[3];
  bounds((rt_range_t *)self, b);
  return b[i];
}

// Position of [x] in the range or RT_NULL; non-int values are compared by
// iterating (so 5.0 is found like CPython finds it). Counts matches in *hits.
static rt_val_t range_find(rt_val_t self, rt_val_t x, size_t *hits) {
  rt_range_t *r = (rt_range_t *)self;
  int64_t v64;
  if (r->step && int_value(x, &v64)) {
    if (!range_has(r, v64)) return RT_NULL;
    *hits = 1;
    return rt_range_value((v64 - r->start) / r->step);
  }
  if (r->step && rt_is_obj(x, &rt_int_type)) return RT_NULL;
  if (!r->step && is_int(x)) {
    rt_val_t b[3];
    bounds(r, b);
    if (!big_has(b, x)) return RT_NULL;
    *hits = 1;
    return rt_obj_binary(RT_BINARY_FLOORDIV, sub(x, b[0]), b[2]);
  }
  int64_t pos = -1, i = 0;
  rt_val_t it = rt_obj_getiter(self), v;
  while ((v = rt_obj_iternext(it)) != RT_NULL) {
    if (rt_obj_eq(v, x)) {
      if (pos < 0) pos = i;
      ++*hits;
    }
    i++;
  }
  return pos < 0 ? RT_NULL : rt_range_value(pos);
}
static rt_val_t m_index(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  size_t hits = 0;
  rt_val_t pos = range_find(args[0], args[1], &hits);
  if (!pos) {
    if (rt_is_small(args[1]) || rt_is_obj(args[1], &rt_int_type))
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("%r is not in range"), args[1]);
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("sequence.index(x): x not in sequence"));
  }
  return pos;
}
static rt_val_t m_count(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  size_t hits = 0;
  range_find(args[0], args[1], &hits);
  return rt_small((intptr_t)hits);
}
static RT_BUILTIN(index_obj, index, 2, 2, 0, m_index);
static RT_BUILTIN(count_obj, count, 2, 2, 0, m_count);
static const rt_method_t range_methods[] = {
    {RT_Q_index, &index_obj},
    {RT_Q_count, &count_obj},
    {0, NULL},
};

const rt_type_t rt_range_type = {
    .type = &rt_type_type,
    .name = RT_Q_range,
    .base = &rt_object_type,
    .print = range_print,
    .make_new = range_make_new,
    .unary = range_unary,
    .binary = range_binary,
    .attr = range_attr,
    .subscr = range_subscr,
    .getiter = range_getiter,
    .methods = range_methods,
};

// SPDX-License-Identifier: MIT
// obj_range.c: the range type, with 64-bit bounds (obj_range.h).
#include "obj_range.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_slice.h"
#include "obj_type.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

#define RANGE_LIMIT ((int64_t)1 << 61)

static int64_t range_len(const rt_range_t *r) {
  if (r->step > 0) return r->stop > r->start ? (r->stop - r->start + r->step - 1) / r->step : 0;
  return r->start > r->stop ? (r->start - r->stop - r->step - 1) / -r->step : 0;
}

static int64_t arg(rt_val_t v) {
  v = rt_type_unbox(v);
  if (!rt_is_small(v) && v != RT_TRUE && v != RT_FALSE && !rt_is_obj(v, &rt_int_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object cannot be interpreted as an integer"), v);
  long long x = rt_obj_get_ll(v);
  if (x > RANGE_LIMIT || x < -RANGE_LIMIT)
    rt_raise_msg(&rt_exc_OverflowError, RT_MSG("range() argument too large for this board"));
  return x;
}

static rt_val_t range_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t, (void)kw;
  if (n < 1 || n > 3)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("range expected at most 3 arguments, got %z"), n);
  rt_range_t *r = rt_gc_alloc(sizeof *r, RT_GC_LEAF);
  r->type = &rt_range_type;
  r->step = 1;
  if (n == 1) {
    r->stop = arg(args[0]);
  } else {
    r->start = arg(args[0]);
    r->stop = arg(args[1]);
    if (n == 3) r->step = arg(args[2]);
  }
  if (r->step == 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("range() arg 3 must not be zero"));
  return rt_val(r);
}

static void range_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_range_t *r = (rt_range_t *)self;
  rt_print_format(p, "range(%r, %r", rt_range_value(r->start), rt_range_value(r->stop));
  if (r->step != 1) rt_print_format(p, ", %r", rt_range_value(r->step));
  rt_print_cstr(p, ")");
}

static rt_val_t range_unary(rt_unary_op_t op, rt_val_t self) {
  rt_range_t *r = (rt_range_t *)self;
  switch (op) {
  case RT_UNARY_BOOL: return rt_bool(range_len(r) != 0);
  case RT_UNARY_LEN: return rt_range_value(range_len(r));
  default: return RT_NULL;
  }
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

static bool range_has(const rt_range_t *r, int64_t x) {
  if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return false;
  return (x - r->start) % r->step == 0;
}

static rt_val_t range_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  rt_range_t *r = (rt_range_t *)a;
  if (op == RT_BINARY_CONTAINS) {
    int64_t x;
    if (int_value(b, &x)) return rt_bool(range_has(r, x));
    if (rt_is_obj(b, &rt_int_type)) return RT_FALSE; // beyond any bound
    rt_val_t it = rt_obj_getiter(a), v;
    while ((v = rt_obj_iternext(it)) != RT_NULL)
      if (rt_obj_eq(v, b)) return RT_TRUE;
    return RT_FALSE;
  }
  if (op == RT_BINARY_EQ && rt_is_obj(b, &rt_range_type)) {
    rt_range_t *s = (rt_range_t *)b;
    int64_t la = range_len(r), lb = range_len(s);
    if (la != lb) return RT_FALSE;
    if (la == 0) return RT_TRUE;
    return rt_bool(r->start == s->start && (la == 1 || r->step == s->step));
  }
  return RT_NULL;
}

static rt_val_t range_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  if (value != RT_NULL)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'range' object does not support item assignment"));
  rt_range_t *r = (rt_range_t *)self;
  int64_t len = range_len(r);
  if (rt_is_obj(index, &rt_slice_type)) {
    if ((uint64_t)len > (uint64_t)(SIZE_MAX >> 1))
      rt_raise_msg(&rt_exc_OverflowError, RT_MSG("range too long to slice on this board"));
    intptr_t start, stop, step;
    rt_slice_bounds(index, (size_t)len, &start, &stop, &step);
    rt_range_t *q = rt_gc_alloc(sizeof *q, RT_GC_LEAF);
    q->type = &rt_range_type;
    q->start = r->start + (int64_t)start * r->step;
    q->step = r->step * step;
    q->stop = r->start + (int64_t)stop * r->step;
    return rt_val(q);
  }
  index = rt_type_unbox(index);
  int64_t i;
  if (!int_value(index, &i)) {
    if (rt_is_obj(index, &rt_int_type))
      rt_raise_msg(&rt_exc_IndexError, RT_MSG("cannot fit 'int' into an index-sized integer"));
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

static rt_val_t range_getiter(rt_val_t self) {
  rt_range_t *r = (rt_range_t *)self;
  rt_range_iter_t *it = rt_gc_alloc(sizeof *it, RT_GC_LEAF);
  it->type = &rt_range_iter_type;
  it->cur = r->start;
  it->stop = r->stop;
  it->step = r->step;
  return rt_val(it);
}

static rt_val_t range_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  rt_range_t *r = (rt_range_t *)self;
  if (store) return RT_NULL;
  if (name == RT_QV(start)) return rt_range_value(r->start);
  if (name == RT_QV(stop)) return rt_range_value(r->stop);
  if (name == RT_QV(step)) return rt_range_value(r->step);
  return RT_NULL;
}

// Position of [x] in the range or -1; non-int values are compared by
// iterating (so 5.0 is found like CPython finds it).
static int64_t range_find(rt_val_t self, rt_val_t x, size_t *hits) {
  rt_range_t *r = (rt_range_t *)self;
  int64_t v64;
  if (int_value(x, &v64)) {
    if (!range_has(r, v64)) return -1;
    *hits = 1;
    return (v64 - r->start) / r->step;
  }
  if (rt_is_obj(x, &rt_int_type)) return -1;
  int64_t pos = -1, i = 0;
  rt_val_t it = rt_obj_getiter(self), v;
  while ((v = rt_obj_iternext(it)) != RT_NULL) {
    if (rt_obj_eq(v, x)) {
      if (pos < 0) pos = i;
      ++*hits;
    }
    i++;
  }
  return pos;
}
static rt_val_t m_index(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  size_t hits = 0;
  int64_t pos = range_find(args[0], args[1], &hits);
  if (pos < 0) {
    if (rt_is_small(args[1]) || rt_is_obj(args[1], &rt_int_type))
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("%r is not in range"), args[1]);
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("sequence.index(x): x not in sequence"));
  }
  return rt_range_value(pos);
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

// SPDX-License-Identifier: MIT
// obj_range.c: the range type (small-int bounds only).
#include "obj_range.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_slice.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

static intptr_t range_len(const rt_range_t *r) {
  if (r->step > 0) return r->stop > r->start ? (r->stop - r->start + r->step - 1) / r->step : 0;
  return r->start > r->stop ? (r->start - r->stop - r->step - 1) / -r->step : 0;
}

static intptr_t arg(rt_val_t v) {
  if (!rt_is_small(v) && v != RT_TRUE && v != RT_FALSE)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object cannot be interpreted as an integer"), v);
  return rt_obj_get_int(v);
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
  rt_print_format(p, "range(%r, %r", rt_small(r->start), rt_small(r->stop));
  if (r->step != 1) rt_print_format(p, ", %r", rt_small(r->step));
  rt_print_cstr(p, ")");
}

static rt_val_t range_unary(rt_unary_op_t op, rt_val_t self) {
  rt_range_t *r = (rt_range_t *)self;
  switch (op) {
  case RT_UNARY_BOOL: return rt_bool(range_len(r) != 0);
  case RT_UNARY_LEN: return rt_small(range_len(r));
  default: return RT_NULL;
  }
}

static rt_val_t range_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  rt_range_t *r = (rt_range_t *)a;
  if (op == RT_BINARY_CONTAINS) {
    if (!rt_is_small(b)) {
      rt_val_t it = rt_obj_getiter(a), v;
      while ((v = rt_obj_iternext(it)) != RT_NULL)
        if (rt_obj_eq(v, b)) return RT_TRUE;
      return RT_FALSE;
    }
    intptr_t x = rt_small_get(b);
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return RT_FALSE;
    return rt_bool((x - r->start) % r->step == 0);
  }
  if (op == RT_BINARY_EQ && rt_is_obj(b, &rt_range_type)) {
    rt_range_t *s = (rt_range_t *)b;
    intptr_t la = range_len(r), lb = range_len(s);
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
  intptr_t len = range_len(r);
  if (rt_is_obj(index, &rt_slice_type)) {
    intptr_t start, step;
    size_t cnt = rt_slice_indices(index, (size_t)len, &start, &step);
    rt_range_t *q = rt_gc_alloc(sizeof *q, RT_GC_LEAF);
    q->type = &rt_range_type;
    q->start = r->start + start * r->step;
    q->step = r->step * step;
    q->stop = q->start + (intptr_t)cnt * q->step;
    return rt_val(q);
  }
  size_t i = rt_obj_index(index, (size_t)len, "range object");
  return rt_small(r->start + (intptr_t)i * r->step);
}

static rt_val_t range_iter_next(rt_val_t self) {
  rt_range_iter_t *it = (rt_range_iter_t *)self;
  if (it->step > 0 ? it->cur >= it->stop : it->cur <= it->stop) return RT_NULL;
  intptr_t v = it->cur;
  it->cur += it->step;
  return rt_small(v);
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
  if (name == RT_QV(start)) return rt_small(r->start);
  if (name == RT_QV(stop)) return rt_small(r->stop);
  if (name == RT_QV(step)) return rt_small(r->step);
  return RT_NULL;
}

// Position of [x] in the range or -1; non-int values are compared by
// iterating (so 5.0 is found like CPython finds it).
static intptr_t range_find(rt_val_t self, rt_val_t x, size_t *hits) {
  rt_range_t *r = (rt_range_t *)self;
  if (rt_is_small(x)) {
    if (range_binary(RT_BINARY_CONTAINS, self, x) != RT_TRUE) return -1;
    *hits = 1;
    return (rt_small_get(x) - r->start) / r->step;
  }
  intptr_t pos = -1, i = 0;
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
  intptr_t pos = range_find(args[0], args[1], &hits);
  if (pos < 0) {
    if (rt_is_small(args[1])) rt_raise_msg(&rt_exc_ValueError, RT_MSG("%r is not in range"), args[1]);
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("sequence.index(x): x not in sequence"));
  }
  return rt_small(pos);
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

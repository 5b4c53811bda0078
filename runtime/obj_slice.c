// SPDX-License-Identifier: MIT
// obj_slice.c: the slice type.
#include "obj_slice.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_tuple.h"
#include "obj_type.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

rt_val_t rt_slice_new(rt_val_t start, rt_val_t stop, rt_val_t step) {
  rt_slice_t *s = rt_gc_alloc(sizeof *s, 0);
  s->type = &rt_slice_type;
  s->start = start;
  s->stop = stop;
  s->step = step;
  return rt_val(s);
}

static intptr_t bound(rt_val_t v) {
  v = rt_type_unbox(v);
  if (!rt_is_small(v) && v != RT_TRUE && v != RT_FALSE) {
    if (rt_obj_isinstance(v, &rt_int_type)) return rt_int_is_neg(v) ? -(INTPTR_MAX / 4) : INTPTR_MAX / 4;
    rt_raise_msg(&rt_exc_TypeError,
                 RT_MSG("slice indices must be integers or None or have an __index__ method"));
  }
  return rt_obj_get_int(v);
}

size_t rt_slice_indices(rt_val_t slice, size_t len, intptr_t *start, intptr_t *step) {
  rt_slice_t *s = (rt_slice_t *)slice;
  intptr_t st = s->step == RT_NONE ? 1 : bound(s->step);
  if (st == 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("slice step cannot be zero"));
  intptr_t n = (intptr_t)len, a, b;
  if (st > 0) {
    a = s->start == RT_NONE ? 0 : bound(s->start);
    b = s->stop == RT_NONE ? n : bound(s->stop);
    if (a < 0) a = a + n < 0 ? 0 : a + n;
    if (b < 0) b = b + n < 0 ? 0 : b + n;
    if (a > n) a = n;
    if (b > n) b = n;
    *start = a;
    *step = st;
    return b > a ? (size_t)((b - a + st - 1) / st) : 0;
  }
  a = s->start == RT_NONE ? n - 1 : bound(s->start);
  b = s->stop == RT_NONE ? -1 : bound(s->stop);
  if (s->start != RT_NONE && a < 0) a = a + n < 0 ? -1 : a + n;
  if (s->stop != RT_NONE && b < 0) b = b + n < 0 ? -1 : b + n;
  if (a >= n) a = n - 1;
  if (b >= n) b = n - 1;
  *start = a;
  *step = st;
  return a > b ? (size_t)((a - b - st - 1) / -st) : 0;
}

static void slice_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_slice_t *s = (rt_slice_t *)self;
  rt_print_format(p, "slice(%r, %r, %r)", s->start, s->stop, s->step);
}

static rt_val_t slice_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  rt_slice_t *s = (rt_slice_t *)self;
  if (store) return RT_NULL;
  if (name == RT_QV(start)) return s->start;
  if (name == RT_QV(stop)) return s->stop;
  if (name == RT_QV(step)) return s->step;
  return RT_NULL;
}

// slice.indices(len): (start, stop, step) clamped like CPython does.
static rt_val_t m_indices(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_slice_t *s = (rt_slice_t *)args[0];
  intptr_t len = rt_obj_get_int(args[1]);
  if (len < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("length should not be negative"));
  intptr_t st = s->step == RT_NONE ? 1 : bound(s->step);
  if (st == 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("slice step cannot be zero"));
  intptr_t lower = st < 0 ? -1 : 0, upper = st < 0 ? len - 1 : len, v[2];
  rt_val_t ends[2] = {s->start, s->stop};
  for (int k = 0; k < 2; k++) {
    if (ends[k] == RT_NONE) {
      v[k] = (st < 0) == (k == 0) ? upper : lower;
      continue;
    }
    intptr_t x = bound(ends[k]);
    if (x < 0) {
      x += len;
      if (x < lower) x = lower;
    } else if (x > upper) {
      x = upper;
    }
    v[k] = x;
  }
  rt_val_t items[3] = {rt_small(v[0]), rt_small(v[1]), rt_small(st)};
  return rt_tuple_new(3, items);
}
void rt_slice_bounds(rt_val_t slice, size_t len, intptr_t *start, intptr_t *stop, intptr_t *step) {
  rt_val_t a[2] = {slice, rt_small((intptr_t)len)};
  rt_val_t *t = rt_tuple_items(m_indices(2, a, NULL));
  *start = rt_small_get(t[0]);
  *stop = rt_small_get(t[1]);
  *step = rt_small_get(t[2]);
}

// slice == slice compares (start, stop, step) item by item.
static rt_val_t slice_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if ((op != RT_BINARY_EQ && op != RT_BINARY_NE) || !rt_is_obj(b, &rt_slice_type)) return RT_NULL;
  rt_slice_t *x = (rt_slice_t *)a, *y = (rt_slice_t *)b;
  bool eq = rt_obj_eq(x->start, y->start) && rt_obj_eq(x->stop, y->stop) && rt_obj_eq(x->step, y->step);
  return rt_bool(op == RT_BINARY_EQ ? eq : !eq);
}

static RT_BUILTIN(indices_obj, indices, 2, 2, 0, m_indices);
static const rt_method_t slice_methods[] = {
    {RT_Q_indices, &indices_obj},
    {0, NULL},
};

static rt_val_t slice_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t, (void)kw;
  if (n < 1 || n > 3) rt_raise_msg(&rt_exc_TypeError, RT_MSG("slice expected 1 to 3 arguments"));
  if (n == 1) return rt_slice_new(RT_NONE, args[0], RT_NONE);
  return rt_slice_new(args[0], args[1], n > 2 ? args[2] : RT_NONE);
}

const rt_type_t rt_slice_type = {
    .type = &rt_type_type,
    .name = RT_Q_slice,
    .base = &rt_object_type,
    .print = slice_print,
    .make_new = slice_make_new,
    .attr = slice_attr,
    .binary = slice_binary,
    .methods = slice_methods,
};

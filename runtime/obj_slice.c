// SPDX-License-Identifier: MIT
// obj_slice.c: the slice type.
#include "obj_slice.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_int.h"
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
};

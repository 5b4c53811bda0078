// SPDX-License-Identifier: MIT
// obj_memoryview.c: the memoryview type.
//
// A view keeps its base object (never another view: slicing a view makes
// a view of the same base) and an offset, step and length. The base's data
// is looked up on every access because a bytearray may move its buffer;
// if the base shrank under the view, access raises ValueError instead of
// reading past the end.
#include <string.h>

#include "obj_memoryview.h"
#include "gc.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "obj_slice.h"
#include "obj_str.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

typedef struct {
  const rt_type_t *type; // &rt_memoryview_type
  rt_val_t base;         // bytes or bytearray
  size_t start, len;
  intptr_t step;
  bool readonly;
} memview_t;

#define MV(v) ((memview_t *)(v))

// The base's bytes, checked to still cover the whole view.
static uint8_t *base_data(memview_t *m) {
  size_t n;
  uint8_t *d;
  if (rt_is_obj(m->base, &rt_bytearray_type)) {
    d = ((rt_bytearray_t *)m->base)->data;
    n = ((rt_bytearray_t *)m->base)->len;
  } else {
    d = (uint8_t *)rt_str_data(m->base, &n);
  }
  if (m->len) {
    intptr_t last = (intptr_t)m->start + (intptr_t)(m->len - 1) * m->step;
    if (last < 0 || (size_t)last >= n)
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("operation forbidden on released memoryview object"));
  }
  return d;
}

static rt_val_t view_new(rt_val_t base, size_t start, size_t len, intptr_t step, bool readonly) {
  memview_t *m = rt_gc_alloc(sizeof *m, 0);
  m->type = &rt_memoryview_type;
  m->base = base;
  m->start = start;
  m->len = len;
  m->step = step;
  m->readonly = readonly;
  return rt_val(m);
}

bool rt_memoryview_buffer(rt_val_t v, uint8_t **data, size_t *len, bool writable) {
  if (!rt_is_obj(v, &rt_memoryview_type)) return false;
  memview_t *m = MV(v);
  if ((m->step != 1 && m->len > 1) || (writable && m->readonly)) return false;
  *data = base_data(m) + m->start;
  *len = m->len;
  return true;
}

static rt_val_t mv_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  if (kw || n != 1) rt_raise_msg(&rt_exc_TypeError, RT_MSG("memoryview() takes exactly one argument"));
  rt_val_t v = args[0];
  if (rt_is_obj(v, &rt_memoryview_type)) {
    memview_t *m = MV(v);
    return view_new(m->base, m->start, m->len, m->step, m->readonly);
  }
  const uint8_t *d;
  size_t len;
  if (!rt_bytes_buffer(v, &d, &len))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("memoryview: a bytes-like object is required, not '%t'"), v);
  return view_new(v, 0, len, 1, !rt_is_obj(v, &rt_bytearray_type));
}

static void mv_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_format(p, "<memory at %p>", (void *)self);
}

// The view's bytes copied into a new bytes object.
static rt_val_t to_bytes(rt_val_t self) {
  memview_t *m = MV(self);
  char *d;
  rt_val_t r = rt_str_new_uninit(m->len, &d);
  ((rt_str_t *)r)->type = &rt_bytes_type;
  const uint8_t *s = base_data(m);
  for (size_t i = 0; i < m->len; i++)
    d[i] = (char)s[(intptr_t)m->start + (intptr_t)i * m->step];
  return r;
}

static rt_val_t mv_unary(rt_unary_op_t op, rt_val_t self) {
  memview_t *m = MV(self);
  switch (op) {
  case RT_UNARY_BOOL: return rt_bool(m->len != 0);
  case RT_UNARY_LEN: return rt_small((intptr_t)m->len);
  case RT_UNARY_HASH: {
    if (!m->readonly) rt_raise_msg(&rt_exc_ValueError, RT_MSG("cannot hash writable memoryview object"));
    return rt_small(rt_obj_hash(to_bytes(self)));
  }
  default: return RT_NULL;
  }
}

static rt_val_t mv_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if (op != RT_BINARY_EQ && op != RT_BINARY_NE) return RT_NULL;
  bool eq = false;
  if (rt_is_obj(b, &rt_memoryview_type)) b = to_bytes(b);
  const uint8_t *db;
  size_t nb;
  if (rt_bytes_buffer(b, &db, &nb)) {
    rt_val_t x = to_bytes(a);
    size_t na;
    const char *da = rt_str_data(x, &na);
    rt_bytes_buffer(b, &db, &nb);
    eq = na == nb && (na == 0 || memcmp(da, db, na) == 0);
  }
  return rt_bool(op == RT_BINARY_EQ ? eq : !eq);
}

static uint8_t byte_value(rt_val_t v) {
  if (!rt_is_small(v) && !rt_is_obj(v, &rt_int_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("memoryview: invalid type for format 'B'"));
  intptr_t x = rt_is_small(v) ? rt_small_get(v) : -1;
  if (x < 0 || x > 255) rt_raise_msg(&rt_exc_ValueError, RT_MSG("memoryview: invalid value for format 'B'"));
  return (uint8_t)x;
}

static rt_val_t mv_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  memview_t *m = MV(self);
  if (value == RT_DELETE) rt_raise_msg(&rt_exc_TypeError, RT_MSG("cannot delete memory"));
  if (value != RT_NULL && m->readonly)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("cannot modify read-only memory"));
  if (rt_is_obj(index, &rt_slice_type)) {
    intptr_t start, step;
    size_t cnt = rt_slice_indices(index, m->len, &start, &step);
    size_t first = (size_t)((intptr_t)m->start + start * m->step);
    if (value == RT_NULL) return view_new(m->base, first, cnt, step * m->step, m->readonly);
    const uint8_t *src;
    size_t n;
    if (!rt_bytes_buffer(value, &src, &n))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("a bytes-like object is required, not '%t'"), value);
    if (n != cnt)
      rt_raise_msg(&rt_exc_ValueError,
                   RT_MSG("memoryview assignment: lvalue and rvalue have different structures"));
    uint8_t *d = base_data(m);
    rt_bytes_buffer(value, &src, &n);
    // Through a temporary copy: source and target may overlap.
    rt_vstr_t tmp;
    rt_vstr_init(&tmp, n);
    rt_vstr_add(&tmp, (const char *)src, n);
    for (size_t i = 0; i < cnt; i++)
      d[(intptr_t)first + (intptr_t)i * step * m->step] = (uint8_t)tmp.buf[i];
    rt_vstr_free(&tmp);
    return RT_NONE;
  }
  if (!rt_is_small(index)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("memoryview: invalid slice key"));
  intptr_t i = rt_small_get(index);
  if (i < 0) i += (intptr_t)m->len;
  if (i < 0 || (size_t)i >= m->len)
    rt_raise_msg(&rt_exc_IndexError, RT_MSG("index out of bounds on dimension 1"));
  uint8_t *d = base_data(m);
  size_t at = (size_t)((intptr_t)m->start + i * m->step);
  if (value == RT_NULL) return rt_small(d[at]);
  uint8_t b = byte_value(value);
  d = base_data(m);
  d[at] = b;
  return RT_NONE;
}

static rt_val_t mv_getiter(rt_val_t self) {
  return rt_obj_getiter(to_bytes(self));
}

static rt_val_t m_tobytes(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return to_bytes(args[0]);
}

static rt_val_t m_tolist(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_list_from_iter(to_bytes(args[0]));
}

static rt_val_t m_hex(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_bytes_hex(to_bytes(args[0]));
}

static rt_val_t m_release(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw, (void)args;
  return RT_NONE;
}

static rt_val_t mv_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store) return RT_NULL;
  if (name == RT_QV(readonly)) return rt_bool(MV(self)->readonly);
  if (name == RT_QV(nbytes)) return rt_small((intptr_t)MV(self)->len);
  if (name == RT_QV(obj)) return MV(self)->base;
  return RT_NULL;
}

static RT_BUILTIN(tobytes_obj, tobytes, 1, 1, 0, m_tobytes);
static RT_BUILTIN(tolist_obj, tolist, 1, 1, 0, m_tolist);
static RT_BUILTIN(hex_obj, hex, 1, 1, 0, m_hex);
static RT_BUILTIN(release_obj, release, 1, 1, 0, m_release);
static const rt_method_t mv_methods[] = {{RT_Q_tobytes, &tobytes_obj},
                                         {RT_Q_tolist, &tolist_obj},
                                         {RT_Q_hex, &hex_obj},
                                         {RT_Q_release, &release_obj},
                                         {0, NULL}};

const rt_type_t rt_memoryview_type = {
    .type = &rt_type_type,
    .name = RT_Q_memoryview,
    .base = &rt_object_type,
    .methods = mv_methods,
    .print = mv_print,
    .make_new = mv_make_new,
    .unary = mv_unary,
    .binary = mv_binary,
    .attr = mv_attr,
    .subscr = mv_subscr,
    .getiter = mv_getiter,
};

// SPDX-License-Identifier: MIT
// obj_bytearray.c: the bytearray type.
//
// Invariants: len <= alloc; data holds alloc bytes (NULL when 0).
#include "obj_bytearray.h"
#include "format.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "obj_slice.h"
#include "obj_str.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

#define BA(v) ((rt_bytearray_t *)(v))

static void ensure(rt_bytearray_t *b, size_t need) {
  if (need <= b->alloc) return;
  size_t cap = b->alloc < 8 ? 8 : b->alloc * 2;
  if (cap < need) cap = need;
  b->data = rt_gc_realloc_ex(b->data, cap, RT_GC_LEAF);
  b->alloc = cap;
}

rt_val_t rt_bytearray_new(const void *data, size_t n) {
  rt_bytearray_t *b = rt_gc_alloc(sizeof *b, 0);
  b->type = &rt_bytearray_type;
  if (n) {
    b->data = rt_gc_alloc(n, RT_GC_LEAF);
    b->alloc = n;
    if (data) rt_memcpy(b->data, data, n);
  }
  b->len = n;
  return rt_val(b);
}

static uint8_t byte_of(rt_val_t v) {
  intptr_t x = rt_obj_get_int(v);
  if (x < 0 || x > 255) rt_raise_msg(&rt_exc_ValueError, RT_MSG("byte must be in range(0, 256)"));
  return (uint8_t)x;
}

// Appends every byte of [src] (bytes, bytearray, str not allowed, or an
// iterable of ints).
static void extend(rt_val_t self, rt_val_t src) {
  rt_bytearray_t *b = BA(self);
  if (rt_is_obj(src, &rt_bytes_type) || rt_is_obj(src, &rt_bytearray_type)) {
    size_t n;
    const uint8_t *d;
    if (rt_is_obj(src, &rt_bytes_type))
      d = (const uint8_t *)rt_str_data(src, &n);
    else {
      d = BA(src)->data;
      n = BA(src)->len;
    }
    ensure(b, b->len + n);
    if (rt_is_obj(src, &rt_bytearray_type)) d = BA(src)->data;
    rt_memmove(b->data + b->len, d, n);
    b->len += n;
    return;
  }
  if (rt_is_str(src)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("expected an iterable of ints, not str"));
  rt_val_t it = rt_obj_getiter(src), v;
  while ((v = rt_obj_iternext(it)) != RT_NULL) {
    uint8_t x = byte_of(v);
    ensure(b, b->len + 1);
    b->data[b->len++] = x;
  }
}

static rt_val_t ba_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t, (void)kw;
  if (n == 0) return rt_bytearray_new(NULL, 0);
  rt_val_t v = args[0];
  if (rt_is_small(v)) {
    intptr_t k = rt_small_get(v);
    if (k < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("negative count"));
    return rt_bytearray_new(NULL, (size_t)k);
  }
  if (rt_is_str(v)) {
    if (n < 2) rt_raise_msg(&rt_exc_TypeError, RT_MSG("string argument without an encoding"));
    size_t len;
    const char *s = rt_str_data(v, &len);
    return rt_bytearray_new(s, len);
  }
  rt_val_t r = rt_bytearray_new(NULL, 0);
  extend(r, v);
  return r;
}

static void ba_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_str(p, "bytearray(", 10);
  rt_obj_print(p, rt_bytes_new((const char *)BA(self)->data, BA(self)->len), true);
  rt_print_str(p, ")", 1);
}

static rt_val_t ba_unary(rt_unary_op_t op, rt_val_t self) {
  switch (op) {
  case RT_UNARY_BOOL: return rt_bool(BA(self)->len != 0);
  case RT_UNARY_LEN: return rt_small((intptr_t)BA(self)->len);
  case RT_UNARY_HASH: rt_raise_msg(&rt_exc_TypeError, RT_MSG("unhashable type: 'bytearray'"));
  default: return RT_NULL;
  }
}

static bool bytes_like(rt_val_t v, const uint8_t **d, size_t *n) {
  if (rt_is_obj(v, &rt_bytearray_type)) {
    *d = BA(v)->data;
    *n = BA(v)->len;
    return true;
  }
  if (rt_is_obj(v, &rt_bytes_type)) {
    *d = (const uint8_t *)rt_str_data(v, n);
    return true;
  }
  return false;
}

static rt_val_t ba_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  const uint8_t *da = NULL, *db = NULL;
  size_t na = 0, nb = 0;
  bytes_like(a, &da, &na);
  switch (op) {
  case RT_BINARY_ADD: {
    if (!bytes_like(b, &db, &nb)) {
      // Only a class of the user's can still answer with __radd__.
      if (rt_typeof(b)->flags & RT_TYPE_USER) return RT_NULL;
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("can't concat %t to %t"), b, a);
    }
    rt_val_t r = rt_bytearray_new(NULL, na + nb);
    bytes_like(a, &da, &na);
    bytes_like(b, &db, &nb);
    rt_memcpy(BA(r)->data, da, na);
    rt_memcpy(BA(r)->data + na, db, nb);
    return r;
  }
  case RT_BINARY_INPLACE_ADD: {
    const uint8_t *d;
    size_t n;
    if (!rt_bytes_buffer(b, &d, &n)) { // += takes buffers only, unlike extend()
      if (rt_typeof(b)->flags & RT_TYPE_USER) return RT_NULL;
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("can't concat %t to %t"), b, a);
    }
    extend(a, b);
    return a;
  }
  case RT_BINARY_MUL:
  case RT_BINARY_INPLACE_MUL: {
    if (!rt_is_small(b)) return RT_NULL;
    intptr_t k = rt_small_get(b);
    if (k < 0) k = 0;
    if (k && na > ((size_t)-1 >> 2) / (size_t)k) rt_raise_memory_error();
    rt_val_t r = rt_bytearray_new(NULL, na * (size_t)k);
    for (intptr_t i = 0; i < k; i++)
      rt_memcpy(BA(r)->data + (size_t)i * na, BA(a)->data, na);
    if (op == RT_BINARY_MUL) return r;
    BA(a)->data = BA(r)->data;
    BA(a)->len = BA(a)->alloc = BA(r)->len;
    return a;
  }
  case RT_BINARY_MOD:
  case RT_BINARY_INPLACE_MOD: return rt_format_percent(a, b);
  case RT_BINARY_CONTAINS:
    if (rt_is_small(b)) return rt_bool(na && memchr(da, (int)rt_small_get(b), na) != NULL);
    if (bytes_like(b, &db, &nb)) {
      for (size_t i = 0; i + nb <= na; i++)
        if (memcmp(da + i, db, nb) == 0) return RT_TRUE;
      return RT_FALSE;
    }
    return RT_NULL;
  case RT_BINARY_EQ:
  case RT_BINARY_NE: {
    if (!bytes_like(b, &db, &nb)) return op == RT_BINARY_EQ ? RT_FALSE : RT_TRUE;
    bool eq = na == nb && (na == 0 || memcmp(da, db, na) == 0);
    return rt_bool(op == RT_BINARY_EQ ? eq : !eq);
  }
  default: return RT_NULL;
  }
}

static rt_val_t ba_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  rt_bytearray_t *b = BA(self);
  if (rt_is_obj(index, &rt_slice_type)) {
    intptr_t start, step;
    size_t cnt = rt_slice_indices(index, b->len, &start, &step);
    if (value == RT_NULL) {
      rt_val_t r = rt_bytearray_new(NULL, cnt);
      for (size_t i = 0; i < cnt; i++)
        BA(r)->data[i] = b->data[start + (intptr_t)i * step];
      return r;
    }
    if (value == RT_DELETE && step == 1) {
      rt_memmove(b->data + start, b->data + start + (intptr_t)cnt, b->len - (size_t)start - cnt);
      b->len -= cnt;
      return RT_NONE;
    }
    if (value == RT_DELETE) {
      // Extended slice: keep the bytes not selected, in order.
      if (step < 0) {
        start += (intptr_t)(cnt - 1) * step;
        step = -step;
      }
      size_t w = (size_t)start;
      for (size_t r = (size_t)start, k = 0; r < b->len; r++) {
        if (k < cnt && r == (size_t)(start + (intptr_t)k * step)) {
          k++;
          continue;
        }
        b->data[w++] = b->data[r];
      }
      b->len = w;
      return RT_NONE;
    }
    rt_val_t src = rt_bytearray_new(NULL, 0);
    extend(src, value);
    size_t n = BA(src)->len;
    if (step != 1) {
      if (n != cnt)
        rt_raise_msg(&rt_exc_ValueError,
                     RT_MSG("attempt to assign bytes of size %z to extended slice of size %z"), n, cnt);
      for (size_t i = 0; i < cnt; i++)
        b->data[start + (intptr_t)i * step] = BA(src)->data[i];
      return RT_NONE;
    }
    ensure(b, b->len + n);
    rt_memmove(b->data + start + (intptr_t)n, b->data + start + (intptr_t)cnt, b->len - (size_t)start - cnt);
    rt_memcpy(b->data + start, BA(src)->data, n);
    b->len = b->len + n - cnt;
    return RT_NONE;
  }
  size_t i = rt_obj_index(index, b->len, "bytearray");
  if (value == RT_NULL) return rt_small(b->data[i]);
  if (value == RT_DELETE) {
    rt_memmove(b->data + i, b->data + i + 1, b->len - i - 1);
    b->len--;
    return RT_NONE;
  }
  b->data[i] = byte_of(value);
  return RT_NONE;
}

typedef struct {
  const rt_type_t *type;
  rt_val_t ba;
  size_t pos;
} ba_iter_t;

static rt_val_t ba_iter_next(rt_val_t self) {
  ba_iter_t *it = (ba_iter_t *)self;
  rt_bytearray_t *b = BA(it->ba);
  if (it->pos >= b->len) return RT_NULL;
  return rt_small(b->data[it->pos++]);
}

static const rt_type_t ba_iter_type = {
    .type = &rt_type_type,
    .name = RT_Q_bytes_iterator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .iternext = ba_iter_next,
};

static rt_val_t ba_getiter(rt_val_t self) {
  ba_iter_t *it = rt_gc_alloc(sizeof *it, 0);
  it->type = &ba_iter_type;
  it->ba = self;
  return rt_val(it);
}

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

static rt_val_t m_append(ARGS) {
  (void)n, (void)kw;
  uint8_t x = byte_of(args[1]);
  ensure(BA(args[0]), BA(args[0])->len + 1);
  BA(args[0])->data[BA(args[0])->len++] = x;
  return RT_NONE;
}
static rt_val_t m_extend(ARGS) {
  (void)n, (void)kw;
  extend(args[0], args[1]);
  return RT_NONE;
}
static rt_val_t m_pop(ARGS) {
  (void)kw;
  rt_bytearray_t *b = BA(args[0]);
  if (!b->len) rt_raise_msg(&rt_exc_IndexError, RT_MSG("pop from empty bytearray"));
  size_t i = n > 1 ? rt_obj_index(args[1], b->len, "pop") : b->len - 1;
  uint8_t v = b->data[i];
  rt_memmove(b->data + i, b->data + i + 1, b->len - i - 1);
  b->len--;
  return rt_small(v);
}
static rt_val_t m_decode(ARGS) {
  (void)n, (void)kw;
  return rt_bytes_decode((const char *)BA(args[0])->data, BA(args[0])->len);
}
static rt_val_t m_copy(ARGS) {
  (void)n, (void)kw;
  return rt_bytearray_new(BA(args[0])->data, BA(args[0])->len);
}
static rt_val_t m_hex(ARGS) {
  (void)n, (void)kw;
  return rt_bytes_hex(args[0]);
}
static rt_val_t m_clear(ARGS) {
  (void)n, (void)kw;
  BA(args[0])->len = 0;
  return RT_NONE;
}
static rt_val_t m_insert(ARGS) {
  (void)n, (void)kw;
  rt_bytearray_t *b = BA(args[0]);
  intptr_t i = rt_obj_get_int(args[1]);
  uint8_t x = byte_of(args[2]);
  if (i < 0) i += (intptr_t)b->len;
  if (i < 0) i = 0;
  if ((size_t)i > b->len) i = (intptr_t)b->len;
  ensure(b, b->len + 1);
  rt_memmove(b->data + i + 1, b->data + i, b->len - (size_t)i);
  b->data[i] = x;
  b->len++;
  return RT_NONE;
}
static rt_val_t m_reverse(ARGS) {
  (void)n, (void)kw;
  rt_bytearray_t *b = BA(args[0]);
  for (size_t i = 0, j = b->len; i + 1 < j; i++, j--) {
    uint8_t t = b->data[i];
    b->data[i] = b->data[j - 1];
    b->data[j - 1] = t;
  }
  return RT_NONE;
}
static rt_val_t m_remove(ARGS) {
  (void)n, (void)kw;
  rt_bytearray_t *b = BA(args[0]);
  uint8_t x = byte_of(args[1]);
  uint8_t *at = b->len ? memchr(b->data, x, b->len) : NULL;
  if (!at) rt_raise_msg(&rt_exc_ValueError, RT_MSG("value not found in bytearray"));
  size_t i = (size_t)(at - b->data);
  rt_memmove(b->data + i, b->data + i + 1, b->len - i - 1);
  b->len--;
  return RT_NONE;
}
static rt_val_t m_fromhex(ARGS) {
  (void)n, (void)kw;
  return rt_bytes_fromhex(args[0], true);
}

static RT_BUILTIN(append_obj, append, 2, 2, 0, m_append);
static RT_BUILTIN(extend_obj, extend, 2, 2, 0, m_extend);
static RT_BUILTIN(pop_obj, pop, 1, 2, 0, m_pop);
static RT_BUILTIN(decode_obj, decode, 1, 3, RT_BF_KW, m_decode);
static RT_BUILTIN(copy_obj, copy, 1, 1, 0, m_copy);
static RT_BUILTIN(hex_obj, hex, 1, 1, 0, m_hex);
static RT_BUILTIN(clear_obj, clear, 1, 1, 0, m_clear);
static RT_BUILTIN(insert_obj, insert, 3, 3, 0, m_insert);
static RT_BUILTIN(reverse_obj, reverse, 1, 1, 0, m_reverse);
static RT_BUILTIN(remove_obj, remove, 2, 2, 0, m_remove);
static RT_BUILTIN(fromhex_obj, fromhex, 1, 1, 0, m_fromhex);

#define SHARED(name) {RT_Q_##name, &rt_str_##name##_obj},
static const rt_method_t ba_methods[] = {
    {RT_Q_append, &append_obj}, {RT_Q_extend, &extend_obj},   {RT_Q_pop, &pop_obj},
    {RT_Q_decode, &decode_obj}, {RT_Q_copy, &copy_obj},       {RT_Q_hex, &hex_obj},
    {RT_Q_clear, &clear_obj},   {RT_Q_insert, &insert_obj},   {RT_Q_reverse, &reverse_obj},
    {RT_Q_remove, &remove_obj}, {RT_Q_fromhex, &fromhex_obj}, RT_STR_SHARED_METHODS(SHARED){0, NULL},
};
#undef SHARED

const rt_type_t rt_bytearray_type = {
    .type = &rt_type_type,
    .name = RT_Q_bytearray,
    .base = &rt_object_type,
    .methods = ba_methods,
    .print = ba_print,
    .make_new = ba_make_new,
    .unary = ba_unary,
    .binary = ba_binary,
    .subscr = ba_subscr,
    .getiter = ba_getiter,
};

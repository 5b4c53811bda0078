// SPDX-License-Identifier: MIT
// mod_array.c: array.array, a typed sequence of numbers packed in a byte
// buffer (a leaf allocation), typecodes b B h H i I l L q Q f d in the
// machine's byte order. Range errors carry CPython's messages, which
// follow how CPython converts each typecode (b goes through a C short, H
// through a C int, ...). The buffer is readable by bytes(), bytearray(),
// memoryview() and anything else that asks rt_bytes_buffer.
#include "mod_array.h"

#include <limits.h>

#include "gc.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_slice.h"
#include "obj_str.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw
#define AR(v) ((rt_array_t *)(v))

static const char typecodes[] = "bBhHiIlLqQfd";

static int item_size(char tc) {
  switch (tc) {
  case 'b':
  case 'B': return 1;
  case 'h':
  case 'H': return 2;
  case 'i':
  case 'I':
  case 'f': return 4;
  case 'l':
  case 'L': return (int)sizeof(long);
  default: return 8;
  }
}

static bool is_float_code(char tc) {
  return tc == 'f' || tc == 'd';
}

static rt_array_t *array_alloc(char tc, size_t len) {
  rt_array_t *a = rt_gc_alloc(sizeof *a, 0);
  a->type = &rt_array_type;
  a->typecode = tc;
  a->itemsize = (uint8_t)item_size(tc);
  a->len = len;
  a->cap = len;
  a->data = rt_gc_alloc(len * a->itemsize, RT_GC_LEAF);
  return a;
}

// Room for [more] items at the end.
static void array_grow(rt_array_t *a, size_t more) {
  if (a->len + more <= a->cap) return;
  size_t cap = a->cap ? a->cap * 2 : 4;
  while (cap < a->len + more)
    cap *= 2;
  a->data = rt_gc_realloc(a->data, cap * a->itemsize);
  a->cap = cap;
}

// ---- conversions between values and items ----

static rt_val_t from_u64(uint64_t u) {
  if (u <= INT64_MAX) return rt_int_from_ll((long long)u);
  rt_val_t half = rt_int_from_ll((long long)(u >> 1));
  rt_val_t twice = rt_int_binary(RT_BINARY_LSHIFT, half, rt_small(1));
  return rt_int_binary(RT_BINARY_ADD, twice, rt_small((intptr_t)(u & 1)));
}

static rt_val_t item_get(const rt_array_t *a, size_t i) {
  const uint8_t *p = a->data + i * a->itemsize;
  switch (a->typecode) {
  case 'b': return rt_small(*(const int8_t *)p);
  case 'B': return rt_small(*p);
  case 'h': {
    int16_t v;
    memcpy(&v, p, 2);
    return rt_small(v);
  }
  case 'H': {
    uint16_t v;
    memcpy(&v, p, 2);
    return rt_small(v);
  }
  case 'i': {
    int32_t v;
    memcpy(&v, p, 4);
    return rt_int_from_ll(v);
  }
  case 'I': {
    uint32_t v;
    memcpy(&v, p, 4);
    return rt_int_from_ll(v);
  }
  case 'l': {
    long v;
    memcpy(&v, p, sizeof v);
    return rt_int_from_ll(v);
  }
  case 'L': {
    unsigned long v;
    memcpy(&v, p, sizeof v);
    return from_u64(v);
  }
  case 'q': {
    int64_t v;
    memcpy(&v, p, 8);
    return rt_int_from_ll(v);
  }
  case 'Q': {
    uint64_t v;
    memcpy(&v, p, 8);
    return from_u64(v);
  }
  case 'f': {
    float v;
    memcpy(&v, p, 4);
    return rt_float_new(v);
  }
  default: {
    double v;
    memcpy(&v, p, 8);
    return rt_float_new(v);
  }
  }
}

static bool is_int(rt_val_t v) {
  return rt_is_small(v) || rt_is_obj(v, &rt_int_type) || v == RT_TRUE || v == RT_FALSE;
}

// Compares int [v] with [bound]: <0, 0, >0.
static int cmp_ll(rt_val_t v, long long bound) {
  return rt_int_cmp(v == RT_TRUE ? rt_small(1) : v == RT_FALSE ? rt_small(0) : v, rt_int_from_ll(bound));
}

static __attribute__((noreturn)) void overflow(const char *msg) {
  rt_raise_msg(&rt_exc_OverflowError, "%s", msg);
}

// [v] as a C long, or OverflowError as CPython words it.
static long as_long(rt_val_t v) {
  if (cmp_ll(v, LONG_MIN) < 0 || cmp_ll(v, LONG_MAX) > 0)
    overflow("Python int too large to convert to C long");
  return (long)rt_int_low64(v);
}

// Checks [x] against [lo, hi], naming the C type in the message.
static long in_range(long x, long lo, long hi, const char *what) {
  if (x < lo) rt_raise_msg(&rt_exc_OverflowError, "%s is less than minimum", what);
  if (x > hi) rt_raise_msg(&rt_exc_OverflowError, "%s is greater than maximum", what);
  return x;
}

static unsigned long long as_unsigned(rt_val_t v, unsigned long long max, const char *neg_msg,
                                      const char *big_msg) {
  if (cmp_ll(v, 0) < 0) overflow(neg_msg);
  if (rt_int_cmp(v, from_u64(max)) > 0) overflow(big_msg);
  return (unsigned long long)rt_int_low64(v);
}

static void item_set(rt_array_t *a, size_t i, rt_val_t v) {
  uint8_t *p = a->data + i * a->itemsize;
  char tc = a->typecode;
  if (is_float_code(tc)) {
    if (!is_int(v) && !rt_is_obj(v, &rt_float_type))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("must be real number, not %t"), v);
    double d = rt_obj_get_float(v);
    if (tc == 'f') {
      float f = (float)d;
      memcpy(p, &f, 4);
    } else {
      memcpy(p, &d, 8);
    }
    return;
  }
  if (!is_int(v))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object cannot be interpreted as an integer"), v);
  switch (tc) {
  case 'b': {
    long x = in_range(as_long(v), INT16_MIN, INT16_MAX, "signed short integer");
    int8_t b = (int8_t)in_range(x, INT8_MIN, INT8_MAX, "signed char");
    memcpy(p, &b, 1);
    return;
  }
  case 'B': {
    uint8_t b = (uint8_t)in_range(as_long(v), 0, UINT8_MAX, "unsigned byte integer");
    memcpy(p, &b, 1);
    return;
  }
  case 'h': {
    int16_t h = (int16_t)in_range(as_long(v), INT16_MIN, INT16_MAX, "signed short integer");
    memcpy(p, &h, 2);
    return;
  }
  case 'H': {
    long x = in_range(as_long(v), INT32_MIN, INT32_MAX, "signed integer");
    uint16_t h = (uint16_t)in_range(x, 0, UINT16_MAX, "unsigned short");
    memcpy(p, &h, 2);
    return;
  }
  case 'i': {
    int32_t x = (int32_t)in_range(as_long(v), INT32_MIN, INT32_MAX, "signed integer");
    memcpy(p, &x, 4);
    return;
  }
  case 'I': {
    unsigned long long x = as_unsigned(v, ULONG_MAX, "can't convert negative value to unsigned int",
                                       "Python int too large to convert to C unsigned long");
    if (x > UINT32_MAX) overflow("unsigned int is greater than maximum");
    uint32_t u = (uint32_t)x;
    memcpy(p, &u, 4);
    return;
  }
  case 'l': {
    long x = as_long(v);
    memcpy(p, &x, sizeof x);
    return;
  }
  case 'L': {
    unsigned long x = (unsigned long)as_unsigned(v, ULONG_MAX, "can't convert negative value to unsigned int",
                                                 "Python int too large to convert to C unsigned long");
    memcpy(p, &x, sizeof x);
    return;
  }
  case 'q': {
    if (cmp_ll(v, INT64_MIN) < 0 || cmp_ll(v, INT64_MAX) > 0) overflow("int too big to convert");
    int64_t x = (int64_t)rt_int_low64(v);
    memcpy(p, &x, 8);
    return;
  }
  default: {
    uint64_t x =
        as_unsigned(v, UINT64_MAX, "can't convert negative int to unsigned", "int too big to convert");
    memcpy(p, &x, 8);
    return;
  }
  }
}

static void array_append(rt_array_t *a, rt_val_t v) {
  array_grow(a, 1);
  item_set(a, a->len, v); // may raise: the length grows only after
  a->len++;
}

static void array_frombytes(rt_array_t *a, const uint8_t *d, size_t len) {
  if (len % a->itemsize) rt_raise_msg(&rt_exc_ValueError, RT_MSG("bytes length not a multiple of item size"));
  array_grow(a, len / a->itemsize);
  memmove(a->data + a->len * a->itemsize, d, len);
  a->len += len / a->itemsize;
}

// Appends every item of [src]: an array of the same kind, or any iterable.
static void array_extend(rt_array_t *a, rt_val_t src, bool same_kind_only) {
  if (rt_is_obj(src, &rt_array_type)) {
    rt_array_t *b = AR(src);
    if (b->typecode != a->typecode) {
      if (same_kind_only) rt_raise_msg(&rt_exc_TypeError, RT_MSG("can only extend with array of same kind"));
    } else {
      array_frombytes(a, b->data, b->len * b->itemsize);
      return;
    }
  }
  rt_val_t it = rt_obj_getiter(src), v;
  while ((v = rt_obj_iternext(it)))
    array_append(a, v);
}

bool rt_array_buffer(rt_val_t v, uint8_t **data, size_t *len) {
  if (!rt_is_obj(v, &rt_array_type)) return false;
  *data = AR(v)->data;
  *len = AR(v)->len * AR(v)->itemsize;
  return true;
}

// ---- the type ----

static char typecode_arg(rt_val_t v) {
  size_t len;
  if (!rt_is_str(v))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("array() argument 1 must be a unicode character, not %t"), v);
  const char *s = rt_str_data(v, &len);
  if (len != 1)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("array() argument 1 must be a unicode character, not str"));
  if (!strchr(typecodes, s[0]))
    rt_raise_msg(&rt_exc_ValueError,
                 RT_MSG("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
  return s[0];
}

static rt_val_t array_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  if (kw && kw->n) rt_raise_msg(&rt_exc_TypeError, RT_MSG("array.array() takes no keyword arguments"));
  if (n < 1 || n > 2)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("array() takes at most 2 arguments (%z given)"), n);
  char tc = typecode_arg(args[0]);
  rt_array_t *a = array_alloc(tc, 0);
  if (n == 2) {
    const uint8_t *d;
    size_t len;
    if (rt_is_str(args[1])) {
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("cannot use a str to initialize an array with typecode '%c'"),
                   tc);
    } else if (!rt_is_obj(args[1], &rt_array_type) && rt_bytes_buffer(args[1], &d, &len)) {
      array_frombytes(a, d, len);
    } else {
      array_extend(a, args[1], false);
    }
  }
  return rt_val(a);
}

static void array_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_array_t *a = AR(self);
  rt_print_format(p, "array('%c'", a->typecode);
  if (a->len) {
    rt_print_cstr(p, ", [");
    for (size_t i = 0; i < a->len; i++) {
      if (i) rt_print_cstr(p, ", ");
      rt_obj_print(p, item_get(a, i), true);
    }
    rt_print_cstr(p, "]");
  }
  rt_print_cstr(p, ")");
}

static rt_val_t array_slice(rt_array_t *a, rt_val_t slice) {
  intptr_t start, step;
  size_t count = rt_slice_indices(slice, a->len, &start, &step);
  rt_array_t *r = array_alloc(a->typecode, count);
  for (size_t k = 0; k < count; k++)
    memcpy(r->data + k * a->itemsize, a->data + (size_t)(start + (intptr_t)k * step) * a->itemsize,
           a->itemsize);
  return rt_val(r);
}

// Removes the items a slice selects.
static void array_del_slice(rt_array_t *a, rt_val_t slice) {
  intptr_t start, step;
  size_t count = rt_slice_indices(slice, a->len, &start, &step);
  if (!count) return;
  if (step < 0) {
    start += (intptr_t)(count - 1) * step;
    step = -step;
  }
  size_t w = (size_t)start, sz = a->itemsize;
  for (size_t r = (size_t)start; r < a->len; r++) {
    bool selected = r >= (size_t)start && (r - (size_t)start) % (size_t)step == 0 &&
                    (r - (size_t)start) / (size_t)step < count;
    if (!selected) memmove(a->data + w++ * sz, a->data + r * sz, sz);
  }
  a->len -= count;
}

static void array_store_slice(rt_array_t *a, rt_val_t slice, rt_val_t value) {
  if (!rt_is_obj(value, &rt_array_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("can only assign array (not \"%t\") to array slice"), value);
  rt_array_t *b = AR(value);
  if (b->typecode != a->typecode)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("bad argument type for built-in operation"));
  size_t sz = a->itemsize, blen = b->len;
  uint8_t *src = rt_gc_alloc(blen * sz, RT_GC_LEAF); // b may be a itself
  memcpy(src, b->data, blen * sz);
  intptr_t start, stop, step;
  rt_slice_bounds(slice, a->len, &start, &stop, &step);
  if (step == 1) {
    size_t lo = (size_t)start, hi = stop > start ? (size_t)stop : lo;
    size_t old = hi - lo;
    if (blen > old) array_grow(a, blen - old);
    memmove(a->data + (lo + blen) * sz, a->data + hi * sz, (a->len - hi) * sz);
    memcpy(a->data + lo * sz, src, blen * sz);
    a->len = a->len - old + blen;
  } else if (blen == 0) {
    array_del_slice(a, slice); // CPython: an empty array deletes an extended slice
  } else {
    size_t count = rt_slice_indices(slice, a->len, &start, &step);
    if (count != blen) {
      rt_raise_msg(&rt_exc_ValueError,
                   RT_MSG("attempt to assign array of size %z to extended slice of size %z"), blen, count);
    }
    for (size_t k = 0; k < count; k++)
      memcpy(a->data + (size_t)(start + (intptr_t)k * step) * sz, src + k * sz, sz);
  }
  rt_gc_free(src);
}

static rt_val_t array_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  rt_array_t *a = AR(self);
  bool slice = rt_is_obj(index, &rt_slice_type);
  if (value == RT_NULL) {
    if (slice) return array_slice(a, index);
    return item_get(a, rt_obj_index(index, a->len, "array"));
  }
  if (value == RT_DELETE) {
    if (slice) {
      array_del_slice(a, index);
    } else {
      size_t i = rt_obj_index(index, a->len, "array assignment");
      memmove(a->data + i * a->itemsize, a->data + (i + 1) * a->itemsize, (a->len - i - 1) * a->itemsize);
      a->len--;
    }
    return RT_NONE;
  }
  if (slice) {
    array_store_slice(a, index, value);
  } else {
    item_set(a, rt_obj_index(index, a->len, "array assignment"), value);
  }
  return RT_NONE;
}

static rt_val_t array_unary(rt_unary_op_t op, rt_val_t self) {
  if (op == RT_UNARY_LEN) return rt_small((intptr_t)AR(self)->len);
  if (op == RT_UNARY_BOOL) return rt_bool(AR(self)->len != 0);
  return RT_NULL;
}

static rt_val_t array_tolist(rt_array_t *a) {
  rt_val_t l = rt_list_new(0);
  for (size_t i = 0; i < a->len; i++)
    rt_list_append(l, item_get(a, i));
  return l;
}

static rt_val_t array_binary(rt_binary_op_t op, rt_val_t self, rt_val_t other) {
  rt_array_t *a = AR(self);
  switch (op) {
  case RT_BINARY_ADD:
  case RT_BINARY_INPLACE_ADD: {
    if (!rt_is_obj(other, &rt_array_type))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("can only append array (not \"%t\") to array"), other);
    if (AR(other)->typecode != a->typecode)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("bad argument type for built-in operation"));
    rt_array_t *r = a;
    if (op == RT_BINARY_ADD) {
      r = array_alloc(a->typecode, 0);
      array_frombytes(r, a->data, a->len * a->itemsize);
    }
    array_frombytes(r, AR(other)->data, AR(other)->len * AR(other)->itemsize);
    return rt_val(r);
  }
  case RT_BINARY_MUL:
  case RT_BINARY_INPLACE_MUL: {
    if (!rt_is_small(other)) return RT_NULL;
    intptr_t times = rt_small_get(other);
    if (times < 0) times = 0;
    size_t bytes = a->len * a->itemsize;
    rt_array_t *r = array_alloc(a->typecode, a->len * (size_t)times);
    for (intptr_t k = 0; k < times; k++)
      memcpy(r->data + (size_t)k * bytes, a->data, bytes);
    if (op == RT_BINARY_MUL) return rt_val(r);
    a->data = r->data;
    a->len = a->cap = r->len;
    return self;
  }
  case RT_BINARY_CONTAINS:
    for (size_t i = 0; i < a->len; i++)
      if (rt_obj_eq(item_get(a, i), other)) return RT_TRUE;
    return RT_FALSE;
  case RT_BINARY_EQ:
  case RT_BINARY_NE:
  case RT_BINARY_LT:
  case RT_BINARY_LE:
  case RT_BINARY_GT:
  case RT_BINARY_GE:
    if (!rt_is_obj(other, &rt_array_type)) return RT_NULL;
    return rt_obj_compare(op, array_tolist(a), array_tolist(AR(other)));
  default: return RT_NULL;
  }
}

// The iterator: the array and the next index.
typedef struct {
  const rt_type_t *type;
  rt_array_t *array;
  size_t next;
} array_iter_t;

static const rt_type_t array_iter_type;

static rt_val_t array_getiter(rt_val_t self) {
  array_iter_t *it = rt_gc_alloc(sizeof *it, 0);
  it->type = &array_iter_type;
  it->array = AR(self);
  return rt_val(it);
}

static rt_val_t array_iternext(rt_val_t self) {
  array_iter_t *it = (array_iter_t *)self;
  if (it->next >= it->array->len) return RT_NULL;
  return item_get(it->array, it->next++);
}

static const rt_type_t array_iter_type = {
    .type = &rt_type_type,
    .name = RT_Q_iterator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .iternext = array_iternext,
};

static rt_val_t array_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store != RT_NULL) return RT_NULL;
  if (name == RT_QV(typecode)) return rt_str_new(&AR(self)->typecode, 1);
  if (name == RT_QV(itemsize)) return rt_small(AR(self)->itemsize);
  return RT_NULL;
}

// ---- methods ----

static rt_val_t a_append(ARGS) {
  (void)n, (void)kw;
  array_append(AR(args[0]), args[1]);
  return RT_NONE;
}

static rt_val_t a_extend(ARGS) {
  (void)n, (void)kw;
  array_extend(AR(args[0]), args[1], true);
  return RT_NONE;
}

static rt_val_t a_insert(ARGS) {
  (void)n, (void)kw;
  rt_array_t *a = AR(args[0]);
  intptr_t i = rt_obj_get_int(args[1]);
  if (i < 0) i += (intptr_t)a->len;
  if (i < 0) i = 0;
  if ((size_t)i > a->len) i = (intptr_t)a->len;
  array_append(a, args[2]);
  size_t sz = a->itemsize;
  uint8_t tmp[8];
  memcpy(tmp, a->data + (a->len - 1) * sz, sz);
  memmove(a->data + ((size_t)i + 1) * sz, a->data + (size_t)i * sz, (a->len - 1 - (size_t)i) * sz);
  memcpy(a->data + (size_t)i * sz, tmp, sz);
  return RT_NONE;
}

static rt_val_t a_pop(ARGS) {
  (void)kw;
  rt_array_t *a = AR(args[0]);
  if (!a->len) rt_raise_msg(&rt_exc_IndexError, RT_MSG("pop from empty array"));
  intptr_t i = n > 1 ? rt_obj_get_int(args[1]) : -1;
  if (i < 0) i += (intptr_t)a->len;
  if (i < 0 || (size_t)i >= a->len) rt_raise_msg(&rt_exc_IndexError, RT_MSG("pop index out of range"));
  rt_val_t v = item_get(a, (size_t)i);
  memmove(a->data + (size_t)i * a->itemsize, a->data + ((size_t)i + 1) * a->itemsize,
          (a->len - (size_t)i - 1) * a->itemsize);
  a->len--;
  return v;
}

static intptr_t find_item(rt_array_t *a, rt_val_t v) {
  for (size_t i = 0; i < a->len; i++)
    if (rt_obj_eq(item_get(a, i), v)) return (intptr_t)i;
  return -1;
}

static rt_val_t a_remove(ARGS) {
  (void)n, (void)kw;
  rt_array_t *a = AR(args[0]);
  intptr_t i = find_item(a, args[1]);
  if (i < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("array.remove(x): x not in array"));
  memmove(a->data + (size_t)i * a->itemsize, a->data + ((size_t)i + 1) * a->itemsize,
          (a->len - (size_t)i - 1) * a->itemsize);
  a->len--;
  return RT_NONE;
}

static rt_val_t a_index(ARGS) {
  (void)n, (void)kw;
  intptr_t i = find_item(AR(args[0]), args[1]);
  if (i < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("array.index(x): x not in array"));
  return rt_small(i);
}

static rt_val_t a_count(ARGS) {
  (void)n, (void)kw;
  rt_array_t *a = AR(args[0]);
  intptr_t c = 0;
  for (size_t i = 0; i < a->len; i++)
    c += rt_obj_eq(item_get(a, i), args[1]);
  return rt_small(c);
}

static rt_val_t a_reverse(ARGS) {
  (void)n, (void)kw;
  rt_array_t *a = AR(args[0]);
  size_t sz = a->itemsize;
  uint8_t tmp[8];
  for (size_t i = 0, j = a->len; i + 1 < j; i++, j--) {
    memcpy(tmp, a->data + i * sz, sz);
    memcpy(a->data + i * sz, a->data + (j - 1) * sz, sz);
    memcpy(a->data + (j - 1) * sz, tmp, sz);
  }
  return RT_NONE;
}

static rt_val_t a_byteswap(ARGS) {
  (void)n, (void)kw;
  rt_array_t *a = AR(args[0]);
  size_t sz = a->itemsize;
  for (size_t i = 0; i < a->len; i++) {
    uint8_t *p = a->data + i * sz;
    for (size_t k = 0; k < sz / 2; k++) {
      uint8_t t = p[k];
      p[k] = p[sz - 1 - k];
      p[sz - 1 - k] = t;
    }
  }
  return RT_NONE;
}

static rt_val_t a_frombytes(ARGS) {
  (void)n, (void)kw;
  const uint8_t *d;
  size_t len;
  if (!rt_bytes_buffer(args[1], &d, &len))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("a bytes-like object is required, not '%t'"), args[1]);
  array_frombytes(AR(args[0]), d, len);
  return RT_NONE;
}

static rt_val_t a_tobytes(ARGS) {
  (void)n, (void)kw;
  rt_array_t *a = AR(args[0]);
  return rt_bytes_new((const char *)a->data, a->len * a->itemsize);
}

static rt_val_t a_tolist(ARGS) {
  (void)n, (void)kw;
  return array_tolist(AR(args[0]));
}

static rt_val_t a_fromlist(ARGS) {
  (void)n, (void)kw;
  if (!rt_is_obj(args[1], &rt_list_type)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("arg must be list"));
  rt_array_t *a = AR(args[0]);
  size_t old = a->len;
  rt_val_t *items;
  size_t cnt = rt_obj_get_items(args[1], &items);
  rt_nlr_t nlr;
  rt_nlr_push(&nlr);
  if (setjmp(nlr.jb) == 0) {
    for (size_t i = 0; i < cnt; i++)
      array_append(a, items[i]);
    rt_nlr_pop(&nlr);
    return RT_NONE;
  }
  a->len = old; // all or nothing, as CPython does
  rt_raise(nlr.exc);
}

static RT_BUILTIN(append_obj, append, 2, 2, 0, a_append);
static RT_BUILTIN(extend_obj, extend, 2, 2, 0, a_extend);
static RT_BUILTIN(insert_obj, insert, 3, 3, 0, a_insert);
static RT_BUILTIN(pop_obj, pop, 1, 2, 0, a_pop);
static RT_BUILTIN(remove_obj, remove, 2, 2, 0, a_remove);
static RT_BUILTIN(index_obj, index, 2, 2, 0, a_index);
static RT_BUILTIN(count_obj, count, 2, 2, 0, a_count);
static RT_BUILTIN(reverse_obj, reverse, 1, 1, 0, a_reverse);
static RT_BUILTIN(byteswap_obj, byteswap, 1, 1, 0, a_byteswap);
static RT_BUILTIN(frombytes_obj, frombytes, 2, 2, 0, a_frombytes);
static RT_BUILTIN(tobytes_obj, tobytes, 1, 1, 0, a_tobytes);
static RT_BUILTIN(tolist_obj, tolist, 1, 1, 0, a_tolist);
static RT_BUILTIN(fromlist_obj, fromlist, 2, 2, 0, a_fromlist);
static const rt_method_t array_methods[] = {
    {RT_Q_append, &append_obj},     {RT_Q_extend, &extend_obj},
    {RT_Q_insert, &insert_obj},     {RT_Q_pop, &pop_obj},
    {RT_Q_remove, &remove_obj},     {RT_Q_index, &index_obj},
    {RT_Q_count, &count_obj},       {RT_Q_reverse, &reverse_obj},
    {RT_Q_byteswap, &byteswap_obj}, {RT_Q_frombytes, &frombytes_obj},
    {RT_Q_tobytes, &tobytes_obj},   {RT_Q_tolist, &tolist_obj},
    {RT_Q_fromlist, &fromlist_obj}, {0, NULL},
};

const rt_type_t rt_array_type = {
    .type = &rt_type_type,
    .name = RT_Q_array,
    .base = &rt_object_type,
    .methods = array_methods,
    .print = array_print,
    .make_new = array_make_new,
    .unary = array_unary,
    .binary = array_binary,
    .attr = array_attr,
    .subscr = array_subscr,
    .getiter = array_getiter,
};

void rt_array_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(array), rt_val(&rt_array_type));
  rt_dict_set(g, RT_QV(typecodes), rt_str_new_cstr(typecodes));
}

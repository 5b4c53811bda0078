// SPDX-License-Identifier: MIT
// obj_bytes.c: the bytes type (items are ints 0..255).
#include "obj_bytes.h"
#include "format.h"
#include "mod_array.h"
#include "obj_bytearray.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "obj_memoryview.h"
#include "obj_slice.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

rt_val_t rt_bytes_new(const char *s, size_t n) {
  rt_val_t v = rt_str_new(s, n);
  ((rt_str_t *)v)->type = &rt_bytes_type;
  return v;
}

static bool is_bytes(rt_val_t v) {
  return rt_is_obj(v, &rt_bytes_type);
}

static void bytes_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  size_t n;
  const char *s = rt_str_data(self, &n);
  bool has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
  char q = has_sq && !has_dq ? '"' : '\'';
  rt_print_str(p, "b", 1);
  rt_print_str(p, &q, 1);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    char buf[5];
    if (c == (unsigned char)q || c == '\\') {
      buf[0] = '\\';
      buf[1] = (char)c;
      rt_print_str(p, buf, 2);
    } else if (c == '\n') {
      rt_print_str(p, "\\n", 2);
    } else if (c == '\r') {
      rt_print_str(p, "\\r", 2);
    } else if (c == '\t') {
      rt_print_str(p, "\\t", 2);
    } else if (c < 32 || c >= 127) {
      static const char hex[] = "0123456789abcdef";
      buf[0] = '\\';
      buf[1] = 'x';
      buf[2] = hex[c >> 4];
      buf[3] = hex[c & 15];
      rt_print_str(p, buf, 4);
    } else {
      rt_print_str(p, (const char *)&s[i], 1);
    }
  }
  rt_print_str(p, &q, 1);
}

static rt_val_t bytes_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t, (void)kw;
  if (n == 0) return rt_bytes_new("", 0);
  rt_val_t v = args[0];
  if (rt_is_str(v)) {
    if (n < 2) rt_raise_msg(&rt_exc_TypeError, RT_MSG("string argument without an encoding"));
    size_t len;
    const char *s = rt_str_data(v, &len);
    return rt_bytes_new(s, len);
  }
  if (is_bytes(v)) return v;
  const uint8_t *bd;
  size_t bl;
  if (rt_bytes_buffer(v, &bd, &bl)) return rt_bytes_new((const char *)bd, bl);
  if (rt_is_small(v)) {
    intptr_t k = rt_small_get(v);
    if (k < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("negative count"));
    char *d;
    rt_val_t r = rt_str_new_uninit((size_t)k, &d);
    memset(d, 0, (size_t)k);
    ((rt_str_t *)r)->type = &rt_bytes_type;
    return r;
  }
  rt_val_t l = rt_list_from_iter(v);
  rt_val_t *items;
  size_t cnt = rt_obj_get_items(l, &items);
  char *d;
  rt_val_t r = rt_str_new_uninit(cnt, &d);
  for (size_t i = 0; i < cnt; i++) {
    intptr_t b = rt_obj_get_int(items[i]);
    if (b < 0 || b > 255) rt_raise_msg(&rt_exc_ValueError, RT_MSG("bytes must be in range(0, 256)"));
    d[i] = (char)b;
  }
  ((rt_str_t *)r)->type = &rt_bytes_type;
  return r;
}

static rt_val_t bytes_unary(rt_unary_op_t op, rt_val_t self) {
  size_t n;
  rt_str_data(self, &n);
  switch (op) {
  case RT_UNARY_BOOL: return rt_bool(n != 0);
  case RT_UNARY_LEN: return rt_small((intptr_t)n);
  case RT_UNARY_HASH: return rt_small((intptr_t)(rt_str_hash(self) >> 1));
  default: return RT_NULL;
  }
}

static rt_val_t bytes_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  size_t na, nb;
  const char *sa = rt_str_data(a, &na);
  switch (op) {
  case RT_BINARY_ADD:
  case RT_BINARY_INPLACE_ADD: {
    if (!is_bytes(b)) {
      // Only a class of the user's can still answer with __radd__.
      if (rt_typeof(b)->flags & RT_TYPE_USER) return RT_NULL;
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("can't concat %t to %t"), b, a);
    }
    const char *sb = rt_str_data(b, &nb);
    char *d;
    rt_val_t r = rt_str_new_uninit(na + nb, &d);
    rt_memcpy(d, sa, na);
    rt_memcpy(d + na, sb, nb);
    ((rt_str_t *)r)->type = &rt_bytes_type;
    return r;
  }
  case RT_BINARY_MUL:
  case RT_BINARY_INPLACE_MUL: {
    if (!rt_is_small(b)) return RT_NULL;
    intptr_t k = rt_small_get(b);
    if (k <= 0) return rt_bytes_new("", 0);
    if (na > ((size_t)-1 >> 2) / (size_t)k) rt_raise_memory_error();
    char *d;
    rt_val_t r = rt_str_new_uninit(na * (size_t)k, &d);
    for (intptr_t i = 0; i < k; i++)
      rt_memcpy(d + (size_t)i * na, sa, na);
    ((rt_str_t *)r)->type = &rt_bytes_type;
    return r;
  }
  case RT_BINARY_MOD:
  case RT_BINARY_INPLACE_MOD: return rt_format_percent(a, b);
  case RT_BINARY_CONTAINS:
    if (rt_is_small(b)) return rt_bool(memchr(sa, (int)rt_small_get(b), na) != NULL);
    if (is_bytes(b)) {
      const char *sb = rt_str_data(b, &nb);
      for (size_t i = 0; i + nb <= na; i++)
        if (memcmp(sa + i, sb, nb) == 0) return RT_TRUE;
      return RT_FALSE;
    }
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("a bytes-like object is required, not '%t'"), b);
  case RT_BINARY_EQ:
  case RT_BINARY_NE:
  case RT_BINARY_LT:
  case RT_BINARY_LE:
  case RT_BINARY_GT:
  case RT_BINARY_GE: {
    if (!is_bytes(b)) return op == RT_BINARY_EQ ? RT_FALSE : op == RT_BINARY_NE ? RT_TRUE : RT_NULL;
    const char *sb = rt_str_data(b, &nb);
    int c = memcmp(sa, sb, na < nb ? na : nb);
    if (!c) c = na < nb ? -1 : na > nb;
    switch (op) {
    case RT_BINARY_EQ: return rt_bool(c == 0);
    case RT_BINARY_NE: return rt_bool(c != 0);
    case RT_BINARY_LT: return rt_bool(c < 0);
    case RT_BINARY_LE: return rt_bool(c <= 0);
    case RT_BINARY_GT: return rt_bool(c > 0);
    default: return rt_bool(c >= 0);
    }
  }
  default: return RT_NULL;
  }
}

static rt_val_t bytes_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  if (value != RT_NULL)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'bytes' object does not support item assignment"));
  size_t n;
  const char *s = rt_str_data(self, &n);
  if (rt_is_obj(index, &rt_slice_type)) {
    intptr_t start, step;
    size_t cnt = rt_slice_indices(index, n, &start, &step);
    char *d;
    rt_val_t r = rt_str_new_uninit(cnt, &d);
    s = rt_str_data(self, NULL);
    for (size_t i = 0; i < cnt; i++)
      d[i] = s[start + (intptr_t)i * step];
    ((rt_str_t *)r)->type = &rt_bytes_type;
    return r;
  }
  if (rt_is_small(index)) {
    intptr_t i = rt_small_get(index);
    if (i < 0) i += (intptr_t)n;
    if (i < 0 || (size_t)i >= n) rt_raise_msg(&rt_exc_IndexError, RT_MSG("index out of range"));
    return rt_small((unsigned char)s[i]);
  }
  return rt_small((unsigned char)s[rt_obj_index(index, n, "byte")]);
}

typedef struct {
  const rt_type_t *type;
  rt_val_t bytes;
  size_t pos;
} bytes_iter_t;

static rt_val_t bytes_iter_next(rt_val_t self) {
  bytes_iter_t *it = (bytes_iter_t *)self;
  size_t n;
  const char *s = rt_str_data(it->bytes, &n);
  if (it->pos >= n) return RT_NULL;
  return rt_small((unsigned char)s[it->pos++]);
}

static const rt_type_t bytes_iter_type = {
    .type = &rt_type_type,
    .name = RT_Q_bytes_iterator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .iternext = bytes_iter_next,
};

static rt_val_t bytes_getiter(rt_val_t self) {
  bytes_iter_t *it = rt_gc_alloc(sizeof *it, 0);
  it->type = &bytes_iter_type;
  it->bytes = self;
  return rt_val(it);
}

// The offset of the first byte of [n] at [s] that is not valid UTF-8, or
// -1; *why says what is wrong there.
static intptr_t utf8_error(const uint8_t *s, size_t n, const char **why) {
  for (size_t i = 0; i < n;) {
    uint8_t c = s[i];
    size_t k = c < 0x80                          ? 0
               : (c & 0xe0) == 0xc0 && c >= 0xc2 ? 1
               : (c & 0xf0) == 0xe0              ? 2
               : (c & 0xf8) == 0xf0 && c <= 0xf4 ? 3
                                                 : 9;
    if (k == 9) {
      *why = "invalid start byte";
      return (intptr_t)i;
    }
    for (size_t j = 1; j <= k; j++) {
      if (i + j >= n) {
        *why = "unexpected end of data";
        return (intptr_t)i;
      }
      if ((s[i + j] & 0xc0) != 0x80) {
        *why = "invalid continuation byte";
        return (intptr_t)i;
      }
    }
    i += k + 1;
  }
  return -1;
}

rt_val_t rt_bytes_decode(const char *s, size_t len) {
  const char *why;
  intptr_t bad = utf8_error((const uint8_t *)s, len, &why);
  if (bad >= 0) {
    static const char hex[] = "0123456789abcdef";
    uint8_t c = (uint8_t)s[bad];
    rt_raise_msg(&rt_exc_UnicodeDecodeError,
                 RT_MSG("'utf-8' codec can't decode byte 0x%c%c in position %z: %s"), hex[c >> 4],
                 hex[c & 15], (size_t)bad, why);
  }
  return rt_str_new(s, len);
}

bool rt_bytes_buffer(rt_val_t v, const uint8_t **data, size_t *len) {
  if (rt_is_obj(v, &rt_bytes_type)) {
    *data = (const uint8_t *)rt_str_data(v, len);
    return true;
  }
  if (rt_is_obj(v, &rt_bytearray_type)) {
    *data = ((rt_bytearray_t *)v)->data;
    *len = ((rt_bytearray_t *)v)->len;
    return true;
  }
  if (rt_array_buffer(v, (uint8_t **)data, len)) return true; // array.array (mod_array.c)
  return rt_memoryview_buffer(v, (uint8_t **)data, len, false);
}

static rt_val_t m_decode(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  const uint8_t *s;
  size_t len;
  rt_bytes_buffer(args[0], &s, &len);
  return rt_bytes_decode((const char *)s, len);
}

rt_val_t rt_bytes_hex(rt_val_t self) {
  const uint8_t *s;
  size_t len;
  rt_bytes_buffer(self, &s, &len);
  char *d;
  rt_val_t r = rt_str_new_uninit(2 * len, &d);
  rt_bytes_buffer(self, &s, &len);
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < len; i++) {
    d[2 * i] = hex[s[i] >> 4];
    d[2 * i + 1] = hex[s[i] & 15];
  }
  return r;
}

static rt_val_t m_hex(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_bytes_hex(args[0]);
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

rt_val_t rt_bytes_fromhex(rt_val_t str, bool mutable) {
  rt_str_check(str, "fromhex() argument");
  size_t n;
  const char *s = rt_str_data(str, &n);
  rt_vstr_t v;
  rt_vstr_init(&v, n / 2 + 1);
  for (size_t i = 0; i < n;) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f') {
      i++;
      continue;
    }
    int hi = hex_digit(s[i]), lo = i + 1 < n ? hex_digit(s[i + 1]) : -1;
    if (hi < 0 || lo < 0) {
      size_t at = hi < 0 ? i : i + 1;
      rt_vstr_free(&v);
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("non-hexadecimal number found in fromhex() arg at position %z"),
                   at);
    }
    rt_vstr_addc(&v, (char)(hi << 4 | lo));
    i += 2;
  }
  rt_val_t r = mutable ? rt_bytearray_new(v.buf, v.len) : rt_bytes_new(v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

static rt_val_t m_fromhex(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_bytes_fromhex(args[0], false);
}

static RT_BUILTIN(decode_obj, decode, 1, 3, RT_BF_KW, m_decode);
static RT_BUILTIN(hex_obj, hex, 1, 1, 0, m_hex);
static RT_BUILTIN(fromhex_obj, fromhex, 1, 1, 0, m_fromhex);

#define SHARED(name) {RT_Q_##name, &rt_str_##name##_obj},
static const rt_method_t bytes_methods[] = {
    {RT_Q_decode, &decode_obj},
    {RT_Q_hex, &hex_obj},
    {RT_Q_fromhex, &fromhex_obj},
    RT_STR_SHARED_METHODS(SHARED){0, NULL},
};
#undef SHARED

const rt_type_t rt_bytes_type = {
    .type = &rt_type_type,
    .name = RT_Q_bytes,
    .base = &rt_object_type,
    .methods = bytes_methods,
    .print = bytes_print,
    .make_new = bytes_make_new,
    .unary = bytes_unary,
    .binary = bytes_binary,
    .subscr = bytes_subscr,
    .getiter = bytes_getiter,
};

// SPDX-License-Identifier: MIT
// obj_str.c: the str type and its methods.
//
// Invariants: an rt_str_t is immutable after construction, data[len] is
// NUL; the hash of any str is the FNV-1a hash of its bytes
// (rt_qstr_hash_bytes), so equal strings hash equally whether interned or
// not.
#include <string.h>

#include "obj_str.h"
#include "format.h"
#include "gc.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "obj_slice.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

rt_val_t rt_str_new_uninit(size_t n, char **data) {
  if (n > RT_STR_LEN_MASK - 32) rt_raise_memory_error();
  rt_str_t *s = rt_gc_alloc(sizeof(rt_str_t) + n + 1, RT_GC_LEAF);
  s->type = &rt_str_type;
  s->len = (uint32_t)n;
  *data = s->data;
  return rt_val(s);
}

rt_val_t rt_str_new(const char *src, size_t n) {
  char *d;
  rt_val_t v = rt_str_new_uninit(n, &d);
  rt_memcpy(d, src, n);
  return v;
}

rt_val_t rt_str_new_cstr(const char *s) {
  return rt_str_new(s, strlen(s));
}

const char *rt_str_data(rt_val_t v, size_t *len) {
  if (rt_is_qstr(v)) return rt_qstr_str(v, len);
  rt_str_t *s = (rt_str_t *)v;
  if (len) *len = s->len & RT_STR_LEN_MASK;
  return s->data;
}

uintptr_t rt_str_hash(rt_val_t v) {
  if (rt_is_qstr(v)) return rt_qstr_hash(v);
  rt_str_t *s = (rt_str_t *)v;
  return rt_qstr_hash_bytes(s->data, s->len & RT_STR_LEN_MASK);
}

size_t rt_str_char_count(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)s[i] & 0xc0) != 0x80;
  return c;
}

size_t rt_str_char_offset(const char *s, size_t n, size_t i) {
  size_t b = 0;
  while (b < n && i > 0) {
    b++;
    while (b < n && ((unsigned char)s[b] & 0xc0) == 0x80)
      b++;
    i--;
  }
  return b;
}

static bool bytes_ascii(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80) return false;
  return true;
}

bool rt_str_is_ascii(rt_val_t v) {
  size_t n;
  const char *d = rt_str_data(v, &n);
  if (rt_is_qstr(v)) return bytes_ascii(d, n);
  rt_str_t *s = (rt_str_t *)v;
  if (!(s->len & RT_STR_KNOWN)) s->len |= RT_STR_KNOWN | (bytes_ascii(d, n) ? 0 : RT_STR_NONASCII);
  return !(s->len & RT_STR_NONASCII);
}

bool rt_str_eq(rt_val_t a, rt_val_t b) {
  if (a == b) return true;
  if (rt_is_qstr(a) && rt_is_qstr(b)) return false;
  size_t la, lb;
  const char *sa = rt_str_data(a, &la), *sb = rt_str_data(b, &lb);
  return la == lb && memcmp(sa, sb, la) == 0;
}

void rt_str_check(rt_val_t v, const char *what) {
  if (!rt_is_str(v)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s must be str, not %t"), what, v);
}

rt_val_t rt_str_concat(rt_val_t a, rt_val_t b) {
  size_t la, lb;
  const char *sa = rt_str_data(a, &la), *sb = rt_str_data(b, &lb);
  char *d;
  rt_val_t r = rt_str_new_uninit(la + lb, &d);
  sa = rt_str_data(a, NULL); // the allocation cannot move strings, but be plain about order
  rt_memcpy(d, sa, la);
  rt_memcpy(d + la, sb, lb);
  return r;
}

void rt_str_print_repr(rt_printer_t *p, const char *s, size_t n) {
  bool has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
  char q = has_sq && !has_dq ? '"' : '\'';
  rt_print_str(p, &q, 1);
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *esc = NULL;
    char hex[5];
    if (c == (unsigned char)q || c == '\\') {
      hex[0] = '\\';
      hex[1] = (char)c;
      hex[2] = 0;
      esc = hex;
    } else if (c == '\n') {
      esc = "\\n";
    } else if (c == '\r') {
      esc = "\\r";
    } else if (c == '\t') {
      esc = "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      static const char digits[] = "0123456789abcdef";
      hex[0] = '\\';
      hex[1] = 'x';
      hex[2] = digits[c >> 4];
      hex[3] = digits[c & 15];
      hex[4] = 0;
      esc = hex;
    }
    if (esc) {
      if (run) rt_print_str(p, s + i - run, run);
      run = 0;
      rt_print_cstr(p, esc);
    } else {
      run++;
    }
  }
  if (run) rt_print_str(p, s + n - run, run);
  rt_print_str(p, &q, 1);
}

static void str_print(rt_printer_t *p, rt_val_t self, bool repr) {
  size_t n;
  const char *s = rt_str_data(self, &n);
  if (repr)
    rt_str_print_repr(p, s, n);
  else
    rt_print_str(p, s, n);
}

static rt_val_t str_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  (void)kw;
  if (n == 0) return RT_QV(_empty);
  if (n > 3) rt_raise_msg(&rt_exc_TypeError, RT_MSG("str() takes at most 3 arguments (%z given)"), n);
  if (n > 1) {
    // str(bytes, encoding[, errors]) decodes (UTF-8 and ASCII alike).
    const uint8_t *d;
    size_t len;
    if (!rt_bytes_buffer(args[0], &d, &len))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("decoding to str: need a bytes-like object, %t found"), args[0]);
    return rt_bytes_decode((const char *)d, len);
  }
  return rt_obj_str(args[0]);
}

static int str_cmp(rt_val_t a, rt_val_t b) {
  size_t la, lb;
  const char *sa = rt_str_data(a, &la), *sb = rt_str_data(b, &lb);
  int c = memcmp(sa, sb, la < lb ? la : lb);
  if (c) return c;
  return la < lb ? -1 : la > lb ? 1 : 0;
}

// Finds [needle] in [hay] between [start] and [end]; returns the offset or -1.
// Forward searches jump between occurrences of the needle's first byte
// with memchr, which is much faster than comparing at every offset.
static intptr_t find_bytes(const char *hay, size_t start, size_t end, const char *needle, size_t nl,
                           bool rev) {
  if (end < start || end - start < nl) return -1;
  if (!rev) {
    if (nl == 0) return (intptr_t)start;
    const char *p = hay + start, *last = hay + end - nl;
    while (p <= last) {
      p = memchr(p, (unsigned char)needle[0], (size_t)(last - p) + 1);
      if (!p) return -1;
      if (memcmp(p + 1, needle + 1, nl - 1) == 0) return p - hay;
      p++;
    }
  } else {
    for (size_t i = end - nl + 1; i-- > start;)
      if (memcmp(hay + i, needle, nl) == 0) return (intptr_t)i;
  }
  return -1;
}

static rt_val_t str_repeat(rt_val_t s, intptr_t k) {
  size_t n;
  const char *d = rt_str_data(s, &n);
  if (k <= 0 || n == 0) return RT_QV(_empty);
  if ((size_t)k > (SIZE_MAX / 2) / n) rt_raise_memory_error();
  char *o;
  rt_val_t r = rt_str_new_uninit(n * (size_t)k, &o);
  d = rt_str_data(s, NULL);
  for (intptr_t i = 0; i < k; i++)
    rt_memcpy(o + (size_t)i * n, d, n);
  return r;
}

static rt_val_t str_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  switch (op) {
  case RT_BINARY_ADD:
  case RT_BINARY_INPLACE_ADD:
    if (!rt_is_str(b)) return RT_NULL;
    return rt_str_concat(a, b);
  case RT_BINARY_MUL:
  case RT_BINARY_INPLACE_MUL:
    if (!rt_is_small(b) && b != RT_TRUE && b != RT_FALSE) return RT_NULL;
    return str_repeat(a, rt_obj_get_int(b));
  case RT_BINARY_MOD:
  case RT_BINARY_INPLACE_MOD: return rt_format_percent(a, b);
  case RT_BINARY_EQ: return rt_is_str(b) ? rt_bool(rt_str_eq(a, b)) : RT_NULL;
  case RT_BINARY_NE: return rt_is_str(b) ? rt_bool(!rt_str_eq(a, b)) : RT_NULL;
  case RT_BINARY_LT:
  case RT_BINARY_LE:
  case RT_BINARY_GT:
  case RT_BINARY_GE: {
    if (!rt_is_str(b)) return RT_NULL;
    int c = str_cmp(a, b);
    return rt_bool(op == RT_BINARY_LT   ? c < 0
                   : op == RT_BINARY_LE ? c <= 0
                   : op == RT_BINARY_GT ? c > 0
                                        : c >= 0);
  }
  case RT_BINARY_CONTAINS: {
    if (!rt_is_str(b))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("'in <string>' requires string as left operand, not %t"), b);
    size_t la, lb;
    const char *sa = rt_str_data(a, &la), *sb = rt_str_data(b, &lb);
    return rt_bool(find_bytes(sa, 0, la, sb, lb, false) >= 0);
  }
  default: return RT_NULL;
  }
}

static rt_val_t str_unary(rt_unary_op_t op, rt_val_t self) {
  size_t n;
  rt_str_data(self, &n);
  switch (op) {
  case RT_UNARY_BOOL: return rt_bool(n != 0);
  case RT_UNARY_LEN:
    return rt_small((intptr_t)(rt_str_is_ascii(self) ? n : rt_str_char_count(rt_str_data(self, NULL), n)));
  case RT_UNARY_HASH: return rt_small((intptr_t)(rt_str_hash(self) >> 1));
  default: return RT_NULL;
  }
}

static rt_val_t str_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  if (value != RT_NULL)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'str' object does not support item assignment"));
  size_t n;
  const char *s = rt_str_data(self, &n);
  if (!rt_str_is_ascii(self)) {
    // UTF-8 text: index by characters.
    size_t chars = rt_str_char_count(s, n);
    if (rt_is_obj(index, &rt_slice_type)) {
      intptr_t start, step;
      size_t cnt = rt_slice_indices(index, chars, &start, &step);
      if (cnt == 0) return rt_str_new("", 0);
      size_t a = rt_str_char_offset(s, n, (size_t)start);
      if (step == 1) return rt_str_new(s + a, rt_str_char_offset(s + a, n - a, cnt));
      // Walk from character to character: finding each one from the start
      // would make a slice quadratic in the string's length.
      rt_vstr_t v;
      rt_vstr_init(&v, cnt);
      for (size_t i = 0; i < cnt; i++) {
        s = rt_str_data(self, NULL);
        size_t b = a + rt_str_char_offset(s + a, n - a, 1);
        rt_vstr_add(&v, s + a, b - a);
        if (i + 1 == cnt) break;
        if (step > 0) {
          a += rt_str_char_offset(s + a, n - a, (size_t)step);
        } else {
          for (intptr_t k = step; k < 0; k++) {
            a--;
            while (a > 0 && ((unsigned char)s[a] & 0xc0) == 0x80)
              a--;
          }
        }
      }
      rt_val_t r = rt_str_new(v.buf, v.len);
      rt_vstr_free(&v);
      return r;
    }
    size_t i = rt_obj_index(index, chars, "string");
    size_t a = rt_str_char_offset(s, n, i);
    return rt_str_new(s + a, rt_str_char_offset(s + a, n - a, 1));
  }
  if (rt_is_obj(index, &rt_slice_type)) {
    intptr_t start, step;
    size_t cnt = rt_slice_indices(index, n, &start, &step);
    if (step == 1) return rt_str_new(s + start, cnt);
    char *d;
    rt_val_t r = rt_str_new_uninit(cnt, &d);
    s = rt_str_data(self, NULL);
    for (size_t i = 0; i < cnt; i++)
      d[i] = s[start + (intptr_t)i * step];
    return r;
  }
  size_t i = rt_obj_index(index, n, "string");
  return rt_str_new(s + i, 1);
}

// ---- iterator ----

typedef struct {
  const rt_type_t *type;
  rt_val_t str;
  size_t pos;
} str_iter_t;

static rt_val_t str_iter_next(rt_val_t self) {
  str_iter_t *it = (str_iter_t *)self;
  size_t n;
  const char *s = rt_str_data(it->str, &n);
  if (it->pos >= n) return RT_NULL;
  size_t k = 1;
  while (it->pos + k < n && ((unsigned char)s[it->pos + k] & 0xc0) == 0x80)
    k++;
  rt_val_t c = rt_str_new(s + it->pos, k);
  it->pos += k;
  return c;
}

static const rt_type_t str_iter_type = {
    .type = &rt_type_type,
    .name = RT_Q_str_iterator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .iternext = str_iter_next,
};

static rt_val_t str_getiter(rt_val_t self) {
  str_iter_t *it = rt_gc_alloc(sizeof *it, 0);
  it->type = &str_iter_type;
  it->str = self;
  return rt_val(it);
}

// ---- methods ----
//
// The methods up to removesuffix serve str, bytes and bytearray alike
// (obj_bytes.c lists them too): self decides what arguments must be and
// what type the results have. Bytes are never decoded: case mappings and
// predicates of bytes are ASCII only.

// The bytes of str, bytes or bytearray [v].
static const char *bdata(rt_val_t v, size_t *len) {
  if (rt_is_obj(v, &rt_bytearray_type)) {
    rt_bytearray_t *b = (rt_bytearray_t *)v;
    if (len) *len = b->len;
    return (const char *)b->data;
  }
  return rt_str_data(v, len);
}

// A new object of [self]'s type (str, bytes or bytearray) of [n] bytes, to
// be filled in through *d.
static rt_val_t new_like_uninit(rt_val_t self, size_t n, char **d) {
  if (rt_is_obj(self, &rt_bytearray_type)) {
    rt_val_t r = rt_bytearray_new(NULL, n);
    *d = (char *)((rt_bytearray_t *)r)->data;
    return r;
  }
  rt_val_t r = rt_str_new_uninit(n, d);
  if (!rt_is_str(self)) ((rt_str_t *)r)->type = &rt_bytes_type;
  return r;
}

static rt_val_t new_like(rt_val_t self, const char *s, size_t n) {
  char *d;
  rt_val_t r = new_like_uninit(self, n, &d);
  rt_memcpy(d, s, n);
  return r;
}

// [self] unchanged: itself when immutable, else a copy.
static rt_val_t same(rt_val_t self) {
  if (!rt_is_obj(self, &rt_bytearray_type)) return self;
  size_t n;
  const char *s = bdata(self, &n);
  return new_like(self, s, n);
}

// Checks that argument [v] fits [self]: a str for str, bytes or bytearray
// for the byte types. [msg] is CPython's str wording for the method (one
// %t for the type), NULL for the usual one.
static void arg_like(rt_val_t self, rt_val_t v, const char *msg) {
  if (rt_is_str(self)) {
    if (!rt_is_str(v)) rt_raise_msg(&rt_exc_TypeError, msg ? msg : RT_MSG("must be str, not %t"), v);
  } else if (!rt_is_obj(v, &rt_bytes_type) && !rt_is_obj(v, &rt_bytearray_type)) {
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("a bytes-like object is required, not '%t'"), v);
  }
}

#define SELF(n)                                                                                              \
  size_t n##_len;                                                                                            \
  const char *n = bdata(args[0], &n##_len)

rt_val_t rt_str_join(rt_val_t sep, rt_val_t iterable) {
  rt_val_t *items;
  rt_val_t lst = RT_NULL;
  size_t n;
  if (rt_is_obj(iterable, &rt_list_type) || rt_is_obj(iterable, &rt_tuple_type)) {
    n = rt_obj_get_items(iterable, &items);
  } else {
    const rt_type_t *t = rt_typeof(iterable);
    if (!t->getiter && !t->subscr && !(t->flags & (RT_TYPE_USER | RT_TYPE_ITER_SELF)))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("can only join an iterable"));
    lst = rt_list_from_iter(iterable);
    n = rt_obj_get_items(lst, &items);
  }
  size_t sl, total = 0;
  bdata(sep, &sl);
  bool text = rt_is_str(sep);
  for (size_t i = 0; i < n; i++) {
    if (text && !rt_is_str(items[i]))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("sequence item %z: expected str instance, %t found"), i,
                   items[i]);
    if (!text && !rt_is_obj(items[i], &rt_bytes_type) && !rt_is_obj(items[i], &rt_bytearray_type))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("sequence item %z: expected a bytes-like object, %t found"), i,
                   items[i]);
    size_t l;
    bdata(items[i], &l);
    total += l + (i ? sl : 0);
  }
  char *d;
  rt_val_t r = new_like_uninit(sep, total, &d);
  const char *sd = bdata(sep, NULL);
  for (size_t i = 0; i < n; i++) {
    if (i) {
      rt_memcpy(d, sd, sl);
      d += sl;
    }
    size_t l;
    const char *s = bdata(items[i], &l);
    rt_memcpy(d, s, l);
    d += l;
  }
  (void)lst;
  return r;
}

static rt_val_t m_join(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n;
  (void)kw;
  return rt_str_join(args[0], args[1]);
}

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// split / rsplit share this; [rev] splits from the right.
static rt_val_t do_split(size_t n, const rt_val_t *args, const rt_kw_t *kw, bool rev) {
  SELF(s);
  rt_val_t sep = n > 1 ? args[1] : RT_NONE;
  intptr_t maxsplit = n > 2 ? rt_obj_get_int(args[2]) : -1;
  if (kw) {
    static const unsigned short allowed[] = {RT_Q_sep, RT_Q_maxsplit};
    rt_kw_check(kw, allowed, 2, rev ? "rsplit" : "split");
    rt_val_t v;
    if ((v = rt_kw_get(kw, RT_QV(sep)))) sep = v;
    if ((v = rt_kw_get(kw, RT_QV(maxsplit)))) maxsplit = rt_obj_get_int(v);
  }
  rt_val_t res = rt_list_new(0);
  if (sep == RT_NONE) {
    if (!rev) {
      size_t i = 0;
      for (;;) {
        while (i < s_len && is_space(s[i]))
          i++;
        if (i >= s_len) break;
        size_t j = i;
        if (maxsplit >= 0 && (intptr_t)rt_obj_len(res) >= maxsplit) {
          // The remainder keeps its trailing whitespace (CPython does).
          j = s_len;
          rt_list_append(res, new_like(args[0], s + i, j - i));
          break;
        }
        while (j < s_len && !is_space(s[j]))
          j++;
        rt_list_append(res, new_like(args[0], s + i, j - i));
        s = bdata(args[0], NULL);
        i = j;
      }
    } else {
      size_t j = s_len;
      for (;;) {
        while (j > 0 && is_space(s[j - 1]))
          j--;
        if (j == 0) break;
        size_t i = j;
        if (maxsplit >= 0 && (intptr_t)rt_obj_len(res) >= maxsplit) {
          // The remainder keeps its leading whitespace (CPython does).
          i = 0;
          rt_list_append(res, new_like(args[0], s + i, j - i));
          break;
        }
        while (i > 0 && !is_space(s[i - 1]))
          i--;
        rt_list_append(res, new_like(args[0], s + i, j - i));
        j = i;
      }
      rt_list_reverse(res);
    }
    return res;
  }
  arg_like(args[0], sep, RT_MSG("must be str or None, not %t"));
  size_t pl;
  const char *pat = bdata(sep, &pl);
  if (pl == 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("empty separator"));
  if (!rev) {
    size_t i = 0;
    for (;;) {
      intptr_t f = (maxsplit >= 0 && (intptr_t)rt_obj_len(res) >= maxsplit)
                       ? -1
                       : find_bytes(s, i, s_len, pat, pl, false);
      if (f < 0) {
        rt_list_append(res, new_like(args[0], s + i, s_len - i));
        break;
      }
      rt_list_append(res, new_like(args[0], s + i, (size_t)f - i));
      i = (size_t)f + pl;
    }
  } else {
    size_t j = s_len;
    for (;;) {
      intptr_t f =
          (maxsplit >= 0 && (intptr_t)rt_obj_len(res) >= maxsplit) ? -1 : find_bytes(s, 0, j, pat, pl, true);
      if (f < 0) {
        rt_list_append(res, new_like(args[0], s, j));
        break;
      }
      rt_list_append(res, new_like(args[0], s + f + pl, j - (size_t)f - pl));
      j = (size_t)f;
    }
    rt_list_reverse(res);
  }
  return res;
}

static rt_val_t m_split(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  return do_split(n, args, kw, false);
}
static rt_val_t m_rsplit(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  return do_split(n, args, kw, true);
}

static rt_val_t m_splitlines(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  SELF(s);
  bool keep = n > 1 && rt_obj_truthy(args[1]);
  rt_val_t res = rt_list_new(0);
  size_t i = 0;
  while (i < s_len) {
    size_t j = i;
    while (j < s_len && s[j] != '\n' && s[j] != '\r')
      j++;
    size_t e = j;
    if (j < s_len) {
      if (s[j] == '\r' && j + 1 < s_len && s[j + 1] == '\n') j++;
      j++;
    }
    rt_list_append(res, new_like(args[0], s + i, keep ? j - i : e - i));
    s = bdata(args[0], NULL);
    i = j;
  }
  return res;
}

// strip / lstrip / rstrip: [which] bit 1 = left, bit 2 = right.
static rt_val_t do_strip(size_t n, const rt_val_t *args, int which) {
  SELF(s);
  const char *chars = NULL;
  size_t cl = 0;
  if (n > 1 && args[1] != RT_NONE) {
    arg_like(args[0], args[1],
             which == 1   ? RT_MSG("lstrip arg must be None or str")
             : which == 2 ? RT_MSG("rstrip arg must be None or str")
                          : RT_MSG("strip arg must be None or str"));
    chars = bdata(args[1], &cl);
  }
  size_t i = 0, j = s_len;
  if (which & 1)
    while (i < j && (chars ? memchr(chars, s[i], cl) != NULL : is_space(s[i])))
      i++;
  if (which & 2)
    while (j > i && (chars ? memchr(chars, s[j - 1], cl) != NULL : is_space(s[j - 1])))
      j--;
  if (i == 0 && j == s_len) return same(args[0]);
  return new_like(args[0], s + i, j - i);
}

static rt_val_t m_strip(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return do_strip(n, args, 3);
}
static rt_val_t m_lstrip(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return do_strip(n, args, 1);
}
static rt_val_t m_rstrip(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return do_strip(n, args, 2);
}

// Case of a 2-byte UTF-8 letter (Latin-1, Greek, Cyrillic): +1 upper,
// -1 lower, 0 neither; *other receives the other case.
static int wide_case(uint32_t cp, uint32_t *other) {
  if ((cp >= 0xc0 && cp <= 0xde && cp != 0xd7) || (cp >= 0x391 && cp <= 0x3a9) ||
      (cp >= 0x410 && cp <= 0x42f)) {
    *other = cp + (cp >= 0x410 ? 0x20 : cp >= 0x391 ? 0x20 : 0x20);
    return 1;
  }
  if ((cp >= 0xe0 && cp <= 0xfe && cp != 0xf7) || (cp >= 0x3b1 && cp <= 0x3c9 && cp != 0x3c2) ||
      (cp >= 0x430 && cp <= 0x44f)) {
    *other = cp - 0x20;
    return -1;
  }
  return 0;
}

// Case mappings: 0 upper, 1 lower, 2 capitalize, 3 title, 4 swapcase.
static rt_val_t do_case(rt_val_t self, int how) {
  size_t n;
  const char *s = bdata(self, &n);
  char *d;
  rt_val_t r = new_like_uninit(self, n, &d);
  s = bdata(self, NULL);
  bool text = rt_is_str(self), prev_alpha = false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    unsigned char u0 = (unsigned char)c;
    if (text && (u0 & 0xe0) == 0xc0 && i + 1 < n) {
      // A 2-byte character: map within the same encoded length.
      uint32_t cp = ((uint32_t)(u0 & 0x1f) << 6) | ((unsigned char)s[i + 1] & 0x3f), other = 0;
      int kind = wide_case(cp, &other);
      bool first = how == 2 ? i == 0 : !prev_alpha;
      bool to_upper = how == 0 || ((how == 2 || how == 3) && first) || (how == 4 && kind < 0);
      bool to_lower = how == 1 || ((how == 2 || how == 3) && !first) || (how == 4 && kind > 0);
      uint32_t r = (kind < 0 && to_upper) || (kind > 0 && to_lower) ? other : cp;
      d[i] = (char)(0xc0 | (r >> 6));
      d[i + 1] = (char)(0x80 | (r & 0x3f));
      i++;
      prev_alpha = kind != 0;
      continue;
    }
    bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
    switch (how) {
    case 0: c = lo ? (char)(c - 32) : c; break;
    case 1: c = up ? (char)(c + 32) : c; break;
    case 2: c = i == 0 ? (lo ? (char)(c - 32) : c) : (up ? (char)(c + 32) : c); break;
    case 3: c = !prev_alpha ? (lo ? (char)(c - 32) : c) : (up ? (char)(c + 32) : c); break;
    default: c = lo ? (char)(c - 32) : up ? (char)(c + 32) : c; break;
    }
    prev_alpha = up || lo;
    d[i] = c;
  }
  return r;
}

static rt_val_t m_upper(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_case(args[0], 0);
}
static rt_val_t m_lower(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_case(args[0], 1);
}
static rt_val_t m_capitalize(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_case(args[0], 2);
}
static rt_val_t m_title(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_case(args[0], 3);
}
static rt_val_t m_swapcase(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_case(args[0], 4);
}

// Character-class predicates: 0 digit, 1 alpha, 2 alnum, 3 space, 4 upper, 5 lower.
static rt_val_t do_is(rt_val_t self, int how) {
  size_t n;
  const char *s = bdata(self, &n);
  if (n == 0) return RT_FALSE;
  bool cased = false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    bool dg = c >= '0' && c <= '9', up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
    switch (how) {
    case 0:
      if (!dg) return RT_FALSE;
      break;
    case 1:
      if (!up && !lo) return RT_FALSE;
      break;
    case 2:
      if (!up && !lo && !dg) return RT_FALSE;
      break;
    case 3:
      if (!is_space(c)) return RT_FALSE;
      break;
    case 4:
      if (lo) return RT_FALSE;
      cased |= up;
      break;
    default:
      if (up) return RT_FALSE;
      cased |= lo;
      break;
    }
  }
  return rt_bool(how < 4 || cased);
}

static rt_val_t m_isdigit(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_is(args[0], 0);
}
static rt_val_t m_isalpha(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_is(args[0], 1);
}
static rt_val_t m_isalnum(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_is(args[0], 2);
}
static rt_val_t m_isspace(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_is(args[0], 3);
}
static rt_val_t m_isupper(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_is(args[0], 4);
}
static rt_val_t m_islower(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_is(args[0], 5);
}

// The [start, end) window of optional slice-like args at args[i], args[i+1].
static void window(size_t n, const rt_val_t *args, size_t i, size_t len, size_t *start, size_t *end) {
  intptr_t a = 0, b = (intptr_t)len;
  if (n > i && args[i] != RT_NONE) a = rt_obj_get_int(args[i]);
  if (n > i + 1 && args[i + 1] != RT_NONE) b = rt_obj_get_int(args[i + 1]);
  if (a < 0) a += (intptr_t)len;
  if (b < 0) b += (intptr_t)len;
  if (a < 0) a = 0;
  if (b > (intptr_t)len) b = (intptr_t)len;
  if (b < 0) b = 0;
  *start = (size_t)a;
  *end = (size_t)b;
}

// startswith / endswith, accepting a tuple of prefixes.
static rt_val_t do_affix(size_t n, const rt_val_t *args, bool end) {
  SELF(s);
  size_t a, b;
  window(n, args, 2, s_len, &a, &b);
  rt_val_t *cands = (rt_val_t *)&args[1];
  size_t nc = 1;
  if (rt_is_obj(args[1], &rt_tuple_type)) nc = rt_obj_get_items(args[1], &cands);
  for (size_t k = 0; k < nc; k++) {
    if (rt_is_str(args[0]) && !rt_is_str(cands[k]))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s first arg must be str or a tuple of str, not %t"),
                   end ? "endswith" : "startswith", cands[k]);
    if (!rt_is_str(args[0]) && !rt_is_obj(cands[k], &rt_bytes_type) &&
        !rt_is_obj(cands[k], &rt_bytearray_type))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s first arg must be bytes or a tuple of bytes, not %t"),
                   end ? "endswith" : "startswith", cands[k]);
    size_t pl;
    const char *pat = bdata(cands[k], &pl);
    if (a > b || b - a < pl) continue;
    if (memcmp(end ? s + b - pl : s + a, pat, pl) == 0) return RT_TRUE;
  }
  return RT_FALSE;
}

static rt_val_t m_startswith(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return do_affix(n, args, false);
}
static rt_val_t m_endswith(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return do_affix(n, args, true);
}

// find / rfind / index / rindex / count.
// The needle of find/count/index: for bytes and bytearray an int is the
// one byte it names.
static const char *needle(const rt_val_t *args, size_t *len, char *one) {
  if (!rt_is_str(args[0]) && rt_is_small(args[1])) {
    intptr_t b = rt_small_get(args[1]);
    if (b < 0 || b > 255) rt_raise_msg(&rt_exc_ValueError, RT_MSG("byte must be in range(0, 256)"));
    *one = (char)b;
    *len = 1;
    return one;
  }
  if (!rt_is_str(args[0]) && !rt_is_obj(args[1], &rt_bytes_type) && !rt_is_obj(args[1], &rt_bytearray_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("argument should be integer or bytes-like object, not '%t'"),
                 args[1]);
  arg_like(args[0], args[1], NULL);
  return bdata(args[1], len);
}

static intptr_t do_find(size_t n, const rt_val_t *args, bool rev) {
  SELF(s);
  size_t pl;
  char one;
  const char *pat = needle(args, &pl, &one);
  size_t a, b;
  window(n, args, 2, s_len, &a, &b);
  return find_bytes(s, a, b, pat, pl, rev);
}

// A byte offset found in [self] as a character index.
static rt_val_t char_index(rt_val_t self, intptr_t off) {
  if (off <= 0 || !rt_is_str(self) || rt_str_is_ascii(self)) return rt_small(off);
  return rt_small((intptr_t)rt_str_char_count(rt_str_data(self, NULL), (size_t)off));
}

static rt_val_t m_find(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return char_index(args[0], do_find(n, args, false));
}
static rt_val_t m_rfind(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return char_index(args[0], do_find(n, args, true));
}
__attribute__((noreturn)) static void not_found(rt_val_t self) {
  rt_raise_msg(&rt_exc_ValueError,
               rt_is_str(self) ? RT_MSG("substring not found") : RT_MSG("subsection not found"));
}
static rt_val_t m_index(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  intptr_t i = do_find(n, args, false);
  if (i < 0) not_found(args[0]);
  return char_index(args[0], i);
}
static rt_val_t m_rindex(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  intptr_t i = do_find(n, args, true);
  if (i < 0) not_found(args[0]);
  return char_index(args[0], i);
}

static rt_val_t m_count(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  SELF(s);
  size_t pl;
  char one;
  const char *pat = needle(args, &pl, &one);
  size_t a, b;
  window(n, args, 2, s_len, &a, &b);
  if (a > b) return rt_small(0);
  if (pl == 0) return rt_small((intptr_t)(b - a + 1));
  intptr_t c = 0, at;
  for (size_t i = a; (at = find_bytes(s, i, b, pat, pl, false)) >= 0; i = (size_t)at + pl)
    c++;
  return rt_small(c);
}

static rt_val_t m_replace(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  SELF(s);
  arg_like(args[0], args[1], RT_MSG("replace() argument 1 must be str, not %t"));
  arg_like(args[0], args[2], RT_MSG("replace() argument 2 must be str, not %t"));
  intptr_t maxc = n > 3 ? rt_obj_get_int(args[3]) : -1;
  size_t ol, nl;
  const char *old = bdata(args[1], &ol), *nw = bdata(args[2], &nl);
  rt_vstr_t v;
  rt_vstr_init(&v, s_len);
  size_t i = 0;
  intptr_t done = 0;
  while (i <= s_len) {
    s = bdata(args[0], NULL);
    old = bdata(args[1], NULL);
    nw = bdata(args[2], NULL);
    if (maxc >= 0 && done >= maxc) break;
    if (ol == 0) {
      rt_vstr_add(&v, nw, nl);
      if (i < s_len) rt_vstr_add(&v, s + i, 1);
      i++;
      done++;
      continue;
    }
    intptr_t f = find_bytes(s, i, s_len, old, ol, false);
    if (f < 0) break;
    rt_vstr_add(&v, s + i, (size_t)f - i);
    rt_vstr_add(&v, nw, nl);
    i = (size_t)f + ol;
    done++;
  }
  if (i < s_len) rt_vstr_add(&v, bdata(args[0], NULL) + i, s_len - i);
  rt_val_t r = new_like(args[0], v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

// center / ljust / rjust: [how] 0 center, 1 ljust, 2 rjust.
static rt_val_t do_pad(size_t n, const rt_val_t *args, int how) {
  SELF(s);
  intptr_t w = rt_obj_get_int(args[1]);
  char fill = ' ';
  if (n > 2) {
    static const char *const names[] = {"center", "ljust", "rjust"};
    bool ok = rt_is_str(args[0])
                  ? rt_is_str(args[2])
                  : rt_is_obj(args[2], &rt_bytes_type) || rt_is_obj(args[2], &rt_bytearray_type);
    if (!ok && rt_is_str(args[0]))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("The fill character must be a unicode character, not %t"),
                   args[2]);
    size_t fl = 0;
    const char *f = ok ? bdata(args[2], &fl) : NULL;
    if (!ok || (!rt_is_str(args[0]) && fl != 1))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s() argument 2 must be a byte string of length 1, not %t"),
                   names[how], args[2]);
    if (rt_is_str(args[2]) != rt_is_str(args[0]) || fl != 1)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("The fill character must be exactly one character long"));
    fill = f[0];
  }
  size_t chars = !rt_is_str(args[0]) || rt_str_is_ascii(args[0]) ? s_len : rt_str_char_count(s, s_len);
  if (w <= (intptr_t)chars) return same(args[0]);
  size_t pad = (size_t)w - chars, total = s_len + pad, left;
  if (how == 1)
    left = 0;
  else if (how == 2)
    left = pad;
  else
    left = pad / 2 + (pad & (size_t)w & 1);
  char *d;
  rt_val_t r = new_like_uninit(args[0], total, &d);
  s = bdata(args[0], NULL);
  memset(d, fill, total);
  rt_memcpy(d + left, s, s_len);
  return r;
}

static rt_val_t m_center(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return do_pad(n, args, 0);
}
static rt_val_t m_ljust(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return do_pad(n, args, 1);
}
static rt_val_t m_rjust(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return do_pad(n, args, 2);
}

static rt_val_t m_zfill(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  SELF(s);
  intptr_t w = rt_obj_get_int(args[1]);
  if (w <= (intptr_t)s_len) return same(args[0]);
  char *d;
  rt_val_t r = new_like_uninit(args[0], (size_t)w, &d);
  s = bdata(args[0], NULL);
  size_t pad = (size_t)w - s_len, k = 0;
  if (s_len && (s[0] == '+' || s[0] == '-')) d[k++] = s[0];
  memset(d + k, '0', pad);
  rt_memcpy(d + k + pad, s + k, s_len - k);
  return r;
}

static rt_val_t do_partition(const rt_val_t *args, bool rev) {
  SELF(s);
  arg_like(args[0], args[1], NULL);
  size_t pl;
  const char *pat = bdata(args[1], &pl);
  if (pl == 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("empty separator"));
  intptr_t f = find_bytes(s, 0, s_len, pat, pl, rev);
  rt_val_t t = rt_tuple_new(3, NULL);
  rt_val_t *it = rt_tuple_items(t);
  if (f < 0) {
    rt_val_t empty = rt_is_str(args[0]) ? RT_QV(_empty) : new_like(args[0], "", 0);
    it[0] = rev ? empty : same(args[0]);
    it[1] = empty;
    it[2] = rev ? same(args[0]) : empty;
  } else {
    it[0] = new_like(args[0], bdata(args[0], NULL), (size_t)f);
    it[1] = rt_is_str(args[0]) ? args[1] : new_like(args[0], pat, pl);
    it[2] = new_like(args[0], bdata(args[0], NULL) + f + pl, s_len - (size_t)f - pl);
  }
  return t;
}

static rt_val_t m_partition(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_partition(args, false);
}
static rt_val_t m_rpartition(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_partition(args, true);
}

static rt_val_t do_remove_affix(const rt_val_t *args, bool suffix) {
  SELF(s);
  arg_like(args[0], args[1],
           suffix ? RT_MSG("removesuffix() argument must be str, not %t")
                  : RT_MSG("removeprefix() argument must be str, not %t"));
  size_t pl;
  const char *pat = bdata(args[1], &pl);
  if (pl > s_len || pl == 0) return same(args[0]);
  if (!suffix && memcmp(s, pat, pl) == 0) return new_like(args[0], s + pl, s_len - pl);
  if (suffix && memcmp(s + s_len - pl, pat, pl) == 0) return new_like(args[0], s, s_len - pl);
  return same(args[0]);
}

static rt_val_t m_removeprefix(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_remove_affix(args, false);
}
static rt_val_t m_removesuffix(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return do_remove_affix(args, true);
}

static rt_val_t m_isascii(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_bool(rt_str_is_ascii(args[0]));
}

// A name the lexer accepts: a letter, '_' or non-ASCII first, then those
// or digits (non-ASCII taken as letters, as the lexer does).
static rt_val_t m_isidentifier(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  SELF(s);
  if (!s_len || (s[0] >= '0' && s[0] <= '9')) return RT_FALSE;
  for (size_t i = 0; i < s_len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!(c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9')))
      return RT_FALSE;
  }
  return RT_TRUE;
}

static rt_val_t m_isprintable(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  SELF(s);
  for (size_t i = 0; i < s_len; i++)
    if ((unsigned char)s[i] < 32 || s[i] == 127) return RT_FALSE;
  return RT_TRUE;
}

static rt_val_t m_istitle(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  SELF(s);
  bool prev_cased = false, any = false;
  for (size_t i = 0; i < s_len; i++) {
    char c = s[i];
    bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
    if (up && prev_cased) return RT_FALSE;
    if (lo && !prev_cased) return RT_FALSE;
    any |= up;
    prev_cased = up || lo;
  }
  return rt_bool(any);
}

// str.maketrans(x[, y[, z]]): a dict from code points to str or None.
static rt_val_t m_maketrans(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  rt_dict_t *d = rt_dict_new(0);
  if (n == 1) {
    if (!rt_is_obj(args[0], &rt_dict_type))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("if you give only one argument to maketrans it must be a dict"));
    size_t pos = 0;
    rt_dict_entry_t *e;
    while ((e = rt_dict_next((rt_dict_t *)args[0], &pos))) {
      rt_val_t k = e->key;
      if (rt_is_str(k)) {
        size_t l;
        k = rt_small((unsigned char)rt_str_data(k, &l)[0]);
      }
      rt_dict_set(d, k, e->value);
    }
    return rt_val(d);
  }
  size_t la, lb;
  const char *a = rt_str_data(args[0], &la), *b = rt_str_data(args[1], &lb);
  if (la != lb)
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("the first two maketrans arguments must have equal length"));
  for (size_t i = 0; i < la; i++) {
    a = rt_str_data(args[0], NULL);
    b = rt_str_data(args[1], NULL);
    rt_dict_set(d, rt_small((unsigned char)a[i]), rt_str_new(b + i, 1));
  }
  if (n > 2) {
    size_t lz;
    const char *z = rt_str_data(args[2], &lz);
    for (size_t i = 0; i < lz; i++)
      rt_dict_set(d, rt_small((unsigned char)rt_str_data(args[2], NULL)[i]), RT_NONE);
    (void)z;
  }
  return rt_val(d);
}

static rt_val_t m_translate(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  size_t s_len;
  rt_str_data(args[0], &s_len);
  rt_vstr_t v;
  rt_vstr_init(&v, s_len);
  for (size_t i = 0; i < s_len; i++) {
    unsigned char c = (unsigned char)rt_str_data(args[0], NULL)[i];
    rt_val_t r = rt_is_obj(args[1], &rt_dict_type) ? rt_dict_get((rt_dict_t *)args[1], rt_small(c)) : RT_NULL;
    if (!r) {
      rt_vstr_addc(&v, (char)c);
    } else if (r != RT_NONE) {
      if (rt_is_small(r)) {
        rt_vstr_addc(&v, (char)rt_small_get(r));
      } else {
        size_t l;
        const char *t = rt_str_data(r, &l);
        rt_vstr_add(&v, t, l);
      }
    }
  }
  rt_val_t out = rt_str_new(v.buf, v.len);
  rt_vstr_free(&v);
  return out;
}

static rt_val_t m_format_map(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  if (!rt_is_obj(args[1], &rt_dict_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("format_map() argument must be a dict"));
  rt_dict_t *d = (rt_dict_t *)args[1];
  rt_val_t names = rt_tuple_new(d->used, NULL), values = rt_tuple_new(d->used, NULL);
  size_t pos = 0, i = 0;
  rt_dict_entry_t *e;
  while ((e = rt_dict_next(d, &pos))) {
    size_t l;
    const char *k = rt_str_data(e->key, &l);
    rt_tuple_items(names)[i] = rt_qstr_from(k, l);
    rt_tuple_items(values)[i++] = e->value;
  }
  rt_kw_t kwd = {i, rt_tuple_items(names), rt_tuple_items(values)};
  return rt_format_method(args[0], 0, NULL, &kwd);
}

static rt_val_t m_format(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  return rt_format_method(args[0], n - 1, args + 1, kw);
}

static rt_val_t m_encode(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  size_t len;
  const char *s = rt_str_data(args[0], &len);
  return rt_bytes_new(s, len);
}

static rt_val_t m_expandtabs(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  SELF(s);
  intptr_t tab = n > 1 ? rt_obj_get_int(args[1]) : 8;
  rt_vstr_t v;
  rt_vstr_init(&v, s_len);
  size_t col = 0;
  for (size_t i = 0; i < s_len; i++) {
    s = rt_str_data(args[0], NULL);
    char c = s[i];
    if (c == '\t') {
      size_t k = tab > 0 ? (size_t)tab - col % (size_t)tab : 0;
      for (size_t j = 0; j < k; j++)
        rt_vstr_addc(&v, ' ');
      col += k;
    } else {
      rt_vstr_addc(&v, c);
      col = c == '\n' || c == '\r' ? 0 : col + (((unsigned char)c & 0xc0) != 0x80);
    }
  }
  rt_val_t r = rt_str_new(v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

RT_BUILTIN(rt_str_join_obj, join, 2, 2, 0, m_join);
RT_BUILTIN(rt_str_split_obj, split, 1, 3, RT_BF_KW, m_split);
RT_BUILTIN(rt_str_rsplit_obj, rsplit, 1, 3, RT_BF_KW, m_rsplit);
RT_BUILTIN(rt_str_splitlines_obj, splitlines, 1, 2, 0, m_splitlines);
RT_BUILTIN(rt_str_strip_obj, strip, 1, 2, 0, m_strip);
RT_BUILTIN(rt_str_lstrip_obj, lstrip, 1, 2, 0, m_lstrip);
RT_BUILTIN(rt_str_rstrip_obj, rstrip, 1, 2, 0, m_rstrip);
RT_BUILTIN(rt_str_upper_obj, upper, 1, 1, 0, m_upper);
RT_BUILTIN(rt_str_lower_obj, lower, 1, 1, 0, m_lower);
RT_BUILTIN(rt_str_capitalize_obj, capitalize, 1, 1, 0, m_capitalize);
RT_BUILTIN(rt_str_title_obj, title, 1, 1, 0, m_title);
RT_BUILTIN(rt_str_swapcase_obj, swapcase, 1, 1, 0, m_swapcase);
RT_BUILTIN(rt_str_isdigit_obj, isdigit, 1, 1, 0, m_isdigit);
RT_BUILTIN(rt_str_isalpha_obj, isalpha, 1, 1, 0, m_isalpha);
RT_BUILTIN(rt_str_isalnum_obj, isalnum, 1, 1, 0, m_isalnum);
RT_BUILTIN(rt_str_isspace_obj, isspace, 1, 1, 0, m_isspace);
RT_BUILTIN(rt_str_isupper_obj, isupper, 1, 1, 0, m_isupper);
RT_BUILTIN(rt_str_islower_obj, islower, 1, 1, 0, m_islower);
RT_BUILTIN(rt_str_startswith_obj, startswith, 2, 4, 0, m_startswith);
RT_BUILTIN(rt_str_endswith_obj, endswith, 2, 4, 0, m_endswith);
RT_BUILTIN(rt_str_find_obj, find, 2, 4, 0, m_find);
RT_BUILTIN(rt_str_rfind_obj, rfind, 2, 4, 0, m_rfind);
RT_BUILTIN(rt_str_index_obj, index, 2, 4, 0, m_index);
RT_BUILTIN(rt_str_rindex_obj, rindex, 2, 4, 0, m_rindex);
RT_BUILTIN(rt_str_count_obj, count, 2, 4, 0, m_count);
RT_BUILTIN(rt_str_replace_obj, replace, 3, 4, 0, m_replace);
RT_BUILTIN(rt_str_center_obj, center, 2, 3, 0, m_center);
RT_BUILTIN(rt_str_ljust_obj, ljust, 2, 3, 0, m_ljust);
RT_BUILTIN(rt_str_rjust_obj, rjust, 2, 3, 0, m_rjust);
RT_BUILTIN(rt_str_zfill_obj, zfill, 2, 2, 0, m_zfill);
RT_BUILTIN(rt_str_partition_obj, partition, 2, 2, 0, m_partition);
RT_BUILTIN(rt_str_rpartition_obj, rpartition, 2, 2, 0, m_rpartition);
RT_BUILTIN(rt_str_removeprefix_obj, removeprefix, 2, 2, 0, m_removeprefix);
RT_BUILTIN(rt_str_removesuffix_obj, removesuffix, 2, 2, 0, m_removesuffix);
static RT_BUILTIN(format_obj, format, 1, RT_ARGS_ANY, RT_BF_KW, m_format);
static RT_BUILTIN(encode_obj, encode, 1, 3, RT_BF_KW, m_encode);
static RT_BUILTIN(isascii_obj, isascii, 1, 1, 0, m_isascii);
static RT_BUILTIN(isprintable_obj, isprintable, 1, 1, 0, m_isprintable);
static RT_BUILTIN(isidentifier_obj, isidentifier, 1, 1, 0, m_isidentifier);
static RT_BUILTIN(istitle_obj, istitle, 1, 1, 0, m_istitle);
static RT_BUILTIN(maketrans_obj, maketrans, 1, 3, 0, m_maketrans);
static RT_BUILTIN(translate_obj, translate, 2, 2, 0, m_translate);
static RT_BUILTIN(format_map_obj, format_map, 2, 2, 0, m_format_map);
static RT_BUILTIN(expandtabs_obj, expandtabs, 1, 2, 0, m_expandtabs);

static const rt_method_t str_methods[] = {
    {RT_Q_join, &rt_str_join_obj},
    {RT_Q_split, &rt_str_split_obj},
    {RT_Q_rsplit, &rt_str_rsplit_obj},
    {RT_Q_splitlines, &rt_str_splitlines_obj},
    {RT_Q_strip, &rt_str_strip_obj},
    {RT_Q_lstrip, &rt_str_lstrip_obj},
    {RT_Q_rstrip, &rt_str_rstrip_obj},
    {RT_Q_upper, &rt_str_upper_obj},
    {RT_Q_lower, &rt_str_lower_obj},
    {RT_Q_casefold, &rt_str_lower_obj},
    {RT_Q_capitalize, &rt_str_capitalize_obj},
    {RT_Q_title, &rt_str_title_obj},
    {RT_Q_swapcase, &rt_str_swapcase_obj},
    {RT_Q_isdigit, &rt_str_isdigit_obj},
    {RT_Q_isdecimal, &rt_str_isdigit_obj},
    {RT_Q_isnumeric, &rt_str_isdigit_obj},
    {RT_Q_isalpha, &rt_str_isalpha_obj},
    {RT_Q_isalnum, &rt_str_isalnum_obj},
    {RT_Q_isspace, &rt_str_isspace_obj},
    {RT_Q_isupper, &rt_str_isupper_obj},
    {RT_Q_islower, &rt_str_islower_obj},
    {RT_Q_startswith, &rt_str_startswith_obj},
    {RT_Q_endswith, &rt_str_endswith_obj},
    {RT_Q_find, &rt_str_find_obj},
    {RT_Q_rfind, &rt_str_rfind_obj},
    {RT_Q_index, &rt_str_index_obj},
    {RT_Q_rindex, &rt_str_rindex_obj},
    {RT_Q_count, &rt_str_count_obj},
    {RT_Q_replace, &rt_str_replace_obj},
    {RT_Q_center, &rt_str_center_obj},
    {RT_Q_ljust, &rt_str_ljust_obj},
    {RT_Q_rjust, &rt_str_rjust_obj},
    {RT_Q_zfill, &rt_str_zfill_obj},
    {RT_Q_partition, &rt_str_partition_obj},
    {RT_Q_rpartition, &rt_str_rpartition_obj},
    {RT_Q_removeprefix, &rt_str_removeprefix_obj},
    {RT_Q_removesuffix, &rt_str_removesuffix_obj},
    {RT_Q_format, &format_obj},
    {RT_Q_encode, &encode_obj},
    {RT_Q_isascii, &isascii_obj},
    {RT_Q_isprintable, &isprintable_obj},
    {RT_Q_isidentifier, &isidentifier_obj},
    {RT_Q_istitle, &istitle_obj},
    {RT_Q_maketrans, &maketrans_obj},
    {RT_Q_translate, &translate_obj},
    {RT_Q_format_map, &format_map_obj},
    {RT_Q_expandtabs, &expandtabs_obj},
    {0, NULL},
};

const rt_type_t rt_str_type = {
    .type = &rt_type_type,
    .name = RT_Q_str,
    .flags = RT_TYPE_BASETYPE,
    .base = &rt_object_type,
    .methods = str_methods,
    .print = str_print,
    .make_new = str_make_new,
    .unary = str_unary,
    .binary = str_binary,
    .subscr = str_subscr,
    .getiter = str_getiter,
};

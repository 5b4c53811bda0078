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
static intptr_t find_bytes(const char *hay, size_t start, size_t end, const char *needle, size_t nl,
                           bool rev) {
  if (end < start || end - start < nl) return -1;
  if (!rev) {
    for (size_t i = start; i + nl <= end; i++)
      if (memcmp(hay + i, needle, nl) == 0) return (intptr_t)i;
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
      rt_vstr_t v;
      rt_vstr_init(&v, cnt);
      for (size_t i = 0; i < cnt; i++) {
        s = rt_str_data(self, NULL);
        size_t a = rt_str_char_offset(s, n, (size_t)(start + (intptr_t)i * step));
        size_t b = a + rt_str_char_offset(s + a, n - a, 1);
        rt_vstr_add(&v, s + a, b - a);
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

#define SELF(n)                                                                                              \
  size_t n##_len;                                                                                            \
  const char *n = rt_str_data(args[0], &n##_len)

static void arg_str(rt_val_t v) {
  rt_str_check(v, "argument");
}

rt_val_t rt_str_join(rt_val_t sep, rt_val_t iterable) {
  rt_val_t *items;
  rt_val_t lst = RT_NULL;
  size_t n;
  if (rt_is_obj(iterable, &rt_list_type) || rt_is_obj(iterable, &rt_tuple_type)) {
    n = rt_obj_get_items(iterable, &items);
  } else {
    lst = rt_list_from_iter(iterable);
    n = rt_obj_get_items(lst, &items);
  }
  size_t sl, total = 0;
  rt_str_data(sep, &sl);
  for (size_t i = 0; i < n; i++) {
    if (!rt_is_str(items[i]))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("sequence item %z: expected str instance, %t found"), i,
                   items[i]);
    size_t l;
    rt_str_data(items[i], &l);
    total += l + (i ? sl : 0);
  }
  char *d;
  rt_val_t r = rt_str_new_uninit(total, &d);
  const char *sd = rt_str_data(sep, NULL);
  for (size_t i = 0; i < n; i++) {
    if (i) {
      rt_memcpy(d, sd, sl);
      d += sl;
    }
    size_t l;
    const char *s = rt_str_data(items[i], &l);
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
          rt_list_append(res, rt_str_new(s + i, j - i));
          break;
        }
        while (j < s_len && !is_space(s[j]))
          j++;
        rt_list_append(res, rt_str_new(s + i, j - i));
        s = rt_str_data(args[0], NULL);
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
          rt_list_append(res, rt_str_new(s + i, j - i));
          break;
        }
        while (i > 0 && !is_space(s[i - 1]))
          i--;
        rt_list_append(res, rt_str_new(s + i, j - i));
        j = i;
      }
      rt_list_reverse(res);
    }
    return res;
  }
  arg_str(sep);
  size_t pl;
  const char *pat = rt_str_data(sep, &pl);
  if (pl == 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("empty separator"));
  if (!rev) {
    size_t i = 0;
    for (;;) {
      intptr_t f = (maxsplit >= 0 && (intptr_t)rt_obj_len(res) >= maxsplit)
                       ? -1
                       : find_bytes(s, i, s_len, pat, pl, false);
      if (f < 0) {
        rt_list_append(res, rt_str_new(s + i, s_len - i));
        break;
      }
      rt_list_append(res, rt_str_new(s + i, (size_t)f - i));
      i = (size_t)f + pl;
    }
  } else {
    size_t j = s_len;
    for (;;) {
      intptr_t f =
          (maxsplit >= 0 && (intptr_t)rt_obj_len(res) >= maxsplit) ? -1 : find_bytes(s, 0, j, pat, pl, true);
      if (f < 0) {
        rt_list_append(res, rt_str_new(s, j));
        break;
      }
      rt_list_append(res, rt_str_new(s + f + pl, j - (size_t)f - pl));
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
    rt_list_append(res, rt_str_new(s + i, keep ? j - i : e - i));
    s = rt_str_data(args[0], NULL);
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
    arg_str(args[1]);
    chars = rt_str_data(args[1], &cl);
  }
  size_t i = 0, j = s_len;
  if (which & 1)
    while (i < j && (chars ? memchr(chars, s[i], cl) != NULL : is_space(s[i])))
      i++;
  if (which & 2)
    while (j > i && (chars ? memchr(chars, s[j - 1], cl) != NULL : is_space(s[j - 1])))
      j--;
  if (i == 0 && j == s_len) return args[0];
  return rt_str_new(s + i, j - i);
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
  const char *s = rt_str_data(self, &n);
  char *d;
  rt_val_t r = rt_str_new_uninit(n, &d);
  s = rt_str_data(self, NULL);
  bool prev_alpha = false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    unsigned char u0 = (unsigned char)c;
    if ((u0 & 0xe0) == 0xc0 && i + 1 < n) {
      // A 2-byte character: map within the same encoded length.
      uint32_t cp = ((uint32_t)(u0 & 0x1f) << 6) | ((unsigned char)s[i + 1] & 0x3f), other;
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
  const char *s = rt_str_data(self, &n);
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
    if (!rt_is_str(cands[k]))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s first arg must be str or a tuple of str, not %t"),
                   end ? "endswith" : "startswith", cands[k]);
    size_t pl;
    const char *pat = rt_str_data(cands[k], &pl);
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
static intptr_t do_find(size_t n, const rt_val_t *args, bool rev) {
  SELF(s);
  arg_str(args[1]);
  size_t pl;
  const char *pat = rt_str_data(args[1], &pl);
  size_t a, b;
  window(n, args, 2, s_len, &a, &b);
  return find_bytes(s, a, b, pat, pl, rev);
}

// A byte offset found in [self] as a character index.
static rt_val_t char_index(rt_val_t self, intptr_t off) {
  if (off <= 0 || rt_str_is_ascii(self)) return rt_small(off);
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
static rt_val_t m_index(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  intptr_t i = do_find(n, args, false);
  if (i < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("substring not found"));
  return char_index(args[0], i);
}
static rt_val_t m_rindex(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  intptr_t i = do_find(n, args, true);
  if (i < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("substring not found"));
  return char_index(args[0], i);
}

static rt_val_t m_count(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  SELF(s);
  arg_str(args[1]);
  size_t pl;
  const char *pat = rt_str_data(args[1], &pl);
  size_t a, b;
  window(n, args, 2, s_len, &a, &b);
  if (a > b) return rt_small(0);
  if (pl == 0) return rt_small((intptr_t)(b - a + 1));
  intptr_t c = 0;
  for (size_t i = a; i + pl <= b;) {
    if (memcmp(s + i, pat, pl) == 0) {
      c++;
      i += pl;
    } else {
      i++;
    }
  }
  return rt_small(c);
}

static rt_val_t m_replace(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  SELF(s);
  arg_str(args[1]);
  arg_str(args[2]);
  intptr_t maxc = n > 3 ? rt_obj_get_int(args[3]) : -1;
  size_t ol, nl;
  const char *old = rt_str_data(args[1], &ol), *nw = rt_str_data(args[2], &nl);
  rt_vstr_t v;
  rt_vstr_init(&v, s_len);
  size_t i = 0;
  intptr_t done = 0;
  while (i <= s_len) {
    s = rt_str_data(args[0], NULL);
    old = rt_str_data(args[1], NULL);
    nw = rt_str_data(args[2], NULL);
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
  if (i < s_len) rt_vstr_add(&v, rt_str_data(args[0], NULL) + i, s_len - i);
  rt_val_t r = rt_str_new(v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

// center / ljust / rjust: [how] 0 center, 1 ljust, 2 rjust.
static rt_val_t do_pad(size_t n, const rt_val_t *args, int how) {
  SELF(s);
  intptr_t w = rt_obj_get_int(args[1]);
  char fill = ' ';
  if (n > 2) {
    size_t fl;
    const char *f = rt_str_data(args[2], &fl);
    if (!rt_is_str(args[2]) || fl != 1)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("The fill character must be exactly one character long"));
    fill = f[0];
  }
  size_t chars = rt_str_is_ascii(args[0]) ? s_len : rt_str_char_count(s, s_len);
  if (w <= (intptr_t)chars) return args[0];
  size_t pad = (size_t)w - chars, total = s_len + pad, left;
  if (how == 1)
    left = 0;
  else if (how == 2)
    left = pad;
  else
    left = pad / 2 + (pad & (size_t)w & 1);
  char *d;
  rt_val_t r = rt_str_new_uninit(total, &d);
  s = rt_str_data(args[0], NULL);
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
  if (w <= (intptr_t)s_len) return args[0];
  char *d;
  rt_val_t r = rt_str_new_uninit((size_t)w, &d);
  s = rt_str_data(args[0], NULL);
  size_t pad = (size_t)w - s_len, k = 0;
  if (s_len && (s[0] == '+' || s[0] == '-')) d[k++] = s[0];
  memset(d + k, '0', pad);
  rt_memcpy(d + k + pad, s + k, s_len - k);
  return r;
}

static rt_val_t do_partition(const rt_val_t *args, bool rev) {
  SELF(s);
  arg_str(args[1]);
  size_t pl;
  const char *pat = rt_str_data(args[1], &pl);
  if (pl == 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("empty separator"));
  intptr_t f = find_bytes(s, 0, s_len, pat, pl, rev);
  rt_val_t t = rt_tuple_new(3, NULL);
  rt_val_t *it = rt_tuple_items(t);
  if (f < 0) {
    it[0] = rev ? RT_QV(_empty) : args[0];
    it[1] = RT_QV(_empty);
    it[2] = rev ? args[0] : RT_QV(_empty);
  } else {
    it[0] = rt_str_new(rt_str_data(args[0], NULL), (size_t)f);
    it[1] = args[1];
    it[2] = rt_str_new(rt_str_data(args[0], NULL) + f + pl, s_len - (size_t)f - pl);
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
  arg_str(args[1]);
  size_t pl;
  const char *pat = rt_str_data(args[1], &pl);
  if (pl > s_len || pl == 0) return args[0];
  if (!suffix && memcmp(s, pat, pl) == 0) return rt_str_new(s + pl, s_len - pl);
  if (suffix && memcmp(s + s_len - pl, pat, pl) == 0) return rt_str_new(s, s_len - pl);
  return args[0];
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

static RT_BUILTIN(join_obj, join, 2, 2, 0, m_join);
static RT_BUILTIN(split_obj, split, 1, 3, RT_BF_KW, m_split);
static RT_BUILTIN(rsplit_obj, rsplit, 1, 3, RT_BF_KW, m_rsplit);
static RT_BUILTIN(splitlines_obj, splitlines, 1, 2, 0, m_splitlines);
static RT_BUILTIN(strip_obj, strip, 1, 2, 0, m_strip);
static RT_BUILTIN(lstrip_obj, lstrip, 1, 2, 0, m_lstrip);
static RT_BUILTIN(rstrip_obj, rstrip, 1, 2, 0, m_rstrip);
static RT_BUILTIN(upper_obj, upper, 1, 1, 0, m_upper);
static RT_BUILTIN(lower_obj, lower, 1, 1, 0, m_lower);
static RT_BUILTIN(capitalize_obj, capitalize, 1, 1, 0, m_capitalize);
static RT_BUILTIN(title_obj, title, 1, 1, 0, m_title);
static RT_BUILTIN(swapcase_obj, swapcase, 1, 1, 0, m_swapcase);
static RT_BUILTIN(isdigit_obj, isdigit, 1, 1, 0, m_isdigit);
static RT_BUILTIN(isalpha_obj, isalpha, 1, 1, 0, m_isalpha);
static RT_BUILTIN(isalnum_obj, isalnum, 1, 1, 0, m_isalnum);
static RT_BUILTIN(isspace_obj, isspace, 1, 1, 0, m_isspace);
static RT_BUILTIN(isupper_obj, isupper, 1, 1, 0, m_isupper);
static RT_BUILTIN(islower_obj, islower, 1, 1, 0, m_islower);
static RT_BUILTIN(startswith_obj, startswith, 2, 4, 0, m_startswith);
static RT_BUILTIN(endswith_obj, endswith, 2, 4, 0, m_endswith);
static RT_BUILTIN(find_obj, find, 2, 4, 0, m_find);
static RT_BUILTIN(rfind_obj, rfind, 2, 4, 0, m_rfind);
static RT_BUILTIN(index_obj, index, 2, 4, 0, m_index);
static RT_BUILTIN(rindex_obj, rindex, 2, 4, 0, m_rindex);
static RT_BUILTIN(count_obj, count, 2, 4, 0, m_count);
static RT_BUILTIN(replace_obj, replace, 3, 4, 0, m_replace);
static RT_BUILTIN(center_obj, center, 2, 3, 0, m_center);
static RT_BUILTIN(ljust_obj, ljust, 2, 3, 0, m_ljust);
static RT_BUILTIN(rjust_obj, rjust, 2, 3, 0, m_rjust);
static RT_BUILTIN(zfill_obj, zfill, 2, 2, 0, m_zfill);
static RT_BUILTIN(partition_obj, partition, 2, 2, 0, m_partition);
static RT_BUILTIN(rpartition_obj, rpartition, 2, 2, 0, m_rpartition);
static RT_BUILTIN(removeprefix_obj, removeprefix, 2, 2, 0, m_removeprefix);
static RT_BUILTIN(removesuffix_obj, removesuffix, 2, 2, 0, m_removesuffix);
static RT_BUILTIN(format_obj, format, 1, RT_ARGS_ANY, RT_BF_KW, m_format);
static RT_BUILTIN(encode_obj, encode, 1, 3, RT_BF_KW, m_encode);
static RT_BUILTIN(isascii_obj, isascii, 1, 1, 0, m_isascii);
static RT_BUILTIN(isprintable_obj, isprintable, 1, 1, 0, m_isprintable);
static RT_BUILTIN(istitle_obj, istitle, 1, 1, 0, m_istitle);
static RT_BUILTIN(maketrans_obj, maketrans, 1, 3, 0, m_maketrans);
static RT_BUILTIN(translate_obj, translate, 2, 2, 0, m_translate);
static RT_BUILTIN(format_map_obj, format_map, 2, 2, 0, m_format_map);
static RT_BUILTIN(expandtabs_obj, expandtabs, 1, 2, 0, m_expandtabs);

static const rt_method_t str_methods[] = {
    {RT_Q_join, &join_obj},
    {RT_Q_split, &split_obj},
    {RT_Q_rsplit, &rsplit_obj},
    {RT_Q_splitlines, &splitlines_obj},
    {RT_Q_strip, &strip_obj},
    {RT_Q_lstrip, &lstrip_obj},
    {RT_Q_rstrip, &rstrip_obj},
    {RT_Q_upper, &upper_obj},
    {RT_Q_lower, &lower_obj},
    {RT_Q_casefold, &lower_obj},
    {RT_Q_capitalize, &capitalize_obj},
    {RT_Q_title, &title_obj},
    {RT_Q_swapcase, &swapcase_obj},
    {RT_Q_isdigit, &isdigit_obj},
    {RT_Q_isdecimal, &isdigit_obj},
    {RT_Q_isnumeric, &isdigit_obj},
    {RT_Q_isalpha, &isalpha_obj},
    {RT_Q_isalnum, &isalnum_obj},
    {RT_Q_isspace, &isspace_obj},
    {RT_Q_isupper, &isupper_obj},
    {RT_Q_islower, &islower_obj},
    {RT_Q_startswith, &startswith_obj},
    {RT_Q_endswith, &endswith_obj},
    {RT_Q_find, &find_obj},
    {RT_Q_rfind, &rfind_obj},
    {RT_Q_index, &index_obj},
    {RT_Q_rindex, &rindex_obj},
    {RT_Q_count, &count_obj},
    {RT_Q_replace, &replace_obj},
    {RT_Q_center, &center_obj},
    {RT_Q_ljust, &ljust_obj},
    {RT_Q_rjust, &rjust_obj},
    {RT_Q_zfill, &zfill_obj},
    {RT_Q_partition, &partition_obj},
    {RT_Q_rpartition, &rpartition_obj},
    {RT_Q_removeprefix, &removeprefix_obj},
    {RT_Q_removesuffix, &removesuffix_obj},
    {RT_Q_format, &format_obj},
    {RT_Q_encode, &encode_obj},
    {RT_Q_isascii, &isascii_obj},
    {RT_Q_isprintable, &isprintable_obj},
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

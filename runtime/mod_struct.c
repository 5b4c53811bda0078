// SPDX-License-Identifier: MIT
// mod_struct.c: struct packing. Formats: byte order @ = < > !, then counts
// and codes x c b B ? h H i I l L q Q e(no) f d s. "@" uses the native
// sizes and alignment of this build (as CPython does); the others standard
// sizes and no padding.
#include <string.h>

#include "mod_struct.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "qstr.h"
#include "raise.h"
#include "vstr.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

typedef struct {
  const char *p, *end;
  bool native, little;
} fmt_t;

static void fmt_start(fmt_t *f, rt_val_t fmt) {
  if (!rt_is_str(fmt) && !rt_is_obj(fmt, &rt_bytes_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("Struct() argument 1 must be a str or bytes object, not %t"), fmt);
  size_t n;
  f->p = rt_str_data(fmt, &n);
  f->end = f->p + n;
  f->native = true;
  f->little = true;
  if (f->p < f->end) {
    switch (*f->p) {
    case '@': f->p++; break;
    case '=':
    case '<':
      f->native = false;
      f->p++;
      break;
    case '>':
    case '!':
      f->native = false;
      f->little = false;
      f->p++;
      break;
    default: break;
    }
  }
}

// Next code with its repeat count; returns 0 at the end.
static char fmt_next(fmt_t *f, size_t *count) {
  while (f->p < f->end && *f->p == ' ')
    f->p++;
  if (f->p >= f->end) return 0;
  size_t c = 0;
  bool has = false;
  while (f->p < f->end && *f->p >= '0' && *f->p <= '9') {
    c = c * 10 + (size_t)(*f->p++ - '0');
    has = true;
  }
  if (f->p >= f->end) rt_raise_msg(&rt_exc_ValueError, RT_MSG("repeat count given without format specifier"));
  *count = has ? c : 1;
  return *f->p++;
}

static size_t code_size(char c, bool native) {
  switch (c) {
  case 'x':
  case 'c':
  case 'b':
  case 'B':
  case '?':
  case 's': return 1;
  case 'h':
  case 'H': return 2;
  case 'i':
  case 'I': return 4;
  case 'l':
  case 'L': return native ? sizeof(long) : 4;
  case 'q':
  case 'Q': return 8;
  case 'f': return 4;
  case 'd': return 8;
  case 'P': return native ? sizeof(void *) : 0;
  default: rt_raise_msg(&rt_exc_ValueError, RT_MSG("bad char in struct format"));
  }
}

static size_t calcsize(rt_val_t fmt) {
  fmt_t f;
  fmt_start(&f, fmt);
  size_t total = 0, count;
  char c;
  while ((c = fmt_next(&f, &count))) {
    size_t sz = code_size(c, f.native);
    if (f.native && sz > 1 && c != 's') total = (total + sz - 1) / sz * sz;
    total += c == 's' ? count : sz * count;
  }
  return total;
}

static void put_uint(char *d, uint64_t v, size_t sz, bool little) {
  for (size_t i = 0; i < sz; i++)
    d[little ? i : sz - 1 - i] = (char)(v >> (8 * i));
}

static uint64_t get_uint(const char *d, size_t sz, bool little) {
  uint64_t v = 0;
  for (size_t i = 0; i < sz; i++)
    v |= (uint64_t)(unsigned char)d[little ? i : sz - 1 - i] << (8 * i);
  return v;
}

static void pack_into_buf(rt_val_t fmt, char *out, size_t n, const rt_val_t *vals) {
  fmt_t f;
  fmt_start(&f, fmt);
  size_t pos = 0, k = 0, count;
  char c;
  while ((c = fmt_next(&f, &count))) {
    size_t sz = code_size(c, f.native);
    if (f.native && sz > 1 && c != 's') pos = (pos + sz - 1) / sz * sz;
    if (c == 's') {
      if (k >= n) rt_raise_msg(&rt_exc_ValueError, RT_MSG("not enough arguments to pack"));
      size_t len;
      const char *s = rt_str_data(vals[k++], &len);
      rt_memcpy(out + pos, s, len < count ? len : count);
      pos += count;
      continue;
    }
    for (size_t r = 0; r < count; r++) {
      if (c == 'x') {
        pos++;
        continue;
      }
      if (k >= n) rt_raise_msg(&rt_exc_ValueError, RT_MSG("not enough arguments to pack"));
      rt_val_t v = vals[k++];
      if (c == 'f' || c == 'd') {
        double d = rt_obj_get_float(v);
        uint64_t bits;
        if (c == 'f') {
          float fl = (float)d;
          uint32_t b32;
          memcpy(&b32, &fl, 4);
          bits = b32;
        } else {
          memcpy(&bits, &d, 8);
        }
        put_uint(out + pos, bits, sz, f.little);
      } else if (c == 'c') {
        size_t len;
        const char *s = rt_str_data(v, &len);
        if (len != 1)
          rt_raise_msg(&rt_exc_TypeError, RT_MSG("char format requires a bytes object of length 1"));
        out[pos] = s[0];
      } else {
        if (!rt_obj_isinstance(v, &rt_int_type))
          rt_raise_msg(&rt_exc_TypeError, RT_MSG("required argument is not an integer"));
        uint64_t u = rt_int_low64(v == RT_TRUE || v == RT_FALSE ? rt_small(v == RT_TRUE) : v);
        put_uint(out + pos, c == '?' ? (u != 0) : u, sz, f.little);
      }
      pos += sz;
    }
  }
  if (k != n) rt_raise_msg(&rt_exc_TypeError, RT_MSG("pack expected %z items for packing (got %z)"), k, n);
}

static rt_val_t s_pack(ARGS) {
  (void)kw;
  size_t sz = calcsize(args[0]);
  rt_vstr_t v;
  rt_vstr_init(&v, sz);
  memset(v.buf, 0, sz);
  pack_into_buf(args[0], v.buf, n - 1, args + 1);
  rt_val_t r = rt_bytes_new(v.buf, sz);
  rt_vstr_free(&v);
  return r;
}

static rt_val_t unpack_at(rt_val_t fmt, rt_val_t buf, size_t offset, bool exact) {
  size_t sz = calcsize(fmt), len;
  const char *d = rt_str_data(buf, &len);
  if (exact ? len != sz : len < offset + sz)
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("unpack requires a buffer of %z bytes"), sz);
  rt_val_t out = rt_list_new(0);
  fmt_t f;
  fmt_start(&f, fmt);
  size_t pos = offset, count;
  char c;
  while ((c = fmt_next(&f, &count))) {
    size_t csz = code_size(c, f.native);
    if (f.native && csz > 1 && c != 's') pos = offset + (pos - offset + csz - 1) / csz * csz;
    if (c == 's') {
      d = rt_str_data(buf, NULL);
      rt_list_append(out, rt_bytes_new(d + pos, count));
      pos += count;
      continue;
    }
    for (size_t r = 0; r < count; r++) {
      d = rt_str_data(buf, NULL);
      if (c == 'x') {
        pos++;
        continue;
      }
      uint64_t u = get_uint(d + pos, csz, f.little);
      rt_val_t v;
      switch (c) {
      case 'c': v = rt_bytes_new(d + pos, 1); break;
      case '?': v = rt_bool(u != 0); break;
      case 'f': {
        uint32_t b32 = (uint32_t)u;
        float fl;
        memcpy(&fl, &b32, 4);
        v = rt_float_new(fl);
        break;
      }
      case 'd': {
        double dd;
        memcpy(&dd, &u, 8);
        v = rt_float_new(dd);
        break;
      }
      case 'b':
      case 'h':
      case 'i':
      case 'l':
      case 'q': {
        int64_t sv = (int64_t)(u << (64 - 8 * csz)) >> (64 - 8 * csz);
        v = rt_int_from_ll(sv);
        break;
      }
      default: // unsigned
        if (u > (uint64_t)INT64_MAX) {
          v = rt_obj_binary(RT_BINARY_ADD, rt_int_from_ll((long long)(u >> 1)),
                            rt_int_from_ll((long long)(u >> 1)));
          if (u & 1) v = rt_obj_binary(RT_BINARY_ADD, v, rt_small(1));
        } else {
          v = rt_int_from_ll((long long)u);
        }
        break;
      }
      rt_list_append(out, v);
      pos += csz;
    }
  }
  return rt_tuple_from_iter(out);
}

static rt_val_t s_unpack(ARGS) {
  (void)n, (void)kw;
  return unpack_at(args[0], args[1], 0, true);
}

static rt_val_t s_unpack_from(ARGS) {
  (void)kw;
  intptr_t off = n > 2 ? rt_obj_get_int(args[2]) : 0;
  if (off < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("offset must be non-negative"));
  return unpack_at(args[0], args[1], (size_t)off, false);
}

static rt_val_t s_calcsize(ARGS) {
  (void)n, (void)kw;
  return rt_small((intptr_t)calcsize(args[0]));
}

static RT_BUILTIN(pack_obj, pack, 1, RT_ARGS_ANY, 0, s_pack);
static RT_BUILTIN(unpack_obj, unpack, 2, 2, 0, s_unpack);
static RT_BUILTIN(unpack_from_obj, unpack_from, 2, 3, 0, s_unpack_from);
static RT_BUILTIN(calcsize_obj, calcsize, 1, 1, 0, s_calcsize);

void rt_struct_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(pack), rt_val(&pack_obj));
  rt_dict_set(g, RT_QV(unpack), rt_val(&unpack_obj));
  rt_dict_set(g, RT_QV(unpack_from), rt_val(&unpack_from_obj));
  rt_dict_set(g, RT_QV(calcsize), rt_val(&calcsize_obj));
  rt_dict_set(g, rt_qstr_from_cstr("error"), rt_val(&rt_exc_ValueError));
}

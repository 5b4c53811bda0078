// SPDX-License-Identifier: MIT
// mod_struct.c: struct packing. A format is an optional byte order
// (@ native, = native order with standard sizes, < little, > and ! big)
// then items "[count]code" with codes x c b B ? h H i I l L q Q n N e f d
// s p P. "@" (the default) uses this build's native sizes and alignment,
// as CPython does; the others standard sizes and no padding. Errors are
// struct.error with CPython's messages; Struct objects hold a format.
#include "mod_struct.h"

#include <math.h>
#include <string.h>

#include "gc.h"
#include "mod_array.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_memoryview.h"
#include "obj_module.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"
#include "vstr.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

// ---- errors ----

static __attribute__((noreturn)) void raise_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rt_val_t msg = rt_print_vformat_str(fmt, ap);
  va_end(ap);
  rt_val_t m = rt_dict_get(rt_state->modules, RT_QV(struct_));
  rt_val_t cls = m ? rt_dict_get(rt_module_dict(m), RT_QV(error)) : RT_NULL;
  rt_raise(rt_obj_call(cls ? cls : rt_val(&rt_exc_ValueError), 1, &msg, NULL));
}

// ---- formats ----

typedef struct {
  const char *p, *end;
  bool native, little;
} fmt_t;

static bool host_little(void) {
  const uint16_t one = 1;
  return *(const uint8_t *)&one == 1;
}

static void fmt_start(fmt_t *f, rt_val_t fmt) {
  if (!rt_is_str(fmt) && !rt_is_obj(fmt, &rt_bytes_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("Struct() argument 1 must be a str or bytes object, not %t"), fmt);
  size_t n;
  f->p = rt_str_data(fmt, &n);
  f->end = f->p + n;
  f->native = true;
  f->little = host_little();
  if (f->p < f->end) {
    switch (*f->p) {
    case '@': f->p++; break;
    case '=':
      f->native = false;
      f->p++;
      break;
    case '<':
      f->native = false;
      f->little = true;
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

// The size of one [c] item; 0 for an unknown code.
static size_t code_size(char c, bool native) {
  switch (c) {
  case 'x':
  case 'c':
  case 'b':
  case 'B':
  case '?':
  case 's':
  case 'p': return 1;
  case 'h':
  case 'H':
  case 'e': return 2;
  case 'i':
  case 'I':
  case 'f': return 4;
  case 'l':
  case 'L': return native ? sizeof(long) : 4;
  case 'q':
  case 'Q':
  case 'd': return 8;
  case 'n':
  case 'N': return native ? sizeof(size_t) : 0;
  case 'P': return native ? sizeof(void *) : 0;
  default: return 0;
  }
}

// The next item: its code (0 at the end), count and item size; aligns
// *pos for native formats.
static char fmt_next(fmt_t *f, size_t *count, size_t *size, size_t *pos) {
  while (f->p < f->end && (*f->p == ' ' || *f->p == '\t' || *f->p == '\n'))
    f->p++;
  if (f->p >= f->end) return 0;
  size_t c = 0;
  bool has = false;
  while (f->p < f->end && *f->p >= '0' && *f->p <= '9') {
    c = c * 10 + (size_t)(*f->p++ - '0');
    has = true;
  }
  if (f->p >= f->end) raise_error("repeat count given without format specifier");
  char code = *f->p++;
  *size = code_size(code, f->native);
  if (!*size) raise_error("bad char in struct format");
  *count = has ? c : 1;
  bool aligned = code != 's' && code != 'p' && code != 'x' && code != 'c';
  if (f->native && aligned && *size > 1) *pos = (*pos + *size - 1) / *size * *size;
  return code;
}

// Bytes one item of [code] x [count] takes.
static size_t item_bytes(char code, size_t count, size_t size) {
  return (code == 's' || code == 'p') ? count : size * count;
}

// The size of [fmt] and the number of values it packs.
static size_t calcsize(rt_val_t fmt, size_t *nvalues) {
  fmt_t f;
  fmt_start(&f, fmt);
  size_t total = 0, count, size, values = 0;
  char c;
  while ((c = fmt_next(&f, &count, &size, &total))) {
    total += item_bytes(c, count, size);
    if (c == 's' || c == 'p')
      values++;
    else if (c != 'x')
      values += count;
  }
  if (nvalues) *nvalues = values;
  return total;
}

// ---- numbers ----

static void put_uint(uint8_t *d, uint64_t v, size_t sz, bool little) {
  for (size_t i = 0; i < sz; i++)
    d[little ? i : sz - 1 - i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_uint(const uint8_t *d, size_t sz, bool little) {
  uint64_t v = 0;
  for (size_t i = 0; i < sz; i++)
    v |= (uint64_t)d[little ? i : sz - 1 - i] << (8 * i);
  return v;
}

static rt_val_t from_u64(uint64_t u) {
  if (u <= INT64_MAX) return rt_int_from_ll((long long)u);
  rt_val_t half = rt_int_from_ll((long long)(u >> 1));
  return rt_int_binary(RT_BINARY_ADD, rt_int_binary(RT_BINARY_ADD, half, half), rt_small((intptr_t)(u & 1)));
}

// IEEE 754 binary16 from a double, rounding to nearest even.
static uint16_t half_from(double d) {
  uint16_t sign = signbit(d) ? 0x8000 : 0;
  if (isnan(d)) return sign | 0x7e00;
  d = fabs(d);
  if (isinf(d)) return sign | 0x7c00;
  if (d < ldexp(1, -14)) { // subnormal (or zero): units of 2^-24
    double q = rint(d * ldexp(1, 24));
    return sign | (uint16_t)q; // 1024 rounds up into the smallest normal
  }
  int e;
  double m = frexp(d, &e); // d = m * 2^e, m in [0.5, 1)
  e -= 1;
  double mant = rint((m * 2 - 1) * 1024);
  if (mant >= 1024) {
    mant = 0;
    e++;
  }
  if (e > 15) rt_raise_msg(&rt_exc_OverflowError, RT_MSG("float too large to pack with e format"));
  return sign | (uint16_t)((e + 15) << 10) | (uint16_t)mant;
}

static double half_to(uint16_t h) {
  int e = (h >> 10) & 0x1f, mant = h & 0x3ff;
  double v = e == 0 ? ldexp(mant, -24) : e == 31 ? (mant ? NAN : INFINITY) : ldexp(mant + 1024, e - 25);
  return (h & 0x8000) ? -v : v;
}

static bool is_int(rt_val_t v) {
  return rt_is_small(v) || rt_is_obj(v, &rt_int_type) || v == RT_TRUE || v == RT_FALSE;
}

static int cmp_ll(rt_val_t v, long long bound) {
  return rt_int_cmp(v, rt_int_from_ll(bound));
}

// Checks integer [v] against the range of [code] of [size] bytes and
// returns its low 64 bits.
static uint64_t int_for(char code, size_t size, rt_val_t v) {
  if (!is_int(v)) raise_error("required argument is not an integer");
  if (v == RT_TRUE || v == RT_FALSE) v = rt_small(v == RT_TRUE);
  bool is_signed = code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n';
  if (size == 8) {
    if (is_signed ? (cmp_ll(v, INT64_MIN) < 0 || cmp_ll(v, INT64_MAX) > 0)
                  : (cmp_ll(v, 0) < 0 || rt_int_cmp(v, from_u64(UINT64_MAX)) > 0))
      raise_error("argument out of range");
    return rt_int_low64(v);
  }
  long long lo = is_signed ? -(1LL << (8 * size - 1)) : 0;
  long long hi = is_signed ? (1LL << (8 * size - 1)) - 1 : (1LL << (8 * size)) - 1;
  if (cmp_ll(v, lo) >= 0 && cmp_ll(v, hi) <= 0) return rt_int_low64(v);
  if (!is_signed && size == 4 && cmp_ll(v, 0) < 0) raise_error("argument out of range");
  const char *name = code == 'b'   ? "byte"
                     : code == 'B' ? "ubyte"
                     : code == 'h' ? "short"
                     : code == 'H' ? "ushort"
                                   : NULL;
  // The bounds as Python ints: %d/%u are C ints, too narrow for them on the chip.
  rt_val_t lo_v = rt_int_from_ll(lo), hi_v = rt_int_from_ll(hi);
  if (name) raise_error("%s format requires %S <= number <= %S", name, lo_v, hi_v);
  raise_error("'%c' format requires %S <= number <= %S", code, lo_v, hi_v);
}

// ---- pack and unpack ----

// Packs vals[0..n) by [fmt] into [out] (calcsize bytes, zeroed). [what]
// names the caller in the count error.
static void pack_values(rt_val_t fmt, uint8_t *out, size_t n, const rt_val_t *vals, const char *what) {
  size_t expected;
  calcsize(fmt, &expected);
  if (expected != n) raise_error("%s expected %z items for packing (got %z)", what, expected, n);
  fmt_t f;
  fmt_start(&f, fmt);
  size_t pos = 0, k = 0, count, sz;
  char c;
  while ((c = fmt_next(&f, &count, &sz, &pos))) {
    if (c == 's' || c == 'p') {
      const uint8_t *s;
      size_t len;
      rt_val_t v = vals[k++];
      if (!rt_is_obj(v, &rt_bytes_type) && !rt_is_obj(v, &rt_bytearray_type))
        raise_error("argument for '%c' must be a bytes object", c);
      rt_bytes_buffer(v, &s, &len);
      if (c == 's') {
        rt_memcpy(out + pos, s, len < count ? len : count);
      } else if (count) {
        size_t take = len < count - 1 ? len : count - 1;
        out[pos] = (uint8_t)(take > 255 ? 255 : take);
        rt_memcpy(out + pos + 1, s, take);
      }
      pos += count;
      continue;
    }
    for (size_t r = 0; r < count; r++, pos += sz) {
      if (c == 'x') continue;
      rt_val_t v = vals[k++];
      if (c == 'e' || c == 'f' || c == 'd') {
        if (!is_int(v) && !rt_is_obj(v, &rt_float_type)) raise_error("required argument is not a float");
        double d = rt_obj_get_float(v);
        uint64_t bits;
        if (c == 'e') {
          bits = half_from(d);
        } else if (c == 'f') {
          float fl = (float)d;
          if (isinf(fl) && isfinite(d))
            rt_raise_msg(&rt_exc_OverflowError, RT_MSG("float too large to pack with f format"));
          uint32_t b32;
          memcpy(&b32, &fl, 4);
          bits = b32;
        } else {
          memcpy(&bits, &d, 8);
        }
        put_uint(out + pos, bits, sz, f.little);
      } else if (c == 'c') {
        const uint8_t *s;
        size_t len;
        if (!rt_is_obj(v, &rt_bytes_type) && !rt_is_obj(v, &rt_bytearray_type))
          raise_error("char format requires a bytes object of length 1");
        rt_bytes_buffer(v, &s, &len);
        if (len != 1) raise_error("char format requires a bytes object of length 1");
        out[pos] = s[0];
      } else if (c == '?') {
        out[pos] = rt_obj_truthy(v);
      } else if (c == 'P') {
        put_uint(out + pos, int_for('Q', sz, v), sz, f.little);
      } else {
        put_uint(out + pos, int_for(c, sz, v), sz, f.little);
      }
    }
  }
}

// Unpacks [fmt] from [d] (at least calcsize bytes) into a tuple.
static rt_val_t unpack_values(rt_val_t fmt, const uint8_t *d) {
  size_t nvalues;
  calcsize(fmt, &nvalues);
  rt_val_t t = rt_tuple_new(nvalues, NULL);
  rt_val_t *items;
  rt_obj_get_items(t, &items);
  fmt_t f;
  fmt_start(&f, fmt);
  size_t pos = 0, k = 0, count, sz;
  char c;
  while ((c = fmt_next(&f, &count, &sz, &pos))) {
    if (c == 's') {
      items[k++] = rt_bytes_new((const char *)d + pos, count);
      pos += count;
      continue;
    }
    if (c == 'p') {
      size_t len = count ? d[pos] : 0;
      if (count && len > count - 1) len = count - 1;
      items[k++] = rt_bytes_new((const char *)d + pos + 1, len);
      pos += count;
      continue;
    }
    for (size_t r = 0; r < count; r++, pos += sz) {
      if (c == 'x') continue;
      uint64_t u = get_uint(d + pos, sz, f.little);
      rt_val_t v;
      switch (c) {
      case 'c': v = rt_bytes_new((const char *)d + pos, 1); break;
      case '?': v = rt_bool(u != 0); break;
      case 'e': v = rt_float_new(half_to((uint16_t)u)); break;
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
      case 'q':
      case 'n': v = rt_int_from_ll((long long)((int64_t)(u << (64 - 8 * sz)) >> (64 - 8 * sz))); break;
      default: v = from_u64(u); break;
      }
      items[k++] = v;
    }
  }
  return t;
}

static const uint8_t *read_buffer(rt_val_t v, size_t *len) {
  const uint8_t *d;
  if (!rt_bytes_buffer(v, &d, len))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("a bytes-like object is required, not '%t'"), v);
  return d;
}

static uint8_t *write_buffer(rt_val_t v, size_t *len) {
  uint8_t *d;
  if (rt_is_obj(v, &rt_bytearray_type)) {
    *len = ((rt_bytearray_t *)v)->len;
    return ((rt_bytearray_t *)v)->data;
  }
  if (rt_array_buffer(v, &d, len) || rt_memoryview_buffer(v, &d, len, true)) return d;
  rt_raise_msg(&rt_exc_TypeError, RT_MSG("argument must be read-write bytes-like object, not %t"), v);
}

// An offset argument, counted from the end when negative.
static size_t offset_arg(rt_val_t v, size_t len) {
  intptr_t off = rt_obj_get_int(v);
  if (off < 0) {
    if ((size_t)-off > len) raise_error("offset %d out of range for %z-byte buffer", (int)off, len);
    off += (intptr_t)len;
  }
  return (size_t)off;
}

static rt_val_t do_pack(rt_val_t fmt, size_t n, const rt_val_t *vals) {
  size_t sz = calcsize(fmt, NULL);
  uint8_t *buf = rt_gc_alloc(sz, RT_GC_LEAF);
  pack_values(fmt, buf, n, vals, "pack");
  rt_val_t r = rt_bytes_new((const char *)buf, sz);
  rt_gc_free(buf);
  return r;
}

static rt_val_t do_pack_into(rt_val_t fmt, rt_val_t buffer, rt_val_t offset, size_t n, const rt_val_t *vals) {
  size_t sz = calcsize(fmt, NULL), len;
  write_buffer(buffer, &len);
  size_t off = offset_arg(offset, len);
  if (off + sz > len) {
    raise_error(
        "pack_into requires a buffer of at least %z bytes for packing %z bytes at offset %z (actual buffer "
        "size is %z)",
        off + sz, sz, off, len);
  }
  uint8_t *tmp = rt_gc_alloc(sz, RT_GC_LEAF);
  pack_values(fmt, tmp, n, vals, "pack_into");
  uint8_t *d = write_buffer(buffer, &len); // packing ran code: look again
  if (off + sz <= len) memcpy(d + off, tmp, sz);
  rt_gc_free(tmp);
  return RT_NONE;
}

static rt_val_t do_unpack(rt_val_t fmt, rt_val_t buffer) {
  size_t sz = calcsize(fmt, NULL), len;
  const uint8_t *d = read_buffer(buffer, &len);
  if (len != sz) raise_error("unpack requires a buffer of %z bytes", sz);
  return unpack_values(fmt, d);
}

static rt_val_t do_unpack_from(rt_val_t fmt, rt_val_t buffer, rt_val_t offset) {
  size_t sz = calcsize(fmt, NULL), len;
  const uint8_t *d = read_buffer(buffer, &len);
  size_t off = offset ? offset_arg(offset, len) : 0;
  if (off + sz > len) {
    raise_error(
        "unpack_from requires a buffer of at least %z bytes for unpacking %z bytes at offset %z (actual "
        "buffer size is %z)",
        off + sz, sz, off, len);
  }
  return unpack_values(fmt, d + off);
}

static rt_val_t do_iter_unpack(rt_val_t fmt, rt_val_t buffer) {
  size_t sz = calcsize(fmt, NULL), len;
  if (sz == 0) raise_error("cannot iteratively unpack with a struct of length 0");
  read_buffer(buffer, &len);
  if (len % sz) raise_error("iterative unpacking requires a buffer of a multiple of %z bytes", sz);
  rt_val_t list = rt_list_new(0);
  for (size_t off = 0; off < len; off += sz)
    rt_list_append(list, unpack_values(fmt, read_buffer(buffer, &len) + off));
  return rt_obj_getiter(list);
}

static rt_val_t kw_or(size_t n, const rt_val_t *args, const rt_kw_t *kw, size_t at, rt_val_t name) {
  if (n > at) return args[at];
  return kw ? rt_kw_get(kw, name) : RT_NULL;
}

static rt_val_t s_pack(ARGS) {
  (void)kw;
  return do_pack(args[0], n - 1, args + 1);
}
static rt_val_t s_pack_into(ARGS) {
  (void)kw;
  return do_pack_into(args[0], args[1], args[2], n - 3, args + 3);
}
static rt_val_t s_unpack(ARGS) {
  (void)n, (void)kw;
  return do_unpack(args[0], args[1]);
}
static rt_val_t s_unpack_from(ARGS) {
  return do_unpack_from(args[0], args[1], kw_or(n, args, kw, 2, RT_QV(offset)));
}
static rt_val_t s_iter_unpack(ARGS) {
  (void)n, (void)kw;
  return do_iter_unpack(args[0], args[1]);
}
static rt_val_t s_calcsize(ARGS) {
  (void)n, (void)kw;
  return rt_small((intptr_t)calcsize(args[0], NULL));
}

// ---- Struct objects ----

typedef struct {
  const rt_type_t *type;
  rt_val_t format; // str
  size_t size;
} struct_obj_t;

extern const rt_type_t struct_type;
#define SO(v) ((struct_obj_t *)(v))

static rt_val_t struct_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t;
  rt_val_t fmt = kw_or(n, args, kw, 0, RT_QV(format));
  if (!fmt) rt_raise_msg(&rt_exc_TypeError, RT_MSG("Struct() missing required argument 'format' (pos 1)"));
  size_t size = calcsize(fmt, NULL);
  struct_obj_t *s = rt_gc_alloc(sizeof *s, 0);
  s->type = &struct_type;
  s->size = size;
  if (rt_is_obj(fmt, &rt_bytes_type)) {
    size_t len;
    const char *d = rt_str_data(fmt, &len);
    fmt = rt_str_new(d, len);
  }
  s->format = fmt;
  return rt_val(s);
}

static rt_val_t st_pack(ARGS) {
  (void)kw;
  return do_pack(SO(args[0])->format, n - 1, args + 1);
}
static rt_val_t st_pack_into(ARGS) {
  (void)kw;
  return do_pack_into(SO(args[0])->format, args[1], args[2], n - 3, args + 3);
}
static rt_val_t st_unpack(ARGS) {
  (void)n, (void)kw;
  return do_unpack(SO(args[0])->format, args[1]);
}
static rt_val_t st_unpack_from(ARGS) {
  return do_unpack_from(SO(args[0])->format, args[1], kw_or(n, args, kw, 2, RT_QV(offset)));
}
static rt_val_t st_iter_unpack(ARGS) {
  (void)n, (void)kw;
  return do_iter_unpack(SO(args[0])->format, args[1]);
}

static rt_val_t struct_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store != RT_NULL) return RT_NULL;
  if (name == RT_QV(format)) return SO(self)->format;
  if (name == RT_QV(size)) return rt_small((intptr_t)SO(self)->size);
  return RT_NULL;
}

static void struct_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_format(p, "Struct(%r)", SO(self)->format);
}

static RT_BUILTIN(st_pack_obj, pack, 1, RT_ARGS_ANY, 0, st_pack);
static RT_BUILTIN(st_pack_into_obj, pack_into, 3, RT_ARGS_ANY, 0, st_pack_into);
static RT_BUILTIN(st_unpack_obj, unpack, 2, 2, 0, st_unpack);
static RT_BUILTIN(st_unpack_from_obj, unpack_from, 2, 3, RT_BF_KW, st_unpack_from);
static RT_BUILTIN(st_iter_unpack_obj, iter_unpack, 2, 2, 0, st_iter_unpack);
static const rt_method_t struct_methods[] = {
    {RT_Q_pack, &st_pack_obj},
    {RT_Q_pack_into, &st_pack_into_obj},
    {RT_Q_unpack, &st_unpack_obj},
    {RT_Q_unpack_from, &st_unpack_from_obj},
    {RT_Q_iter_unpack, &st_iter_unpack_obj},
    {0, NULL},
};

const rt_type_t struct_type = {
    .type = &rt_type_type,
    .name = RT_Q_Struct,
    .base = &rt_object_type,
    .methods = struct_methods,
    .print = struct_print,
    .make_new = struct_make_new,
    .attr = struct_attr,
};

static RT_BUILTIN(pack_obj, pack, 1, RT_ARGS_ANY, 0, s_pack);
static RT_BUILTIN(pack_into_obj, pack_into, 3, RT_ARGS_ANY, 0, s_pack_into);
static RT_BUILTIN(unpack_obj, unpack, 2, 2, 0, s_unpack);
static RT_BUILTIN(unpack_from_obj, unpack_from, 2, 3, RT_BF_KW, s_unpack_from);
static RT_BUILTIN(iter_unpack_obj, iter_unpack, 2, 2, 0, s_iter_unpack);
static RT_BUILTIN(calcsize_obj, calcsize, 1, 1, 0, s_calcsize);

void rt_struct_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(pack), rt_val(&pack_obj));
  rt_dict_set(g, RT_QV(pack_into), rt_val(&pack_into_obj));
  rt_dict_set(g, RT_QV(unpack), rt_val(&unpack_obj));
  rt_dict_set(g, RT_QV(unpack_from), rt_val(&unpack_from_obj));
  rt_dict_set(g, RT_QV(iter_unpack), rt_val(&iter_unpack_obj));
  rt_dict_set(g, RT_QV(calcsize), rt_val(&calcsize_obj));
  rt_dict_set(g, RT_QV(Struct), rt_val(&struct_type));
  rt_module_add_exception(g, RT_QV(struct_), RT_QV(error), &rt_exc_Exception);
}

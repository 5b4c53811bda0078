// SPDX-License-Identifier: MIT
// obj_float.c: the float type. repr follows CPython: the shortest digit
// string that reads back to the same double, in fixed notation when the
// decimal exponent is in [-4, 16), scientific otherwise.
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obj_float.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

rt_val_t rt_float_new(double d) {
  rt_float_t *f = rt_gc_alloc(sizeof *f, RT_GC_LEAF);
  f->type = &rt_float_type;
  f->value = (rt_float_store_t)d;
  return rt_val(f);
}

void rt_float_print_double(rt_printer_t *p, double d) {
  if (isnan(d)) {
    rt_print_cstr(p, "nan");
    return;
  }
  if (isinf(d)) {
    rt_print_cstr(p, d < 0 ? "-inf" : "inf");
    return;
  }
  char buf[40];
  int prec;
  for (prec = 1; prec <= RT_FLOAT_REPR_DIGITS; prec++) {
    snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
    if ((rt_float_store_t)strtod(buf, NULL) == (rt_float_store_t)d) break;
  }
  // buf is [-]D[.DDD]e[+-]XX: pull out the digits and the exponent.
  char digits[24];
  int nd = 0, exp10;
  const char *s = buf;
  bool neg = *s == '-';
  if (neg) s++;
  for (; *s && *s != 'e'; s++)
    if (*s != '.') digits[nd++] = *s;
  exp10 = atoi(s + 1);
  while (nd > 1 && digits[nd - 1] == '0')
    nd--;
  char out[64];
  int k = 0;
  if (neg) out[k++] = '-';
  if (exp10 >= -4 && exp10 < 16) {
    if (exp10 < 0) {
      out[k++] = '0';
      out[k++] = '.';
      for (int i = -1; i > exp10; i--)
        out[k++] = '0';
      for (int i = 0; i < nd; i++)
        out[k++] = digits[i];
    } else {
      for (int i = 0; i <= exp10; i++)
        out[k++] = i < nd ? digits[i] : '0';
      out[k++] = '.';
      if (nd > exp10 + 1)
        for (int i = exp10 + 1; i < nd; i++)
          out[k++] = digits[i];
      else
        out[k++] = '0';
    }
  } else {
    out[k++] = digits[0];
    if (nd > 1) {
      out[k++] = '.';
      for (int i = 1; i < nd; i++)
        out[k++] = digits[i];
    }
    k += snprintf(out + k, sizeof out - (size_t)k, "e%c%02d", exp10 < 0 ? '-' : '+',
                  exp10 < 0 ? -exp10 : exp10);
  }
  rt_print_str(p, out, (size_t)k);
}

bool rt_float_parse(const char *s, size_t n, double *out) {
  char buf[64];
  size_t k = 0;
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
    i++;
  while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
    n--;
  if (i >= n || n - i >= sizeof buf) return false;
  for (; i < n; i++) {
    if (s[i] == '_') continue;
    buf[k++] = s[i];
  }
  buf[k] = 0;
  const char *t = buf;
  bool neg = false;
  if (*t == '+' || *t == '-') neg = *t++ == '-';
  char low[16];
  size_t tl = strlen(t);
  if (tl < sizeof low) {
    for (size_t j = 0; j <= tl; j++)
      low[j] = (char)(t[j] >= 'A' && t[j] <= 'Z' ? t[j] + 32 : t[j]);
    if (!strcmp(low, "inf") || !strcmp(low, "infinity")) {
      *out = neg ? -INFINITY : INFINITY;
      return true;
    }
    if (!strcmp(low, "nan")) {
      *out = NAN;
      return true;
    }
  }
  for (const char *c = t; *c; c++)
    if (!((*c >= '0' && *c <= '9') || *c == '.' || *c == 'e' || *c == 'E' || *c == '+' || *c == '-'))
      return false;
  char *end;
  double d = strtod(buf, &end);
  if (*end || end == buf) return false;
  *out = d;
  return true;
}

static void float_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_float_print_double(p, rt_float_get(self));
}

static double fmod_py(double x, double y) {
  double m = fmod(x, y);
  if (m != 0 && ((m < 0) != (y < 0))) m += y;
  if (m == 0) m = copysign(0.0, y);
  return m;
}

rt_val_t rt_float_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if (op >= RT_BINARY_INPLACE_FIRST && op < RT_BINARY_LT)
    op = (rt_binary_op_t)(op - RT_BINARY_INPLACE_FIRST - 1);
  double x = rt_float_get(a), y;
  bool is_float = rt_is_obj(b, &rt_float_type);
  if (!is_float && !rt_is_small(b) && b != RT_TRUE && b != RT_FALSE && !rt_is_obj(b, &rt_int_type))
    return RT_NULL;
  if (op >= RT_BINARY_LT && op <= RT_BINARY_NE && !is_float && isnan(x)) return rt_bool(op == RT_BINARY_NE);
  if (op >= RT_BINARY_LT && op <= RT_BINARY_NE && !is_float && !(rt_is_small(b) && rt_small_fits_double(b))) {
    // A float against an int that a double cannot hold exactly: compare
    // exactly, as CPython does (2.0 ** 53 != 2 ** 53 + 1).
    int c;
    if (isinf(x)) {
      c = x > 0 ? 1 : -1;
    } else {
      double fl = floor(x);
      c = rt_int_cmp(rt_int_from_double(fl), b == RT_TRUE ? rt_small(1) : b == RT_FALSE ? rt_small(0) : b);
      if (c == 0 && x > fl) c = 1;
    }
    switch (op) {
    case RT_BINARY_LT: return rt_bool(c < 0);
    case RT_BINARY_LE: return rt_bool(c <= 0);
    case RT_BINARY_GT: return rt_bool(c > 0);
    case RT_BINARY_GE: return rt_bool(c >= 0);
    case RT_BINARY_EQ: return rt_bool(c == 0);
    default: return rt_bool(c != 0);
    }
  }
  // After the exact comparisons: an int beyond the double range raises.
  y = is_float ? rt_float_get(b) : rt_int_to_double(b);
  switch (op) {
  case RT_BINARY_ADD: return rt_float_new(x + y);
  case RT_BINARY_SUB: return rt_float_new(x - y);
  case RT_BINARY_MUL: return rt_float_new(x * y);
  case RT_BINARY_TRUEDIV:
    if (y == 0) rt_raise_msg(&rt_exc_ZeroDivisionError, RT_MSG("float division by zero"));
    return rt_float_new(x / y);
  case RT_BINARY_FLOORDIV:
    if (y == 0) rt_raise_msg(&rt_exc_ZeroDivisionError, RT_MSG("float floor division by zero"));
    {
      // As CPython: divide the exact difference, then round to nearest.
      double m = fmod(x, y), div = (x - m) / y;
      if (m != 0 && ((y < 0) != (m < 0))) div -= 1.0;
      double fl = floor(div);
      if (div - fl > 0.5) fl += 1.0;
      if (div == 0) fl = copysign(0.0, x / y);
      return rt_float_new(fl);
    }
  case RT_BINARY_MOD:
    if (y == 0) rt_raise_msg(&rt_exc_ZeroDivisionError, RT_MSG("float modulo"));
    return rt_float_new(fmod_py(x, y));
  case RT_BINARY_POW:
    if (x == 0 && y < 0)
      rt_raise_msg(&rt_exc_ZeroDivisionError, RT_MSG("0.0 cannot be raised to a negative power"));
    if (x < 0 && y != floor(y)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("math domain error"));
    {
      double r = pow(x, y);
      // CPython reports a finite power that overflows as errno ERANGE.
      if (isinf(r) && isfinite(x) && isfinite(y)) {
        rt_val_t ea[2] = {rt_small(34), rt_str_new_cstr("Numerical result out of range")};
        rt_raise(rt_exc_new(&rt_exc_OverflowError, 2, ea));
      }
      return rt_float_new(r);
    }
  case RT_BINARY_LT: return rt_bool(x < y);
  case RT_BINARY_LE: return rt_bool(x <= y);
  case RT_BINARY_GT: return rt_bool(x > y);
  case RT_BINARY_GE: return rt_bool(x >= y);
  case RT_BINARY_EQ: return rt_bool(x == y);
  case RT_BINARY_NE: return rt_bool(x != y);
  default: return RT_NULL;
  }
}

// Reflected operations reach here with the float on the left: swap back.
static rt_val_t float_binary_slot(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  return rt_float_binary(op, a, b);
}

static rt_val_t float_unary(rt_unary_op_t op, rt_val_t self) {
  double x = rt_float_get(self);
  switch (op) {
  case RT_UNARY_POS:
  case RT_UNARY_FLOAT: return self;
  case RT_UNARY_NEG: return rt_float_new(-x);
  case RT_UNARY_ABS: return rt_float_new(fabs(x));
  case RT_UNARY_BOOL: return rt_bool(x != 0);
  case RT_UNARY_INT: return rt_int_from_double(x);
  case RT_UNARY_HASH:
    if (x == floor(x) && fabs(x) < 1e15) return rt_small((intptr_t)x);
    {
      uint64_t bits;
      rt_memcpy(&bits, &x, sizeof bits);
      return rt_small((intptr_t)((bits ^ (bits >> 29)) >> 4));
    }
  default: return RT_NULL;
  }
}

static rt_val_t float_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)t, (void)kw;
  if (n == 0) return rt_float_new(0.0);
  if (n > 1) rt_raise_msg(&rt_exc_TypeError, RT_MSG("float expected at most 1 argument, got %z"), n);
  if (rt_is_str(args[0])) {
    size_t len;
    const char *s = rt_str_data(args[0], &len);
    double d;
    if (!rt_float_parse(s, len, &d))
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("could not convert string to float: %r"), args[0]);
    return rt_float_new(d);
  }
  return rt_obj_unary(RT_UNARY_FLOAT, args[0]);
}

static rt_val_t m_is_integer(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  double x = rt_float_get(args[0]);
  return rt_bool(isfinite(x) && x == floor(x));
}

// x.as_integer_ratio(): the exact fraction (n, d), d a power of two > 0.
static rt_val_t m_as_integer_ratio(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  double x = rt_float_get(args[0]);
  if (isinf(x)) rt_raise_msg(&rt_exc_OverflowError, RT_MSG("cannot convert Infinity to integer ratio"));
  if (isnan(x)) rt_raise_msg(&rt_exc_ValueError, RT_MSG("cannot convert NaN to integer ratio"));
  int e;
  double m = frexp(x, &e);
  // Scale the mantissa to an integer, one bit at a time (at most 64 steps).
  for (int i = 0; i < 300 && m != floor(m); i++) {
    m *= 2;
    e--;
  }
  rt_val_t num = rt_int_from_double(m), den = rt_small(1);
  rt_val_t p = rt_int_binary(RT_BINARY_LSHIFT, rt_small(1), rt_small(e < 0 ? -e : e));
  if (e > 0)
    num = rt_int_binary(RT_BINARY_MUL, num, p);
  else
    den = p;
  // Reduce: the denominator is a power of two, so divide out common twos.
  while (rt_obj_truthy(num) && !rt_obj_truthy(rt_int_binary(RT_BINARY_AND, num, rt_small(1))) &&
         !rt_obj_eq(den, rt_small(1))) {
    num = rt_int_binary(RT_BINARY_RSHIFT, num, rt_small(1));
    den = rt_int_binary(RT_BINARY_RSHIFT, den, rt_small(1));
  }
  if (!rt_obj_truthy(num)) den = rt_small(1);
  rt_val_t t[2] = {num, den};
  return rt_tuple_new(2, t);
}

// x.hex(): "[-]0x1.<13 hex digits>p<exp>" from the bits of the double
// (subnormals as 0x0.<digits>p-1022), as CPython writes it.
static rt_val_t m_hex(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  double x = rt_float_get(args[0]);
  if (isnan(x)) return RT_QV(nan);
  if (isinf(x)) return rt_str_new_cstr(x > 0 ? "inf" : "-inf");
  uint64_t bits;
  rt_memcpy(&bits, &x, sizeof bits);
  int e = (int)(bits >> 52 & 0x7ff);
  uint64_t frac = bits & 0xfffffffffffffULL;
  char buf[32];
  if (e == 0 && frac == 0)
    snprintf(buf, sizeof buf, "%s0x0.0p+0", bits >> 63 ? "-" : "");
  else
    snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", bits >> 63 ? "-" : "", e != 0, (unsigned long long)frac,
             e ? e - 1023 : -1022);
  return rt_str_new_cstr(buf);
}

// True if the [n] bytes at [s] are [w] in any letter case.
static bool word_is(const char *s, size_t n, const char *w) {
  for (size_t i = 0; i < n; i++, w++)
    if (!*w || (s[i] | 0x20) != *w) return false;
  return !*w;
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = (char)(c | 0x20);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// float.fromhex(s): keeps the first 15 significant hex digits (60 bits)
// and folds any nonzero rest into the lowest bit, so the one conversion
// to double rounds correctly.
static rt_val_t m_fromhex(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_str_check(args[0], "fromhex() argument");
  size_t len;
  const char *s = rt_str_data(args[0], &len), *end = s + len;
  while (s < end && isspace((unsigned char)*s))
    s++;
  while (end > s && isspace((unsigned char)end[-1]))
    end--;
  bool neg = s < end && *s == '-';
  if (s < end && (*s == '-' || *s == '+')) s++;
  size_t rest = (size_t)(end - s);
  if (word_is(s, rest, "inf") || word_is(s, rest, "infinity"))
    return rt_float_new(neg ? -INFINITY : INFINITY);
  if (word_is(s, rest, "nan")) return rt_float_new(NAN);
  if (rest > 2 && s[0] == '0' && (s[1] | 0x20) == 'x') s += 2;
  uint64_t m = 0;
  long exp = 0;
  int kept = 0, digits = 0;
  bool point = false;
  for (; s < end; s++) {
    int d = hex_digit(*s);
    if (d < 0) {
      if (*s != '.' || point) break;
      point = true;
      continue;
    }
    digits++;
    if (kept < 15) {
      m = m << 4 | (uint64_t)d;
      if (m) kept++;
      if (point) exp -= 4;
    } else {
      if (d) m |= 1;
      if (!point) exp += 4;
    }
  }
  if (s < end && (*s | 0x20) == 'p') {
    s++;
    bool eneg = s < end && *s == '-';
    if (s < end && (*s == '-' || *s == '+')) s++;
    if (s == end || !isdigit((unsigned char)*s)) digits = 0;
    long e = 0;
    for (; s < end && isdigit((unsigned char)*s); s++)
      if (e < 100000) e = e * 10 + (*s - '0');
    exp += eneg ? -e : e;
  }
  if (!digits || s != end)
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("invalid hexadecimal floating-point string"));
  if (exp > 100000) exp = 100000;
  if (exp < -100000) exp = -100000;
  double r = ldexp((double)m, (int)exp);
  if (isinf(r))
    rt_raise_msg(&rt_exc_OverflowError, RT_MSG("hexadecimal value too large to represent as a float"));
  return rt_float_new(neg ? -r : r);
}

static RT_BUILTIN(hex_obj, hex, 1, 1, 0, m_hex);
static RT_BUILTIN(fromhex_obj, fromhex, 1, 1, 0, m_fromhex);
static RT_BUILTIN(is_integer_obj, is_integer, 1, 1, 0, m_is_integer);
static RT_BUILTIN(as_integer_ratio_obj, as_integer_ratio, 1, 1, 0, m_as_integer_ratio);
static const rt_method_t float_methods[] = {{RT_Q_is_integer, &is_integer_obj},
                                            {RT_Q_as_integer_ratio, &as_integer_ratio_obj},
                                            {RT_Q_hex, &hex_obj},
                                            {RT_Q_fromhex, &fromhex_obj},
                                            {0, NULL}};

static rt_val_t float_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store) return RT_NULL;
  if (name == RT_QV(real)) return self;
  if (name == RT_QV(imag)) return rt_float_new(0.0);
  return RT_NULL;
}

const rt_type_t rt_float_type = {
    .type = &rt_type_type,
    .name = RT_Q_float,
    .flags = RT_TYPE_BASETYPE,
    .base = &rt_object_type,
    .methods = float_methods,
    .print = float_print,
    .make_new = float_make_new,
    .unary = float_unary,
    .binary = float_binary_slot,
    .attr = float_attr,
};

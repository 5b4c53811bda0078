// SPDX-License-Identifier: MIT
// format.c: format specs, "%" formatting and str.format.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "builtins.h"
#include "gc.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "obj_type.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "vstr.h"

// ascii(v): repr with non-ASCII characters escaped (the builtin's work).
static rt_val_t ascii_of(rt_val_t v) {
  return rt_obj_call1(rt_builtins_lookup(RT_QV(ascii)), v);
}

typedef struct {
  char fill, align, sign, type, grouping;
  bool alt, zero;
  int width, prec; // -1 when absent
} spec_t;

static void parse_spec(const char *s, size_t n, spec_t *sp) {
  memset(sp, 0, sizeof *sp);
  sp->fill = ' ';
  sp->width = sp->prec = -1;
  size_t i = 0;
  bool fill_given = false;
  if (n >= 2 && (s[1] == '<' || s[1] == '>' || s[1] == '^' || s[1] == '=')) {
    sp->fill = s[0];
    sp->align = s[1];
    fill_given = true;
    i = 2;
  } else if (n >= 1 && (s[0] == '<' || s[0] == '>' || s[0] == '^' || s[0] == '=')) {
    sp->align = s[0];
    i = 1;
  }
  if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp->sign = s[i++];
  if (i < n && s[i] == '#') {
    sp->alt = true;
    i++;
  }
  if (i < n && s[i] == '0') {
    sp->zero = true;
    i++;
  }
  if (i < n && s[i] >= '0' && s[i] <= '9') {
    sp->width = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      // Bounded before it could overflow an int (CPython's message).
      if (sp->width > 99999999)
        rt_raise_msg(&rt_exc_ValueError, RT_MSG("Too many decimal digits in format string"));
      sp->width = sp->width * 10 + (s[i++] - '0');
    }
  }
  if (i < n && (s[i] == ',' || s[i] == '_')) sp->grouping = s[i++];
  if (i < n && s[i] == '.') {
    i++;
    if (i >= n || s[i] < '0' || s[i] > '9')
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("Format specifier missing precision"));
    sp->prec = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      if (sp->prec > 99999999)
        rt_raise_msg(&rt_exc_ValueError, RT_MSG("Too many decimal digits in format string"));
      sp->prec = sp->prec * 10 + (s[i++] - '0');
    }
  }
  if (i < n) sp->type = s[i++];
  if (i < n) rt_raise_msg(&rt_exc_ValueError, RT_MSG("Invalid format specifier"));
  if (sp->zero && !sp->align) {
    sp->fill = '0';
    sp->align = '=';
  } else if (sp->zero && !fill_given) {
    sp->fill = '0'; // "<08": zeros fill whatever the alignment
  }
}

// Pads [body] (after [prefix], e.g. sign and 0x) to the spec's width.
static rt_val_t pad(const spec_t *sp, const char *prefix, const char *body, size_t blen, char default_align) {
  size_t plen = strlen(prefix), len = plen + rt_str_char_count(body, blen);
  size_t width = sp->width > 0 ? (size_t)sp->width : 0;
  size_t padn = width > len ? width - len : 0;
  char align = sp->align ? sp->align : default_align;
  size_t left = align == '>' ? padn : align == '^' ? padn / 2 : 0;
  size_t right = padn - left;
  if (align == '=') {
    left = 0;
    right = 0;
  }
  char *d;
  rt_val_t r = rt_str_new_uninit(plen + blen + padn, &d);
  memset(d, sp->fill, left);
  d += left;
  rt_memcpy(d, prefix, plen);
  d += plen;
  if (align == '=') {
    memset(d, sp->fill, padn);
    d += padn;
  }
  rt_memcpy(d, body, blen);
  d += blen;
  memset(d, sp->fill, right);
  return r;
}

// Inserts grouping separators every 3 digits into the leading digit run.
static void group_digits(rt_vstr_t *out, const char *digits, size_t n, char sep, int every) {
  size_t intlen = 0;
  while (intlen < n && digits[intlen] >= '0' && digits[intlen] <= '9')
    intlen++;
  if (every == 4) {
    intlen = 0;
    while (intlen < n && digits[intlen] != '.')
      intlen++;
  }
  for (size_t i = 0; i < intlen; i++) {
    if (i && (intlen - i) % (size_t)every == 0) rt_vstr_addc(out, sep);
    rt_vstr_addc(out, digits[i]);
  }
  rt_vstr_add(out, digits + intlen, n - intlen);
}

static rt_val_t format_int(rt_val_t v, spec_t *sp) {
  char type = sp->type ? sp->type : 'd';
  if (type == 'c') {
    rt_val_t ch = rt_obj_call1(rt_builtins_lookup(RT_QV(chr)), v);
    size_t len;
    const char *d = rt_str_data(ch, &len);
    return pad(sp, "", d, len, '<');
  }
  int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : type == 'b' ? 2 : 10;
  if (type != 'd' && type != 'n' && base == 10)
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("Unknown format code '%c' for object of type 'int'"), type);
  bool neg = rt_int_is_neg(v);
  rt_val_t a = neg ? rt_obj_unary(RT_UNARY_NEG, v) : v;
  rt_vstr_t buf;
  rt_printer_t p;
  rt_print_buffer(&p, &buf);
  rt_int_print_base(&p, a, base);
  const char *digits = buf.buf + (base == 10 ? 0 : 2);
  size_t dn = buf.len - (base == 10 ? 0 : 2);
  if (type == 'X')
    for (size_t i = 0; i < dn; i++)
      if (buf.buf[2 + i] >= 'a' && buf.buf[2 + i] <= 'f') buf.buf[2 + i] = (char)(buf.buf[2 + i] - 32);
  rt_vstr_t g;
  rt_vstr_init(&g, dn + 8);
  if (sp->grouping)
    group_digits(&g, digits, dn, sp->grouping, base == 10 ? 3 : 4);
  else
    rt_vstr_add(&g, digits, dn);
  char prefix[8];
  size_t k = 0;
  if (neg)
    prefix[k++] = '-';
  else if (sp->sign == '+' || sp->sign == ' ')
    prefix[k++] = sp->sign;
  if (sp->alt && base != 10) {
    prefix[k++] = '0';
    prefix[k++] = type == 'X' ? 'X' : type == 'x' ? 'x' : type == 'o' ? 'o' : 'b';
  }
  prefix[k] = 0;
  rt_val_t r = pad(sp, prefix, g.buf, g.len, '>');
  rt_vstr_free(&g);
  rt_vstr_free(&buf);
  return r;
}

// printf's "%.*f" with halfway cases rounded to even, as CPython rounds
// them: C libraries differ there (picolibc on the lx106 rounds 0.5 up to
// "1"). A tie is only possible where a * 10**prec is computed exactly.
static void format_fixed(char *buf, size_t cap, bool alt, int prec, double a) {
  if (prec <= 22) {
    double scale = 1.0;
    for (int i = 0; i < prec; i++)
      scale *= 10.0; // exact up to 10**22
    double y = a * scale;
    if (y < 4503599627370496.0 && fma(a, scale, -y) == 0.0 && y - floor(y) == 0.5) {
      double r = floor(y);
      if (fmod(r, 2.0) != 0.0) r += 1.0;
      a = r / scale;
    }
  }
  snprintf(buf, cap, alt ? "%#.*f" : "%.*f", prec, a);
}

static rt_val_t format_float(double d, spec_t *sp) {
  char type = sp->type;
  char buf[400];
  int prec = sp->prec;
  bool neg = signbit(d) && !isnan(d);
  double a = fabs(d);
  if (isinf(a) || isnan(a)) {
    const char *t = isnan(a) ? "nan" : "inf";
    if (type == 'F' || type == 'E' || type == 'G') t = isnan(a) ? "NAN" : "INF";
    snprintf(buf, sizeof buf, "%s", t);
  } else if (!type) {
    if (prec < 0) {
      rt_vstr_t v;
      rt_printer_t p;
      rt_print_buffer(&p, &v);
      rt_float_print_double(&p, a);
      snprintf(buf, sizeof buf, "%s", v.buf);
      rt_vstr_free(&v);
    } else {
      // Like 'g', but fixed notation keeps a digit after the point, so it
      // switches to an exponent one digit earlier (at exp == p - 1).
      int p = prec == 0 ? 1 : prec > 300 ? 300 : prec;
      snprintf(buf, sizeof buf, "%.*e", p - 1, a);
      char *e = strchr(buf, 'e');
      if (e && atoi(e + 1) == p - 1) {
        // Trailing zeros of the mantissa go, as with 'g'.
        char exp[8], *z = e;
        snprintf(exp, sizeof exp, "%s", e);
        while (z > buf && z[-1] == '0')
          z--;
        if (z > buf && z[-1] == '.') z--;
        strcpy(z, exp);
      } else {
        snprintf(buf, sizeof buf, "%.*g", p, a);
        if (!strchr(buf, '.') && !strchr(buf, 'e')) strcat(buf, ".0");
      }
    }
  } else {
    if (prec < 0) prec = 6;
    if (prec > 300) prec = 300;
    switch (type) {
    case 'f':
    case 'F': format_fixed(buf, sizeof buf, sp->alt, prec, a); break;
    case 'e': snprintf(buf, sizeof buf, sp->alt ? "%#.*e" : "%.*e", prec, a); break;
    case 'E': snprintf(buf, sizeof buf, sp->alt ? "%#.*E" : "%.*E", prec, a); break;
    case 'g':
    case 'n': snprintf(buf, sizeof buf, sp->alt ? "%#.*g" : "%.*g", prec == 0 ? 1 : prec, a); break;
    case 'G': snprintf(buf, sizeof buf, sp->alt ? "%#.*G" : "%.*G", prec == 0 ? 1 : prec, a); break;
    case '%': snprintf(buf, sizeof buf, "%.*f%%", prec, a * 100); break;
    default:
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("Unknown format code '%c' for object of type 'float'"), type);
    }
  }
  rt_vstr_t g;
  rt_vstr_init(&g, strlen(buf) + 8);
  if (sp->grouping)
    group_digits(&g, buf, strlen(buf), sp->grouping, 3);
  else
    rt_vstr_adds(&g, buf);
  const char *prefix = neg ? "-" : sp->sign == '+' ? "+" : sp->sign == ' ' ? " " : "";
  rt_val_t r = pad(sp, prefix, g.buf, g.len, '>');
  rt_vstr_free(&g);
  return r;
}

rt_val_t rt_format_value(rt_val_t v, rt_val_t spec) {
  size_t n;
  const char *s = rt_str_data(spec, &n);
  const rt_type_t *t = rt_typeof(v);
  if (t->flags & RT_TYPE_USER) {
    rt_val_t m[2];
    if (rt_obj_load_method_maybe(v, RT_QV(__format__), m) && rt_typeof(m[0]) == &rt_func_type)
      return rt_obj_call_method(m, 1, &spec);
  }
  if (n == 0) return rt_obj_str(v);
  // A subclass of a builtin without __format__ formats as its builtin value.
  v = rt_type_unbox(v);
  t = rt_typeof(v);
  spec_t sp;
  parse_spec(s, n, &sp);
  if (sp.grouping) {
    // ',' goes with decimal and float types; '_' also with b, o, x, X.
    bool text = t == &rt_str_type;
    char ty = sp.type ? sp.type : text ? 's' : 0;
    if (ty && (strchr("csn", ty) || (sp.grouping == ',' && strchr("boxX", ty))))
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("Cannot specify '%c' with '%c'."), sp.grouping, ty);
  }
  // A bool with a non-empty spec formats as the int it is.
  if (t == &rt_int_type || t == &rt_bool_type) {
    if (t == &rt_bool_type) v = rt_small(v == RT_TRUE);
    if (sp.type && strchr("eEfFgG%", sp.type)) return format_float(rt_int_to_double(v), &sp);
    return format_int(v, &sp);
  }
  if (t == &rt_float_type) return format_float(rt_float_get(v), &sp);
  if (t == &rt_str_type || !(t->flags & RT_TYPE_USER)) {
    if (t != &rt_str_type)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("unsupported format string passed to %t.__format__"), v);
    if (sp.type && sp.type != 's')
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("Unknown format code '%c' for object of type 'str'"), sp.type);
    if (sp.align == '=')
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("'=' alignment not allowed in string format specifier"));
    rt_val_t str = rt_obj_str(v);
    size_t len;
    const char *d = rt_str_data(str, &len);
    if (sp.prec >= 0) len = rt_str_char_offset(d, len, (size_t)sp.prec);
    return pad(&sp, "", d, len, '<');
  }
  rt_raise_msg(&rt_exc_TypeError, RT_MSG("unsupported format string passed to %t.__format__"), v);
}

// ---- "%" formatting ----

// The text of a str format, or the bytes of a bytes/bytearray one (a
// bytearray's data may move while values are converted: fetched anew).
static const char *percent_text(rt_val_t fmt, size_t *n) {
  const uint8_t *d;
  if (!rt_is_str(fmt) && rt_bytes_buffer(fmt, &d, n)) return (const char *)d;
  return rt_str_data(fmt, n);
}

// %s/%b of a bytes format: the bytes of a bytes-like value.
static rt_val_t percent_bytes_of(rt_val_t v) {
  const uint8_t *d;
  size_t len;
  if (!rt_bytes_buffer(v, &d, &len))
    rt_raise_msg(&rt_exc_TypeError,
                 RT_MSG("%%b requires a bytes-like object, or an object that implements __bytes__, not '%t'"),
                 v);
  return rt_bytes_new((const char *)d, len);
}

// %c of a bytes format: an int in range(256) or a single byte.
static rt_val_t percent_byte_char(rt_val_t v) {
  const uint8_t *d;
  size_t len;
  if (rt_bytes_buffer(v, &d, &len) && len == 1) return rt_bytes_new((const char *)d, 1);
  if (rt_is_small(v) && rt_small_get(v) >= 0 && rt_small_get(v) < 256) {
    char c = (char)rt_small_get(v);
    return rt_bytes_new(&c, 1);
  }
  if (rt_is_small(v)) rt_raise_msg(&rt_exc_OverflowError, RT_MSG("%%c arg not in range(256)"));
  rt_raise_msg(&rt_exc_TypeError, RT_MSG("%%c requires an integer in range(256) or a single byte"));
}

rt_val_t rt_format_percent(rt_val_t fmt, rt_val_t args) {
  bool as_bytes = !rt_is_str(fmt); // bytes % ... and bytearray % ...
  size_t n;
  const char *s = percent_text(fmt, &n);
  rt_val_t *items = &args;
  size_t nargs = 1, ai = 0;
  bool is_dict = rt_is_obj(args, &rt_dict_type);
  if (rt_is_obj(args, &rt_tuple_type)) nargs = rt_obj_get_items(args, &items);
  rt_vstr_t out;
  rt_vstr_init(&out, n + 16);
  for (size_t i = 0; i < n; i++) {
    s = percent_text(fmt, &n);
    if (s[i] != '%') {
      size_t j = i;
      while (j < n && s[j] != '%')
        j++;
      rt_vstr_add(&out, s + i, j - i);
      i = j - 1;
      continue;
    }
    if (++i >= n) rt_raise_msg(&rt_exc_ValueError, RT_MSG("incomplete format"));
    rt_val_t value = RT_NULL;
    if (s[i] == '(') {
      if (!is_dict) rt_raise_msg(&rt_exc_TypeError, RT_MSG("format requires a mapping"));
      size_t j = ++i;
      while (j < n && s[j] != ')')
        j++;
      rt_val_t key = as_bytes ? rt_bytes_new(s + i, j - i) : rt_str_new(s + i, j - i);
      value = rt_obj_subscr(args, key);
      s = percent_text(fmt, &n);
      i = j + 1;
    }
    spec_t sp;
    memset(&sp, 0, sizeof sp);
    sp.fill = ' ';
    sp.width = sp.prec = -1;
    for (; i < n; i++) {
      char c = s[i];
      if (c == '-')
        sp.align = '<';
      else if (c == '+')
        sp.sign = '+';
      else if (c == ' ') {
        if (!sp.sign) sp.sign = ' ';
      } else if (c == '#')
        sp.alt = true;
      else if (c == '0')
        sp.zero = true;
      else
        break;
    }
    if (i < n && s[i] == '*') {
      if (ai >= nargs) rt_raise_msg(&rt_exc_TypeError, RT_MSG("not enough arguments for format string"));
      sp.width = (int)rt_obj_get_int(items[ai++]);
      i++;
    } else {
      while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (sp.width > 99999999) rt_raise_msg(&rt_exc_ValueError, RT_MSG("width too big"));
        sp.width = (sp.width < 0 ? 0 : sp.width * 10) + (s[i++] - '0');
      }
    }
    if (i < n && s[i] == '.') {
      i++;
      sp.prec = 0;
      if (i < n && s[i] == '*') {
        if (ai >= nargs) rt_raise_msg(&rt_exc_TypeError, RT_MSG("not enough arguments for format string"));
        sp.prec = (int)rt_obj_get_int(items[ai++]);
        i++;
      } else {
        while (i < n && s[i] >= '0' && s[i] <= '9') {
          if (sp.prec > 99999999) rt_raise_msg(&rt_exc_ValueError, RT_MSG("precision too big"));
          sp.prec = sp.prec * 10 + (s[i++] - '0');
        }
      }
    }
    if (i >= n) rt_raise_msg(&rt_exc_ValueError, RT_MSG("incomplete format"));
    char conv = s[i];
    if (conv == '%') {
      rt_vstr_addc(&out, '%');
      continue;
    }
    if (!value) {
      if (is_dict && nargs == 1 && items == &args) {
        value = args;
      } else {
        if (ai >= nargs) rt_raise_msg(&rt_exc_TypeError, RT_MSG("not enough arguments for format string"));
        value = items[ai++];
      }
    }
    if (sp.zero && sp.align != '<') {
      sp.fill = '0';
      sp.align = '=';
    }
    rt_val_t r;
    switch (conv) {
    case 'b':
      if (!as_bytes) goto unsupported;
      // fall through
    case 's':
    case 'r':
    case 'a': {
      // A bytes format takes bytes for %s/%b and ASCII for %r/%a.
      rt_val_t str = (conv == 's' || conv == 'b') ? (as_bytes ? percent_bytes_of(value) : rt_obj_str(value))
                     : conv == 'r' && !as_bytes   ? rt_obj_repr(value)
                                                  : ascii_of(value);
      size_t len;
      const char *d = rt_str_data(str, &len);
      if (sp.prec >= 0 && (size_t)sp.prec < len) len = (size_t)sp.prec;
      if (sp.align == '=') sp.align = '>', sp.fill = ' ';
      r = pad(&sp, "", d, len, '>');
      break;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': {
      value = rt_type_unbox(value);
      if (rt_is_obj(value, &rt_float_type)) value = rt_int_from_double(rt_float_get(value));
      if (!rt_obj_isinstance(value, &rt_int_type))
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("%%%c format: a real number is required, not %t"), conv,
                     value);
      sp.type = conv == 'i' || conv == 'u' ? 'd' : conv;
      int prec = sp.prec;
      sp.prec = -1;
      if (!sp.align) sp.align = '>';
      r = format_int(value == RT_TRUE ? rt_small(1) : value == RT_FALSE ? rt_small(0) : value, &sp);
      (void)prec;
      break;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      sp.type = conv;
      if (!sp.align) sp.align = '>';
      r = format_float(rt_obj_get_float(value), &sp);
      break;
    case 'c': {
      // One character, given as a str or a code point (UTF-8 through chr()).
      rt_val_t ch = as_bytes           ? percent_byte_char(value)
                    : rt_is_str(value) ? value
                                       : rt_obj_call1(rt_builtins_lookup(RT_QV(chr)), value);
      size_t len;
      const char *d = rt_str_data(ch, &len);
      r = pad(&sp, "", d, len, '>');
      break;
    }
    default:
    unsupported:
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("unsupported format character '%c' (0x%x) at index %z"), conv,
                   conv, i);
    }
    size_t rl;
    const char *rd = rt_str_data(r, &rl);
    rt_vstr_add(&out, rd, rl);
  }
  if (!is_dict && ai < nargs)
    rt_raise_msg(&rt_exc_TypeError, as_bytes
                                        ? RT_MSG("not all arguments converted during bytes formatting")
                                        : RT_MSG("not all arguments converted during string formatting"));
  rt_val_t r = !as_bytes                            ? rt_str_new(out.buf, out.len)
               : rt_is_obj(fmt, &rt_bytearray_type) ? rt_bytearray_new(out.buf, out.len)
                                                    : rt_bytes_new(out.buf, out.len);
  rt_vstr_free(&out);
  return r;
}

// ---- str.format ----

// str.format with the automatic numbering state [*auto_idx] and
// [*numbering] (0 unknown, 1 automatic, 2 manual) shared with the
// replacement fields nested in format specs ("{:{}}").
static rt_val_t format_method(rt_val_t fmt, size_t nargs, const rt_val_t *args, const rt_kw_t *kw,
                              size_t *auto_next, int *numbering_state) {
  size_t n;
  const char *s = rt_str_data(fmt, &n);
  rt_vstr_t out;
  rt_vstr_init(&out, n + 16);
  size_t auto_idx = *auto_next;
  int numbering = *numbering_state;
  for (size_t i = 0; i < n; i++) {
    s = rt_str_data(fmt, NULL);
    char c = s[i];
    if (c == '}') {
      if (i + 1 < n && s[i + 1] == '}') {
        rt_vstr_addc(&out, '}');
        i++;
        continue;
      }
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("Single '}' encountered in format string"));
    }
    if (c != '{') {
      rt_vstr_addc(&out, c);
      continue;
    }
    if (i + 1 < n && s[i + 1] == '{') {
      rt_vstr_addc(&out, '{');
      i++;
      continue;
    }
    // Find the matching '}' (format specs may nest one level).
    size_t j = i + 1;
    int depth = 1;
    for (; j < n; j++) {
      if (s[j] == '{') depth++;
      if (s[j] == '}' && --depth == 0) break;
    }
    if (j >= n) rt_raise_msg(&rt_exc_ValueError, RT_MSG("expected '}' before end of string"));
    // field [!conv] [:spec]
    size_t fs = i + 1, fe = fs;
    while (fe < j && s[fe] != '!' && s[fe] != ':' && s[fe] != '.' && s[fe] != '[')
      fe++;
    rt_val_t value;
    if (fe == fs) {
      if (numbering == 2)
        rt_raise_msg(&rt_exc_ValueError,
                     RT_MSG("cannot switch from manual field specification to automatic field numbering"));
      numbering = 1;
      if (auto_idx >= nargs)
        rt_raise_msg(&rt_exc_IndexError,
                     RT_MSG("Replacement index %z out of range for positional args tuple"), auto_idx);
      value = args[auto_idx++];
    } else if (s[fs] >= '0' && s[fs] <= '9') {
      if (numbering == 1)
        rt_raise_msg(&rt_exc_ValueError,
                     RT_MSG("cannot switch from automatic field numbering to manual field specification"));
      numbering = 2;
      size_t idx = 0;
      for (size_t k = fs; k < fe; k++)
        idx = idx * 10 + (size_t)(s[k] - '0');
      if (idx >= nargs)
        rt_raise_msg(&rt_exc_IndexError,
                     RT_MSG("Replacement index %z out of range for positional args tuple"), idx);
      value = args[idx];
    } else {
      rt_val_t name = rt_qstr_from(s + fs, fe - fs);
      value = rt_kw_get(kw, name);
      if (!value) rt_raise(rt_exc_new1(&rt_exc_KeyError, rt_str_new(s + fs, fe - fs)));
      s = rt_str_data(fmt, NULL);
    }
    // .attr and [index] chains
    while (fe < j && (s[fe] == '.' || s[fe] == '[')) {
      if (s[fe] == '.') {
        size_t a = ++fe;
        while (fe < j && s[fe] != '.' && s[fe] != '[' && s[fe] != '!' && s[fe] != ':')
          fe++;
        value = rt_obj_getattr(value, rt_qstr_from(s + a, fe - a));
      } else {
        size_t a = ++fe;
        while (fe < j && s[fe] != ']')
          fe++;
        rt_val_t key = rt_int_parse(s + a, fe - a, 10);
        if (!key) key = rt_str_new(s + a, fe - a);
        value = rt_obj_subscr(value, key);
        fe++;
      }
      s = rt_str_data(fmt, NULL);
    }
    if (fe < j && s[fe] == '!') {
      char conv = fe + 1 < j ? s[fe + 1] : 0;
      if (conv == 'r')
        value = rt_obj_repr(value);
      else if (conv == 'a')
        value = ascii_of(value);
      else if (conv == 's')
        value = rt_obj_str(value);
      else
        rt_raise_msg(&rt_exc_ValueError, RT_MSG("Unknown conversion specifier %c"), conv);
      fe += 2;
      s = rt_str_data(fmt, NULL);
    }
    rt_val_t spec = RT_QV(_empty);
    if (fe < j && s[fe] == ':') {
      spec = rt_str_new(s + fe + 1, j - fe - 1);
      size_t sl;
      const char *sd = rt_str_data(spec, &sl);
      if (memchr(sd, '{', sl)) spec = format_method(spec, nargs, args, kw, &auto_idx, &numbering);
    }
    rt_val_t r = rt_format_value(value, spec);
    size_t rl;
    const char *rd = rt_str_data(r, &rl);
    rt_vstr_add(&out, rd, rl);
    i = j;
  }
  *auto_next = auto_idx;
  *numbering_state = numbering;
  rt_val_t r = rt_str_new(out.buf, out.len);
  rt_vstr_free(&out);
  return r;
}

rt_val_t rt_format_method(rt_val_t fmt, size_t nargs, const rt_val_t *args, const rt_kw_t *kw) {
  size_t auto_idx = 0;
  int numbering = 0;
  return format_method(fmt, nargs, args, kw, &auto_idx, &numbering);
}

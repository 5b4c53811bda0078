// SPDX-License-Identifier: MIT
// mod_json.c: JSON encoding and decoding with CPython's defaults
// (separators ", " and ": ", ensure_ascii, NaN/Infinity) and options
// (indent as a number or a string, separators, sort_keys, ensure_ascii).
// Malformed text raises json.JSONDecodeError, a ValueError subclass made
// at import, with CPython's messages and msg/doc/pos/lineno/colno.
#include <math.h>
#include <string.h>

#include "mod_json.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_module.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "obj_type.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

typedef struct {
  rt_printer_t *p;
  const char *item_sep, *key_sep;
  size_t item_len, key_len; // separators may hold NULs: lengths, not C strings
  const char *indent;       // NULL: all on one line
  size_t indent_len;
  bool sort_keys;
  bool ascii; // ensure_ascii
} enc_t;

static void newline(enc_t *e, int depth) {
  rt_print_str(e->p, "\n", 1);
  for (int i = 0; i < depth; i++)
    rt_print_str(e->p, e->indent, e->indent_len);
}

static void enc_str(enc_t *e, rt_val_t s) {
  size_t n;
  const unsigned char *d = (const unsigned char *)rt_str_data(s, &n);
  rt_print_str(e->p, "\"", 1);
  for (size_t i = 0; i < n; i++) {
    unsigned c = d[i];
    char buf[16];
    if (c == '"' || c == '\\') {
      buf[0] = '\\';
      buf[1] = (char)c;
      rt_print_str(e->p, buf, 2);
    } else if (c == '\n') {
      rt_print_str(e->p, "\\n", 2);
    } else if (c == '\r') {
      rt_print_str(e->p, "\\r", 2);
    } else if (c == '\t') {
      rt_print_str(e->p, "\\t", 2);
    } else if (c == '\b') {
      rt_print_str(e->p, "\\b", 2);
    } else if (c == '\f') {
      rt_print_str(e->p, "\\f", 2);
    } else if (c < 0x20 || (c >= 0x80 && e->ascii)) {
      uint32_t cp = c;
      if (c >= 0xc0) { // decode UTF-8 for \\uXXXX
        size_t k = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
        cp = c & (0x3f >> k);
        for (size_t j = 0; j < k && i + 1 < n; j++)
          cp = (cp << 6) | (d[++i] & 0x3f);
      }
      static const char hex[] = "0123456789abcdef";
      if (cp >= 0x10000) {
        uint32_t v = cp - 0x10000, hi = 0xd800 + (v >> 10), lo = 0xdc00 + (v & 0x3ff);
        char b2[12] = {'\\', 'u', hex[hi >> 12], hex[(hi >> 8) & 15], hex[(hi >> 4) & 15], hex[hi & 15],
                       '\\', 'u', hex[lo >> 12], hex[(lo >> 8) & 15], hex[(lo >> 4) & 15], hex[lo & 15]};
        rt_print_str(e->p, b2, 12);
      } else {
        char b2[6] = {'\\', 'u', hex[cp >> 12], hex[(cp >> 8) & 15], hex[(cp >> 4) & 15], hex[cp & 15]};
        rt_print_str(e->p, b2, 6);
      }
    } else {
      rt_print_str(e->p, (const char *)&d[i], 1);
    }
  }
  rt_print_str(e->p, "\"", 1);
}

static void enc(enc_t *e, rt_val_t v, int depth) {
  rt_c_enter();
  v = rt_type_unbox(v); // subclasses of str, int, float, tuple encode as those
  if (v == RT_NONE) {
    rt_print_cstr(e->p, "null");
  } else if (v == RT_TRUE) {
    rt_print_cstr(e->p, "true");
  } else if (v == RT_FALSE) {
    rt_print_cstr(e->p, "false");
  } else if (rt_is_str(v)) {
    enc_str(e, v);
  } else if (rt_is_obj(v, &rt_float_type)) {
    double d = rt_float_get(v);
    if (isnan(d))
      rt_print_cstr(e->p, "NaN");
    else if (isinf(d))
      rt_print_cstr(e->p, d > 0 ? "Infinity" : "-Infinity");
    else
      rt_float_print_double(e->p, d);
  } else if (rt_obj_isinstance(v, &rt_int_type)) {
    rt_obj_print(e->p, rt_type_unbox(v), true);
  } else if (rt_is_obj(v, &rt_list_type) || rt_is_obj(v, &rt_tuple_type)) {
    rt_val_t *items;
    size_t cnt = rt_obj_get_items(v, &items);
    rt_print_str(e->p, "[", 1);
    for (size_t i = 0; i < cnt; i++) {
      if (i) rt_print_str(e->p, e->item_sep, e->item_len);
      if (e->indent) newline(e, depth + 1);
      rt_obj_get_items(v, &items);
      enc(e, items[i], depth + 1);
    }
    if (e->indent && cnt) newline(e, depth);
    rt_print_str(e->p, "]", 1);
  } else if (rt_is_obj(v, &rt_dict_type)) {
    rt_val_t keys = rt_list_from_iter(v);
    if (e->sort_keys) rt_list_sort(keys, RT_NULL, false);
    rt_val_t *ks;
    size_t cnt = rt_obj_get_items(keys, &ks);
    rt_print_str(e->p, "{", 1);
    for (size_t i = 0; i < cnt; i++) {
      rt_val_t k = ks[i];
      if (i) rt_print_str(e->p, e->item_sep, e->item_len);
      if (e->indent) newline(e, depth + 1);
      if (rt_is_str(k))
        enc_str(e, k);
      else if (rt_obj_isinstance(k, &rt_int_type) || rt_is_obj(k, &rt_float_type) || k == RT_NONE) {
        rt_print_str(e->p, "\"", 1);
        enc(e, k, depth + 1);
        rt_print_str(e->p, "\"", 1);
      } else
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("keys must be str, int, float, bool or None, not %t"), k);
      rt_print_str(e->p, e->key_sep, e->key_len);
      enc(e, rt_dict_get((rt_dict_t *)v, k), depth + 1);
    }
    if (e->indent && cnt) newline(e, depth);
    rt_print_str(e->p, "}", 1);
  } else {
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("Object of type %t is not JSON serializable"), v);
  }
  rt_c_leave();
}

static rt_val_t j_dumps(ARGS) {
  (void)n;
  enc_t e = {NULL, ", ", ": ", 2, 2, NULL, 0, false, true};
  rt_val_t v;
  char spaces[16];
  if ((v = rt_kw_get(kw, RT_QV(indent))) && v != RT_NONE) {
    if (rt_is_str(v)) {
      e.indent = rt_str_data(v, &e.indent_len);
    } else {
      intptr_t k = rt_obj_get_int(v);
      if (k > (intptr_t)sizeof spaces) k = sizeof spaces;
      memset(spaces, ' ', sizeof spaces);
      e.indent = spaces;
      e.indent_len = k > 0 ? (size_t)k : 0;
    }
    e.item_sep = ",";
    e.item_len = 1;
  }
  if ((v = rt_kw_get(kw, RT_QV(sort_keys)))) e.sort_keys = rt_obj_truthy(v);
  if ((v = rt_kw_get(kw, rt_qstr_from_cstr("ensure_ascii")))) e.ascii = rt_obj_truthy(v);
  if ((v = rt_kw_get(kw, RT_QV(separators))) && v != RT_NONE) {
    rt_val_t *it;
    if (rt_obj_get_items(v, &it) != 2) rt_raise_msg(&rt_exc_ValueError, RT_MSG("separators must be a pair"));
    rt_str_check(it[0], "separator");
    rt_str_check(it[1], "separator");
    e.item_sep = rt_str_data(it[0], &e.item_len);
    e.key_sep = rt_str_data(it[1], &e.key_len);
  }
  rt_vstr_t buf;
  rt_printer_t p;
  rt_print_buffer(&p, &buf);
  e.p = &p;
  enc(&e, args[0], 0);
  return rt_print_buffer_str(&p);
}

// ---- decoding ----

typedef struct {
  const char *s;
  size_t n, i;
  rt_val_t src; // keeps the text alive
} dec_t;

// A str formatted as rt_print_format does (print.h).
static rt_val_t fmt_str(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rt_val_t s = rt_print_vformat_str(fmt, ap);
  va_end(ap);
  return s;
}

// Raises JSONDecodeError([what], doc, pos) at [pos] (a byte offset; the
// reported positions count characters, as CPython's do).
static __attribute__((noreturn)) void dec_error_at(dec_t *d, const char *what, size_t pos) {
  size_t line = 1, col = 1, chars = 0;
  for (size_t k = 0; k < pos && k < d->n; k++) {
    if (((unsigned char)d->s[k] & 0xc0) == 0x80) continue; // inside a UTF-8 character
    chars++;
    if (d->s[k] == '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
  }
  rt_val_t msg = rt_str_new_cstr(what);
  rt_val_t text = fmt_str("%S: line %z column %z (char %z)", msg, line, col, chars);
  rt_val_t m = rt_dict_get(rt_state->modules, RT_QV(json));
  rt_val_t cls = m ? rt_dict_get(rt_module_dict(m), RT_QV(JSONDecodeError)) : RT_NULL;
  rt_val_t e = rt_obj_call(cls ? cls : rt_val(&rt_exc_ValueError), 1, &text, NULL);
  rt_obj_setattr(e, RT_QV(msg), msg);
  rt_obj_setattr(e, RT_QV(doc), d->src);
  rt_obj_setattr(e, RT_QV(pos), rt_small((intptr_t)chars));
  rt_obj_setattr(e, RT_QV(lineno), rt_small((intptr_t)line));
  rt_obj_setattr(e, RT_QV(colno), rt_small((intptr_t)col));
  rt_raise(e);
}

static __attribute__((noreturn)) void dec_error(dec_t *d, const char *what) {
  dec_error_at(d, what, d->i);
}

static void skip_ws(dec_t *d) {
  while (d->i < d->n && (d->s[d->i] == ' ' || d->s[d->i] == '\t' || d->s[d->i] == '\n' || d->s[d->i] == '\r'))
    d->i++;
}

static bool match(dec_t *d, const char *w) {
  size_t l = strlen(w);
  if (d->i + l <= d->n && memcmp(d->s + d->i, w, l) == 0) {
    d->i += l;
    return true;
  }
  return false;
}

static int hex4(dec_t *d) {
  int v = 0;
  for (int k = 0; k < 4; k++) {
    if (d->i >= d->n) dec_error(d, "Invalid \\uXXXX escape");
    char c = d->s[d->i++];
    int h = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (h < 0) dec_error(d, "Invalid \\uXXXX escape");
    v = v * 16 + h;
  }
  return v;
}

static rt_val_t dec_str(dec_t *d) {
  size_t start = d->i++; // the opening quote
  rt_vstr_t v;
  rt_vstr_init(&v, 16);
  for (;;) {
    if (d->i >= d->n) dec_error_at(d, "Unterminated string starting at", start);
    char c = d->s[d->i++];
    if (c == '"') break;
    if ((unsigned char)c < 0x20) dec_error_at(d, "Invalid control character at", d->i - 1);
    if (c != '\\') {
      rt_vstr_addc(&v, c);
      continue;
    }
    if (d->i >= d->n) dec_error_at(d, "Unterminated string starting at", start);
    c = d->s[d->i++];
    switch (c) {
    case '"':
    case '\\':
    case '/': rt_vstr_addc(&v, c); break;
    case 'n': rt_vstr_addc(&v, '\n'); break;
    case 't': rt_vstr_addc(&v, '\t'); break;
    case 'r': rt_vstr_addc(&v, '\r'); break;
    case 'b': rt_vstr_addc(&v, '\b'); break;
    case 'f': rt_vstr_addc(&v, '\f'); break;
    case 'u': {
      uint32_t cp = (uint32_t)hex4(d);
      if (cp >= 0xd800 && cp < 0xdc00 && match(d, "\\u"))
        cp = 0x10000 + ((cp - 0xd800) << 10) + ((uint32_t)hex4(d) - 0xdc00);
      char b[4];
      size_t k;
      if (cp < 0x80) {
        b[0] = (char)cp;
        k = 1;
      } else if (cp < 0x800) {
        b[0] = (char)(0xc0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3f));
        k = 2;
      } else if (cp < 0x10000) {
        b[0] = (char)(0xe0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        b[2] = (char)(0x80 | (cp & 0x3f));
        k = 3;
      } else {
        b[0] = (char)(0xf0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        b[3] = (char)(0x80 | (cp & 0x3f));
        k = 4;
      }
      rt_vstr_add(&v, b, k);
      break;
    }
    default: dec_error_at(d, "Invalid \\escape", d->i - 2);
    }
  }
  rt_val_t r = rt_str_new(v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

static rt_val_t dec_value(dec_t *d) {
  rt_c_enter();
  skip_ws(d);
  if (d->i >= d->n) dec_error(d, "Expecting value");
  char c = d->s[d->i];
  rt_val_t r;
  if (c == '{') {
    d->i++;
    rt_dict_t *o = rt_dict_new(0);
    skip_ws(d);
    if (d->i < d->n && d->s[d->i] == '}') {
      d->i++;
    } else {
      for (;;) {
        skip_ws(d);
        if (d->i >= d->n || d->s[d->i] != '"')
          dec_error(d, "Expecting property name enclosed in double quotes");
        rt_val_t k = dec_str(d);
        skip_ws(d);
        if (!match(d, ":")) dec_error(d, "Expecting ':' delimiter");
        rt_dict_set(o, k, dec_value(d));
        skip_ws(d);
        if (match(d, ",")) continue;
        if (match(d, "}")) break;
        dec_error(d, "Expecting ',' delimiter");
      }
    }
    r = rt_val(o);
  } else if (c == '[') {
    d->i++;
    r = rt_list_new(0);
    skip_ws(d);
    if (d->i < d->n && d->s[d->i] == ']') {
      d->i++;
    } else {
      for (;;) {
        rt_list_append(r, dec_value(d));
        skip_ws(d);
        if (match(d, ",")) continue;
        if (match(d, "]")) break;
        dec_error(d, "Expecting ',' delimiter");
      }
    }
  } else if (c == '"') {
    r = dec_str(d);
  } else if (match(d, "true")) {
    r = RT_TRUE;
  } else if (match(d, "false")) {
    r = RT_FALSE;
  } else if (match(d, "null")) {
    r = RT_NONE;
  } else if (match(d, "NaN")) {
    r = rt_float_new(NAN);
  } else if (match(d, "Infinity")) {
    r = rt_float_new(INFINITY);
  } else if (match(d, "-Infinity")) {
    r = rt_float_new(-INFINITY);
  } else if (c == '-' || (c >= '0' && c <= '9')) {
    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? ; what does not fit
    // ends the number (so "01" is 0 followed by extra data).
    size_t start = d->i;
    bool is_float = false;
    if (d->s[d->i] == '-') d->i++;
    size_t digits = d->i;
#define DIGIT(k) ((k) < d->n && d->s[k] >= '0' && d->s[k] <= '9')
    if (DIGIT(d->i) && d->s[d->i] == '0')
      d->i++;
    else
      while (DIGIT(d->i))
        d->i++;
    if (d->i == digits) {
      d->i = start;
      dec_error(d, "Expecting value");
    }
    if (d->i + 1 < d->n && d->s[d->i] == '.' && DIGIT(d->i + 1)) {
      is_float = true;
      d->i++;
      while (DIGIT(d->i))
        d->i++;
    }
    if (d->i < d->n && (d->s[d->i] == 'e' || d->s[d->i] == 'E')) {
      size_t k = d->i + 1;
      if (k < d->n && (d->s[k] == '+' || d->s[k] == '-')) k++;
      if (DIGIT(k)) {
        is_float = true;
        d->i = k;
        while (DIGIT(d->i))
          d->i++;
      }
    }
#undef DIGIT
    if (is_float) {
      double f;
      if (!rt_float_parse(d->s + start, d->i - start, &f)) {
        d->i = start;
        dec_error(d, "Expecting value");
      }
      r = rt_float_new(f);
    } else {
      r = rt_int_parse(d->s + start, d->i - start, 10);
      if (!r) {
        d->i = start;
        dec_error(d, "Expecting value");
      }
    }
  } else {
    dec_error(d, "Expecting value");
  }
  rt_c_leave();
  return r;
}

static rt_val_t j_loads(ARGS) {
  (void)n, (void)kw;
  rt_val_t src = args[0];
  if (rt_is_obj(src, &rt_bytes_type) || rt_is_obj(src, &rt_bytearray_type)) {
    const uint8_t *b;
    size_t len;
    rt_bytes_buffer(src, &b, &len);
    src = rt_bytes_decode((const char *)b, len);
  }
  if (!rt_is_str(src))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("the JSON object must be str, bytes or bytearray, not %t"), src);
  dec_t d;
  d.src = src;
  d.s = rt_str_data(src, &d.n);
  d.i = 0;
  rt_val_t v = dec_value(&d);
  skip_ws(&d);
  if (d.i < d.n) dec_error(&d, "Extra data");
  return v;
}

static rt_val_t j_dump(ARGS) {
  rt_val_t s = j_dumps(1, args, kw);
  rt_val_t m[2];
  rt_obj_load_method(args[1], RT_QV(write), m);
  rt_obj_call_method(m, 1, &s);
  (void)n;
  return RT_NONE;
}

static rt_val_t j_load(ARGS) {
  (void)n, (void)kw;
  rt_val_t m[2];
  rt_obj_load_method(args[0], RT_QV(read), m);
  rt_val_t s = rt_obj_call_method(m, 0, NULL);
  return j_loads(1, &s, NULL);
}

static RT_BUILTIN(dumps_obj, dumps, 1, 1, RT_BF_KW, j_dumps);
static RT_BUILTIN(loads_obj, loads, 1, 1, 0, j_loads);
static RT_BUILTIN(dump_obj, dump, 2, 2, RT_BF_KW, j_dump);
static RT_BUILTIN(load_obj, load, 1, 1, 0, j_load);

void rt_json_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(dumps), rt_val(&dumps_obj));
  rt_dict_set(g, RT_QV(loads), rt_val(&loads_obj));
  rt_dict_set(g, RT_QV(dump), rt_val(&dump_obj));
  rt_dict_set(g, RT_QV(load), rt_val(&load_obj));
  rt_module_add_exception(g, RT_QV(json), RT_QV(JSONDecodeError), &rt_exc_ValueError);
}

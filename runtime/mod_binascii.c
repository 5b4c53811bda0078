// SPDX-License-Identifier: MIT
// mod_binascii.c: hex and base64 conversions and CRC-32. Decoding errors
// raise binascii.Error (a ValueError subclass made at import).
#include "mod_binascii.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_module.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"
#include "vstr.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

// A str formatted as rt_print_format does (print.h).
static rt_val_t fmt_str(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rt_val_t s = rt_print_vformat_str(fmt, ap);
  va_end(ap);
  return s;
}

static __attribute__((noreturn)) void raise_error(const char *msg) {
  rt_val_t m = rt_dict_get(rt_state->modules, RT_QV(binascii));
  rt_val_t cls = m ? rt_dict_get(rt_module_dict(m), RT_QV(Error)) : RT_NULL;
  rt_val_t text = rt_str_new_cstr(msg);
  rt_raise(rt_obj_call(cls ? cls : rt_val(&rt_exc_ValueError), 1, &text, NULL));
}

// The bytes of a bytes-like argument (borrowed).
static const uint8_t *bytes_of(rt_val_t v, size_t *len) {
  const uint8_t *d;
  if (!rt_bytes_buffer(v, &d, len))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("a bytes-like object is required, not '%t'"), v);
  return d;
}

// As bytes_of, also taking an ASCII str (what the a2b_ functions accept).
static const uint8_t *data_of(rt_val_t v, size_t *len) {
  if (rt_is_str(v)) {
    if (!rt_str_is_ascii(v))
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("string argument should contain only ASCII characters"));
    return (const uint8_t *)rt_str_data(v, len);
  }
  return bytes_of(v, len);
}

// hexlify(data, sep=None, bytes_per_sep=1): [sep] goes between groups of
// |bytes_per_sep| bytes, counted from the right (from the left when negative).
static rt_val_t f_hexlify(ARGS) {
  (void)kw;
  size_t len;
  const uint8_t *d = bytes_of(args[0], &len);
  size_t sl = 0;
  const char *sep = "";
  if (n > 1 && args[1] != RT_NONE) {
    const uint8_t *sd;
    if (rt_is_str(args[1]))
      sep = rt_str_data(args[1], &sl);
    else if (rt_bytes_buffer(args[1], &sd, &sl))
      sep = (const char *)sd;
    else
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("sep must be str or bytes."));
    if (sl != 1) rt_raise_msg(&rt_exc_ValueError, RT_MSG("sep must be length 1."));
  }
  intptr_t group = n > 2 ? rt_obj_get_int(args[2]) : 1;
  size_t g = group < 0 ? (size_t)-group : (size_t)group;
  rt_vstr_t v;
  rt_vstr_init(&v, 2 * len);
  static const char hex[] = "0123456789abcdef";
  for (size_t i = 0; i < len; i++) {
    d = bytes_of(args[0], &len);
    if (i && sl && g) {
      bool boundary = group < 0 ? i % g == 0 : (len - i) % g == 0;
      if (boundary) rt_vstr_add(&v, sep, sl);
    }
    rt_vstr_addc(&v, hex[d[i] >> 4]);
    rt_vstr_addc(&v, hex[d[i] & 15]);
  }
  rt_val_t r = rt_bytes_new(v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

static int hexval(uint8_t c) {
  return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                : -1;
}

static rt_val_t f_unhexlify(ARGS) {
  (void)n, (void)kw;
  size_t len;
  const uint8_t *d = data_of(args[0], &len);
  if (len & 1) raise_error("Odd-length string");
  rt_vstr_t v;
  rt_vstr_init(&v, len / 2);
  for (size_t i = 0; i < len; i += 2) {
    d = data_of(args[0], &len);
    int a = hexval(d[i]), b = hexval(d[i + 1]);
    if (a < 0 || b < 0) raise_error("Non-hexadecimal digit found");
    rt_vstr_addc(&v, (char)(a * 16 + b));
  }
  rt_val_t r = rt_bytes_new(v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static rt_val_t f_b2a_base64(ARGS) {
  (void)n;
  size_t len;
  const uint8_t *d = bytes_of(args[0], &len);
  rt_val_t nl = rt_kw_get(kw, rt_qstr_from_cstr("newline"));
  rt_vstr_t v;
  rt_vstr_init(&v, (len + 2) / 3 * 4 + 1);
  for (size_t i = 0; i < len; i += 3) {
    d = bytes_of(args[0], &len);
    uint32_t w =
        (uint32_t)d[i] << 16 | (i + 1 < len ? (uint32_t)d[i + 1] << 8 : 0) | (i + 2 < len ? d[i + 2] : 0);
    rt_vstr_addc(&v, b64[(w >> 18) & 63]);
    rt_vstr_addc(&v, b64[(w >> 12) & 63]);
    rt_vstr_addc(&v, i + 1 < len ? b64[(w >> 6) & 63] : '=');
    rt_vstr_addc(&v, i + 2 < len ? b64[w & 63] : '=');
  }
  if (!nl || rt_obj_truthy(nl)) rt_vstr_addc(&v, '\n');
  rt_val_t r = rt_bytes_new(v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

static rt_val_t f_a2b_base64(ARGS) {
  (void)n, (void)kw;
  size_t len;
  const uint8_t *d = data_of(args[0], &len);
  rt_vstr_t v;
  rt_vstr_init(&v, len * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  size_t chars = 0, pads = 0;
  for (size_t i = 0; i < len; i++) {
    d = data_of(args[0], &len);
    uint8_t c = d[i];
    int val = c >= 'A' && c <= 'Z'   ? c - 'A'
              : c >= 'a' && c <= 'z' ? c - 'a' + 26
              : c >= '0' && c <= '9' ? c - '0' + 52
              : c == '+'             ? 62
              : c == '/'             ? 63
                                     : -1;
    if (c == '=') {
      // Padding ends the data once it completes a quad.
      if (chars % 4 >= 2 && chars % 4 + ++pads >= 4) break;
      continue;
    }
    if (val < 0) continue; // whitespace and other non-alphabet bytes are skipped
    chars++;
    acc = acc << 6 | (uint32_t)val;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      rt_vstr_addc(&v, (char)(acc >> bits));
    }
  }
  if (chars % 4 == 1) {
    rt_vstr_free(&v);
    rt_val_t m = rt_dict_get(rt_state->modules, RT_QV(binascii));
    rt_val_t cls = m ? rt_dict_get(rt_module_dict(m), RT_QV(Error)) : RT_NULL;
    rt_val_t text = fmt_str(
        "Invalid base64-encoded string: number of data characters (%z) cannot be 1 more than a multiple of 4",
        chars);
    rt_raise(rt_obj_call(cls ? cls : rt_val(&rt_exc_ValueError), 1, &text, NULL));
  }
  if (chars % 4 && chars % 4 + pads < 4) raise_error("Incorrect padding");
  rt_val_t r = rt_bytes_new(v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

static rt_val_t f_crc32(ARGS) {
  (void)kw;
  size_t len;
  const uint8_t *d = bytes_of(args[0], &len);
  uint32_t crc = n > 1 ? (uint32_t)rt_int_low64(args[1]) : 0;
  crc = ~crc;
  for (size_t i = 0; i < len; i++) {
    crc ^= d[i];
    for (int k = 0; k < 8; k++)
      crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
  }
  return rt_int_from_ll((long long)(uint32_t)~crc);
}

static RT_BUILTIN(hexlify_obj, hexlify, 1, 3, 0, f_hexlify);
static RT_BUILTIN(unhexlify_obj, unhexlify, 1, 1, 0, f_unhexlify);
static RT_BUILTIN(b2a_base64_obj, b2a_base64, 1, 1, RT_BF_KW, f_b2a_base64);
static RT_BUILTIN(a2b_base64_obj, a2b_base64, 1, 1, 0, f_a2b_base64);
static RT_BUILTIN(crc32_obj, crc32, 1, 2, 0, f_crc32);

void rt_binascii_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(hexlify), rt_val(&hexlify_obj));
  rt_dict_set(g, RT_QV(unhexlify), rt_val(&unhexlify_obj));
  rt_dict_set(g, RT_QV(b2a_hex), rt_val(&hexlify_obj));
  rt_dict_set(g, RT_QV(a2b_hex), rt_val(&unhexlify_obj));
  rt_dict_set(g, RT_QV(b2a_base64), rt_val(&b2a_base64_obj));
  rt_dict_set(g, RT_QV(a2b_base64), rt_val(&a2b_base64_obj));
  rt_dict_set(g, RT_QV(crc32), rt_val(&crc32_obj));
  rt_module_add_exception(g, RT_QV(binascii), RT_QV(Error), &rt_exc_ValueError);
}

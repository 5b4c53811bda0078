// SPDX-License-Identifier: MIT
// print.c: printers and the small formatter used for messages.
#include <string.h>

#include "print.h"
#include "hal.h"
#include "obj_str.h"
#include "qstr.h"

static void console_write(rt_printer_t *p, const char *s, size_t n) {
  (void)p;
  // Translate "\n" into "\r\n" in chunks.
  char buf[64];
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (k + 2 > sizeof buf) {
      hal_console_write(buf, k);
      k = 0;
    }
    if (s[i] == '\n') buf[k++] = '\r';
    buf[k++] = s[i];
  }
  if (k) hal_console_write(buf, k);
}

rt_printer_t rt_print_console = {console_write, NULL};

void rt_print_raw(const char *s, size_t n) {
  hal_console_write(s, n);
}

static void buffer_write(rt_printer_t *p, const char *s, size_t n) {
  rt_vstr_add(p->vstr, s, n);
}

void rt_print_buffer(rt_printer_t *p, rt_vstr_t *v) {
  rt_vstr_init(v, 16);
  p->write = buffer_write;
  p->vstr = v;
}

rt_val_t rt_print_buffer_str(rt_printer_t *p) {
  rt_val_t s = rt_str_new(p->vstr->buf, p->vstr->len);
  rt_vstr_free(p->vstr);
  return s;
}

void rt_print_str(rt_printer_t *p, const char *s, size_t n) {
  p->write(p, s, n);
}
void rt_print_cstr(rt_printer_t *p, const char *s) {
  p->write(p, s, strlen(s));
}

void rt_print_int(rt_printer_t *p, intptr_t i) {
  char buf[24];
  size_t k = sizeof buf;
  uintptr_t u = i < 0 ? (uintptr_t)0 - (uintptr_t)i : (uintptr_t)i;
  do {
    buf[--k] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (i < 0) buf[--k] = '-';
  p->write(p, buf + k, sizeof buf - k);
}

// [a] in lower-case hex, after [prefix].
static void print_hex(rt_printer_t *p, uintptr_t a, const char *prefix) {
  char buf[2 + 2 * sizeof(uintptr_t)];
  size_t k = sizeof buf;
  do {
    buf[--k] = "0123456789abcdef"[a & 15];
    a >>= 4;
  } while (a);
  rt_print_cstr(p, prefix);
  p->write(p, buf + k, sizeof buf - k);
}

void rt_print_vformat(rt_printer_t *p, const char *fmt, va_list ap) {
  const char *s = fmt;
  while (*s) {
    const char *e = s;
    while (*e && *e != '%')
      e++;
    if (e > s) p->write(p, s, (size_t)(e - s));
    if (!*e) break;
    e++;
    switch (*e) {
    case 's': rt_print_cstr(p, va_arg(ap, const char *)); break;
    case 'd': rt_print_int(p, va_arg(ap, int)); break;
    case 'u': rt_print_int(p, (intptr_t)va_arg(ap, unsigned)); break;
    case 'z': rt_print_int(p, (intptr_t)va_arg(ap, size_t)); break;
    case 'c': {
      char c = (char)va_arg(ap, int);
      p->write(p, &c, 1);
      break;
    }
    case 'q': {
      size_t n;
      const char *t = rt_qstr_str(va_arg(ap, rt_val_t), &n);
      p->write(p, t, n);
      break;
    }
    case 't': rt_print_cstr(p, rt_obj_type_name(va_arg(ap, rt_val_t))); break;
    case 'r': rt_obj_print(p, va_arg(ap, rt_val_t), true); break;
    case 'S': rt_obj_print(p, va_arg(ap, rt_val_t), false); break;
    case 'p': print_hex(p, (uintptr_t)va_arg(ap, void *), "0x"); break;
    case 'x': print_hex(p, va_arg(ap, unsigned), ""); break;
    case '%': p->write(p, "%", 1); break;
    default: p->write(p, e - 1, 2); break;
    }
    s = *e ? e + 1 : e;
  }
}

void rt_print_format(rt_printer_t *p, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rt_print_vformat(p, fmt, ap);
  va_end(ap);
}

rt_val_t rt_print_vformat_str(const char *fmt, va_list ap) {
  rt_vstr_t v;
  rt_printer_t p;
  rt_print_buffer(&p, &v);
  rt_print_vformat(&p, fmt, ap);
  return rt_print_buffer_str(&p);
}

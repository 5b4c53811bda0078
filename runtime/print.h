// SPDX-License-Identifier: MIT
// print.h: printers, the sinks that repr/str/print write to. The console
// printer turns "\n" into "\r\n" and writes through hal_console_write; a
// buffer printer collects bytes in a vstr (to build str values).
//
// Format conversions of rt_print_format and rt_raise_msg:
//   %s C string   %d int   %u unsigned   %z size_t   %c char
//   %q qstr value  %t type name of a value  %r repr of a value
//   %S str of a value  %p pointer  %x unsigned in hex  %% percent
#ifndef RT_PRINT_H
#define RT_PRINT_H

#include <stdarg.h>

#include "obj.h"
#include "vstr.h"

struct rt_printer {
  void (*write)(rt_printer_t *p, const char *s, size_t n);
  rt_vstr_t *vstr; // buffer printers only
};

// The console, cooked ("\n" -> "\r\n").
extern rt_printer_t rt_print_console;

void rt_print_str(rt_printer_t *p, const char *s, size_t n);
void rt_print_cstr(rt_printer_t *p, const char *s);
void rt_print_format(rt_printer_t *p, const char *fmt, ...);
void rt_print_vformat(rt_printer_t *p, const char *fmt, va_list ap);
// Formats into a new str value.
rt_val_t rt_print_vformat_str(const char *fmt, va_list ap);
// Writes [n] raw bytes to the console (no translation).
void rt_print_raw(const char *s, size_t n);
// Starts a buffer printer over [v] (initialised here).
void rt_print_buffer(rt_printer_t *p, rt_vstr_t *v);
// Turns the buffer of a buffer printer into a str value (consumes it).
rt_val_t rt_print_buffer_str(rt_printer_t *p);
// Writes an integer in decimal.
void rt_print_int(rt_printer_t *p, intptr_t i);

#endif

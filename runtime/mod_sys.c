// SPDX-License-Identifier: MIT
// mod_sys.c: the sys module.
//
// sys.stdin, sys.stdout and sys.stderr are the console (there is no
// other): three static stream objects whose write() goes through the
// cooked console printer and whose read()/readline() take console bytes.
// stderr shares the console with stdout, as on the board's UART. A Ctrl-C
// read from stdin raises KeyboardInterrupt, as the UART's interrupt
// character does on the chip, so a program blocked reading can be stopped.
#include <string.h>

#include "mod_sys.h"
#include "gc.h"
#include "hal.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_module.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "runtime.h"
#include "state.h"

// A read-only attribute bag printed as "(name=value, ...)", used for
// sys.implementation.
typedef struct {
  const rt_type_t *type;
  rt_dict_t *dict;
} ns_t;

static void ns_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  ns_t *ns = (ns_t *)self;
  rt_print_str(p, "(", 1);
  size_t pos = 0;
  rt_dict_entry_t *e;
  bool first = true;
  while ((e = rt_dict_next(ns->dict, &pos))) {
    if (!first) rt_print_str(p, ", ", 2);
    first = false;
    rt_print_format(p, "%S=%r", e->key, e->value);
  }
  rt_print_str(p, ")", 1);
}

static rt_val_t ns_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store) return RT_NULL;
  return rt_dict_get(((ns_t *)self)->dict, name);
}

static const rt_type_t ns_type = {
    .type = &rt_type_type,
    .name = RT_Q_implementation,
    .base = &rt_object_type,
    .print = ns_print,
    .attr = ns_attr,
};

// ---- the console streams ----

typedef struct {
  const rt_type_t *type;
  int fd; // 0 stdin, 1 stdout, 2 stderr (shown by repr)
} stream_t;

static void stream_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_format(p, "<io.TextIOWrapper %d>", ((const stream_t *)self)->fd);
}

static rt_val_t m_write(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_str_check(args[1], "write() argument");
  size_t len;
  const char *d = rt_str_data(args[1], &len);
  rt_print_str(&rt_print_console, d, len);
  return rt_small((intptr_t)len);
}

// The next console byte, or -1 when the console is gone; Ctrl-C raises.
static int stdin_byte(void) {
  int c = hal_console_read();
  if (c == 3) rt_raise(rt_exc_new(&rt_exc_KeyboardInterrupt, 0, NULL));
  return c;
}

// read([n]): [n] bytes from the console, or up to its end when n is
// absent or negative. Fewer when the console closes.
static rt_val_t m_read(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  intptr_t want = n > 1 && args[1] != RT_NONE ? rt_obj_get_int(args[1]) : -1;
  rt_vstr_t v;
  rt_vstr_init(&v, want > 0 && want < 256 ? (size_t)want : 16);
  while (want < 0 || (intptr_t)v.len < want) {
    int c = stdin_byte();
    if (c < 0) break;
    rt_vstr_addc(&v, (char)c);
  }
  rt_val_t s = rt_str_new(v.buf, v.len);
  rt_vstr_free(&v);
  return s;
}

// readline(): console bytes up to and including "\n".
static rt_val_t m_readline(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  rt_vstr_t v;
  rt_vstr_init(&v, 16);
  for (;;) {
    int c = stdin_byte();
    if (c < 0) break;
    rt_vstr_addc(&v, (char)c);
    if (c == '\n') break;
  }
  rt_val_t s = rt_str_new(v.buf, v.len);
  rt_vstr_free(&v);
  return s;
}

static rt_val_t m_flush(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return RT_NONE;
}

static RT_BUILTIN(write_obj, write, 2, 2, 0, m_write);
static RT_BUILTIN(read_obj, read, 1, 2, 0, m_read);
static RT_BUILTIN(readline_obj, readline, 1, 1, 0, m_readline);
static RT_BUILTIN(flush_obj, flush, 1, 1, 0, m_flush);

static const rt_method_t stream_methods[] = {
    {RT_Q_write, &write_obj},
    {RT_Q_read, &read_obj},
    {RT_Q_readline, &readline_obj},
    {RT_Q_flush, &flush_obj},
    {0, NULL},
};

static const rt_type_t stream_type = {
    .type = &rt_type_type,
    .name = RT_Q_TextIOWrapper,
    .base = &rt_object_type,
    .print = stream_print,
    .methods = stream_methods,
};

static const stream_t stdin_obj = {&stream_type, 0};
static const stream_t stdout_obj = {&stream_type, 1};
static const stream_t stderr_obj = {&stream_type, 2};

// "a.b.c" -> (a, b, c)
static rt_val_t version_tuple(const char *v) {
  rt_val_t parts[3] = {rt_small(0), rt_small(0), rt_small(0)};
  for (int i = 0; i < 3 && *v; i++) {
    intptr_t x = 0;
    while (*v >= '0' && *v <= '9')
      x = x * 10 + (*v++ - '0');
    parts[i] = rt_small(x);
    if (*v == '.') v++;
  }
  return rt_tuple_new(3, parts);
}

// exit([code]): SystemExit(code); exit(None) is exit() (no args), as in CPython.
static rt_val_t f_exit(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (n == 1 && args[0] == RT_NONE) n = 0;
  rt_raise(rt_exc_new(&rt_exc_SystemExit, n, args));
}

static rt_val_t f_exc_info(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  rt_val_t e = rt_state->cur_exc;
  rt_val_t t[3] = {e ? rt_val(rt_typeof(e)) : RT_NONE, e ? e : RT_NONE, RT_NONE};
  return rt_tuple_new(3, t);
}

static rt_val_t f_getrecursionlimit(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return rt_small(rt_state->max_depth);
}

static rt_val_t f_setrecursionlimit(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  intptr_t v = rt_obj_get_int(args[0]);
  if (v < 1) rt_raise_msg(&rt_exc_ValueError, RT_MSG("recursion limit must be greater or equal than 1"));
  rt_state->max_depth = v > 100000 ? 100000 : (int)v;
  return RT_NONE;
}

// print_exception(exc, file=None): the traceback as the REPL prints it,
// to the console or through file.write().
static rt_val_t f_print_exception(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  rt_val_t file = n > 1 ? args[1] : RT_NONE;
  if (file == RT_NONE || rt_is_obj(file, &stream_type)) {
    rt_exc_print(&rt_print_console, args[0]);
    return RT_NONE;
  }
  rt_vstr_t v;
  rt_printer_t p;
  rt_print_buffer(&p, &v);
  rt_exc_print(&p, args[0]);
  rt_val_t m[2];
  rt_obj_load_method(file, RT_QV(write), m);
  rt_val_t text = rt_print_buffer_str(&p);
  rt_obj_call_method(m, 1, &text);
  return RT_NONE;
}

static RT_BUILTIN(exit_obj, exit, 0, 1, 0, f_exit);
static RT_BUILTIN(exc_info_obj, exc_info, 0, 0, 0, f_exc_info);
static RT_BUILTIN(getrecursionlimit_obj, getrecursionlimit, 0, 0, 0, f_getrecursionlimit);
static RT_BUILTIN(setrecursionlimit_obj, setrecursionlimit, 1, 1, 0, f_setrecursionlimit);
static RT_BUILTIN(print_exception_obj, print_exception, 1, 2, 0, f_print_exception);

void rt_sys_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(platform), RT_QV(esp8266));
  rt_dict_set(g, RT_QV(version),
              rt_str_new_cstr("3.4.0; " RT_FIRMWARE_NAME " v" PYRITE_VERSION " on " PYRITE_BUILD_DATE));
  rt_dict_set(g, RT_QV(version_info), version_tuple("3.4.0"));
  ns_t *impl = rt_gc_alloc(sizeof *impl, 0);
  impl->type = &ns_type;
  impl->dict = rt_dict_new(4);
  rt_dict_set(impl->dict, RT_QV(name), RT_QV(pyrite));
  rt_dict_set(impl->dict, RT_QV(version), version_tuple(PYRITE_VERSION));
  rt_dict_set(impl->dict, RT_QV(_machine), rt_str_new_cstr(hal_board_name()));
  rt_dict_set(g, RT_QV(implementation), rt_val(impl));
  rt_dict_set(g, RT_QV(modules), rt_val(rt_state->modules));
  rt_val_t path = rt_list_new(0);
  rt_list_append(path, RT_QV(_empty));
  rt_list_append(path, rt_str_new_cstr("/lib")); // modules on the filesystem (fs_vfs.c)
  rt_dict_set(g, RT_QV(path), path);
  rt_dict_set(g, RT_QV(argv), rt_list_new(0));
  rt_dict_set(g, RT_QV(maxsize), rt_int_from(RT_SMALL_MAX));
  rt_dict_set(g, RT_QV(byteorder), RT_QV(little));
  rt_dict_set(g, RT_QV(exit), rt_val(&exit_obj));
  rt_dict_set(g, RT_QV(exc_info), rt_val(&exc_info_obj));
  rt_dict_set(g, RT_QV(getrecursionlimit), rt_val(&getrecursionlimit_obj));
  rt_dict_set(g, RT_QV(setrecursionlimit), rt_val(&setrecursionlimit_obj));
  rt_dict_set(g, RT_QV(print_exception), rt_val(&print_exception_obj));
  rt_dict_set(g, RT_QV(stdin), rt_val(&stdin_obj));
  rt_dict_set(g, RT_QV(stdout), rt_val(&stdout_obj));
  rt_dict_set(g, RT_QV(stderr), rt_val(&stderr_obj));
}

// SPDX-License-Identifier: MIT
// mod_sys.c: the sys module.
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

static rt_val_t f_exit(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
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

static rt_val_t f_print_exception(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_exc_print(&rt_print_console, args[0]);
  return RT_NONE;
}

static rt_val_t f_write(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  rt_val_t s = args[n - 1];
  rt_str_check(s, "write() argument");
  size_t len;
  const char *d = rt_str_data(s, &len);
  rt_print_str(&rt_print_console, d, len);
  return rt_small((intptr_t)len);
}

static RT_BUILTIN(exit_obj, exit, 0, 1, 0, f_exit);
static RT_BUILTIN(exc_info_obj, exc_info, 0, 0, 0, f_exc_info);
static RT_BUILTIN(getrecursionlimit_obj, getrecursionlimit, 0, 0, 0, f_getrecursionlimit);
static RT_BUILTIN(setrecursionlimit_obj, setrecursionlimit, 1, 1, 0, f_setrecursionlimit);
static RT_BUILTIN(print_exception_obj, print_exception, 1, 2, 0, f_print_exception);
static RT_BUILTIN(write_obj, write, 1, 2, 0, f_write);

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
  rt_dict_set(g, RT_QV(path), path);
  rt_dict_set(g, RT_QV(argv), rt_list_new(0));
  rt_dict_set(g, RT_QV(maxsize), rt_int_from(RT_SMALL_MAX));
  rt_dict_set(g, RT_QV(byteorder), RT_QV(little));
  rt_dict_set(g, RT_QV(exit), rt_val(&exit_obj));
  rt_dict_set(g, RT_QV(exc_info), rt_val(&exc_info_obj));
  rt_dict_set(g, RT_QV(getrecursionlimit), rt_val(&getrecursionlimit_obj));
  rt_dict_set(g, RT_QV(setrecursionlimit), rt_val(&setrecursionlimit_obj));
  rt_dict_set(g, RT_QV(print_exception), rt_val(&print_exception_obj));
  // sys.stdout / sys.stderr: objects with a write() method.
  rt_val_t out = rt_module_new(RT_QV(stdout));
  rt_dict_set(rt_module_dict(out), RT_QV(write), rt_val(&write_obj));
  rt_dict_set(g, RT_QV(stdout), out);
  rt_dict_set(g, RT_QV(stderr), out);
}

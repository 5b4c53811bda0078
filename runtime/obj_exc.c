// SPDX-License-Identifier: MIT
// obj_exc.c: exceptions and tracebacks.
#include <string.h>

#include "obj_exc.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_func.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

// OSError(errno, ...) becomes the subclass CPython picks for that errno.
static const rt_type_t *os_subclass(rt_val_t err) {
  static const struct {
    unsigned char no;
    const rt_type_t *type;
  } map[] = {
      {1, &rt_exc_PermissionError},  {2, &rt_exc_FileNotFoundError},   {13, &rt_exc_PermissionError},
      {17, &rt_exc_FileExistsError}, {20, &rt_exc_NotADirectoryError}, {21, &rt_exc_IsADirectoryError},
      {110, &rt_exc_TimeoutError},
  };
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (err == rt_small(map[i].no)) return map[i].type;
  return &rt_exc_OSError;
}

rt_val_t rt_exc_new(const rt_type_t *type, size_t n, const rt_val_t *args) {
  rt_exc_t *e = rt_gc_alloc(sizeof *e, 0);
  e->type = type;
  e->args = rt_tuple_new(n, args);
  return rt_val(e);
}

// Only Python code's OSError(...) maps the errno; the runtime's own raises
// keep the type they name.
rt_val_t rt_exc_make_new(const rt_type_t *type, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (type == &rt_exc_OSError && n >= 2) type = os_subclass(args[0]);
  return rt_exc_new(type, n, args);
}

rt_val_t rt_exc_new1(const rt_type_t *type, rt_val_t arg) {
  return rt_exc_new(type, 1, &arg);
}

rt_val_t rt_exc_first_arg(rt_val_t exc) {
  rt_exc_t *e = (rt_exc_t *)exc;
  return rt_tuple_len(e->args) ? rt_tuple_items(e->args)[0] : RT_NONE;
}

void rt_exc_add_traceback(rt_val_t exc, rt_val_t code, int line) {
  rt_exc_t *e = (rt_exc_t *)exc;
  if (e->tb_len == e->tb_cap) {
    if (e->tb_cap >= 0x7ff0) return;
    uint16_t cap = e->tb_cap ? (uint16_t)(e->tb_cap * 2) : 4;
    rt_val_t *t = rt_gc_alloc_maybe(cap * 2 * sizeof(rt_val_t), 0);
    if (!t) return;
    if (e->tb_len) rt_memcpy(t, e->traceback, e->tb_len * 2 * sizeof(rt_val_t));
    e->traceback = t;
    e->tb_cap = cap;
  }
  e->traceback[e->tb_len * 2] = code;
  e->traceback[e->tb_len * 2 + 1] = rt_small(line);
  e->tb_len++;
}

static void exc_print(rt_printer_t *p, rt_val_t self, bool repr) {
  rt_exc_t *e = (rt_exc_t *)self;
  size_t n = rt_tuple_len(e->args);
  rt_val_t *a = rt_tuple_items(e->args);
  if (repr) {
    rt_print_format(p, "%q", rt_qstr_val(e->type->name));
    if (n == 1)
      rt_print_format(p, "(%r)", a[0]);
    else
      rt_obj_print(p, e->args, true);
    return;
  }
  if (n == 0) return;
  // OSError(errno, strerror[, filename]) reads as in CPython.
  if (n >= 2 && n <= 3 && rt_is_small(a[0]) && rt_obj_subtype(e->type, &rt_exc_OSError)) {
    rt_print_format(p, "[Errno %d] %S", (int)rt_small_get(a[0]), a[1]);
    if (n == 3) rt_print_format(p, ": %r", a[2]);
    return;
  }
  if (n == 1) {
    rt_obj_print(p, a[0], rt_obj_subtype(e->type, &rt_exc_KeyError));
    return;
  }
  rt_obj_print(p, e->args, true);
}

void rt_exc_print_line(rt_printer_t *p, rt_val_t exc) {
  rt_val_t s = rt_obj_str(exc);
  size_t n;
  const char *t = rt_str_data(s, &n);
  rt_print_format(p, "%q", rt_qstr_val(rt_typeof(exc)->name));
  if (n) {
    rt_print_str(p, ": ", 2);
    rt_print_str(p, t, n);
  }
  rt_print_str(p, "\n", 1);
}

// The "Type: message" line of [exc] as a str (may run __str__).
static rt_val_t line_text(rt_val_t exc, rt_val_t unused) {
  (void)unused;
  rt_vstr_t v;
  rt_printer_t bp;
  rt_print_buffer(&bp, &v);
  rt_exc_print_line(&bp, exc);
  return rt_print_buffer_str(&bp);
}

static void print_one(rt_printer_t *p, rt_val_t exc, int depth) {
  rt_exc_t *e = (rt_exc_t *)exc;
  if (depth < 8) {
    if (e->cause) {
      print_one(p, e->cause, depth + 1);
      rt_print_cstr(p, "\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (e->context && !e->suppress_context) {
      print_one(p, e->context, depth + 1);
      rt_print_cstr(p, "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
  }
  if (rt_obj_subtype(e->type, &rt_exc_SyntaxError) && e->dict) {
    // Compile errors: the header and the position, as MicroPython shows them.
    rt_val_t file = rt_dict_get(e->dict, RT_QV(filename)), line = rt_dict_get(e->dict, RT_QV(lineno));
    if (file && line && rt_is_str(file)) {
      rt_print_cstr(p, "Traceback (most recent call last):\n");
      rt_print_format(p, "  File \"%s\", line %d\n", rt_str_data(file, NULL), (int)rt_small_get(line));
    }
  } else if (e->tb_len) {
    rt_print_cstr(p, "Traceback (most recent call last):\n");
    // As CPython: after 3 identical lines in a row, one summary line.
    size_t same = 0;
    for (size_t i = e->tb_len; i-- > 0;) {
      bool repeat = i + 1 < e->tb_len && e->traceback[2 * i] == e->traceback[2 * i + 2] &&
                    e->traceback[2 * i + 1] == e->traceback[2 * i + 3];
      same = repeat ? same + 1 : 0;
      if (same >= 3) {
        bool last = i == 0 || e->traceback[2 * i] != e->traceback[2 * i - 2] ||
                    e->traceback[2 * i + 1] != e->traceback[2 * i - 1];
        if (last)
          rt_print_format(p, "  [Previous line repeated %z more time%s]\n", same - 2,
                          same - 2 == 1 ? "" : "s");
        continue;
      }
      rt_code_t *c = (rt_code_t *)e->traceback[2 * i];
      rt_print_format(p, "  File \"%s\", line %d, in %s\n", rt_qstr_cstr(c->filename),
                      (int)rt_small_get(e->traceback[2 * i + 1]), rt_qstr_cstr(c->name));
    }
  }
  // __str__ of a user exception may itself fail; fall back to the name.
  rt_val_t line;
  if (rt_nlr_try(line_text, exc, RT_NULL, &line)) {
    size_t n;
    const char *t = rt_str_data(line, &n);
    rt_print_str(p, t, n);
  } else {
    rt_print_format(p, "%q\n", rt_qstr_val(e->type->name));
  }
}

void rt_exc_print(rt_printer_t *p, rt_val_t exc) {
  print_one(p, exc, 0);
}

static rt_val_t exc_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  rt_exc_t *e = (rt_exc_t *)self;
  if (store == RT_NULL) {
    if (e->dict) {
      rt_val_t v = rt_dict_get(e->dict, name);
      if (v) return v;
    }
    if (name == RT_QV(args)) return e->args;
    if (name == RT_QV(__traceback__)) return RT_NONE;
    if (name == RT_QV(__cause__)) return e->cause ? e->cause : RT_NONE;
    if (name == RT_QV(__context__)) return e->context ? e->context : RT_NONE;
    if (name == RT_QV(__suppress_context__)) return rt_bool(e->suppress_context);
    if (name == RT_QV(value) && rt_obj_subtype(e->type, &rt_exc_StopIteration)) return rt_exc_first_arg(self);
    if (name == RT_QV(code) && rt_obj_subtype(e->type, &rt_exc_SystemExit)) return rt_exc_first_arg(self);
    if (name == RT_QV(errno) && rt_obj_subtype(e->type, &rt_exc_OSError)) return rt_exc_first_arg(self);
    if ((name == RT_QV(strerror) || name == RT_QV(filename)) && rt_obj_subtype(e->type, &rt_exc_OSError)) {
      size_t i = name == RT_QV(strerror) ? 1 : 2;
      return rt_tuple_len(e->args) > i ? rt_tuple_items(e->args)[i] : RT_NONE;
    }
    return RT_NULL;
  }
  if (store == RT_DELETE) {
    if (e->dict && rt_dict_pop(e->dict, name)) return RT_NONE;
    return RT_NULL;
  }
  if (name == RT_QV(args)) {
    e->args = rt_tuple_from_iter(store);
    return RT_NONE;
  }
  if (name == RT_QV(__cause__)) {
    e->cause = store == RT_NONE ? RT_NULL : store;
    e->suppress_context = true;
    return RT_NONE;
  }
  if (name == RT_QV(__context__)) {
    e->context = store == RT_NONE ? RT_NULL : store;
    return RT_NONE;
  }
  if (name == RT_QV(__suppress_context__)) {
    e->suppress_context = rt_obj_truthy(store);
    return RT_NONE;
  }
  if (!e->dict) e->dict = rt_dict_new(0);
  rt_dict_set(e->dict, name, store);
  return RT_NONE;
}

static rt_val_t m_init(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  rt_exc_t *e = (rt_exc_t *)args[0];
  e->args = rt_tuple_new(n - 1, args + 1);
  return RT_NONE;
}

static rt_val_t m_with_traceback(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return args[0];
}

static RT_BUILTIN(init_obj, __init__, 1, RT_ARGS_ANY, 0, m_init);
static RT_BUILTIN(with_traceback_obj, with_traceback, 2, 2, 0, m_with_traceback);
static const rt_method_t exc_methods[] = {
    {RT_Q___init__, &init_obj}, {RT_Q_with_traceback, &with_traceback_obj}, {0, NULL}};

#define EXC(N, B)                                                                                            \
  const rt_type_t rt_exc_##N = {                                                                             \
      .type = &rt_type_type,                                                                                 \
      .name = RT_Q_##N,                                                                                      \
      .flags = RT_TYPE_EXC | RT_TYPE_BASETYPE,                                                               \
      .base = &rt_exc_##B,                                                                                   \
      .methods = exc_methods,                                                                                \
      .print = exc_print,                                                                                    \
      .make_new = rt_exc_make_new,                                                                           \
      .attr = exc_attr,                                                                                      \
  };
// BaseException's base expands to rt_exc_object, i.e. object.
#define rt_exc_object rt_object_type
#include "exc_defs.h"
#undef EXC
#undef rt_exc_object

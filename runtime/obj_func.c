// SPDX-License-Identifier: MIT
// obj_func.c: function, builtin, bound method, cell and code types.
#include <string.h>

#include "obj_func.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_module.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "raise.h"
#include "state.h"
#include "vm.h"

rt_val_t rt_func_new(rt_code_t *code, rt_dict_t *globals, rt_val_t defaults, rt_dict_t *kwdefaults,
                     rt_val_t closure) {
  rt_func_t *f = rt_gc_alloc(sizeof *f, 0);
  f->type = &rt_func_type;
  f->code = code;
  f->globals = globals;
  f->defaults = defaults;
  f->kwdefaults = kwdefaults;
  f->closure = closure;
  f->name = rt_qstr_val(code->name);
  return rt_val(f);
}

rt_val_t rt_builtin_new(const char *name, rt_native_t fn, unsigned min, unsigned max, unsigned flags) {
  unsigned short q = (unsigned short)rt_qstr_index(rt_qstr_from_cstr(name));
  rt_builtin_t *b = rt_gc_alloc(sizeof *b, RT_GC_LEAF);
  b->type = &rt_builtin_type;
  b->name = q;
  b->min = (unsigned char)min;
  b->max = (unsigned char)max;
  b->flags = (unsigned char)flags;
  b->fn = fn;
  return rt_val(b);
}

rt_val_t rt_cell_new(rt_val_t v) {
  rt_cell_t *c = rt_gc_alloc(sizeof *c, 0);
  c->type = &rt_cell_type;
  c->value = v;
  return rt_val(c);
}

rt_val_t rt_bound_new(rt_val_t func, rt_val_t self) {
  rt_bound_t *b = rt_gc_alloc(sizeof *b, 0);
  b->type = &rt_bound_type;
  b->func = func;
  b->self = self;
  return rt_val(b);
}

int rt_code_line(const rt_code_t *code, size_t off) {
  size_t cur = 0;
  int line = code->first_line;
  for (uint32_t i = 0; i + 1 < code->lines_len; i += 2) {
    size_t next = cur + code->lines[i];
    if (next > off) break;
    cur = next;
    line += (int8_t)code->lines[i + 1];
  }
  return line;
}

rt_val_t rt_kw_get(const rt_kw_t *kw, rt_val_t name) {
  if (!kw) return RT_NULL;
  for (size_t i = 0; i < kw->n; i++)
    if (kw->names[i] == name) return kw->values[i];
  return RT_NULL;
}

void rt_kw_check(const rt_kw_t *kw, const unsigned short *allowed, size_t n, const char *fname) {
  if (!kw) return;
  for (size_t i = 0; i < kw->n; i++) {
    bool ok = false;
    for (size_t j = 0; j < n && !ok; j++)
      ok = kw->names[i] == rt_qstr_val(allowed[j]);
    if (!ok)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%q' is an invalid keyword argument for %s()"), kw->names[i],
                   fname);
  }
}

// The builtin type whose method table holds [b], searched from the type of
// [self] up its bases; NULL when [b] is not one of its methods (a plain
// function). Only the error path pays for the search.
static const rt_type_t *method_owner(const rt_builtin_t *b, rt_val_t self) {
  for (const rt_type_t *t = rt_typeof(self); t; t = t->base)
    for (const rt_method_t *m = t->methods; m && m->name; m++)
      if (m->value == b) return t;
  return NULL;
}

// The name of the builtin module (imported, no __file__, not __main__)
// whose namespace holds [b], or RT_NULL: CPython names the module of a
// one- or no-argument module function ("math.sqrt()").
static rt_val_t module_owner(const rt_builtin_t *b) {
  size_t pos = 0;
  rt_dict_entry_t *e;
  while ((e = rt_dict_next(rt_state->modules, &pos))) {
    if (!rt_is_obj(e->value, &rt_module_type) || e->key == RT_QV(__main__)) continue;
    rt_dict_t *g = rt_module_dict(e->value);
    if (rt_dict_get(g, RT_QV(__file__))) continue;
    size_t p = 0;
    rt_dict_entry_t *f;
    while ((f = rt_dict_next(g, &p)))
      if (f->value == rt_val(b)) return e->key;
  }
  return RT_NULL;
}

// Raises CPython's TypeError for a bad call of [b]: the wording follows
// how CPython declares such a function (one argument, none, a fixed count,
// a range, or keyword-taking), and a method names its type and does not
// count self.
__attribute__((noreturn, noinline)) static void arg_error(const rt_builtin_t *b, size_t n,
                                                          const rt_val_t *args, bool kw_bad) {
  const rt_type_t *owner = n && b->min ? method_owner(b, args[0]) : NULL; // a method takes self
  unsigned lo = b->min, hi = b->max;
  if (owner) {
    n--, lo--;
    if (hi != RT_ARGS_ANY) hi--;
  }
  const char *name = rt_qstr_cstr(b->name);
  char full[48]; // "type.name" as CPython writes one-argument methods
  size_t len = 0;
  rt_val_t mod = owner ? RT_NULL : module_owner(b);
  if (owner || (mod && rt_is_str(mod))) {
    const char *tn = owner ? rt_qstr_cstr(owner->name) : rt_str_data(mod, NULL);
    while (*tn && len < 20)
      full[len++] = *tn++;
    full[len++] = '.';
  }
  while (*name && len < sizeof full - 1)
    full[len++] = *name++;
  full[len] = 0;
  name = rt_qstr_cstr(b->name);
  if (kw_bad) rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s() takes no keyword arguments"), full);
  if (hi == 0) rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s() takes no arguments (%z given)"), full, n);
  if (lo == 1 && hi == 1 && !(b->flags & RT_BF_KW))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s() takes exactly one argument (%z given)"), full, n);
  unsigned want = n < lo ? lo : hi;
  const char *s = want == 1 ? "" : "s";
  if ((b->flags & RT_BF_KW) && lo != hi)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s() takes %s %d argument%s (%z given)"), name,
                 n < lo ? "at least" : "at most", (int)want, s, n);
  rt_raise_msg(&rt_exc_TypeError, RT_MSG("%s expected %s%d argument%s, got %z"), name,
               lo == hi ? ""
               : n < lo ? "at least "
                        : "at most ",
               (int)want, s, n);
}

void rt_builtin_check(const rt_builtin_t *b, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  bool kw_bad = kw && kw->n && !(b->flags & RT_BF_KW);
  if (kw_bad || n < b->min || (b->max != RT_ARGS_ANY && n > b->max)) arg_error(b, n, args, kw_bad);
}

// ---- builtin functions ----

static rt_val_t builtin_call(rt_val_t self, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  const rt_builtin_t *b = (const rt_builtin_t *)self;
  if (kw && kw->n == 0) kw = NULL;
  rt_builtin_check(b, n, args, kw);
  return b->fn(n, args, kw);
}

static void builtin_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_format(p, "<built-in function %s>", rt_qstr_cstr(((const rt_builtin_t *)self)->name));
}

static rt_val_t builtin_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store) return RT_NULL;
  if (name == RT_QV(__name__)) return rt_qstr_val(((const rt_builtin_t *)self)->name);
  return RT_NULL;
}

const rt_type_t rt_builtin_type = {
    .type = &rt_type_type,
    .name = RT_Q_builtin_function_or_method,
    .base = &rt_object_type,
    .print = builtin_print,
    .call = builtin_call,
    .attr = builtin_attr,
};

// ---- Python functions ----

static void func_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_format(p, "<function %q at %p>", ((rt_func_t *)self)->name, (void *)self);
}

static rt_val_t func_call(rt_val_t self, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  return rt_vm_call(self, n, args, kw);
}

static rt_val_t func_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  rt_func_t *f = (rt_func_t *)self;
  if (store == RT_NULL) {
    if (name == RT_QV(__name__) || name == RT_QV(__qualname__)) return f->name;
    if (name == RT_QV(__module__)) return RT_QV(__main__);
    if (name == RT_QV(__doc__)) return RT_NONE;
    if (name == RT_QV(__defaults__)) return f->defaults ? f->defaults : RT_NONE;
    if (name == RT_QV(__dict__)) {
      if (!f->dict) f->dict = rt_dict_new(0);
      return rt_val(f->dict);
    }
    if (f->dict) return rt_dict_get(f->dict, name);
    return RT_NULL;
  }
  if (store == RT_DELETE) return f->dict && rt_dict_pop(f->dict, name) ? RT_NONE : RT_NULL;
  if (name == RT_QV(__name__)) {
    f->name = name;
    return RT_NONE;
  }
  if (!f->dict) f->dict = rt_dict_new(0);
  rt_dict_set(f->dict, name, store);
  return RT_NONE;
}

const rt_type_t rt_func_type = {
    .type = &rt_type_type,
    .name = RT_Q_function,
    .base = &rt_object_type,
    .print = func_print,
    .call = func_call,
    .attr = func_attr,
};

// ---- bound methods ----

static rt_val_t bound_call(rt_val_t self, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_bound_t *b = (rt_bound_t *)self;
  // Prepend self on a small stack buffer when possible.
  rt_val_t buf[8], *a = buf;
  if (n + 1 > 8) a = rt_gc_alloc((n + 1) * sizeof(rt_val_t), 0);
  a[0] = b->self;
  rt_memcpy(a + 1, args, n * sizeof(rt_val_t));
  rt_val_t r = rt_obj_call(b->func, n + 1, a, kw);
  if (a != buf) rt_gc_free(a);
  return r;
}

static void bound_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_bound_t *b = (rt_bound_t *)self;
  rt_val_t name = rt_obj_getattr_maybe(b->func, RT_QV(__name__));
  rt_print_format(p, "<bound method %s.%S of %r>", rt_obj_type_name(b->self), name ? name : RT_QV(_empty),
                  b->self);
}

static rt_val_t bound_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  rt_bound_t *b = (rt_bound_t *)self;
  if (store) return RT_NULL;
  if (name == RT_QV(__self__)) return b->self;
  if (name == RT_QV(__func__)) return b->func;
  return rt_obj_getattr_maybe(b->func, name);
}

static rt_val_t bound_binary(rt_binary_op_t op, rt_val_t a, rt_val_t b) {
  if (op != RT_BINARY_EQ || !rt_is_obj(b, &rt_bound_type)) return RT_NULL;
  rt_bound_t *x = (rt_bound_t *)a, *y = (rt_bound_t *)b;
  return rt_bool(x->self == y->self && x->func == y->func);
}

const rt_type_t rt_bound_type = {
    .type = &rt_type_type,
    .name = RT_Q_method,
    .base = &rt_object_type,
    .print = bound_print,
    .call = bound_call,
    .attr = bound_attr,
    .binary = bound_binary,
};

// ---- cells and code ----

const rt_type_t rt_cell_type = {
    .type = &rt_type_type,
    .name = RT_Q_cell,
    .base = &rt_object_type,
};

static void code_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_code_t *c = (rt_code_t *)self;
  rt_print_format(p, "<code object %s, file \"%s\", line %d>", rt_qstr_cstr(c->name),
                  rt_qstr_cstr(c->filename), (int)c->first_line);
}

const rt_type_t rt_code_type = {
    .type = &rt_type_type,
    .name = RT_Q_code,
    .base = &rt_object_type,
    .print = code_print,
};

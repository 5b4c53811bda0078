// SPDX-License-Identifier: MIT
// obj_module.c: modules and the builtin module table.
#include "obj_module.h"
#include "builtins.h"
#include "frozen.h"
#include "fs_vfs.h"
#include "gc.h"
#include "mod_array.h"
#include "mod_binascii.h"
#include "mod_collections.h"
#include "mod_errno.h"
#include "mod_gc.h"
#include "mod_hashlib.h"
#include "mod_heapq.h"
#include "mod_io.h"
#include "mod_json.h"
#include "mod_micropython.h"
#include "mod_os.h"
#include "mod_random.h"
#include "mod_re.h"
#include "mod_select.h"
#include "mod_struct.h"
#include "mod_math.h"
#include "mod_time.h"
#include "mod_sys.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "runtime.h"
#include "state.h"

static const rt_module_def_t builtin_modules[] = {
    {RT_Q_sys, rt_sys_init},
    {RT_Q_gc, rt_gc_module_init},
    {RT_Q_math, rt_math_init},
    {RT_Q_json, rt_json_init},
    {RT_Q_binascii, rt_binascii_init},
    {RT_Q_heapq, rt_heapq_init},
    {RT_Q_errno, rt_errno_init},
    {RT_Q_io, rt_io_init},
    {RT_Q_random, rt_random_init},
    {RT_Q_collections, rt_collections_init},
    {RT_Q_micropython, rt_micropython_init},
    {RT_Q_struct_, rt_struct_init},
    {RT_Q_time, rt_time_init},
    {RT_Q_re, rt_re_init},
    {RT_Q_array, rt_array_init},
    {RT_Q_hashlib, rt_hashlib_init},
    {RT_Q_select, rt_select_init},
    {RT_Q_os, rt_os_init},
    {0, NULL},
};

// The port's module table. Configuration rather than interpreter state:
// set once at boot, kept across soft resets.
static const rt_port_module_t *port_modules;

void rt_register_modules(const rt_port_module_t *table) {
  port_modules = table;
}

rt_val_t rt_module_new(rt_val_t name) {
  rt_module_t *m = rt_gc_alloc(sizeof *m, 0);
  m->type = &rt_module_type;
  m->dict = rt_dict_new(8);
  rt_dict_set(m->dict, RT_QV(__name__), name);
  return rt_val(m);
}

rt_dict_t *rt_module_dict(rt_val_t m) {
  if (!rt_is_obj(m, &rt_module_type)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("expected a module"));
  return ((rt_module_t *)m)->dict;
}

// A module built into the firmware (C or frozen) named [name], imported;
// RT_NULL when there is none.
static rt_val_t import_builtin(rt_val_t name) {
  rt_val_t m;
  for (const rt_module_def_t *d = builtin_modules; d->init; d++)
    if (rt_qstr_val(d->name) == name) {
      m = rt_module_new(name);
      rt_dict_set(rt_state->modules, name, m);
      d->init(((rt_module_t *)m)->dict);
      return m;
    }
  for (const rt_port_module_t *d = port_modules; d && d->name; d++)
    if (rt_qstr_from_cstr(d->name) == name) {
      m = rt_module_new(name);
      rt_dict_set(rt_state->modules, name, m);
      d->init(((rt_module_t *)m)->dict);
      return m;
    }
  return rt_frozen_import(name);
}

rt_val_t rt_module_import(rt_val_t name) {
  rt_val_t m = rt_dict_get(rt_state->modules, name);
  if (m) return m;
  if (name == RT_QV(builtins)) {
    // Its namespace is the dict of names programs add to the builtins (a
    // name stored there is seen everywhere); the read-only table answers
    // the rest (module_attr), so importing it costs no copy of the table.
    rt_module_t *b = rt_gc_alloc(sizeof *b, 0);
    b->type = &rt_module_type;
    b->dict = rt_state->builtins;
    rt_dict_set(b->dict, RT_QV(__name__), name);
    rt_dict_set(rt_state->modules, name, rt_val(b));
    return rt_val(b);
  }
  m = import_builtin(name);
  if (m) return m;
  m = rt_vfs_import(name); // NAME.py in a sys.path directory of the filesystem
  if (m) return m;
  // MicroPython's old names: "utime" is the built-in time module.
  size_t len;
  const char *s = rt_qstr_str(name, &len);
  rt_val_t plain = len > 1 && s[0] == 'u' ? rt_qstr_find(s + 1, len - 1) : RT_NULL;
  if (plain) {
    m = rt_dict_get(rt_state->modules, plain);
    if (!m) m = import_builtin(plain);
    if (m) return m;
  }
  rt_raise_msg(&rt_exc_ModuleNotFoundError, RT_MSG("No module named '%q'"), name);
}

static void module_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_val_t name = rt_dict_get(((rt_module_t *)self)->dict, RT_QV(__name__));
  rt_print_format(p, "<module '%S'>", name ? name : RT_QV(_empty));
}

static rt_val_t module_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  rt_module_t *m = (rt_module_t *)self;
  if (store == RT_NULL) {
    if (name == RT_QV(__dict__)) return rt_val(m->dict);
    rt_val_t v = rt_dict_get(m->dict, name);
    if (v || name == RT_QV(__getattr__)) return v;
    // PEP 562: a module-level __getattr__ answers for the names it lacks
    // (frozen asyncio loads its less used parts that way).
    rt_val_t hook = rt_dict_get(m->dict, RT_QV(__getattr__));
    if (!hook && m->dict == rt_state->builtins) return rt_builtins_lookup(name);
    return hook ? rt_obj_call1(hook, name) : RT_NULL;
  }
  if (store == RT_DELETE) return rt_dict_pop(m->dict, name) ? RT_NONE : RT_NULL;
  rt_dict_set(m->dict, name, store);
  return RT_NONE;
}

const rt_type_t rt_module_type = {
    .type = &rt_type_type,
    .name = RT_Q_module,
    .base = &rt_object_type,
    .print = module_print,
    .attr = module_attr,
};

void rt_module_add_exception(rt_dict_t *g, rt_val_t module, rt_val_t name, const rt_type_t *base) {
  rt_dict_t *ns = rt_dict_new(2);
  rt_dict_set(ns, RT_QV(__module__), module);
  rt_val_t bases = rt_tuple_new(1, (rt_val_t[]){rt_val(base)});
  rt_val_t targs[3] = {name, bases, rt_val(ns)};
  rt_dict_set(g, name, rt_obj_call(rt_val(&rt_type_type), 3, targs, NULL));
}

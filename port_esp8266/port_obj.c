// SPDX-License-Identifier: MIT
// port_obj.c: helpers for the board modules' classes (see port_obj.h).
#include "port_obj.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_str.h"
#include "qstr.h"
#include "raise.h"

static unsigned short intern(const char *name) {
  return (unsigned short)rt_qstr_index(rt_qstr_from_cstr(name));
}

void port_class_setup(port_class_t *c, const char *name) {
  c->type.type = &rt_type_type;
  c->type.name = intern(name);
  if (!c->type.base) c->type.base = &rt_object_type;
  for (size_t i = 0; i < c->n; i++) {
    const port_def_t *d = &c->defs[i];
    unsigned short q = intern(d->name);
    c->table[i].name = q;
    if (d->fn) {
      c->fns[i] = (rt_builtin_t){&rt_builtin_type, q, d->min, d->max, d->flags, d->fn};
      c->table[i].value = &c->fns[i];
    } else {
      c->table[i].value = (const void *)rt_small(d->value);
    }
  }
  c->table[c->n] = (rt_method_t){0, NULL};
  c->type.methods = c->table;
}

void port_module_fill(void *ns, const port_def_t *defs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const port_def_t *d = &defs[i];
    rt_val_t v = d->fn ? rt_builtin_new(d->name, d->fn, d->min, d->max, d->flags) : rt_small(d->value);
    port_ns_set(ns, d->name, v);
  }
}

void port_ns_set(void *ns, const char *name, rt_val_t value) {
  rt_dict_set(ns, rt_qstr_from_cstr(name), value);
}

void port_raise(const rt_type_t *type, const char *msg) {
  rt_raise_msg(type, "%s", msg);
}

void port_raise_os(int code) {
  rt_val_t arg = rt_small(code);
  rt_raise(rt_exc_new(&rt_exc_OSError, 1, &arg));
}

rt_val_t port_kw(const rt_kw_t *kw, const char *name, rt_val_t dflt) {
  if (!kw) return dflt;
  rt_val_t q = rt_qstr_find(name, strlen(name));
  if (!q) return dflt;
  rt_val_t v = rt_kw_get(kw, q);
  return v ? v : dflt;
}

const uint8_t *port_buffer(rt_val_t v, size_t *len) {
  if (rt_is_obj(v, &rt_bytearray_type)) {
    rt_bytearray_t *b = (rt_bytearray_t *)v;
    *len = b->len;
    return b->data;
  }
  if (rt_is_obj(v, &rt_bytes_type)) return (const uint8_t *)rt_str_data(v, len);
  rt_raise_msg(&rt_exc_TypeError, "object with buffer protocol required");
}

uint8_t *port_buffer_rw(rt_val_t v, size_t *len) {
  if (!rt_is_obj(v, &rt_bytearray_type)) rt_raise_msg(&rt_exc_TypeError, "bytearray required");
  rt_bytearray_t *b = (rt_bytearray_t *)v;
  *len = b->len;
  return b->data;
}

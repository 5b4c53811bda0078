// SPDX-License-Identifier: MIT
// port_obj.h: helpers for the board modules' classes and functions.
//
// The runtime's builtin types name their methods by build-time qstrs; the
// board layer cannot add to that table, so its classes are static
// rt_type_t records whose names are interned when their module is first
// imported after a reset (port_class_setup). Their builtin functions are
// static too (not in the GC heap), so a static type never points into the
// heap and the collector needs to know nothing of them.
#ifndef PORT_OBJ_H
#define PORT_OBJ_H

#include "obj.h"
#include "obj_func.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// One function or method: its name, C body and argument counts (for a
// method, self counts). A NULL [fn] makes a class constant [value].
typedef struct {
  const char *name;
  rt_native_t fn;
  unsigned char min, max, flags;
  intptr_t value;
} port_def_t;

#define PORT_FN(name, fn, min, max)                                                                          \
  { name, fn, min, max, 0, 0 }
#define PORT_FN_KW(name, fn, min, max)                                                                       \
  { name, fn, min, max, RT_BF_KW, 0 }
#define PORT_CONST(name, value)                                                                              \
  { name, NULL, 0, 0, 0, value }

// A class of the board layer: [defs] (n entries) become its methods and
// constants. [table] has room for n + 1 entries and [fns] for n builtins.
typedef struct {
  rt_type_t type;
  const port_def_t *defs;
  size_t n;
  rt_method_t *table;
  rt_builtin_t *fns;
} port_class_t;

#define PORT_CLASS(ident, defs_array)                                                                        \
  static rt_method_t ident##_table[sizeof(defs_array) / sizeof(defs_array[0]) + 1];                          \
  static rt_builtin_t ident##_fns[sizeof(defs_array) / sizeof(defs_array[0])];                               \
  static port_class_t ident = {.defs = defs_array,                                                           \
                               .n = sizeof(defs_array) / sizeof(defs_array[0]),                              \
                               .table = ident##_table,                                                       \
                               .fns = ident##_fns}

// (Re)interns [c]'s names under class name [name]; the type's slots
// (make_new, print, ...) are set by the caller beforehand. May raise
// MemoryError.
void port_class_setup(port_class_t *c, const char *name);

// Puts the functions and constants of [defs] into module namespace [ns],
// as heap builtins (the namespace keeps them alive). May raise.
void port_module_fill(void *ns, const port_def_t *defs, size_t n);

// Stores [value] under [name] in namespace [ns]. May raise.
void port_ns_set(void *ns, const char *name, rt_val_t value);

// Raises [type] with the plain text [msg] (no formatting).
__attribute__((noreturn)) void port_raise(const rt_type_t *type, const char *msg);

// OSError(errno [code]), as MicroPython raises for bus errors.
__attribute__((noreturn)) void port_raise_os(int code);

// The keyword argument [name] of a call, or [dflt] when not given.
rt_val_t port_kw(const rt_kw_t *kw, const char *name, rt_val_t dflt);

// The bytes of a bytes/bytearray [v] (read-only view), or raises TypeError.
const uint8_t *port_buffer(rt_val_t v, size_t *len);

// The writable bytes of a bytearray [v], or raises TypeError.
uint8_t *port_buffer_rw(rt_val_t v, size_t *len);

#endif

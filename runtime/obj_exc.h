// SPDX-License-Identifier: MIT
// obj_exc.h: exception objects, the builtin exception classes (from
// exc_defs.h) and the traceback printer.
#ifndef RT_OBJ_EXC_H
#define RT_OBJ_EXC_H

#include "obj.h"

// Instances of every exception class, builtin or user-defined, have this
// layout. The traceback is an array of (code object, line) value pairs,
// innermost frame first, grown without raising (entries are dropped when
// the heap is full).
typedef struct {
  const rt_type_t *type;
  rt_val_t args; // tuple
  rt_val_t *traceback;
  uint16_t tb_len, tb_cap;
  bool suppress_context;
  rt_val_t context, cause; // RT_NULL when absent
  rt_dict_t *dict;         // attributes set by user code, NULL until then
} rt_exc_t;

#define EXC(name, base) extern const rt_type_t rt_exc_##name;
#include "exc_defs.h"
#undef EXC

// A new instance of [type] with [n] args. Raises MemoryError.
rt_val_t rt_exc_new(const rt_type_t *type, size_t n, const rt_val_t *args);
rt_val_t rt_exc_new1(const rt_type_t *type, rt_val_t arg);
// Records that [exc] passed through [code] at [line]. Never raises.
void rt_exc_add_traceback(rt_val_t exc, rt_val_t code, int line);
// Prints the full report (chained exceptions, "Traceback ..." lines and
// the "Type: message" line) as CPython does. Never raises.
void rt_exc_print(rt_printer_t *p, rt_val_t exc);
// Prints only the "Type: message" line. May raise (via __str__).
void rt_exc_print_line(rt_printer_t *p, rt_val_t exc);
// args[0] or None (StopIteration.value, SystemExit.code).
rt_val_t rt_exc_first_arg(rt_val_t exc);
// Allocates an instance of [type], a builtin exception class or a class
// statement's subclass of one.
rt_val_t rt_exc_make_new(const rt_type_t *type, size_t n, const rt_val_t *args, const rt_kw_t *kw);

#endif

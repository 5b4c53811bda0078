// SPDX-License-Identifier: MIT
// obj_func.h: callables. Builtin functions (static records around a C
// function), code objects (compiled bytecode), Python functions (code +
// globals + defaults + closure), closure cells and bound methods.
#ifndef RT_OBJ_FUNC_H
#define RT_OBJ_FUNC_H

#include "obj.h"
#include "qstr.h"

// A builtin function or method. [max] RT_ARGS_ANY accepts any count.
// Keyword arguments are refused unless [flags] has RT_BF_KW.
typedef struct {
  const rt_type_t *type; // &rt_builtin_type
  unsigned short name;   // qstr index
  unsigned char min, max;
  unsigned char flags;
  rt_native_t fn;
} rt_builtin_t;

#define RT_ARGS_ANY 255
#define RT_BF_KW 1

#define RT_BUILTIN(ident, qname, nmin, nmax, flags, fn)                                                      \
  const rt_builtin_t ident = {&rt_builtin_type, RT_Q_##qname, nmin, nmax, flags, fn}

// Code flags.
#define RT_CODE_VARARGS 0x01   // has *args
#define RT_CODE_VARKW 0x02     // has **kwargs
#define RT_CODE_GENERATOR 0x04 // calling makes a generator
#define RT_CODE_CLASS 0x08     // a class body (names go to a dict)
#define RT_CODE_MODULE 0x10    // module level (names are globals)
#define RT_CODE_COROUTINE 0x20 // async def: calling makes a coroutine (with GENERATOR)
#define RT_CODE_ASYNC_GEN 0x40 // async def with yield: an async generator (with GENERATOR)

// Compiled code. All arrays are owned by the code object.
typedef struct {
  const rt_type_t *type;
  unsigned short name;     // qstr index of the block name
  unsigned short filename; // qstr index
  unsigned short flags;
  unsigned short n_args;     // positional parameters (incl. defaults)
  unsigned short n_kwonly;   // keyword-only parameters
  unsigned short n_locals;   // all fast slots: params, *args, **kw, locals, cells
  unsigned short n_cells;    // slots holding a cell (part of n_locals)
  unsigned short n_free;     // free variables (loaded from the closure)
  unsigned short stack_size; // deepest value stack
  unsigned short first_line;
  unsigned short max_blocks; // deepest nesting of try/with blocks
  unsigned short n_posonly;  // leading parameters that take no keyword (in what was padding)
  uint32_t code_len;
  uint8_t *bytecode;          // leaf allocation
  rt_val_t *consts;           // constants (values)
  rt_val_t *names;            // qstrs used by name/attr instructions
  rt_val_t *local_names;      // qstr per slot (n_locals) then per free var (n_free)
  unsigned short *cell_slots; // for each cell, its slot (n_cells)
  uint8_t *lines;             // line table: pairs (bytecode delta, line delta) of bytes
  uint32_t lines_len;
  uint32_t n_consts, n_names;
} rt_code_t;

// A Python function.
typedef struct {
  const rt_type_t *type; // &rt_func_type
  rt_code_t *code;
  rt_dict_t *globals;
  rt_val_t defaults;     // tuple or RT_NULL
  rt_dict_t *kwdefaults; // NULL when none
  rt_val_t closure;      // tuple of cells or RT_NULL
  rt_val_t name;         // qstr
  rt_dict_t *dict;       // attributes set by user code, NULL until then
} rt_func_t;

typedef struct {
  const rt_type_t *type; // &rt_cell_type
  rt_val_t value;        // RT_NULL when empty
} rt_cell_t;

typedef struct {
  const rt_type_t *type; // &rt_bound_type
  rt_val_t func;
  rt_val_t self;
} rt_bound_t;

// A builtin function made at run time (for port modules): [name] is
// interned, [fn] called as rt_native_t. Raises MemoryError.
rt_val_t rt_builtin_new(const char *name, rt_native_t fn, unsigned min, unsigned max, unsigned flags);
rt_val_t rt_func_new(rt_code_t *code, rt_dict_t *globals, rt_val_t defaults, rt_dict_t *kwdefaults,
                     rt_val_t closure);
rt_val_t rt_cell_new(rt_val_t v);
rt_val_t rt_bound_new(rt_val_t func, rt_val_t self);
// Checks the argument count of builtin [b] against [n] and [kw]; raises
// TypeError ([args] tell a method call from a function call).
void rt_builtin_check(const rt_builtin_t *b, size_t n, const rt_val_t *args, const rt_kw_t *kw);
// The line of bytecode offset [off] in [code].
int rt_code_line(const rt_code_t *code, size_t off);
// Finds keyword [name] in [kw]; returns its value or RT_NULL.
rt_val_t rt_kw_get(const rt_kw_t *kw, rt_val_t name);
// Raises TypeError if [kw] has a name not among the [n] qstr indices in
// [allowed]; [fname] names the function in the message.
void rt_kw_check(const rt_kw_t *kw, const unsigned short *allowed, size_t n, const char *fname);

#endif

// SPDX-License-Identifier: MIT
// vm.h: the bytecode interpreter. Python frames live on the GC heap and a
// Python-to-Python call pushes a frame without recursing in C; C recursion
// happens only when C code calls back into Python (rt_vm_call).
#ifndef RT_VM_H
#define RT_VM_H

#include "obj.h"
#include "obj_func.h"

typedef struct rt_frame rt_frame_t;

enum {
#define OP(name, effect) RT_OP_##name,
#include "opcodes.h"
#undef OP
  RT_OP_COUNT
};
#define RT_OP_HAVE_ARG RT_OP_LOAD_CONST

// The instruction names (disassembly, tests).
extern const char *const rt_vm_op_names[];
// The static stack effect of each opcode (99: depends on the argument).
extern const signed char rt_vm_op_effects[];
// True for the opcodes followed by a 2-byte inline cache.
static inline bool rt_vm_op_has_cache(int op) {
  return op == RT_OP_LOAD_GLOBAL || op == RT_OP_LOAD_ATTR || op == RT_OP_LOAD_METHOD ||
         op == RT_OP_STORE_ATTR;
}

// A runtime try block: handler offset and value-stack level.
typedef struct {
  uint16_t handler;
  uint16_t level;
  uint8_t kind; // RT_BLOCK_*
} rt_block_t;

enum { RT_BLOCK_EXCEPT, RT_BLOCK_ACTIVE };

struct rt_frame {
  rt_frame_t *back; // caller (NULL for the outermost)
  rt_code_t *code;
  rt_dict_t *globals;
  rt_dict_t *locals;      // class bodies: their namespace; else NULL
  rt_val_t func;          // the running function (or RT_NULL)
  const uint8_t *ip;      // next instruction (saved while not running)
  const uint8_t *last_ip; // start of the current instruction (tracebacks)
  rt_val_t *sp;           // saved value-stack pointer
  rt_block_t *blocks;     // block stack (inside this allocation)
  uint16_t n_blocks;
  uint8_t entry;        // 1: returning from here returns to C
  uint8_t yielded;      // set when the frame suspended at a yield
  uint8_t is_gen;       // owned by a generator: never freed on return
  uint8_t is_init;      // __init__ run for a class call in the loop: result dropped
  uint16_t blocks_used; // size of this allocation in GC blocks (frame cache)
  rt_val_t pending;     // generators: exception to raise on resume
  rt_val_t slots[];     // n_locals + n_free slots, then the value stack
};

// Calls Python function [f] from C. Raises.
rt_val_t rt_vm_call(rt_val_t f, size_t n, const rt_val_t *args, const rt_kw_t *kw);
// Runs module code [code] with [globals] as both namespaces. Raises.
rt_val_t rt_vm_run_module(rt_code_t *code, rt_dict_t *globals);
// Runs module-level [code] (compiled with RT_COMPILE_NAMES) with its own
// [locals] mapping (exec/eval with two namespaces). Raises.
rt_val_t rt_vm_run_code(rt_code_t *code, rt_dict_t *globals, rt_dict_t *locals);
// Runs class body function [f] with [ns] as its locals; returns what the
// body returns (the __class__ cell or None).
rt_val_t rt_vm_run_class_body(rt_val_t f, rt_dict_t *ns);
// Resumes the frame of generator (or coroutine) [gen], which must be
// created or suspended, with [send] pushed (RT_NULL on first start) or
// with [throw] raised at the yield; marks it running. Returns the yielded
// value with *done false, or the return value with *done true. An
// exception escaping the frame is not raised but put in *err (the result
// is then RT_NULL). Raises RecursionError when the frame cannot be
// entered, leaving [gen] finished.
rt_val_t rt_vm_resume(rt_val_t gen, rt_val_t send, rt_val_t throw, bool *done, rt_val_t *err);
// For super() without arguments: the class cell and first argument of
// the innermost running Python frame.
bool rt_vm_super_args(rt_val_t *cls, rt_val_t *obj);
// The innermost frame's globals (for globals()), or NULL.
rt_dict_t *rt_vm_globals(void);

#endif

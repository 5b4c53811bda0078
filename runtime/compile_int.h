// SPDX-License-Identifier: MIT
// compile_int.h: the compiler's internals shared by its files: compile.c
// (code units, expressions, statements, finishing code objects) and
// compile_match.c (match statements). Not for use outside the compiler.
//
// Invariants: u->depth is the value-stack depth at the current emission
// point (max_depth its maximum); fblocks mirror the statically known
// nesting (loops, try, handlers, with) so that return/break/continue can
// unwind them; jumps to unknown targets are chained through their
// argument fields (CHAIN_END ends a chain) and patched when the target is
// known.
#ifndef RT_COMPILE_INT_H
#define RT_COMPILE_INT_H

#include "compile.h"
#include "parse.h"
#include "scope.h"
#include "vstr.h"

typedef struct {
  rt_parser_t *p;
  struct unit *u;
  rt_compile_mode_t mode;
  bool names; // RT_COMPILE_NAMES was given
  scope_t *module_scope;
} compiler_t;

enum { FB_WHILE, FB_FOR, FB_TRY, FB_FINALLY, FB_HANDLER, FB_WITH, FB_ASYNC_WITH };

// 16-bit offsets suffice (a unit's code stays below 0xfff0 bytes) and keep
// the unit, which has MAX_FBLOCKS of these, small: compiling a short input
// must fit in what a MemoryError left of the heap.
typedef struct {
  uint8_t kind;
  uint16_t cont;   // loops: continue target
  uint16_t breaks; // loops: chain of break jumps to patch (0xffff ends)
  rt_node_t *fin;  // FB_FINALLY: the finally body
} fblock_t;

#define MAX_FBLOCKS 20
#define CHAIN_END 0xffff

// The code object being built.
typedef struct unit {
  struct unit *parent;
  scope_t *scope;
  rt_vstr_t code;
  rt_vstr_t lines;
  rt_val_t *consts;
  size_t n_consts, cap_consts;
  rt_val_t *names;
  size_t n_names, cap_names;
  int depth, max_depth;
  int n_blocks, max_blocks;
  int last_line;
  size_t last_line_off;
  int first_line;
  fblock_t fb[MAX_FBLOCKS];
  int n_fb;
  rt_val_t name;
} unit_t;

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ctx_t;

static inline __attribute__((noreturn)) void error_at(compiler_t *c, const rt_node_t *n, const char *msg) {
  rt_parse_error_at(c->p, n, msg);
}

// The offset of the next instruction.
static inline size_t here(compiler_t *c) {
  return c->u->code.len;
}

// Emission (compile.c). All may raise SyntaxError ("code too large", too
// many constants or names) or MemoryError.

// Emits [op] with [arg] (ignored for argument-less opcodes) and tracks the
// stack depth.
void rt_compile_emit(compiler_t *c, int op, unsigned arg);
// Emits a jump with an unknown target; returns the patch site.
size_t rt_compile_emit_jump(compiler_t *c, int op);
// Patches a chain of jumps (linked through their args) to [target].
void rt_compile_patch_chain(compiler_t *c, size_t chain, size_t target);
// Records that code emitted from here on comes from source [line].
void rt_compile_set_line(compiler_t *c, int line);
// The index of [v] in the unit's constants (added if new).
unsigned rt_compile_add_const(compiler_t *c, rt_val_t v);
// Pushes constant [v] with the shortest instruction.
void rt_compile_load_const(compiler_t *c, rt_val_t v);

static inline void emit0(compiler_t *c, int op) {
  rt_compile_emit(c, op, 0);
}

// Points the jump at [site] to [target].
static inline void patch_at(compiler_t *c, size_t site, size_t target) {
  c->u->code.buf[site] = (char)(target & 0xff);
  c->u->code.buf[site + 1] = (char)((target >> 8) & 0xff);
}

static inline void patch_here(compiler_t *c, size_t site) {
  patch_at(c, site, here(c));
}

// Code generation (compile.c).

// Loads, stores or deletes [name] as its scope resolved it.
void rt_compile_name(compiler_t *c, rt_val_t name, ctx_t ctx);
// Pushes the value of expression [n].
void rt_compile_expr(compiler_t *c, rt_node_t *n);
// Compiles the statements of SEQ node [seq].
void rt_compile_stmts(compiler_t *c, rt_node_t *seq);
// Jumps to [chain]'s target when [n]'s truth equals [when] (falls through
// otherwise); returns the chain with the new jumps linked in.
size_t rt_compile_jump_if(compiler_t *c, rt_node_t *n, bool when, size_t chain);

// A match statement (compile_match.c).
void rt_compile_match(compiler_t *c, rt_node_t *n);

#endif

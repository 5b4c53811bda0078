// SPDX-License-Identifier: MIT
// scope.h: scope analysis for the compiler. For each function, lambda,
// comprehension and class of a top-level statement it builds a scope_t and
// decides for every name whether it is a fast local, a cell (captured by an
// inner scope), a free variable, a class-namespace name or a global, then
// numbers the fast slots. Scope tables are short-lived (RT_GC_TEMP) and die
// with the statement's syntax tree.
#ifndef RT_SCOPE_H
#define RT_SCOPE_H

#include "parse.h"

enum { SC_MODULE, SC_FUNC, SC_CLASS, SC_COMP };

enum {
  S_ASSIGNED = 1,
  S_USED = 2,
  S_GLOBAL = 4,   // declared global
  S_NONLOCAL = 8, // declared nonlocal
  S_PARAM = 16,
  S_CELL = 32, // local captured by an inner scope
  S_FREE = 64, // comes from an enclosing scope
};

typedef struct {
  rt_val_t name;
  uint16_t flags;
  uint16_t slot;
} sym_t;

typedef struct scope {
  struct scope *parent;
  rt_node_t *node;
  int kind;
  bool generator;
  sym_t *syms;
  size_t n, cap;
  struct scope **kids;
  size_t n_kids, cap_kids;
  uint16_t n_locals, n_free, n_cells, n_args, n_kwonly;
  uint16_t code_flags;
} scope_t;

// A new scope under [parent] for [node] (whose last kid receives it).
scope_t *rt_scope_new(scope_t *parent, rt_node_t *node, int kind);
sym_t *rt_scope_find(scope_t *s, rt_val_t name);
sym_t *rt_scope_add(scope_t *s, rt_val_t name);
// Pass 1: records bindings, uses and declarations of [n] in [s], creating
// child scopes. Raises SyntaxError (positions from parser [c]).
void rt_scope_scan(rt_parser_t *c, scope_t *s, rt_node_t *n);
// Pass 2: resolves free names of [s] and its children to cells.
void rt_scope_resolve(rt_parser_t *c, scope_t *s);
// Pass 3: numbers parameters, locals and free variables of [s] and its
// children.
void rt_scope_assign_slots(scope_t *s);
// True if [y] is a fast local (or the class's __class__ cell) of [s].
bool rt_scope_is_local(scope_t *s, sym_t *y);

#endif

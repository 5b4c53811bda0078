// SPDX-License-Identifier: MIT
// scope.c: scope analysis (see scope.h).
//
// Invariants: a symbol's flags only grow; a name is local to a function
// or comprehension when assigned there and not declared global/nonlocal;
// class bodies are transparent to the functions inside them except for the
// implicit __class__ cell that super() needs.
#include <stdio.h>
#include <string.h>

#include "scope.h"
#include "gc.h"
#include "obj_func.h"
#include "qstr.h"
#include "raise.h"

sym_t *rt_scope_find(scope_t *s, rt_val_t name) {
  for (size_t i = 0; i < s->n; i++)
    if (s->syms[i].name == name) return &s->syms[i];
  return NULL;
}

sym_t *rt_scope_add(scope_t *s, rt_val_t name) {
  sym_t *y = rt_scope_find(s, name);
  if (y) return y;
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 8;
    s->syms = rt_gc_realloc_ex(s->syms, s->cap * sizeof(sym_t), RT_GC_TEMP);
  }
  y = &s->syms[s->n++];
  y->name = name;
  y->flags = 0;
  y->slot = 0;
  return y;
}

scope_t *rt_scope_new(scope_t *parent, rt_node_t *node, int kind) {
  scope_t *s = rt_gc_alloc(sizeof *s, RT_GC_TEMP);
  s->parent = parent;
  s->node = node;
  s->kind = kind;
  if (node) node->kids[node->n - 1] = rt_val(s);
  if (parent) {
    if (parent->n_kids == parent->cap_kids) {
      parent->cap_kids = parent->cap_kids ? parent->cap_kids * 2 : 4;
      parent->kids = rt_gc_realloc_ex(parent->kids, parent->cap_kids * sizeof(scope_t *), RT_GC_TEMP);
    }
    parent->kids[parent->n_kids++] = s;
  }
  return s;
}

static void bind(scope_t *s, rt_val_t name) {
  rt_scope_add(s, name)->flags |= S_ASSIGNED;
}

static void use(scope_t *s, rt_val_t name) {
  rt_scope_add(s, name)->flags |= S_USED;
  if (name == RT_QV(super) && s->kind == SC_FUNC) rt_scope_add(s, RT_QV(__class__))->flags |= S_USED;
}

static void scan_target(rt_parser_t *c, scope_t *s, rt_node_t *t) {
  switch (t->kind) {
  case RT_N_NAME: bind(s, t->kids[0]); break;
  case RT_N_TUPLE:
  case RT_N_LIST:
    for (size_t i = 0; i < t->n; i++)
      scan_target(c, s, rt_node_kid(t, i));
    break;
  case RT_N_STARRED: scan_target(c, s, rt_node_kid(t, 0)); break;
  case RT_N_ATTR: rt_scope_scan(c, s, rt_node_kid(t, 0)); break;
  case RT_N_SUBSCR:
    rt_scope_scan(c, s, rt_node_kid(t, 0));
    rt_scope_scan(c, s, rt_node_kid(t, 1));
    break;
  default: break; // rejected during code generation
  }
}

static void scan_kids(rt_parser_t *c, scope_t *s, rt_node_t *n, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    if (rt_is_ptr(n->kids[i])) rt_scope_scan(c, s, rt_node_kid(n, i));
}

// The nonlocal statement naming [name] in [n] (a function's body), not
// looking into nested scopes; NULL if none. Only places an error message.
static const rt_node_t *find_declaration(const rt_node_t *n, rt_val_t name) {
  switch (n->kind) {
  case RT_N_NONLOCAL:
    for (size_t i = 0; i < n->n; i++)
      if (n->kids[i] == name) return n;
    return NULL;
  // Nested scopes keep their scope record in their last kid and constants
  // keep a value: neither holds a statement of this scope.
  case RT_N_DEF:
  case RT_N_CLASS:
  case RT_N_LAMBDA:
  case RT_N_COMP:
  case RT_N_CONST: return NULL;
  default: break;
  }
  for (size_t i = 0; i < n->n; i++) {
    if (n->kids[i] == RT_NULL || !rt_is_ptr(n->kids[i])) continue;
    const rt_node_t *found = find_declaration(rt_node_kid(n, i), name);
    if (found) return found;
  }
  return NULL;
}

// SyntaxError for a global or nonlocal declaration of [name] that comes
// too late or names a parameter, in CPython's words.
static __attribute__((noreturn)) void declaration_error(rt_parser_t *c, const rt_node_t *n, rt_val_t name,
                                                        const char *how, const char *what, const char *tail) {
  char msg[96];
  size_t len;
  const char *text = rt_qstr_str(name, &len);
  snprintf(msg, sizeof msg, "name '%.*s' %s %s%s", (int)(len > 40 ? 40 : len), text, how, what, tail);
  rt_parse_error_at(c, n, msg);
}

// Parameters: bound in the function scope; defaults scanned outside.
static void scan_args(rt_parser_t *c, scope_t *outer, scope_t *inner, rt_node_t *args) {
  for (size_t i = 0; i < args->n; i++) {
    rt_node_t *a = rt_node_kid(args, i);
    if (a->kids[1]) rt_scope_scan(c, outer, rt_node_kid(a, 1));
    rt_scope_add(inner, a->kids[0])->flags |= S_ASSIGNED | S_PARAM;
  }
}

// Scope [s] awaits at [n] (an await, or a comprehension with 'async for'):
// a list/set/dict comprehension awaiting inside an async function is a
// coroutine itself (compile.c awaits its result), and a generator
// expression that awaits is an async generator. Raises SyntaxError
// outside async functions.
static void mark_async(rt_parser_t *c, scope_t *s, rt_node_t *n) {
  scope_t *t = s, *outer = s;
  while (t->kind == SC_COMP && t->node->op != RT_COMP_GEN) {
    outer = t;
    t = t->parent;
  }
  if (t->kind != SC_COMP && !(t->code_flags & RT_CODE_COROUTINE)) {
    if (t != s)
      rt_parse_error_at(c, outer->node, "asynchronous comprehension outside of an asynchronous function");
    if (t->kind == SC_MODULE || t->kind == SC_CLASS) rt_parse_error_at(c, n, "'await' outside function");
    rt_parse_error_at(c, n, "'await' outside async function");
  }
  for (scope_t *k = s; k != t; k = k->parent) {
    k->code_flags |= RT_CODE_COROUTINE;
    k->generator = true;
  }
  if (t->kind == SC_COMP) t->code_flags |= RT_CODE_ASYNC_GEN;
}

void rt_scope_scan(rt_parser_t *c, scope_t *s, rt_node_t *n) {
  if (!n) return;
  rt_c_enter();
  switch (n->kind) {
  case RT_N_NAME: use(s, n->kids[0]); break;
  case RT_N_CONST:
  case RT_N_PASS:
  case RT_N_BREAK:
  case RT_N_CONTINUE: break;
  case RT_N_ATTR: rt_scope_scan(c, s, rt_node_kid(n, 0)); break;
  case RT_N_KEYWORD: rt_scope_scan(c, s, rt_node_kid(n, 1)); break;
  case RT_N_COMPARE:
    for (size_t i = 0; i < n->n; i += 2)
      rt_scope_scan(c, s, rt_node_kid(n, i));
    break;
  case RT_N_FORMATTED:
    rt_scope_scan(c, s, rt_node_kid(n, 0));
    if (n->kids[2]) rt_scope_scan(c, s, rt_node_kid(n, 2));
    break;
  case RT_N_NAMED: {
    scope_t *t = s;
    while (t->kind == SC_COMP)
      t = t->parent;
    if (t->kind == SC_CLASS)
      rt_parse_error_at(c, n, "assignment expression within a comprehension cannot be used in a class body");
    bind(t, rt_node_kid(n, 0)->kids[0]);
    if (t != s) {
      // The comprehension sees it as a free variable of the enclosing scope.
      use(s, rt_node_kid(n, 0)->kids[0]);
    }
    rt_scope_scan(c, s, rt_node_kid(n, 1));
    break;
  }
  case RT_N_YIELD:
  case RT_N_YIELD_FROM:
    if (s->kind == SC_MODULE || s->kind == SC_CLASS) rt_parse_error_at(c, n, "'yield' outside function");
    if (n->kind == RT_N_YIELD_FROM && (s->code_flags & RT_CODE_COROUTINE))
      rt_parse_error_at(c, n, "'yield from' inside async function");
    s->generator = true;
    scan_kids(c, s, n, 0, n->n);
    break;
  case RT_N_AWAIT:
    mark_async(c, s, n);
    scan_kids(c, s, n, 0, n->n);
    break;
  case RT_N_LAMBDA: {
    scope_t *f = rt_scope_new(s, n, SC_FUNC);
    scan_args(c, s, f, rt_node_kid(n, 0));
    rt_scope_scan(c, f, rt_node_kid(n, 1));
    break;
  }
  case RT_N_COMP: {
    rt_node_t *first = rt_node_kid(n, 2);
    rt_scope_scan(c, s, rt_node_kid(first, 1)); // the outermost iterable: evaluated outside
    scope_t *f = rt_scope_new(s, n, SC_COMP);
    rt_scope_add(f, RT_QV(_dot_0))->flags |= S_ASSIGNED | S_PARAM;
    if (n->op == RT_COMP_GEN) f->generator = true;
    for (size_t i = 2; i < (size_t)n->n - 1; i++) {
      rt_node_t *cf = rt_node_kid(n, i);
      if (cf->op == 1) mark_async(c, f, n); // async for: awaits __anext__()
      scan_target(c, f, rt_node_kid(cf, 0));
      if (i > 2) rt_scope_scan(c, f, rt_node_kid(cf, 1));
      rt_scope_scan(c, f, rt_node_kid(cf, 2));
    }
    rt_scope_scan(c, f, rt_node_kid(n, 0));
    if (n->kids[1]) rt_scope_scan(c, f, rt_node_kid(n, 1));
    break;
  }
  case RT_N_ASSIGN:
    for (size_t i = 0; i + 1 < n->n; i++)
      scan_target(c, s, rt_node_kid(n, i));
    rt_scope_scan(c, s, rt_node_kid(n, n->n - 1));
    break;
  case RT_N_AUGASSIGN:
    if (rt_node_kid(n, 0)->kind == RT_N_NAME) use(s, rt_node_kid(n, 0)->kids[0]);
    scan_target(c, s, rt_node_kid(n, 0));
    rt_scope_scan(c, s, rt_node_kid(n, 1));
    break;
  case RT_N_ANNASSIGN:
    scan_target(c, s, rt_node_kid(n, 0));
    if (n->kids[2]) rt_scope_scan(c, s, rt_node_kid(n, 2));
    break;
  case RT_N_WITH:
  case RT_N_FOR:
    if (n->op == 1 && !(s->code_flags & RT_CODE_COROUTINE))
      rt_parse_error_at(c, n,
                        n->kind == RT_N_FOR ? "'async for' outside async function"
                                            : "'async with' outside async function");
    if (n->kind == RT_N_WITH) {
      scan_kids(c, s, n, 0, n->n);
      break;
    }
    scan_target(c, s, rt_node_kid(n, 0));
    scan_kids(c, s, n, 1, n->n);
    break;
  case RT_N_DEL:
    for (size_t i = 0; i < n->n; i++)
      scan_target(c, s, rt_node_kid(n, i));
    break;
  // Pattern captures bind names of the scope.
  case RT_N_PCAPTURE:
  case RT_N_PSTAR:
    if (n->kids[0]) bind(s, n->kids[0]);
    break;
  case RT_N_PAS:
    rt_scope_scan(c, s, rt_node_kid(n, 0));
    bind(s, n->kids[1]);
    break;
  case RT_N_PMAP:
    scan_kids(c, s, n, 0, n->n);
    if (n->op) bind(s, n->kids[n->n - 1]);
    break;
  case RT_N_WITHITEM:
    rt_scope_scan(c, s, rt_node_kid(n, 0));
    if (n->kids[1]) scan_target(c, s, rt_node_kid(n, 1));
    break;
  case RT_N_HANDLER:
    if (n->kids[0]) rt_scope_scan(c, s, rt_node_kid(n, 0));
    if (n->kids[1]) bind(s, n->kids[1]);
    rt_scope_scan(c, s, rt_node_kid(n, 2));
    break;
  case RT_N_GLOBAL:
  case RT_N_NONLOCAL:
    for (size_t i = 0; i < n->n; i++) {
      sym_t *y = rt_scope_add(s, n->kids[i]);
      const char *what = n->kind == RT_N_NONLOCAL ? "nonlocal" : "global";
      if (n->kind == RT_N_NONLOCAL && s->kind == SC_MODULE)
        rt_parse_error_at(c, n, "nonlocal declaration not allowed at module level");
      if (y->flags & S_PARAM) declaration_error(c, n, n->kids[i], "is parameter and", what, "");
      if (y->flags & S_ASSIGNED)
        declaration_error(c, n, n->kids[i], "is assigned to before", what, " declaration");
      if (y->flags & S_USED) declaration_error(c, n, n->kids[i], "is used prior to", what, " declaration");
      y->flags |= n->kind == RT_N_NONLOCAL ? S_NONLOCAL : S_GLOBAL;
    }
    break;
  case RT_N_IMPORT:
    for (size_t i = 0; i < n->n; i++) {
      rt_node_t *a = rt_node_kid(n, i);
      if (a->kids[1]) {
        bind(s, a->kids[1]);
      } else {
        size_t len;
        const char *t = rt_qstr_str(a->kids[0], &len);
        const char *dot = memchr(t, '.', len);
        bind(s, dot ? rt_qstr_from(t, (size_t)(dot - t)) : a->kids[0]);
      }
    }
    break;
  case RT_N_IMPORTFROM:
    for (size_t i = 2; i < n->n; i++) {
      rt_node_t *a = rt_node_kid(n, i);
      size_t len;
      const char *t = rt_qstr_str(a->kids[0], &len);
      if (len == 1 && t[0] == '*') {
        if (s->kind != SC_MODULE) rt_parse_error_at(c, n, "import * only allowed at module level");
        continue;
      }
      bind(s, a->kids[1] ? a->kids[1] : a->kids[0]);
    }
    break;
  case RT_N_DEF: {
    rt_scope_scan(c, s, rt_node_kid(n, 3)); // decorators
    bind(s, n->kids[0]);
    scope_t *f = rt_scope_new(s, n, SC_FUNC);
    if (n->op == 1) f->code_flags |= RT_CODE_COROUTINE;
    scan_args(c, s, f, rt_node_kid(n, 1));
    rt_scope_scan(c, f, rt_node_kid(n, 2));
    break;
  }
  case RT_N_CLASS: {
    rt_scope_scan(c, s, rt_node_kid(n, 4));
    rt_scope_scan(c, s, rt_node_kid(n, 1));
    rt_scope_scan(c, s, rt_node_kid(n, 2));
    bind(s, n->kids[0]);
    scope_t *k = rt_scope_new(s, n, SC_CLASS);
    rt_scope_scan(c, k, rt_node_kid(n, 3));
    break;
  }
  case RT_N_RETURN:
    if (s->kind != SC_FUNC) rt_parse_error_at(c, n, "'return' outside function");
    scan_kids(c, s, n, 0, n->n);
    break;
  default: scan_kids(c, s, n, 0, n->n); break;
  }
  rt_c_leave();
}

bool rt_scope_is_local(scope_t *s, sym_t *y) {
  if (!y || (y->flags & (S_GLOBAL | S_NONLOCAL))) return false;
  if (s->kind == SC_FUNC || s->kind == SC_COMP) return (y->flags & S_ASSIGNED) != 0;
  if (s->kind == SC_CLASS) return y->name == RT_QV(__class__) && (y->flags & S_CELL);
  return false;
}

// Resolves free names of [s] against its ancestors, then its children.
void rt_scope_resolve(rt_parser_t *c, scope_t *s) {
  if (s->kind != SC_MODULE) {
    for (size_t i = 0; i < s->n; i++) {
      sym_t *y = &s->syms[i];
      if (y->flags & S_GLOBAL) continue;
      bool wants = (y->flags & S_NONLOCAL) ||
                   ((y->flags & S_USED) && !rt_scope_is_local(s, y) && !(y->flags & S_FREE));
      if (!wants || (s->kind == SC_CLASS && (y->flags & S_ASSIGNED) && !(y->flags & S_NONLOCAL))) continue;
      rt_val_t name = y->name;
      scope_t *owner = NULL;
      for (scope_t *p = s->parent; p && p->kind != SC_MODULE; p = p->parent) {
        sym_t *py = rt_scope_find(p, name);
        if (p->kind == SC_CLASS) {
          if (name == RT_QV(__class__)) {
            rt_scope_add(p, name)->flags |= S_CELL | S_ASSIGNED;
            owner = p;
            break;
          }
          continue;
        }
        if (py && (py->flags & S_GLOBAL)) break;
        if (py && rt_scope_is_local(p, py)) {
          owner = p;
          break;
        }
      }
      if (!owner) {
        if (y->flags & S_NONLOCAL) {
          char msg[80];
          size_t len;
          const char *text = rt_qstr_str(name, &len);
          snprintf(msg, sizeof msg, "no binding for nonlocal '%.*s' found", (int)(len > 40 ? 40 : len), text);
          const rt_node_t *at = s->node->kind == RT_N_DEF ? find_declaration(rt_node_kid(s->node, 2), name)
                                : s->node->kind == RT_N_CLASS
                                    ? find_declaration(rt_node_kid(s->node, 3), name)
                                    : NULL;
          rt_parse_error_at(c, at ? at : s->node, msg);
        }
        continue;
      }
      rt_scope_find(owner, name)->flags |= S_CELL;
      for (scope_t *p = s; p != owner; p = p->parent)
        rt_scope_add(p, name)->flags |= S_FREE;
    }
  }
  for (size_t i = 0; i < s->n_kids; i++)
    rt_scope_resolve(c, s->kids[i]);
}

// Assigns fast slots: parameters in order, other locals, then free vars.
void rt_scope_assign_slots(scope_t *s) {
  if (s->kind == SC_MODULE) return;
  uint16_t k = 0;
  if (s->kind != SC_CLASS) {
    // Parameters in declaration order: positional, keyword-only, *args, **kw.
    rt_node_t *args = s->kind == SC_COMP ? NULL : rt_node_kid(s->node, s->node->kind == RT_N_LAMBDA ? 0 : 1);
    if (s->kind == SC_COMP) {
      rt_scope_find(s, RT_QV(_dot_0))->slot = k++;
      s->n_args = 1;
    } else {
      static const int order[] = {RT_ARG_POS, RT_ARG_KWONLY, RT_ARG_VARARGS, RT_ARG_VARKW};
      for (int o = 0; o < 4; o++)
        for (size_t i = 0; i < args->n; i++) {
          rt_node_t *a = rt_node_kid(args, i);
          if (a->op != order[o]) continue;
          rt_scope_find(s, a->kids[0])->slot = k++;
          if (o == 0) s->n_args++;
          if (o == 1) s->n_kwonly++;
          if (o == 2) s->code_flags |= RT_CODE_VARARGS;
          if (o == 3) s->code_flags |= RT_CODE_VARKW;
        }
    }
    for (size_t i = 0; i < s->n; i++) {
      sym_t *y = &s->syms[i];
      if (rt_scope_is_local(s, y) && !(y->flags & S_PARAM)) y->slot = k++;
    }
  } else {
    for (size_t i = 0; i < s->n; i++)
      if (rt_scope_is_local(s, &s->syms[i])) s->syms[i].slot = k++;
  }
  s->n_locals = k;
  for (size_t i = 0; i < s->n; i++) {
    sym_t *y = &s->syms[i];
    if ((y->flags & S_FREE) && !rt_scope_is_local(s, y)) y->slot = k++;
    if ((y->flags & S_CELL) && rt_scope_is_local(s, y)) s->n_cells++;
  }
  s->n_free = (uint16_t)(k - s->n_locals);
  // An async def with a yield is an async generator; every async def runs
  // on the generator machinery.
  if ((s->code_flags & RT_CODE_COROUTINE) && s->kind == SC_FUNC && s->generator)
    s->code_flags = (uint16_t)((s->code_flags & ~RT_CODE_COROUTINE) | RT_CODE_ASYNC_GEN);
  if (s->code_flags & (RT_CODE_COROUTINE | RT_CODE_ASYNC_GEN)) s->generator = true;
  if (s->generator) s->code_flags |= RT_CODE_GENERATOR;
  for (size_t i = 0; i < s->n_kids; i++)
    rt_scope_assign_slots(s->kids[i]);
}

// SPDX-License-Identifier: MIT
// compile.c: syntax trees to bytecode.
//
// Per top-level statement: (1) scope analysis (scope.c) decides for every
// name whether it is a fast local, a cell, a free variable, a
// class-namespace name or a global; (2) code generation emits into the
// unit of the code object being built. Units nest as functions nest; a finished unit
// becomes an rt_code_t constant of its parent. The compiler's types and
// their invariants are in compile_int.h; match statements are in
// compile_match.c.
#include <stdio.h>
#include <string.h>

#include "compile_int.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "parse.h"
#include "scope.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"
#include "vm.h"

// ---- code units ----

// A new code unit in the GC heap, not on the C stack: with its block table
// it is about 400 bytes, which every nested def, class, lambda and
// comprehension would otherwise add to the compiler's C frames. The caller
// frees it after unit_finish.
static unit_t *unit_new(unit_t *parent, scope_t *scope, rt_val_t name, int line) {
  unit_t *u = rt_gc_alloc(sizeof(unit_t), RT_GC_TEMP);
  memset(u, 0, sizeof *u);
  u->parent = parent;
  u->scope = scope;
  u->name = name;
  u->first_line = u->last_line = line;
  rt_vstr_init_temp(&u->code, 64);
  rt_vstr_init_temp(&u->lines, 16);
  return u;
}

void rt_compile_set_line(compiler_t *c, int line) {
  unit_t *u = c->u;
  if (line == u->last_line || line <= 0) return;
  size_t off = u->code.len - u->last_line_off;
  int dl = line - u->last_line;
  while (off > 255) {
    rt_vstr_addc(&u->lines, (char)255);
    rt_vstr_addc(&u->lines, 0);
    off -= 255;
  }
  while (dl > 127 || dl < -128) {
    int step = dl > 0 ? 127 : -128;
    rt_vstr_addc(&u->lines, (char)off);
    rt_vstr_addc(&u->lines, (char)(int8_t)step);
    off = 0;
    dl -= step;
  }
  rt_vstr_addc(&u->lines, (char)off);
  rt_vstr_addc(&u->lines, (char)(int8_t)dl);
  u->last_line = line;
  u->last_line_off = u->code.len;
}

static void adjust(compiler_t *c, int effect) {
  unit_t *u = c->u;
  u->depth += effect;
  if (u->depth > u->max_depth) u->max_depth = u->depth;
}

static int var_effect(int op, unsigned arg) {
  switch (op) {
  case RT_OP_CALL_FUNCTION: return -(int)arg;
  case RT_OP_CALL_FUNCTION_KW: return -(int)arg - 1;
  case RT_OP_CALL_METHOD: return -(int)arg - 1;
  case RT_OP_CALL_METHOD_KW: return -(int)arg - 2;
  case RT_OP_CALL_FUNCTION_EX: return -1 - (int)(arg & 1);
  case RT_OP_MAKE_FUNCTION: return -(int)(__builtin_popcount(arg));
  case RT_OP_BUILD_TUPLE:
  case RT_OP_BUILD_LIST:
  case RT_OP_BUILD_SET:
  case RT_OP_BUILD_STRING:
  case RT_OP_BUILD_SLICE: return 1 - (int)arg;
  case RT_OP_BUILD_MAP: return 1 - 2 * (int)arg;
  case RT_OP_UNPACK_SEQUENCE: return (int)arg - 1;
  case RT_OP_UNPACK_EX: return (int)(arg & 0xff) + (int)(arg >> 8);
  case RT_OP_RAISE_VARARGS: return -(int)arg;
  case RT_OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
  default: return 0;
  }
}

static void emit_byte(compiler_t *c, unsigned b) {
  rt_vstr_addc(&c->u->code, (char)(uint8_t)b);
}

// Emits [op] with [arg] (ignored for argument-less opcodes).
void rt_compile_emit(compiler_t *c, int op, unsigned arg) {
  if (c->u->code.len > 0xfff0) rt_raise_msg(&rt_exc_SyntaxError, RT_MSG("code too large"));
  emit_byte(c, (unsigned)op);
  if (op >= RT_OP_HAVE_ARG) {
    emit_byte(c, arg & 0xff);
    emit_byte(c, (arg >> 8) & 0xff);
    if (rt_vm_op_has_cache(op)) {
      emit_byte(c, 0);
      emit_byte(c, 0);
    }
  }
  int e = rt_vm_op_effects[op];
  adjust(c, e == 99 ? var_effect(op, arg) : e);
}

// Emits a jump with an unknown target; returns the patch site.
size_t rt_compile_emit_jump(compiler_t *c, int op) {
  rt_compile_emit(c, op, CHAIN_END);
  return here(c) - 2;
}

// Patches a chain of jumps (linked through their args) to [target].
void rt_compile_patch_chain(compiler_t *c, size_t chain, size_t target) {
  while (chain != CHAIN_END) {
    size_t next = (uint8_t)c->u->code.buf[chain] | ((size_t)(uint8_t)c->u->code.buf[chain + 1] << 8);
    patch_at(c, chain, target);
    chain = next;
  }
}

unsigned rt_compile_add_const(compiler_t *c, rt_val_t v) {
  unit_t *u = c->u;
  for (size_t i = 0; i < u->n_consts; i++)
    if (u->consts[i] == v) return (unsigned)i;
  if (u->n_consts == u->cap_consts) {
    u->cap_consts = u->cap_consts ? u->cap_consts * 2 : 8;
    u->consts = rt_gc_realloc_ex(u->consts, u->cap_consts * sizeof(rt_val_t), RT_GC_TEMP);
  }
  u->consts[u->n_consts] = v;
  if (u->n_consts >= 0xffff) rt_raise_msg(&rt_exc_SyntaxError, RT_MSG("too many constants"));
  return (unsigned)u->n_consts++;
}

static unsigned add_name(compiler_t *c, rt_val_t q) {
  unit_t *u = c->u;
  for (size_t i = 0; i < u->n_names; i++)
    if (u->names[i] == q) return (unsigned)i;
  if (u->n_names == u->cap_names) {
    u->cap_names = u->cap_names ? u->cap_names * 2 : 8;
    u->names = rt_gc_realloc_ex(u->names, u->cap_names * sizeof(rt_val_t), RT_GC_TEMP);
  }
  u->names[u->n_names] = q;
  if (u->n_names >= 0xffff) rt_raise_msg(&rt_exc_SyntaxError, RT_MSG("too many names"));
  return (unsigned)u->n_names++;
}

void rt_compile_load_const(compiler_t *c, rt_val_t v) {
  if (v == RT_NONE) return emit0(c, RT_OP_LOAD_NONE);
  if (v == RT_TRUE) return emit0(c, RT_OP_LOAD_TRUE);
  if (v == RT_FALSE) return emit0(c, RT_OP_LOAD_FALSE);
  if (rt_is_small(v) && rt_small_get(v) >= -32768 && rt_small_get(v) < 32768)
    return rt_compile_emit(c, RT_OP_LOAD_SMALL_INT, (unsigned)(rt_small_get(v) + 32768));
  rt_compile_emit(c, RT_OP_LOAD_CONST, rt_compile_add_const(c, v));
}

static void push_fb(compiler_t *c, const rt_node_t *n, int kind, size_t cont, rt_node_t *fin) {
  unit_t *u = c->u;
  if (u->n_fb == MAX_FBLOCKS) error_at(c, n, "too many statically nested blocks");
  fblock_t *f = &u->fb[u->n_fb++];
  f->kind = (uint8_t)kind;
  f->cont = (uint16_t)cont;
  f->breaks = CHAIN_END;
  f->fin = fin;
  if (kind >= FB_TRY) {
    u->n_blocks++;
    if (u->n_blocks > u->max_blocks) u->max_blocks = u->n_blocks;
  }
}

static void pop_fb(compiler_t *c) {
  unit_t *u = c->u;
  u->n_fb--;
  if (u->fb[u->n_fb].kind >= FB_TRY) u->n_blocks--;
}

// Drives the awaitable iterator on TOS to its result (the second half of
// "await"; async for/with opcodes make the iterator themselves).
static void emit_drive(compiler_t *c) {
  emit0(c, RT_OP_LOAD_NONE);
  emit0(c, RT_OP_YIELD_FROM);
}

// "await TOS".
static void emit_await(compiler_t *c) {
  emit0(c, RT_OP_GET_AWAITABLE);
  emit_drive(c);
}

// ---- names ----

void rt_compile_name(compiler_t *c, rt_val_t name, ctx_t ctx) {
  scope_t *s = c->u->scope;
  sym_t *y = s->kind == SC_MODULE ? NULL : rt_scope_find(s, name);
  static const int global_ops[] = {RT_OP_LOAD_GLOBAL, RT_OP_STORE_GLOBAL, RT_OP_DELETE_GLOBAL};
  static const int name_ops[] = {RT_OP_LOAD_NAME, RT_OP_STORE_NAME, RT_OP_DELETE_NAME};
  static const int fast_ops[] = {RT_OP_LOAD_FAST, RT_OP_STORE_FAST, RT_OP_DELETE_FAST};
  static const int deref_ops[] = {RT_OP_LOAD_DEREF, RT_OP_STORE_DEREF, RT_OP_DELETE_DEREF};
  if (y && (y->flags & (S_CELL | S_FREE)) && (rt_scope_is_local(s, y) || (y->flags & S_FREE))) {
    rt_compile_emit(c, deref_ops[ctx], y->slot);
    return;
  }
  if (s->kind == SC_CLASS) {
    rt_compile_emit(c, y && (y->flags & S_GLOBAL) ? global_ops[ctx] : name_ops[ctx], add_name(c, name));
    return;
  }
  if (y && rt_scope_is_local(s, y)) {
    rt_compile_emit(c, fast_ops[ctx], y->slot);
    return;
  }
  if (s->kind == SC_MODULE && (c->mode == RT_COMPILE_EVAL || c->names)) {
    rt_compile_emit(c, name_ops[ctx], add_name(c, name));
    return;
  }
  rt_compile_emit(c, global_ops[ctx], add_name(c, name));
}

// ---- expressions ----

static void compile_store(compiler_t *c, rt_node_t *t);
static rt_code_t *compile_scope(compiler_t *c, scope_t *s, rt_val_t name, rt_node_t *body, int line);

// Jumps to [target_chain] when [n]'s truth equals [when]; returns the
// new chain head.
size_t rt_compile_jump_if(compiler_t *c, rt_node_t *n, bool when, size_t chain) {
  if (n->kind == RT_N_UNARY && n->op == 3) return rt_compile_jump_if(c, rt_node_kid(n, 0), !when, chain);
  if (n->kind == RT_N_BOOLOP) {
    bool is_or = n->op == 1;
    if (is_or == when) {
      chain = rt_compile_jump_if(c, rt_node_kid(n, 0), when, chain);
      return rt_compile_jump_if(c, rt_node_kid(n, 1), when, chain);
    }
    size_t skip = rt_compile_jump_if(c, rt_node_kid(n, 0), !when, CHAIN_END);
    chain = rt_compile_jump_if(c, rt_node_kid(n, 1), when, chain);
    rt_compile_patch_chain(c, skip, here(c));
    return chain;
  }
  rt_compile_expr(c, n);
  size_t site = rt_compile_emit_jump(c, when ? RT_OP_POP_JUMP_IF_TRUE : RT_OP_POP_JUMP_IF_FALSE);
  patch_at(c, site, chain);
  return site;
}

static bool has_starred(rt_node_t *n, size_t from) {
  for (size_t i = from; i < n->n; i++)
    if (rt_is_ptr(n->kids[i]) && rt_node_kid(n, i)->kind == RT_N_STARRED) return true;
  return false;
}

// Builds a list from items that may contain *starred parts.
static void build_list_starred(compiler_t *c, rt_node_t *n, size_t from, size_t to) {
  rt_compile_emit(c, RT_OP_BUILD_LIST, 0);
  for (size_t i = from; i < to; i++) {
    rt_node_t *e = rt_node_kid(n, i);
    if (e->kind == RT_N_STARRED) {
      rt_compile_expr(c, rt_node_kid(e, 0));
      rt_compile_emit(c, RT_OP_LIST_EXTEND, 1);
    } else {
      rt_compile_expr(c, e);
      rt_compile_emit(c, RT_OP_LIST_APPEND, 1);
    }
  }
}

static void compile_call(compiler_t *c, rt_node_t *n) {
  rt_node_t *func = rt_node_kid(n, 0), *args = rt_node_kid(n, 1), *kws = rt_node_kid(n, 2);
  bool star = has_starred(args, 0);
  bool dstar = false;
  for (size_t i = 0; i < kws->n; i++)
    if (rt_node_kid(kws, i)->kids[0] == RT_NULL) dstar = true;
  bool method = func->kind == RT_N_ATTR && !star && !dstar;
  if (method) {
    rt_compile_expr(c, rt_node_kid(func, 0));
    rt_compile_set_line(c, (int)func->line);
    rt_compile_emit(c, RT_OP_LOAD_METHOD, add_name(c, func->kids[1]));
  } else {
    rt_compile_expr(c, func);
  }
  if (star || dstar) {
    build_list_starred(c, args, 0, args->n);
    emit0(c, RT_OP_LIST_TO_TUPLE);
    if (kws->n) {
      rt_compile_emit(c, RT_OP_BUILD_MAP, 0);
      for (size_t i = 0; i < kws->n; i++) {
        rt_node_t *k = rt_node_kid(kws, i);
        if (k->kids[0] == RT_NULL) {
          rt_compile_expr(c, rt_node_kid(k, 1));
          rt_compile_emit(c, RT_OP_DICT_MERGE, 1);
        } else {
          rt_compile_load_const(c, k->kids[0]);
          rt_compile_expr(c, rt_node_kid(k, 1));
          rt_compile_emit(c, RT_OP_MAP_ADD, 1);
        }
      }
    }
    rt_compile_set_line(c, (int)n->line);
    rt_compile_emit(c, RT_OP_CALL_FUNCTION_EX, kws->n ? 1 : 0);
    return;
  }
  for (size_t i = 0; i < args->n; i++)
    rt_compile_expr(c, rt_node_kid(args, i));
  for (size_t i = 0; i < kws->n; i++)
    rt_compile_expr(c, rt_node_kid(rt_node_kid(kws, i), 1));
  rt_compile_set_line(c, (int)n->line);
  if (kws->n) {
    rt_val_t names = rt_tuple_new(kws->n, NULL);
    for (size_t i = 0; i < kws->n; i++) {
      rt_val_t k = rt_node_kid(kws, i)->kids[0];
      for (size_t j = 0; j < i; j++)
        if (rt_tuple_items(names)[j] == k) error_at(c, rt_node_kid(kws, i), "keyword argument repeated");
      rt_tuple_items(names)[i] = k;
    }
    rt_compile_emit(c, RT_OP_LOAD_CONST, rt_compile_add_const(c, names));
    rt_compile_emit(c, method ? RT_OP_CALL_METHOD_KW : RT_OP_CALL_FUNCTION_KW, (unsigned)(args->n + kws->n));
  } else {
    rt_compile_emit(c, method ? RT_OP_CALL_METHOD : RT_OP_CALL_FUNCTION, (unsigned)args->n);
  }
}

// Pushes the closure tuple of child scope [s] if it has free variables;
// returns the MAKE_FUNCTION flag to add.
static unsigned load_closure(compiler_t *c, scope_t *s) {
  if (!s->n_free) return 0;
  unsigned n = 0;
  // In slot order, so that closure[i] is the child's slot n_locals + i.
  for (uint16_t slot = s->n_locals; slot < s->n_locals + s->n_free; slot++)
    for (size_t i = 0; i < s->n; i++) {
      sym_t *y = &s->syms[i];
      if (y->slot != slot || !(y->flags & S_FREE) || rt_scope_is_local(s, y)) continue;
      sym_t *py = rt_scope_find(c->u->scope, y->name);
      rt_compile_emit(c, RT_OP_LOAD_CLOSURE, py->slot);
      n++;
    }
  rt_compile_emit(c, RT_OP_BUILD_TUPLE, n);
  return 8;
}

// Emits code that leaves a new function for DEF/LAMBDA [n] on the stack.
static void make_function(compiler_t *c, rt_node_t *n, rt_node_t *args, rt_node_t *body, rt_val_t name) {
  scope_t *s = (scope_t *)n->kids[n->n - 1];
  unsigned flags = 0, nd = 0, nk = 0;
  for (size_t i = 0; i < args->n; i++) {
    rt_node_t *a = rt_node_kid(args, i);
    if (a->kids[1] && a->op == RT_ARG_POS) {
      rt_compile_expr(c, rt_node_kid(a, 1));
      nd++;
    }
  }
  if (nd) {
    rt_compile_emit(c, RT_OP_BUILD_TUPLE, nd);
    flags |= 1;
  }
  for (size_t i = 0; i < args->n; i++) {
    rt_node_t *a = rt_node_kid(args, i);
    if (a->kids[1] && a->op == RT_ARG_KWONLY) {
      rt_compile_load_const(c, a->kids[0]);
      rt_compile_expr(c, rt_node_kid(a, 1));
      nk++;
    }
  }
  if (nk) {
    rt_compile_emit(c, RT_OP_BUILD_MAP, nk);
    flags |= 2;
  }
  flags |= load_closure(c, s);
  rt_code_t *code = compile_scope(c, s, name, body, (int)n->line);
  rt_compile_emit(c, RT_OP_LOAD_CONST, rt_compile_add_const(c, rt_val(code)));
  rt_compile_emit(c, RT_OP_MAKE_FUNCTION, flags);
}

static void compile_comprehension(compiler_t *c, rt_node_t *n) {
  scope_t *s = (scope_t *)n->kids[n->n - 1];
  unsigned flags = load_closure(c, s);
  static const unsigned short names[] = {RT_Q__lt_listcomp_gt_, RT_Q__lt_setcomp_gt_, RT_Q__lt_dictcomp_gt_,
                                         RT_Q__lt_genexpr_gt_};
  rt_code_t *code = compile_scope(c, s, rt_qstr_val(names[n->op]), n, (int)n->line);
  rt_compile_emit(c, RT_OP_LOAD_CONST, rt_compile_add_const(c, rt_val(code)));
  rt_compile_emit(c, RT_OP_MAKE_FUNCTION, flags);
  rt_compile_expr(c, rt_node_kid(rt_node_kid(n, 2), 1));
  emit0(c, rt_node_kid(n, 2)->op == 1 ? RT_OP_GET_AITER : RT_OP_GET_ITER);
  rt_compile_emit(c, RT_OP_CALL_FUNCTION, 1);
  if (s->code_flags & RT_CODE_COROUTINE) emit_await(c); // it awaits inside
}

// The body of a comprehension function: loops from COMPFOR [i] on.
static void comprehension_body(compiler_t *c, rt_node_t *n, size_t i, int nfor) {
  rt_node_t *cf = rt_node_kid(n, i);
  bool async = cf->op == 1;
  if (i == 2)
    rt_compile_emit(c, RT_OP_LOAD_FAST, 0); // .0
  else {
    rt_compile_expr(c, rt_node_kid(cf, 1));
    emit0(c, async ? RT_OP_GET_AITER : RT_OP_GET_ITER);
  }
  size_t top = here(c), exit;
  if (async) {
    // As the async for statement: await __anext__() in a try block whose
    // handler ends the loop on StopAsyncIteration.
    exit = rt_compile_emit_jump(c, RT_OP_SETUP_EXCEPT);
    push_fb(c, cf, FB_TRY, 0, NULL);
    emit0(c, RT_OP_GET_ANEXT);
    emit_drive(c);
    emit0(c, RT_OP_POP_BLOCK);
    pop_fb(c);
  } else {
    exit = rt_compile_emit_jump(c, RT_OP_FOR_ITER);
  }
  compile_store(c, rt_node_kid(cf, 0));
  rt_node_t *ifs = rt_node_kid(cf, 2);
  for (size_t k = 0; k < ifs->n; k++) {
    size_t ch = rt_compile_jump_if(c, rt_node_kid(ifs, k), false, CHAIN_END);
    rt_compile_patch_chain(c, ch, top);
  }
  if (i + 1 < (size_t)n->n - 1) {
    comprehension_body(c, n, i + 1, nfor + 1);
  } else {
    switch (n->op) {
    case RT_COMP_LIST:
      rt_compile_expr(c, rt_node_kid(n, 0));
      rt_compile_emit(c, RT_OP_LIST_APPEND, (unsigned)nfor + 2);
      break;
    case RT_COMP_SET:
      rt_compile_expr(c, rt_node_kid(n, 0));
      rt_compile_emit(c, RT_OP_SET_ADD, (unsigned)nfor + 2);
      break;
    case RT_COMP_DICT:
      rt_compile_expr(c, rt_node_kid(n, 0));
      rt_compile_expr(c, rt_node_kid(n, 1));
      rt_compile_emit(c, RT_OP_MAP_ADD, (unsigned)nfor + 2);
      break;
    default:
      rt_compile_expr(c, rt_node_kid(n, 0));
      emit0(c, RT_OP_YIELD_VALUE);
      emit0(c, RT_OP_POP_TOP);
      break;
    }
  }
  rt_compile_emit(c, RT_OP_JUMP, (unsigned)top);
  patch_here(c, exit);
  if (async) {
    // Handler: iterator, previous exception, exception; all popped.
    int depth0 = c->u->depth - 1;
    c->u->depth = depth0 + 3;
    if (c->u->depth > c->u->max_depth) c->u->max_depth = c->u->depth;
    emit0(c, RT_OP_END_ASYNC_FOR);
    c->u->depth = depth0;
  } else {
    adjust(c, -1); // FOR_ITER popped the iterator
  }
}

static void compile_fstring(compiler_t *c, rt_node_t *n) {
  for (size_t i = 0; i < n->n; i++) {
    rt_node_t *part = rt_node_kid(n, i);
    if (part->kind == RT_N_CONST) {
      rt_compile_load_const(c, part->kids[0]);
      continue;
    }
    rt_compile_expr(c, rt_node_kid(part, 0));
    unsigned conv = (unsigned)rt_small_get(part->kids[1]);
    unsigned flags = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    if (part->kids[2]) {
      compile_fstring(c, rt_node_kid(part, 2));
      flags |= 4;
    }
    rt_compile_emit(c, RT_OP_FORMAT_VALUE, flags);
  }
  if (n->n != 1 || rt_node_kid(n, 0)->kind != RT_N_FORMATTED) rt_compile_emit(c, RT_OP_BUILD_STRING, n->n);
}

static void compile_compare(compiler_t *c, rt_node_t *n) {
  static const int cmp_ops[] = {RT_BINARY_LT, RT_BINARY_GT, RT_BINARY_EQ,
                                RT_BINARY_LE, RT_BINARY_GE, RT_BINARY_NE};
  rt_compile_expr(c, rt_node_kid(n, 0));
  size_t cleanup = CHAIN_END;
  for (size_t i = 1; i < n->n; i += 2) {
    int op = (int)rt_small_get(n->kids[i]);
    bool last = i + 2 >= n->n;
    rt_compile_expr(c, rt_node_kid(n, i + 1));
    if (!last) {
      emit0(c, RT_OP_DUP_TOP);
      emit0(c, RT_OP_ROT_THREE);
    }
    if (op <= RT_CMP_NE)
      rt_compile_emit(c, RT_OP_COMPARE_OP, (unsigned)cmp_ops[op]);
    else if (op == RT_CMP_IN || op == RT_CMP_NOT_IN)
      rt_compile_emit(c, RT_OP_CONTAINS_OP, op == RT_CMP_NOT_IN);
    else
      rt_compile_emit(c, RT_OP_IS_OP, op == RT_CMP_IS_NOT);
    if (!last) {
      size_t site = rt_compile_emit_jump(c, RT_OP_JUMP_IF_FALSE_OR_POP);
      patch_at(c, site, cleanup);
      cleanup = site;
      adjust(c, -1);
    }
  }
  if (cleanup != CHAIN_END) {
    size_t end = rt_compile_emit_jump(c, RT_OP_JUMP);
    rt_compile_patch_chain(c, cleanup, here(c));
    adjust(c, 1);
    emit0(c, RT_OP_ROT_TWO);
    emit0(c, RT_OP_POP_TOP);
    patch_here(c, end);
  }
}

void rt_compile_expr(compiler_t *c, rt_node_t *n) {
  rt_c_enter();
  switch (n->kind) {
  case RT_N_NAME: rt_compile_name(c, n->kids[0], CTX_LOAD); break;
  case RT_N_CONST: rt_compile_load_const(c, n->kids[0]); break;
  case RT_N_BINOP:
    rt_compile_expr(c, rt_node_kid(n, 0));
    rt_compile_expr(c, rt_node_kid(n, 1));
    rt_compile_emit(c, RT_OP_BINARY_OP, n->op);
    break;
  case RT_N_UNARY:
    rt_compile_expr(c, rt_node_kid(n, 0));
    if (n->op == 3)
      emit0(c, RT_OP_UNARY_NOT);
    else
      rt_compile_emit(c, RT_OP_UNARY_OP,
                      n->op == 0   ? RT_UNARY_NEG
                      : n->op == 1 ? RT_UNARY_POS
                                   : RT_UNARY_INVERT);
    break;
  case RT_N_BOOLOP: {
    rt_compile_expr(c, rt_node_kid(n, 0));
    size_t site =
        rt_compile_emit_jump(c, n->op == 0 ? RT_OP_JUMP_IF_FALSE_OR_POP : RT_OP_JUMP_IF_TRUE_OR_POP);
    adjust(c, -1);
    rt_compile_expr(c, rt_node_kid(n, 1));
    patch_here(c, site);
    break;
  }
  case RT_N_COMPARE: compile_compare(c, n); break;
  case RT_N_CALL: compile_call(c, n); break;
  case RT_N_ATTR:
    rt_compile_expr(c, rt_node_kid(n, 0));
    rt_compile_emit(c, RT_OP_LOAD_ATTR, add_name(c, n->kids[1]));
    break;
  case RT_N_SUBSCR:
    rt_compile_expr(c, rt_node_kid(n, 0));
    rt_compile_expr(c, rt_node_kid(n, 1));
    emit0(c, RT_OP_BINARY_SUBSCR);
    break;
  case RT_N_SLICE:
    for (int i = 0; i < 2; i++)
      if (n->kids[i])
        rt_compile_expr(c, rt_node_kid(n, (size_t)i));
      else
        emit0(c, RT_OP_LOAD_NONE);
    if (n->kids[2]) {
      rt_compile_expr(c, rt_node_kid(n, 2));
      rt_compile_emit(c, RT_OP_BUILD_SLICE, 3);
    } else {
      rt_compile_emit(c, RT_OP_BUILD_SLICE, 2);
    }
    break;
  case RT_N_TUPLE:
    if (has_starred(n, 0)) {
      build_list_starred(c, n, 0, n->n);
      emit0(c, RT_OP_LIST_TO_TUPLE);
      break;
    }
    for (size_t i = 0; i < n->n; i++)
      rt_compile_expr(c, rt_node_kid(n, i));
    rt_compile_emit(c, RT_OP_BUILD_TUPLE, n->n);
    break;
  case RT_N_LIST:
    if (has_starred(n, 0)) {
      build_list_starred(c, n, 0, n->n);
      break;
    }
    for (size_t i = 0; i < n->n; i++)
      rt_compile_expr(c, rt_node_kid(n, i));
    rt_compile_emit(c, RT_OP_BUILD_LIST, n->n);
    break;
  case RT_N_SET:
    if (has_starred(n, 0)) {
      rt_compile_emit(c, RT_OP_BUILD_SET, 0);
      for (size_t i = 0; i < n->n; i++) {
        rt_node_t *e = rt_node_kid(n, i);
        if (e->kind == RT_N_STARRED) {
          rt_compile_expr(c, rt_node_kid(e, 0));
          rt_compile_emit(c, RT_OP_SET_UPDATE, 1);
        } else {
          rt_compile_expr(c, e);
          rt_compile_emit(c, RT_OP_SET_ADD, 1);
        }
      }
      break;
    }
    for (size_t i = 0; i < n->n; i++)
      rt_compile_expr(c, rt_node_kid(n, i));
    rt_compile_emit(c, RT_OP_BUILD_SET, n->n);
    break;
  case RT_N_DICT: {
    bool dstar = false;
    for (size_t i = 0; i < n->n; i += 2)
      if (!n->kids[i]) dstar = true;
    if (!dstar && n->n / 2 < 256) {
      for (size_t i = 0; i < n->n; i++)
        rt_compile_expr(c, rt_node_kid(n, i));
      rt_compile_emit(c, RT_OP_BUILD_MAP, n->n / 2);
      break;
    }
    rt_compile_emit(c, RT_OP_BUILD_MAP, 0);
    for (size_t i = 0; i < n->n; i += 2) {
      if (!n->kids[i]) {
        rt_compile_expr(c, rt_node_kid(n, i + 1));
        rt_compile_emit(c, RT_OP_DICT_UPDATE, 1);
      } else {
        rt_compile_expr(c, rt_node_kid(n, i));
        rt_compile_expr(c, rt_node_kid(n, i + 1));
        rt_compile_emit(c, RT_OP_MAP_ADD, 1);
      }
    }
    break;
  }
  case RT_N_IFEXP: {
    size_t els = rt_compile_jump_if(c, rt_node_kid(n, 0), false, CHAIN_END);
    rt_compile_expr(c, rt_node_kid(n, 1));
    size_t end = rt_compile_emit_jump(c, RT_OP_JUMP);
    rt_compile_patch_chain(c, els, here(c));
    adjust(c, -1);
    rt_compile_expr(c, rt_node_kid(n, 2));
    patch_here(c, end);
    break;
  }
  case RT_N_LAMBDA: make_function(c, n, rt_node_kid(n, 0), n, RT_QV(_lt_lambda_gt_)); break;
  case RT_N_COMP: compile_comprehension(c, n); break;
  case RT_N_STARRED: error_at(c, n, "can't use starred expression here");
  case RT_N_YIELD:
    if (n->kids[0])
      rt_compile_expr(c, rt_node_kid(n, 0));
    else
      emit0(c, RT_OP_LOAD_NONE);
    emit0(c, RT_OP_YIELD_VALUE);
    break;
  case RT_N_YIELD_FROM:
    rt_compile_expr(c, rt_node_kid(n, 0));
    emit0(c, RT_OP_GET_YIELD_FROM_ITER);
    emit0(c, RT_OP_LOAD_NONE);
    emit0(c, RT_OP_YIELD_FROM);
    break;
  case RT_N_AWAIT:
    rt_compile_expr(c, rt_node_kid(n, 0));
    emit_await(c);
    break;
  case RT_N_FSTRING: compile_fstring(c, n); break;
  case RT_N_NAMED:
    rt_compile_expr(c, rt_node_kid(n, 1));
    emit0(c, RT_OP_DUP_TOP);
    rt_compile_name(c, rt_node_kid(n, 0)->kids[0], CTX_STORE);
    break;
  default: error_at(c, n, "invalid syntax");
  }
  rt_c_leave();
}

// ---- assignment targets ----

// SyntaxError: [t] cannot be the target of [verb] ("assign to", "delete").
// [direct]: [t] is the whole target of '=', where CPython suggests '=='
// (except for None, True and False).
static __attribute__((noreturn)) void bad_target(compiler_t *c, const rt_node_t *t, const char *verb,
                                                 bool direct) {
  rt_val_t v = t->kind == RT_N_CONST ? t->kids[0] : RT_NULL;
  if (v == RT_NONE || v == RT_TRUE || v == RT_FALSE) direct = false;
  char msg[112];
  snprintf(msg, sizeof msg, "cannot %s %s%s", verb, rt_parse_node_desc(t),
           direct ? " here. Maybe you meant '==' instead of '='?" : "");
  error_at(c, t, msg);
}

// The whole target of '=' (checked here for CPython's '==' hint).
static bool assignable(const rt_node_t *t) {
  switch (t->kind) {
  case RT_N_NAME:
  case RT_N_ATTR:
  case RT_N_SUBSCR:
  case RT_N_TUPLE:
  case RT_N_LIST:
  case RT_N_STARRED: return true;
  default: return false;
  }
}

static void compile_unpack(compiler_t *c, rt_node_t *t) {
  size_t star = (size_t)-1;
  for (size_t i = 0; i < t->n; i++)
    if (rt_node_kid(t, i)->kind == RT_N_STARRED) {
      if (star != (size_t)-1) error_at(c, t, "multiple starred expressions in assignment");
      star = i;
    }
  if (star == (size_t)-1) {
    rt_compile_emit(c, RT_OP_UNPACK_SEQUENCE, t->n);
  } else {
    if (star > 255 || t->n - star - 1 > 255)
      error_at(c, t, "too many expressions in star-unpacking assignment");
    rt_compile_emit(c, RT_OP_UNPACK_EX, (unsigned)(star | ((t->n - star - 1) << 8)));
  }
  for (size_t i = 0; i < t->n; i++) {
    rt_node_t *e = rt_node_kid(t, i);
    compile_store(c, e->kind == RT_N_STARRED ? rt_node_kid(e, 0) : e);
  }
}

static void compile_store(compiler_t *c, rt_node_t *t) {
  switch (t->kind) {
  case RT_N_NAME: rt_compile_name(c, t->kids[0], CTX_STORE); break;
  case RT_N_ATTR:
    rt_compile_expr(c, rt_node_kid(t, 0));
    rt_compile_emit(c, RT_OP_STORE_ATTR, add_name(c, t->kids[1]));
    break;
  case RT_N_SUBSCR:
    rt_compile_expr(c, rt_node_kid(t, 0));
    rt_compile_expr(c, rt_node_kid(t, 1));
    emit0(c, RT_OP_STORE_SUBSCR);
    break;
  case RT_N_TUPLE:
  case RT_N_LIST: compile_unpack(c, t); break;
  case RT_N_STARRED: error_at(c, t, "starred assignment target must be in a list or tuple");
  default: bad_target(c, t, "assign to", false);
  }
}

static void compile_delete(compiler_t *c, rt_node_t *t) {
  switch (t->kind) {
  case RT_N_NAME: rt_compile_name(c, t->kids[0], CTX_DEL); break;
  case RT_N_ATTR:
    rt_compile_expr(c, rt_node_kid(t, 0));
    rt_compile_emit(c, RT_OP_DELETE_ATTR, add_name(c, t->kids[1]));
    break;
  case RT_N_SUBSCR:
    rt_compile_expr(c, rt_node_kid(t, 0));
    rt_compile_expr(c, rt_node_kid(t, 1));
    emit0(c, RT_OP_DELETE_SUBSCR);
    break;
  case RT_N_TUPLE:
  case RT_N_LIST:
    for (size_t i = 0; i < t->n; i++)
      compile_delete(c, rt_node_kid(t, i));
    break;
  default: bad_target(c, t, "delete", false);
  }
}

// ---- unwinding for return / break / continue ----

// Emits the exits of fblocks above index [stop] (exclusive), innermost
// first. [keep] values on top of the stack are preserved (a return value).
static void unwind(compiler_t *c, int stop, int keep, bool for_break_or_continue) {
  unit_t *u = c->u;
  (void)for_break_or_continue;
  for (int i = u->n_fb - 1; i > stop; i--) {
    fblock_t *f = &u->fb[i];
    switch (f->kind) {
    case FB_FOR:
      if (keep) emit0(c, RT_OP_ROT_TWO);
      emit0(c, RT_OP_POP_TOP);
      break;
    case FB_WHILE: break;
    case FB_TRY: emit0(c, RT_OP_POP_BLOCK); break;
    case FB_FINALLY: {
      emit0(c, RT_OP_POP_BLOCK);
      // Compile the finally body with the blocks from here up hidden.
      int saved = u->n_fb, saved_blocks = u->n_blocks;
      fblock_t copy[MAX_FBLOCKS];
      rt_memcpy(copy, u->fb, sizeof copy);
      u->n_fb = i;
      u->n_blocks = 0;
      for (int k = 0; k < i; k++)
        if (u->fb[k].kind >= FB_TRY) u->n_blocks++;
      rt_compile_stmts(c, f->fin);
      rt_memcpy(u->fb, copy, sizeof copy);
      u->n_fb = saved;
      u->n_blocks = saved_blocks;
      break;
    }
    case FB_HANDLER: rt_compile_emit(c, RT_OP_POP_EXCEPT, (unsigned)keep); break;
    case FB_WITH:
      emit0(c, RT_OP_POP_BLOCK);
      if (keep) emit0(c, RT_OP_ROT_TWO);
      emit0(c, RT_OP_WITH_EXIT);
      break;
    case FB_ASYNC_WITH:
      emit0(c, RT_OP_POP_BLOCK);
      if (keep) emit0(c, RT_OP_ROT_TWO);
      emit0(c, RT_OP_ASYNC_WITH_EXIT);
      emit_drive(c);
      emit0(c, RT_OP_POP_TOP);
      break;
    }
  }
}

// ---- statements ----

static void compile_stmt(compiler_t *c, rt_node_t *n);

void rt_compile_stmts(compiler_t *c, rt_node_t *seq) {
  if (!seq) return;
  for (size_t i = 0; i < seq->n; i++)
    compile_stmt(c, rt_node_kid(seq, i));
}

static void compile_try(compiler_t *c, rt_node_t *n) {
  rt_node_t *body = rt_node_kid(n, 0), *handlers = rt_node_kid(n, 1);
  rt_node_t *orelse = n->kids[2] ? rt_node_kid(n, 2) : NULL, *fin = n->kids[3] ? rt_node_kid(n, 3) : NULL;
  int depth0 = c->u->depth;
  size_t fin_setup = 0;
  if (fin) {
    fin_setup = rt_compile_emit_jump(c, RT_OP_SETUP_EXCEPT);
    push_fb(c, n, FB_FINALLY, 0, fin);
  }
  if (handlers->n) {
    size_t setup = rt_compile_emit_jump(c, RT_OP_SETUP_EXCEPT);
    push_fb(c, n, FB_TRY, 0, NULL);
    rt_compile_stmts(c, body);
    emit0(c, RT_OP_POP_BLOCK);
    pop_fb(c);
    rt_compile_stmts(c, orelse);
    size_t end_chain = rt_compile_emit_jump(c, RT_OP_JUMP);
    // Handler entry: the stack holds the previous exception and the new one.
    patch_here(c, setup);
    c->u->depth = depth0 + 2;
    if (c->u->depth > c->u->max_depth) c->u->max_depth = c->u->depth;
    push_fb(c, n, FB_HANDLER, 0, NULL);
    for (size_t i = 0; i < handlers->n; i++) {
      rt_node_t *h = rt_node_kid(handlers, i);
      rt_compile_set_line(c, (int)h->line);
      size_t next_h = CHAIN_END;
      if (h->kids[0]) {
        // The exception stays; the type is replaced by the match result.
        rt_compile_expr(c, rt_node_kid(h, 0));
        emit0(c, RT_OP_CHECK_EXC_MATCH);
        next_h = rt_compile_emit_jump(c, RT_OP_POP_JUMP_IF_FALSE);
      }
      if (h->kids[1])
        rt_compile_name(c, h->kids[1], CTX_STORE);
      else
        emit0(c, RT_OP_POP_TOP);
      rt_compile_stmts(c, rt_node_kid(h, 2));
      rt_compile_emit(c, RT_OP_POP_EXCEPT, 0);
      if (h->kids[1]) {
        emit0(c, RT_OP_LOAD_NONE);
        rt_compile_name(c, h->kids[1], CTX_STORE);
        rt_compile_name(c, h->kids[1], CTX_DEL);
      }
      size_t j = rt_compile_emit_jump(c, RT_OP_JUMP);
      patch_at(c, j, end_chain);
      end_chain = j;
      c->u->depth = depth0 + 2;
      if (next_h != CHAIN_END) patch_here(c, next_h);
    }
    emit0(c, RT_OP_RERAISE);
    pop_fb(c);
    rt_compile_patch_chain(c, end_chain, here(c));
    c->u->depth = depth0;
  } else {
    rt_compile_stmts(c, body);
  }
  if (fin) {
    emit0(c, RT_OP_POP_BLOCK);
    pop_fb(c);
    rt_compile_stmts(c, fin);
    size_t after = rt_compile_emit_jump(c, RT_OP_JUMP);
    patch_here(c, fin_setup);
    c->u->depth = depth0 + 2;
    if (c->u->depth > c->u->max_depth) c->u->max_depth = c->u->depth;
    push_fb(c, n, FB_HANDLER, 0, NULL);
    rt_compile_stmts(c, fin);
    emit0(c, RT_OP_RERAISE);
    pop_fb(c);
    patch_here(c, after);
    c->u->depth = depth0;
  }
}

static void compile_with(compiler_t *c, rt_node_t *n, size_t item) {
  rt_node_t *items = rt_node_kid(n, 0);
  rt_node_t *it = rt_node_kid(items, item);
  int depth0 = c->u->depth;
  bool async = n->op == 1;
  rt_compile_expr(c, rt_node_kid(it, 0));
  rt_compile_set_line(c, (int)it->line);
  size_t setup;
  if (async) {
    emit0(c, RT_OP_BEFORE_ASYNC_WITH);
    emit_drive(c);
    setup = rt_compile_emit_jump(c, RT_OP_SETUP_ASYNC_WITH);
  } else {
    setup = rt_compile_emit_jump(c, RT_OP_SETUP_WITH);
  }
  push_fb(c, n, async ? FB_ASYNC_WITH : FB_WITH, 0, NULL);
  if (it->kids[1])
    compile_store(c, rt_node_kid(it, 1));
  else
    emit0(c, RT_OP_POP_TOP);
  if (item + 1 < items->n)
    compile_with(c, n, item + 1);
  else
    rt_compile_stmts(c, rt_node_kid(n, 1));
  emit0(c, RT_OP_POP_BLOCK);
  pop_fb(c);
  if (async) {
    emit0(c, RT_OP_ASYNC_WITH_EXIT);
    emit_drive(c);
    emit0(c, RT_OP_POP_TOP);
  } else {
    emit0(c, RT_OP_WITH_EXIT);
  }
  size_t end = rt_compile_emit_jump(c, RT_OP_JUMP);
  // Handler: exit, previous exception, exception.
  patch_here(c, setup);
  c->u->depth = depth0 + 3;
  if (c->u->depth > c->u->max_depth) c->u->max_depth = c->u->depth;
  push_fb(c, n, FB_HANDLER, 0, NULL);
  if (async) {
    emit0(c, RT_OP_ASYNC_WITH_EXCEPT);
    emit_drive(c);
  } else {
    emit0(c, RT_OP_WITH_EXCEPT);
    adjust(c, 1);
  }
  size_t suppress = rt_compile_emit_jump(c, RT_OP_POP_JUMP_IF_TRUE);
  emit0(c, RT_OP_RERAISE);
  patch_here(c, suppress);
  c->u->depth = depth0 + 3;
  rt_compile_emit(c, RT_OP_POP_EXCEPT, 0);
  pop_fb(c);
  c->u->depth = depth0 + 1;
  emit0(c, RT_OP_POP_TOP);
  patch_here(c, end);
  c->u->depth = depth0;
}

static void compile_import(compiler_t *c, rt_node_t *n) {
  if (n->kind == RT_N_IMPORT) {
    for (size_t i = 0; i < n->n; i++) {
      rt_node_t *a = rt_node_kid(n, i);
      emit0(c, RT_OP_LOAD_NONE);
      rt_compile_emit(c, RT_OP_IMPORT_NAME, add_name(c, a->kids[0]));
      if (a->kids[1]) {
        rt_compile_name(c, a->kids[1], CTX_STORE);
      } else {
        size_t len;
        const char *t = rt_qstr_str(a->kids[0], &len);
        const char *dot = memchr(t, '.', len);
        rt_compile_name(c, dot ? rt_qstr_from(t, (size_t)(dot - t)) : a->kids[0], CTX_STORE);
      }
    }
    return;
  }
  if (n->kids[0] == RT_NULL || rt_small_get(n->kids[1]) != 0)
    error_at(c, n, "relative imports are not supported");
  size_t nn = n->n - 2;
  rt_val_t fromlist = rt_tuple_new(nn, NULL);
  for (size_t i = 0; i < nn; i++)
    rt_tuple_items(fromlist)[i] = rt_node_kid(n, i + 2)->kids[0];
  rt_compile_emit(c, RT_OP_LOAD_CONST, rt_compile_add_const(c, fromlist));
  rt_compile_emit(c, RT_OP_IMPORT_NAME, add_name(c, n->kids[0]));
  for (size_t i = 0; i < nn; i++) {
    rt_node_t *a = rt_node_kid(n, i + 2);
    size_t len;
    const char *t = rt_qstr_str(a->kids[0], &len);
    if (len == 1 && t[0] == '*') {
      emit0(c, RT_OP_IMPORT_STAR);
      return;
    }
    rt_compile_emit(c, RT_OP_IMPORT_FROM, add_name(c, a->kids[0]));
    rt_compile_name(c, a->kids[1] ? a->kids[1] : a->kids[0], CTX_STORE);
  }
  emit0(c, RT_OP_POP_TOP);
}

// async for: each step awaits __anext__() inside a try block whose
// handler (END_ASYNC_FOR) ends the loop on StopAsyncIteration.
static void compile_async_for(compiler_t *c, rt_node_t *n) {
  int depth0 = c->u->depth;
  rt_compile_expr(c, rt_node_kid(n, 1));
  emit0(c, RT_OP_GET_AITER);
  size_t top = here(c);
  push_fb(c, n, FB_FOR, top, NULL);
  size_t setup = rt_compile_emit_jump(c, RT_OP_SETUP_EXCEPT);
  push_fb(c, n, FB_TRY, 0, NULL);
  emit0(c, RT_OP_GET_ANEXT);
  emit_drive(c);
  emit0(c, RT_OP_POP_BLOCK);
  pop_fb(c);
  compile_store(c, rt_node_kid(n, 0));
  rt_compile_stmts(c, rt_node_kid(n, 2));
  rt_compile_set_line(c, (int)n->line);
  rt_compile_emit(c, RT_OP_JUMP, (unsigned)top);
  size_t breaks = c->u->fb[c->u->n_fb - 1].breaks;
  pop_fb(c);
  // Handler: iterator, previous exception, exception.
  patch_here(c, setup);
  c->u->depth = depth0 + 3;
  if (c->u->depth > c->u->max_depth) c->u->max_depth = c->u->depth;
  emit0(c, RT_OP_END_ASYNC_FOR);
  c->u->depth = depth0;
  if (n->kids[3]) rt_compile_stmts(c, rt_node_kid(n, 3));
  rt_compile_patch_chain(c, breaks, here(c));
}

static int find_loop(compiler_t *c) {
  for (int i = c->u->n_fb - 1; i >= 0; i--)
    if (c->u->fb[i].kind == FB_WHILE || c->u->fb[i].kind == FB_FOR) return i;
  return -1;
}

static void compile_class(compiler_t *c, rt_node_t *n) {
  scope_t *s = (scope_t *)n->kids[n->n - 1];
  rt_node_t *decs = rt_node_kid(n, 4);
  for (size_t i = 0; i < decs->n; i++)
    rt_compile_expr(c, rt_node_kid(decs, i));
  emit0(c, RT_OP_LOAD_BUILD_CLASS);
  unsigned flags = load_closure(c, s);
  rt_code_t *code = compile_scope(c, s, n->kids[0], rt_node_kid(n, 3), (int)n->line);
  rt_compile_emit(c, RT_OP_LOAD_CONST, rt_compile_add_const(c, rt_val(code)));
  rt_compile_emit(c, RT_OP_MAKE_FUNCTION, flags);
  rt_compile_load_const(c, n->kids[0]);
  rt_node_t *bases = rt_node_kid(n, 1), *kws = rt_node_kid(n, 2);
  if (has_starred(bases, 0)) error_at(c, n, "starred bases are not supported");
  for (size_t i = 0; i < bases->n; i++)
    rt_compile_expr(c, rt_node_kid(bases, i));
  if (kws->n) {
    rt_val_t names = rt_tuple_new(kws->n, NULL);
    for (size_t i = 0; i < kws->n; i++) {
      rt_node_t *k = rt_node_kid(kws, i);
      if (!k->kids[0]) error_at(c, n, "** in class bases is not supported");
      rt_tuple_items(names)[i] = k->kids[0];
      rt_compile_expr(c, rt_node_kid(k, 1));
    }
    rt_compile_emit(c, RT_OP_LOAD_CONST, rt_compile_add_const(c, names));
    rt_compile_emit(c, RT_OP_CALL_FUNCTION_KW, (unsigned)(2 + bases->n + kws->n));
  } else {
    rt_compile_emit(c, RT_OP_CALL_FUNCTION, (unsigned)(2 + bases->n));
  }
  for (size_t i = 0; i < decs->n; i++)
    rt_compile_emit(c, RT_OP_CALL_FUNCTION, 1);
  rt_compile_name(c, n->kids[0], CTX_STORE);
}

static void compile_stmt(compiler_t *c, rt_node_t *n) {
  rt_c_enter();
  rt_compile_set_line(c, (int)n->line);
  switch (n->kind) {
  case RT_N_SEQ: rt_compile_stmts(c, n); break;
  case RT_N_EXPR: {
    rt_node_t *e = rt_node_kid(n, 0);
    if (e->kind == RT_N_CONST && c->mode != RT_COMPILE_SINGLE) break; // docstrings and the like
    rt_compile_expr(c, e);
    if (c->mode == RT_COMPILE_SINGLE && c->u->parent == NULL)
      emit0(c, RT_OP_PRINT_EXPR);
    else
      emit0(c, RT_OP_POP_TOP);
    break;
  }
  case RT_N_ASSIGN: {
    rt_compile_expr(c, rt_node_kid(n, n->n - 1));
    for (size_t i = 0; i + 1 < n->n; i++) {
      if (i + 2 < n->n) emit0(c, RT_OP_DUP_TOP);
      if (!assignable(rt_node_kid(n, i))) bad_target(c, rt_node_kid(n, i), "assign to", true);
      compile_store(c, rt_node_kid(n, i));
    }
    break;
  }
  case RT_N_AUGASSIGN: {
    rt_node_t *t = rt_node_kid(n, 0);
    if (t->kind == RT_N_NAME) {
      rt_compile_name(c, t->kids[0], CTX_LOAD);
      rt_compile_expr(c, rt_node_kid(n, 1));
      rt_compile_emit(c, RT_OP_BINARY_OP, n->op);
      rt_compile_name(c, t->kids[0], CTX_STORE);
    } else if (t->kind == RT_N_ATTR) {
      rt_compile_expr(c, rt_node_kid(t, 0));
      emit0(c, RT_OP_DUP_TOP);
      rt_compile_emit(c, RT_OP_LOAD_ATTR, add_name(c, t->kids[1]));
      rt_compile_expr(c, rt_node_kid(n, 1));
      rt_compile_emit(c, RT_OP_BINARY_OP, n->op);
      emit0(c, RT_OP_ROT_TWO);
      rt_compile_emit(c, RT_OP_STORE_ATTR, add_name(c, t->kids[1]));
    } else {
      rt_compile_expr(c, rt_node_kid(t, 0));
      rt_compile_expr(c, rt_node_kid(t, 1));
      emit0(c, RT_OP_DUP_TOP_TWO);
      emit0(c, RT_OP_BINARY_SUBSCR);
      rt_compile_expr(c, rt_node_kid(n, 1));
      rt_compile_emit(c, RT_OP_BINARY_OP, n->op);
      emit0(c, RT_OP_ROT_THREE);
      emit0(c, RT_OP_STORE_SUBSCR);
    }
    break;
  }
  case RT_N_ANNASSIGN:
    if (n->kids[2]) {
      rt_compile_expr(c, rt_node_kid(n, 2));
      compile_store(c, rt_node_kid(n, 0));
    }
    break;
  case RT_N_IF: {
    size_t els = rt_compile_jump_if(c, rt_node_kid(n, 0), false, CHAIN_END);
    rt_compile_stmts(c, rt_node_kid(n, 1));
    if (n->kids[2]) {
      size_t end = rt_compile_emit_jump(c, RT_OP_JUMP);
      rt_compile_patch_chain(c, els, here(c));
      rt_compile_stmts(c, rt_node_kid(n, 2));
      patch_here(c, end);
    } else {
      rt_compile_patch_chain(c, els, here(c));
    }
    break;
  }
  case RT_N_WHILE: {
    size_t top = here(c);
    push_fb(c, n, FB_WHILE, top, NULL);
    size_t exit = CHAIN_END;
    rt_node_t *cond = rt_node_kid(n, 0);
    bool forever = cond->kind == RT_N_CONST && rt_obj_truthy(cond->kids[0]);
    if (!forever) exit = rt_compile_jump_if(c, cond, false, CHAIN_END);
    rt_compile_stmts(c, rt_node_kid(n, 1));
    rt_compile_set_line(c, (int)n->line);
    rt_compile_emit(c, RT_OP_JUMP, (unsigned)top);
    size_t breaks = c->u->fb[c->u->n_fb - 1].breaks;
    pop_fb(c);
    rt_compile_patch_chain(c, exit, here(c));
    if (n->kids[2]) rt_compile_stmts(c, rt_node_kid(n, 2));
    rt_compile_patch_chain(c, breaks, here(c));
    break;
  }
  case RT_N_FOR: {
    if (n->op == 1) {
      compile_async_for(c, n);
      break;
    }
    rt_compile_expr(c, rt_node_kid(n, 1));
    emit0(c, RT_OP_GET_ITER);
    size_t top = here(c);
    push_fb(c, n, FB_FOR, top, NULL);
    size_t exit = rt_compile_emit_jump(c, RT_OP_FOR_ITER);
    compile_store(c, rt_node_kid(n, 0));
    rt_compile_stmts(c, rt_node_kid(n, 2));
    rt_compile_set_line(c, (int)n->line);
    rt_compile_emit(c, RT_OP_JUMP, (unsigned)top);
    size_t breaks = c->u->fb[c->u->n_fb - 1].breaks;
    pop_fb(c);
    patch_here(c, exit);
    adjust(c, -1);
    if (n->kids[3]) rt_compile_stmts(c, rt_node_kid(n, 3));
    rt_compile_patch_chain(c, breaks, here(c));
    break;
  }
  case RT_N_BREAK:
  case RT_N_CONTINUE: {
    int loop = find_loop(c);
    if (loop < 0)
      error_at(c, n, n->kind == RT_N_BREAK ? "'break' outside loop" : "'continue' not properly in loop");
    int depth0 = c->u->depth;
    unwind(c, loop, 0, true);
    fblock_t *f = &c->u->fb[loop];
    if (n->kind == RT_N_CONTINUE) {
      rt_compile_emit(c, RT_OP_JUMP, (unsigned)f->cont);
    } else {
      if (f->kind == FB_FOR) emit0(c, RT_OP_POP_TOP);
      size_t site = rt_compile_emit_jump(c, RT_OP_JUMP);
      patch_at(c, site, f->breaks);
      f->breaks = (uint16_t)site;
    }
    c->u->depth = depth0;
    break;
  }
  case RT_N_PASS: break;
  case RT_N_RETURN: {
    if (c->u->scope->kind != SC_FUNC) error_at(c, n, "'return' outside function");
    if (n->kids[0] && (c->u->scope->code_flags & RT_CODE_ASYNC_GEN))
      error_at(c, n, "'return' with value in async generator");
    int depth0 = c->u->depth;
    if (n->kids[0])
      rt_compile_expr(c, rt_node_kid(n, 0));
    else
      emit0(c, RT_OP_LOAD_NONE);
    unwind(c, -1, 1, false);
    emit0(c, RT_OP_RETURN_VALUE);
    c->u->depth = depth0;
    break;
  }
  case RT_N_DEF: {
    rt_node_t *decs = rt_node_kid(n, 3);
    for (size_t i = 0; i < decs->n; i++)
      rt_compile_expr(c, rt_node_kid(decs, i));
    make_function(c, n, rt_node_kid(n, 1), rt_node_kid(n, 2), n->kids[0]);
    for (size_t i = 0; i < decs->n; i++)
      rt_compile_emit(c, RT_OP_CALL_FUNCTION, 1);
    rt_compile_name(c, n->kids[0], CTX_STORE);
    break;
  }
  case RT_N_CLASS: compile_class(c, n); break;
  case RT_N_TRY: compile_try(c, n); break;
  case RT_N_RAISE:
    if (n->kids[0]) rt_compile_expr(c, rt_node_kid(n, 0));
    if (n->kids[1]) rt_compile_expr(c, rt_node_kid(n, 1));
    rt_compile_emit(c, RT_OP_RAISE_VARARGS, n->kids[1] ? 2 : n->kids[0] ? 1 : 0);
    break;
  case RT_N_IMPORT:
  case RT_N_IMPORTFROM: compile_import(c, n); break;
  case RT_N_GLOBAL:
  case RT_N_NONLOCAL: break;
  case RT_N_DEL:
    for (size_t i = 0; i < n->n; i++)
      compile_delete(c, rt_node_kid(n, i));
    break;
  case RT_N_ASSERT: {
    size_t ok = rt_compile_jump_if(c, rt_node_kid(n, 0), true, CHAIN_END);
    emit0(c, RT_OP_LOAD_ASSERTION_ERROR);
    if (n->kids[1]) {
      rt_compile_expr(c, rt_node_kid(n, 1));
      rt_compile_emit(c, RT_OP_CALL_FUNCTION, 1);
    }
    rt_compile_emit(c, RT_OP_RAISE_VARARGS, 1);
    rt_compile_patch_chain(c, ok, here(c));
    break;
  }
  case RT_N_WITH: compile_with(c, n, 0); break;
  case RT_N_MATCH: rt_compile_match(c, n); break;
  default: error_at(c, n, "invalid syntax");
  }
  rt_c_leave();
}

// ---- finishing code objects ----

static void *copy_out(const void *src, size_t n, unsigned flags) {
  if (n == 0) return NULL;
  void *p = rt_gc_alloc(n, flags);
  rt_memcpy(p, src, n);
  return p;
}

static rt_code_t *unit_finish(compiler_t *c, unit_t *u, uint16_t flags) {
  scope_t *s = u->scope;
  rt_code_t *code = rt_gc_alloc(sizeof *code, 0);
  code->type = &rt_code_type;
  code->name = (unsigned short)rt_qstr_index(u->name);
  code->filename = (unsigned short)rt_qstr_index(c->p->lx.filename);
  code->flags = flags | s->code_flags;
  code->n_args = s->n_args;
  code->n_kwonly = s->n_kwonly;
  if (s->kind == SC_FUNC) code->n_posonly = rt_node_kid(s->node, s->node->kind == RT_N_LAMBDA ? 0 : 1)->op;
  code->n_locals = s->n_locals;
  code->n_cells = s->n_cells;
  code->n_free = s->n_free;
  code->stack_size = (unsigned short)(u->max_depth + 2);
  code->first_line = (unsigned short)(u->first_line > 0xffff ? 0xffff : u->first_line);
  code->code_len = (uint32_t)u->code.len;
  code->bytecode = copy_out(u->code.buf, u->code.len, RT_GC_LEAF);
  code->n_consts = (uint32_t)u->n_consts;
  code->consts = copy_out(u->consts, u->n_consts * sizeof(rt_val_t), 0);
  code->n_names = (uint32_t)u->n_names;
  code->names = copy_out(u->names, u->n_names * sizeof(rt_val_t), 0);
  code->lines_len = (uint32_t)u->lines.len;
  code->lines = copy_out(u->lines.buf, u->lines.len, RT_GC_LEAF);
  code->max_blocks = (unsigned short)u->max_blocks;
  size_t nslots = (size_t)s->n_locals + s->n_free;
  if (nslots) {
    code->local_names = rt_gc_alloc(nslots * sizeof(rt_val_t), 0);
    for (size_t i = 0; i < s->n; i++) {
      sym_t *y = &s->syms[i];
      if (rt_scope_is_local(s, y) || ((y->flags & S_FREE) && s->kind != SC_MODULE))
        code->local_names[y->slot] = y->name;
    }
  }
  if (s->n_cells) {
    code->cell_slots = rt_gc_alloc(s->n_cells * sizeof(unsigned short), RT_GC_LEAF);
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) {
      sym_t *y = &s->syms[i];
      if ((y->flags & S_CELL) && rt_scope_is_local(s, y)) code->cell_slots[k++] = y->slot;
    }
  }
  rt_vstr_free(&u->code);
  rt_vstr_free(&u->lines);
  rt_gc_free(u->consts);
  rt_gc_free(u->names);
  return code;
}

// The dotted path of class [name] made in scope [s]'s parent, as CPython's
// __qualname__: "Outer.Inner", "f.<locals>.C"; the name at module level.
static rt_val_t qualname(scope_t *s, rt_val_t name) {
  scope_t *p = s->parent;
  if (!p || p->kind == SC_MODULE) return name;
  rt_vstr_t v;
  rt_vstr_init_temp(&v, 32);
  for (;;) {
    size_t len;
    const char *t;
    if (p->kind == SC_CLASS || p->node->kind == RT_N_DEF) {
      t = rt_qstr_str(p->node->kids[0], &len);
    } else {
      t = p->node->kind == RT_N_LAMBDA ? "<lambda>" : "<genexpr>";
      len = strlen(t);
    }
    // Prepend "t." or "t.<locals>.".
    const char *mid = p->kind == SC_CLASS ? "." : ".<locals>.";
    size_t ml = strlen(mid);
    rt_vstr_t w;
    rt_vstr_init_temp(&w, v.len + len + ml);
    rt_vstr_add(&w, t, len);
    rt_vstr_add(&w, mid, ml);
    rt_vstr_add(&w, v.buf, v.len);
    rt_vstr_free(&v);
    v = w;
    p = p->parent;
    if (!p || p->kind == SC_MODULE) break;
  }
  size_t len;
  const char *t = rt_qstr_str(name, &len);
  rt_vstr_add(&v, t, len);
  rt_val_t r = rt_str_new(v.buf, v.len);
  rt_vstr_free(&v);
  return r;
}

static rt_code_t *compile_scope(compiler_t *c, scope_t *s, rt_val_t name, rt_node_t *body, int line) {
  unit_t *u = unit_new(c->u, s, name, line);
  c->u = u;
  uint16_t flags = 0;
  if (s->kind == SC_CLASS) {
    flags |= RT_CODE_CLASS;
    rt_compile_emit(c, RT_OP_LOAD_NAME, add_name(c, RT_QV(__name__)));
    rt_compile_emit(c, RT_OP_STORE_NAME, add_name(c, RT_QV(__module__)));
    rt_compile_load_const(c, qualname(s, name));
    rt_compile_emit(c, RT_OP_STORE_NAME, add_name(c, RT_QV(__qualname__)));
    rt_compile_stmts(c, body);
    sym_t *cls = rt_scope_find(s, RT_QV(__class__));
    if (cls && (cls->flags & S_CELL))
      rt_compile_emit(c, RT_OP_LOAD_CLOSURE, cls->slot);
    else
      emit0(c, RT_OP_LOAD_NONE);
    emit0(c, RT_OP_RETURN_VALUE);
  } else if (s->kind == SC_COMP) {
    if (body->op == RT_COMP_LIST) rt_compile_emit(c, RT_OP_BUILD_LIST, 0);
    if (body->op == RT_COMP_SET) rt_compile_emit(c, RT_OP_BUILD_SET, 0);
    if (body->op == RT_COMP_DICT) rt_compile_emit(c, RT_OP_BUILD_MAP, 0);
    comprehension_body(c, body, 2, 0);
    if (body->op == RT_COMP_GEN) emit0(c, RT_OP_LOAD_NONE);
    emit0(c, RT_OP_RETURN_VALUE);
  } else if (body->kind == RT_N_LAMBDA) {
    rt_compile_expr(c, rt_node_kid(body, 1));
    emit0(c, RT_OP_RETURN_VALUE);
  } else {
    rt_compile_stmts(c, body);
    emit0(c, RT_OP_LOAD_NONE);
    emit0(c, RT_OP_RETURN_VALUE);
  }
  rt_code_t *code = unit_finish(c, u, flags);
  c->u = u->parent;
  rt_gc_free(u);
  return code;
}

rt_code_t *rt_compile(rt_reader_t reader, rt_val_t filename, rt_compile_mode_t mode) {
  rt_parser_t p;
  compiler_t c;
  memset(&c, 0, sizeof c);
  c.p = &p;
  c.names = (mode & RT_COMPILE_NAMES) != 0;
  mode = (rt_compile_mode_t)(mode & ~RT_COMPILE_NAMES);
  c.mode = mode;
  rt_parse_init(&p, reader, filename);
  scope_t *ms = rt_scope_new(NULL, NULL, SC_MODULE);
  c.module_scope = ms;
  unit_t *u = unit_new(NULL, ms, RT_QV(_lt_module_gt_), 1);
  c.u = u;
  rt_node_t *n;
  if (mode == RT_COMPILE_EVAL) {
    n = rt_parse_next(&p);
    if (!n || n->kind != RT_N_EXPR || rt_parse_next(&p)) rt_parse_error_at(&p, n, "invalid syntax");
    rt_scope_scan(&p, ms, n);
    rt_scope_resolve(&p, ms);
    for (size_t i = 0; i < ms->n_kids; i++)
      rt_scope_assign_slots(ms->kids[i]);
    rt_compile_expr(&c, rt_node_kid(n, 0));
    emit0(&c, RT_OP_RETURN_VALUE);
    rt_code_t *code = unit_finish(&c, u, RT_CODE_MODULE);
    rt_gc_free(u);
    rt_parse_free(&p);
    return code;
  }
  while ((n = rt_parse_next(&p)) != NULL) {
    // Scope analysis of this statement, then code for it.
    ms->n_kids = 0;
    rt_scope_scan(&p, ms, n);
    rt_scope_resolve(&p, ms);
    for (size_t i = 0; i < ms->n_kids; i++)
      rt_scope_assign_slots(ms->kids[i]);
    compile_stmt(&c, n);
  }
  emit0(&c, RT_OP_LOAD_NONE);
  emit0(&c, RT_OP_RETURN_VALUE);
  rt_code_t *code = unit_finish(&c, u, RT_CODE_MODULE);
  rt_gc_free(u);
  rt_parse_free(&p);
  return code;
}

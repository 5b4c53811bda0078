// SPDX-License-Identifier: MIT
// compile_match.c: match statements to bytecode (the P* pattern nodes of
// parse.h; the parser's checks are in parse_match.c).
//
// The subject stays on the stack while the cases are tried. A pattern
// consumes the value on top of the stack: it falls through on a match
// (having bound its names) or jumps to its failure context. Failing jumps
// are grouped by how many values they leave above the context's base, and
// the context's exit pops those values before going on to the next case.
// Tests CPython has opcodes for (is it a sequence, a mapping, an instance
// with these attributes) call rt_type_match (obj_type_match.c), which returns
// the values to match further or None.
#include "compile_int.h"
#include "obj_tuple.h"
#include "obj_type.h"
#include "raise.h"
#include "vm.h"

#define MAX_FAIL_DEPTH 16

typedef struct {
  int base;                     // stack depth the exit restores
  int top;                      // highest level used, -1 if none
  size_t chain[MAX_FAIL_DEPTH]; // jumps that leave that many values
} fail_t;

static void fail_init(fail_t *f, int base) {
  f->base = base;
  f->top = -1;
}

// Emits jump [op] (POP_JUMP_IF_*) to the failure exit of [f].
static void fail_jump(compiler_t *c, fail_t *f, int op, const rt_node_t *at) {
  size_t site = rt_compile_emit_jump(c, op);
  int k = c->u->depth - f->base;
  if (k < 0 || k >= MAX_FAIL_DEPTH) error_at(c, at, "pattern too deeply nested");
  if (k > f->top) {
    for (int i = f->top + 1; i <= k; i++)
      f->chain[i] = CHAIN_END;
    f->top = k;
  }
  patch_at(c, site, f->chain[k]);
  f->chain[k] = site;
}

// The failure exit of [f]: pops what each jump left; ends at depth base.
static void fail_exit(compiler_t *c, fail_t *f) {
  if (f->top < 0) return;
  c->u->depth = f->base + f->top;
  for (int k = f->top; k > 0; k--) {
    rt_compile_patch_chain(c, f->chain[k], here(c));
    emit0(c, RT_OP_POP_TOP);
  }
  rt_compile_patch_chain(c, f->chain[0], here(c));
}

// Calls rt_type_match with the tuple of the subject and the [n] values
// above it (a kind, then its arguments); they become its result. Jumps to
// [f] when that is None.
static void match_call(compiler_t *c, fail_t *f, size_t n, const rt_node_t *at) {
  rt_compile_emit(c, RT_OP_BUILD_TUPLE, (unsigned)n + 1);
  rt_compile_emit(c, RT_OP_LOAD_CONST, rt_compile_add_const(c, rt_val(&rt_type_match_obj)));
  emit0(c, RT_OP_ROT_TWO);
  rt_compile_emit(c, RT_OP_CALL_FUNCTION, 1);
  emit0(c, RT_OP_DUP_TOP);
  emit0(c, RT_OP_LOAD_NONE);
  rt_compile_emit(c, RT_OP_IS_OP, 0);
  fail_jump(c, f, RT_OP_POP_JUMP_IF_TRUE, at);
}

static void compile_pattern(compiler_t *c, rt_node_t *x, fail_t *f);

// Matches the [n] values UNPACK_SEQUENCE left (first on top) against the
// patterns [pats] (kids of a node).
static void match_items(compiler_t *c, rt_val_t *pats, size_t n, fail_t *f) {
  rt_compile_emit(c, RT_OP_UNPACK_SEQUENCE, (unsigned)n);
  for (size_t i = 0; i < n; i++)
    compile_pattern(c, (rt_node_t *)pats[i], f);
}

static void compile_pattern(compiler_t *c, rt_node_t *x, fail_t *f) {
  rt_c_enter();
  switch (x->kind) {
  case RT_N_PCAPTURE:
  case RT_N_PSTAR:
    if (x->kids[0])
      rt_compile_name(c, x->kids[0], CTX_STORE);
    else
      emit0(c, RT_OP_POP_TOP);
    break;
  case RT_N_PVALUE:
    rt_compile_expr(c, rt_node_kid(x, 0));
    if (x->op)
      rt_compile_emit(c, RT_OP_IS_OP, 0);
    else
      rt_compile_emit(c, RT_OP_COMPARE_OP, RT_BINARY_EQ);
    fail_jump(c, f, RT_OP_POP_JUMP_IF_FALSE, x);
    break;
  case RT_N_PAS:
    emit0(c, RT_OP_DUP_TOP);
    compile_pattern(c, rt_node_kid(x, 0), f);
    rt_compile_name(c, x->kids[1], CTX_STORE);
    break;
  case RT_N_POR: {
    // Each alternative but the last tries a copy; its failure goes on to
    // the next alternative with the value still there.
    size_t done = CHAIN_END;
    for (size_t i = 0; i + 1 < x->n; i++) {
      fail_t g;
      fail_init(&g, c->u->depth);
      emit0(c, RT_OP_DUP_TOP);
      compile_pattern(c, rt_node_kid(x, i), &g);
      emit0(c, RT_OP_POP_TOP);
      size_t site = rt_compile_emit_jump(c, RT_OP_JUMP);
      patch_at(c, site, done);
      done = site;
      fail_exit(c, &g);
      c->u->depth = g.base;
    }
    compile_pattern(c, rt_node_kid(x, x->n - 1), f);
    rt_compile_patch_chain(c, done, here(c));
    break;
  }
  case RT_N_PSEQ: {
    size_t star = x->n;
    for (size_t i = 0; i < x->n; i++)
      if (rt_node_kid(x, i)->kind == RT_N_PSTAR) star = i;
    rt_compile_load_const(c, rt_small(0));
    rt_compile_load_const(c, rt_small((intptr_t)x->n));
    rt_compile_load_const(c, rt_small(star == x->n ? -1 : (intptr_t)star));
    match_call(c, f, 3, x);
    match_items(c, x->kids, x->n, f);
    break;
  }
  case RT_N_PMAP: {
    size_t nk = (x->n - x->op) / 2;
    rt_compile_load_const(c, rt_small(1));
    for (size_t i = 0; i < nk; i++)
      rt_compile_expr(c, rt_node_kid(x, 2 * i));
    rt_compile_emit(c, RT_OP_BUILD_TUPLE, (unsigned)nk);
    rt_compile_load_const(c, rt_bool(x->op));
    match_call(c, f, 3, x);
    rt_compile_emit(c, RT_OP_UNPACK_SEQUENCE, (unsigned)(nk + x->op));
    for (size_t i = 0; i < nk; i++)
      compile_pattern(c, rt_node_kid(x, 2 * i + 1), f);
    if (x->op) rt_compile_name(c, x->kids[x->n - 1], CTX_STORE);
    break;
  }
  case RT_N_PCLASS: {
    rt_node_t *pos = rt_node_kid(x, 1), *names = rt_node_kid(x, 2), *kw = rt_node_kid(x, 3);
    rt_compile_load_const(c, rt_small(2));
    rt_compile_expr(c, rt_node_kid(x, 0));
    rt_compile_load_const(c, rt_small((intptr_t)pos->n));
    rt_compile_load_const(c, rt_tuple_new(names->n, names->kids));
    match_call(c, f, 4, x);
    rt_compile_emit(c, RT_OP_UNPACK_SEQUENCE, (unsigned)(pos->n + kw->n));
    for (size_t i = 0; i < pos->n; i++)
      compile_pattern(c, rt_node_kid(pos, i), f);
    for (size_t i = 0; i < kw->n; i++)
      compile_pattern(c, rt_node_kid(kw, i), f);
    break;
  }
  default: error_at(c, x, "invalid syntax");
  }
  rt_c_leave();
}

void rt_compile_match(compiler_t *c, rt_node_t *n) {
  rt_compile_expr(c, rt_node_kid(n, 0));
  int depth = c->u->depth; // the subject is on top
  size_t end = CHAIN_END;
  for (size_t i = 1; i < n->n; i++) {
    rt_node_t *cs = rt_node_kid(n, i);
    rt_compile_set_line(c, (int)cs->line);
    fail_t f;
    fail_init(&f, depth);
    emit0(c, RT_OP_DUP_TOP);
    compile_pattern(c, rt_node_kid(cs, 0), &f);
    if (cs->kids[1]) {
      size_t no = rt_compile_jump_if(c, rt_node_kid(cs, 1), false, CHAIN_END);
      // Join the failure exit at the subject's depth.
      if (f.top < 0) {
        f.top = 0;
        f.chain[0] = CHAIN_END;
      }
      while (no != CHAIN_END) {
        size_t next = (uint8_t)c->u->code.buf[no] | ((size_t)(uint8_t)c->u->code.buf[no + 1] << 8);
        patch_at(c, no, f.chain[0]);
        f.chain[0] = no;
        no = next;
      }
    }
    emit0(c, RT_OP_POP_TOP);
    rt_compile_stmts(c, rt_node_kid(cs, 2));
    size_t site = rt_compile_emit_jump(c, RT_OP_JUMP);
    patch_at(c, site, end);
    end = site;
    fail_exit(c, &f);
    c->u->depth = depth;
  }
  emit0(c, RT_OP_POP_TOP);
  rt_compile_patch_chain(c, end, here(c));
}

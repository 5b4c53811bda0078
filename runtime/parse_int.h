// SPDX-License-Identifier: MIT
// parse_int.h: the parser's internals shared by its files: parse.c
// (expressions and statements) and parse_match.c (match statements and
// their patterns). Not for use outside the parser.
//
// Nodes are allocated as compiler temporaries (RT_GC_TEMP) and kept alive
// by the C stack until the caller drops the tree. Everything here may raise
// SyntaxError (or MemoryError when allocating).
#ifndef RT_PARSE_INT_H
#define RT_PARSE_INT_H

#include "parse.h"
#include "raise.h"

#define TOK (p->lx.tok)
// Keeps a function out of its callers: the frames on the recursion path
// of nested brackets must stay small (the ESP8266 has 8 KiB of C stack).
#define NOINLINE __attribute__((noinline))

// ---- node building (parse.c) ----

// A node of [kind] with [n] kids (not yet set) at [line], [col].
rt_node_t *rt_parse_node_new(rt_node_kind_t kind, int op, size_t n, int line, int col);
// A node with one or two kids at the position of [pos].
rt_node_t *rt_parse_node1(rt_node_kind_t kind, int op, const rt_node_t *pos, rt_val_t a);
rt_node_t *rt_parse_node2(rt_node_kind_t kind, int op, const rt_node_t *pos, rt_val_t a, rt_val_t b);

// A kid-less node at the current token (also used only for its position).
static inline rt_node_t *node0(rt_parser_t *p, rt_node_kind_t kind) {
  return rt_parse_node_new(kind, 0, 0, p->lx.tok_line, p->lx.tok_col);
}

// A growable list of kids (start it as {0}).
typedef struct {
  rt_val_t *items;
  size_t n, cap;
} vec_t;

void rt_parse_vec_push(vec_t *v, rt_val_t x);
// A node whose kids are [v]'s items plus [extra] unset ones; frees and
// empties [v].
rt_node_t *rt_parse_vec_node(vec_t *v, rt_node_kind_t kind, int op, int line, int col, size_t extra);

static inline rt_val_t V(const rt_node_t *n) {
  return rt_val(n);
}

// ---- errors and tokens (parse.c) ----

__attribute__((noreturn)) void rt_parse_error_here(rt_parser_t *p, const char *msg);
// SyntaxError (or IndentationError) at the current token.
__attribute__((noreturn)) void rt_parse_syntax(rt_parser_t *p);
// Consumes token [t] or raises.
void rt_parse_expect(rt_parser_t *p, rt_tok_t t);
// Consumes a NAME and returns its qstr, or raises.
rt_val_t rt_parse_expect_name(rt_parser_t *p);

static inline void next(rt_parser_t *p) {
  rt_lexer_next(&p->lx);
}

// Consumes token [t] if it is the current one.
static inline bool accept(rt_parser_t *p, rt_tok_t t) {
  if (TOK != t) return false;
  next(p);
  return true;
}

// Every level of expression or block nesting passes here: RecursionError
// when the C depth or the C stack the runtime allows is used up.
static inline void enter(rt_parser_t *p) {
  p->depth++;
  rt_c_enter();
}
static inline void leave(rt_parser_t *p) {
  p->depth--;
  rt_c_leave();
}

// ---- grammar (parse.c) ----

// A name or a literal (not a bracket display).
rt_node_t *rt_parse_plain_atom(rt_parser_t *p);
// An expression: lambda, x if c else y, or anything tighter.
rt_node_t *rt_parse_test(rt_parser_t *p);
// Expressions separated by commas (a TUPLE if there is a comma); starred
// items when [allow_star].
rt_node_t *rt_parse_testlist_star(rt_parser_t *p, bool allow_star);
// A suite after ':' of the header [what] on [line]. Returns a SEQ.
rt_node_t *rt_parse_block(rt_parser_t *p, const char *what, int line);
// IndentationError for a missing block after [what] (CPython's words,
// e.g. "'if' statement") whose header began on [line].
__attribute__((noreturn)) void rt_parse_expected_block(rt_parser_t *p, const char *what, int line);

// ---- match statements (parse_match.c) ----

// 'match' subject ':' cases; the current token is the name 'match' at
// [pos]. A line that turns out to call a function named match is
// returned as that expression statement.
rt_node_t *rt_parse_match(rt_parser_t *p, rt_node_t *pos);

#endif

// SPDX-License-Identifier: MIT
// parse.c: recursive-descent parser from tokens to rt_node_t trees.
//
// Every node lives in the GC heap and is kept alive by the C stack (the
// collector scans it conservatively) until the caller drops the tree.
//
// The C stack is the scarce resource (8 KiB on the ESP8266, shared with the
// VM): expressions are parsed by precedence climbing in binary(), so one
// level of bracket nesting costs three small frames (postfix -> a display
// -> binary) and a level of block nesting four (statement -> compound
// statement -> its own function -> block). Functions off that path are
// NOINLINE so that their locals do not swell the frames on it. Every level
// passes rt_c_enter(): nesting deeper than the runtime's C depth or C stack
// limit raises RecursionError.
//
// Match statements are parsed in parse_match.c; the helpers both files use
// are declared in parse_int.h.
#include <stdio.h>
#include <string.h>

#include "parse_int.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "obj_str.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

// ---- node building ----

rt_node_t *rt_parse_node_new(rt_node_kind_t kind, int op, size_t n, int line, int col) {
  if (n > 0xffff) rt_raise_msg(&rt_exc_SyntaxError, RT_MSG("too many items"));
  rt_node_t *x = rt_gc_alloc(sizeof(rt_node_t) + n * sizeof(rt_val_t), RT_GC_TEMP);
  x->kind = (uint8_t)kind;
  x->op = (uint8_t)op;
  x->n = (uint16_t)n;
  x->line = (uint32_t)line;
  x->col = (uint16_t)(col > 0xffff ? 0xffff : col);
  return x;
}

rt_node_t *rt_parse_node1(rt_node_kind_t kind, int op, const rt_node_t *pos, rt_val_t a) {
  rt_node_t *x = rt_parse_node_new(kind, op, 1, pos->line, pos->col);
  x->kids[0] = a;
  return x;
}

rt_node_t *rt_parse_node2(rt_node_kind_t kind, int op, const rt_node_t *pos, rt_val_t a, rt_val_t b) {
  rt_node_t *x = rt_parse_node_new(kind, op, 2, pos->line, pos->col);
  x->kids[0] = a;
  x->kids[1] = b;
  return x;
}

void rt_parse_vec_push(vec_t *v, rt_val_t x) {
  if (v->n == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 4;
    v->items = rt_gc_realloc_ex(v->items, v->cap * sizeof(rt_val_t), RT_GC_TEMP);
  }
  v->items[v->n++] = x;
}

rt_node_t *rt_parse_vec_node(vec_t *v, rt_node_kind_t kind, int op, int line, int col, size_t extra) {
  rt_node_t *x = rt_parse_node_new(kind, op, v->n + extra, line, col);
  if (v->n) rt_memcpy(x->kids, v->items, v->n * sizeof(rt_val_t));
  rt_gc_free(v->items);
  v->items = NULL;
  v->n = v->cap = 0;
  return x;
}

// ---- node descriptions ----

const char *rt_parse_node_desc(const rt_node_t *n) {
  switch (n->kind) {
  case RT_N_NAME: return "name";
  case RT_N_ATTR: return "attribute";
  case RT_N_SUBSCR: return "subscript";
  case RT_N_STARRED: return "starred";
  case RT_N_TUPLE: return "tuple";
  case RT_N_LIST: return "list";
  case RT_N_LAMBDA: return "lambda";
  case RT_N_CALL: return "function call";
  case RT_N_COMPARE: return "comparison";
  case RT_N_IFEXP: return "conditional expression";
  case RT_N_NAMED: return "named expression";
  case RT_N_DICT: return "dict literal";
  case RT_N_SET: return "set display";
  case RT_N_FSTRING: return "f-string expression";
  case RT_N_YIELD:
  case RT_N_YIELD_FROM: return "yield expression";
  case RT_N_AWAIT: return "await expression";
  case RT_N_COMP:
    return n->op == RT_COMP_LIST   ? "list comprehension"
           : n->op == RT_COMP_SET  ? "set comprehension"
           : n->op == RT_COMP_DICT ? "dict comprehension"
                                   : "generator expression";
  case RT_N_CONST: {
    rt_val_t v = n->kids[0];
    return v == RT_NONE                    ? "None"
           : v == RT_TRUE                  ? "True"
           : v == RT_FALSE                 ? "False"
           : v == rt_val(&rt_ellipsis_obj) ? "ellipsis"
                                           : "literal";
  }
  default: return "expression";
  }
}

// ---- errors and token helpers ----

void rt_parse_error_at(rt_parser_t *p, const rt_node_t *n, const char *msg) {
  rt_lexer_error_at(&rt_exc_SyntaxError, p->lx.filename, n ? (int)n->line : p->lx.tok_line,
                    n ? n->col : p->lx.tok_col, msg);
}

__attribute__((noreturn)) void rt_parse_error_here(rt_parser_t *p, const char *msg) {
  rt_lexer_error_at(&rt_exc_SyntaxError, p->lx.filename, p->lx.tok_line, p->lx.tok_col, msg);
}

__attribute__((noreturn)) void rt_parse_syntax(rt_parser_t *p) {
  if (TOK == RT_TOK_INDENT)
    rt_lexer_error_at(&rt_exc_IndentationError, p->lx.filename, p->lx.tok_line, p->lx.tok_col - 1,
                      "unexpected indent"); // CPython points at the last blank
  if (TOK == RT_TOK_END) rt_parse_error_here(p, "unexpected EOF while parsing");
  rt_parse_error_here(p, "invalid syntax");
}

void rt_parse_expect(rt_parser_t *p, rt_tok_t t) {
  if (TOK != t) {
    if (t == RT_TOK_COLON) rt_parse_error_here(p, "expected ':'");
    if (t == RT_TOK_INDENT)
      rt_lexer_error_at(&rt_exc_IndentationError, p->lx.filename, p->lx.tok_line, p->lx.tok_col,
                        "expected an indented block");
    rt_parse_syntax(p);
  }
  next(p);
}

rt_val_t rt_parse_expect_name(rt_parser_t *p) {
  if (TOK != RT_TOK_NAME) rt_parse_syntax(p);
  rt_val_t q = p->lx.value;
  next(p);
  return q;
}

// ---- expressions ----

// Precedence levels of the expression grammar, loosest first; binary()
// parses them all (precedence climbing).
enum {
  PREC_TEST,   // lambda, x if c else y
  PREC_OR,     // or
  PREC_AND,    // and
  PREC_NOT,    // not x
  PREC_CMP,    // < > == >= <= != in, not in, is, is not
  PREC_BITOR,  // |  (the grammar's "expr")
  PREC_XOR,    // ^
  PREC_BITAND, // &
  PREC_SHIFT,  // << >>
  PREC_ARITH,  // + -
  PREC_TERM,   // * / // % @
  PREC_UNARY,  // -x +x ~x (and the right operand of **)
};

static rt_node_t *binary(rt_parser_t *p, int min);
static inline rt_node_t *test(rt_parser_t *p) {
  return binary(p, PREC_TEST);
}
static inline rt_node_t *or_test(rt_parser_t *p) {
  return binary(p, PREC_OR);
}
static inline rt_node_t *expr(rt_parser_t *p) {
  return binary(p, PREC_BITOR);
}
rt_node_t *rt_parse_test(rt_parser_t *p) {
  return test(p);
}
static rt_node_t *parse_fstring(rt_parser_t *p, rt_val_t body, int line, int col);

// True if the token can start an expression.
static bool starts_expr(rt_tok_t t) {
  switch (t) {
  case RT_TOK_NAME:
  case RT_TOK_INT:
  case RT_TOK_FLOAT:
  case RT_TOK_STRING:
  case RT_TOK_BYTES:
  case RT_TOK_FSTRING:
  case RT_TOK_KW_FALSE:
  case RT_TOK_KW_NONE:
  case RT_TOK_KW_TRUE:
  case RT_TOK_KW_LAMBDA:
  case RT_TOK_KW_NOT:
  case RT_TOK_KW_AWAIT:
  case RT_TOK_LPAREN:
  case RT_TOK_LBRACKET:
  case RT_TOK_LBRACE:
  case RT_TOK_MINUS:
  case RT_TOK_PLUS:
  case RT_TOK_TILDE:
  case RT_TOK_ELLIPSIS:
  case RT_TOK_STAR: return true;
  default: return false;
  }
}

// '*' expr; the current token is '*'.
static rt_node_t *starred(rt_parser_t *p) {
  rt_node_t *sp = node0(p, RT_N_PASS);
  next(p);
  return rt_parse_node1(RT_N_STARRED, 0, sp, V(expr(p)));
}

// Whether a comprehension's 'for' (or 'async for') starts here.
#define AT_COMP_FOR (TOK == RT_TOK_KW_FOR || TOK == RT_TOK_KW_ASYNC)

// The targets of a 'for' (statement or comprehension) up to and including
// its 'in': a plain expression list, starred items allowed, as one node (a
// tuple when there is a comma). [pos] gives the tuple's position.
static rt_node_t *for_targets(rt_parser_t *p, const rt_node_t *pos) {
  vec_t t = {0};
  bool tuple = false;
  for (;;) {
    rt_parse_vec_push(&t, V(TOK == RT_TOK_STAR ? starred(p) : expr(p)));
    if (!accept(p, RT_TOK_COMMA)) break;
    tuple = true;
    if (TOK == RT_TOK_KW_IN) break;
  }
  rt_node_t *target =
      tuple ? rt_parse_vec_node(&t, RT_N_TUPLE, 0, pos->line, pos->col, 0) : (rt_node_t *)t.items[0];
  if (!tuple) rt_gc_free(t.items);
  rt_parse_expect(p, RT_TOK_KW_IN);
  return target;
}

// comp_for: ['async'] 'for' targets 'in' or_test ('if' or_test)* ... ;
// appends COMPFOR nodes (op 1 for 'async for').
static void comp_fors(rt_parser_t *p, vec_t *v) {
  while (AT_COMP_FOR) {
    rt_node_t *pos = node0(p, RT_N_PASS);
    bool async = TOK == RT_TOK_KW_ASYNC;
    if (async) {
      next(p);
      if (TOK != RT_TOK_KW_FOR) rt_parse_syntax(p);
    }
    next(p);
    rt_node_t *target = for_targets(p, pos);
    rt_node_t *iter = or_test(p);
    vec_t ifs = {0};
    while (TOK == RT_TOK_KW_IF) {
      next(p);
      rt_parse_vec_push(&ifs, V(or_test(p)));
    }
    rt_node_t *seq = rt_parse_vec_node(&ifs, RT_N_SEQ, 0, pos->line, pos->col, 0);
    rt_node_t *cf = rt_parse_node_new(RT_N_COMPFOR, async, 3, pos->line, pos->col);
    cf->kids[0] = V(target);
    cf->kids[1] = V(iter);
    cf->kids[2] = V(seq);
    rt_parse_vec_push(v, V(cf));
  }
}

// Builds a COMP node: kids elt, value, fors..., scope slot.
static rt_node_t *comprehension(rt_parser_t *p, int kind, rt_node_t *elt, rt_node_t *value,
                                const rt_node_t *pos) {
  vec_t v = {0};
  rt_parse_vec_push(&v, V(elt));
  rt_parse_vec_push(&v, value ? V(value) : RT_NULL);
  comp_fors(p, &v);
  return rt_parse_vec_node(&v, RT_N_COMP, kind, pos->line, pos->col, 1);
}

// A call's argument list after '('; returns the CALL node.
static NOINLINE rt_node_t *call_args(rt_parser_t *p, rt_node_t *func) {
  rt_node_t *bare_gen = NULL;
  vec_t args = {0}, kws = {0};
  while (TOK != RT_TOK_RPAREN) {
    rt_node_t *pos = node0(p, RT_N_PASS);
    if (accept(p, RT_TOK_STAR)) {
      for (size_t i = 0; i < kws.n; i++)
        if (((rt_node_t *)kws.items[i])->kids[0] == RT_NULL)
          rt_parse_error_at(p, pos, "iterable argument unpacking follows keyword argument unpacking");
      rt_parse_vec_push(&args, V(rt_parse_node1(RT_N_STARRED, 0, pos, V(test(p)))));
    } else if (accept(p, RT_TOK_DSTAR)) {
      rt_parse_vec_push(&kws, V(rt_parse_node2(RT_N_KEYWORD, 0, pos, RT_NULL, V(test(p)))));
    } else {
      rt_node_t *e = test(p);
      if (TOK == RT_TOK_ASSIGN) {
        if (e->kind != RT_N_NAME)
          rt_parse_error_at(p, e, "expression cannot contain assignment, perhaps you meant \"==\"?");
        next(p);
        rt_parse_vec_push(&kws, V(rt_parse_node2(RT_N_KEYWORD, 0, e, e->kids[0], V(test(p)))));
      } else if (TOK == RT_TOK_WALRUS && e->kind == RT_N_NAME) {
        next(p);
        rt_parse_vec_push(&args, V(rt_parse_node2(RT_N_NAMED, 0, e, V(e), V(test(p)))));
      } else if (AT_COMP_FOR) {
        rt_node_t *g = comprehension(p, RT_COMP_GEN, e, NULL, e);
        if (!bare_gen) bare_gen = g;
        rt_parse_vec_push(&args, V(g));
      } else {
        if (kws.n && !(e->kind == RT_N_STARRED))
          rt_parse_error_at(p, e, "positional argument follows keyword argument");
        rt_parse_vec_push(&args, V(e));
      }
    }
    if (!accept(p, RT_TOK_COMMA)) break;
  }
  // An unparenthesised generator expression must be the only argument.
  if (bare_gen && args.n + kws.n > 1)
    rt_parse_error_at(p, bare_gen, "Generator expression must be parenthesized");
  rt_parse_expect(p, RT_TOK_RPAREN);
  rt_node_t *a = rt_parse_vec_node(&args, RT_N_SEQ, 0, func->line, func->col, 0);
  rt_node_t *k = rt_parse_vec_node(&kws, RT_N_SEQ, 0, func->line, func->col, 0);
  rt_node_t *c = rt_parse_node_new(RT_N_CALL, 0, 3, func->line, func->col);
  c->kids[0] = V(func);
  c->kids[1] = V(a);
  c->kids[2] = V(k);
  return c;
}

// One subscript element: an expression or a slice.
static rt_node_t *subscript_item(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  rt_node_t *lo = NULL, *hi = NULL, *st = NULL;
  if (TOK != RT_TOK_COLON) {
    lo = test(p);
    if (TOK == RT_TOK_WALRUS && lo->kind == RT_N_NAME) {
      next(p);
      return rt_parse_node2(RT_N_NAMED, 0, lo, V(lo), V(test(p)));
    }
    if (TOK != RT_TOK_COLON) return lo;
  }
  next(p);
  if (TOK != RT_TOK_COLON && TOK != RT_TOK_RBRACKET && TOK != RT_TOK_COMMA) hi = test(p);
  if (accept(p, RT_TOK_COLON))
    if (TOK != RT_TOK_RBRACKET && TOK != RT_TOK_COMMA) st = test(p);
  rt_node_t *s = rt_parse_node_new(RT_N_SLICE, 0, 3, pos->line, pos->col);
  s->kids[0] = lo ? V(lo) : RT_NULL;
  s->kids[1] = hi ? V(hi) : RT_NULL;
  s->kids[2] = st ? V(st) : RT_NULL;
  return s;
}

// Adjacent string literals concatenate; any f-string makes an FSTRING.
static NOINLINE rt_node_t *strings(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  bool is_bytes = TOK == RT_TOK_BYTES;
  vec_t parts = {0};
  bool any_f = false;
  while (TOK == RT_TOK_STRING || TOK == RT_TOK_FSTRING || TOK == RT_TOK_BYTES) {
    if ((TOK == RT_TOK_BYTES) != is_bytes) rt_parse_error_here(p, "cannot mix bytes and nonbytes literals");
    if (TOK == RT_TOK_FSTRING) {
      any_f = true;
      rt_val_t body = p->lx.value;
      int line = p->lx.tok_line, col = p->lx.tok_col;
      next(p);
      rt_node_t *f = parse_fstring(p, body, line, col);
      for (size_t i = 0; i < f->n; i++)
        rt_parse_vec_push(&parts, f->kids[i]);
    } else {
      rt_parse_vec_push(&parts, V(rt_parse_node1(RT_N_CONST, 0, pos, p->lx.value)));
      next(p);
    }
  }
  if (!any_f) {
    // Plain strings: join the constants now.
    rt_val_t s = ((rt_node_t *)parts.items[0])->kids[0];
    for (size_t i = 1; i < parts.n; i++)
      s = rt_str_concat(s, ((rt_node_t *)parts.items[i])->kids[0]);
    rt_gc_free(parts.items);
    if (is_bytes) {
      size_t n;
      const char *d = rt_str_data(s, &n);
      s = rt_bytes_new(d, n);
    }
    return rt_parse_node1(RT_N_CONST, 0, pos, s);
  }
  return rt_parse_vec_node(&parts, RT_N_FSTRING, 0, pos->line, pos->col, 0);
}

// ---- atoms ----
//
// A bracket nesting level costs three C frames on the recursion path:
// postfix() -> a display function -> binary(). The displays are kept out
// of postfix() so that its frame stays small for the common plain atoms.

// '(' ... ')': a parenthesised expression, a tuple or a generator
// expression; the current token is '('.
static NOINLINE rt_node_t *paren_display(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  next(p);
  if (accept(p, RT_TOK_RPAREN)) return rt_parse_node_new(RT_N_TUPLE, 0, 0, pos->line, pos->col);
  if (TOK == RT_TOK_KW_YIELD) {
    rt_node_t *y = rt_parse_testlist_star(p, true);
    rt_parse_expect(p, RT_TOK_RPAREN);
    return y;
  }
  vec_t v = {0};
  bool tuple = false;
  for (;;) {
    rt_node_t *e;
    if (TOK == RT_TOK_STAR) {
      e = starred(p);
    } else {
      e = test(p);
      if (TOK == RT_TOK_WALRUS) {
        if (e->kind != RT_N_NAME)
          rt_parse_error_at(p, e, "cannot use assignment expressions with this expression");
        next(p);
        e = rt_parse_node2(RT_N_NAMED, 0, e, V(e), V(test(p)));
      }
    }
    if (v.n == 0 && AT_COMP_FOR) {
      rt_node_t *g = comprehension(p, RT_COMP_GEN, e, NULL, pos);
      rt_parse_expect(p, RT_TOK_RPAREN);
      return g;
    }
    rt_parse_vec_push(&v, V(e));
    if (!accept(p, RT_TOK_COMMA)) break;
    tuple = true;
    if (TOK == RT_TOK_RPAREN) break;
  }
  rt_parse_expect(p, RT_TOK_RPAREN);
  if (!tuple) {
    rt_node_t *e = (rt_node_t *)v.items[0];
    rt_gc_free(v.items);
    if (e->kind == RT_N_STARRED) rt_parse_error_at(p, e, "cannot use starred expression here");
    return e;
  }
  return rt_parse_vec_node(&v, RT_N_TUPLE, 0, pos->line, pos->col, 0);
}

// '[' ... ']': a list display or a list comprehension.
static NOINLINE rt_node_t *list_display(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  next(p);
  vec_t v = {0};
  while (TOK != RT_TOK_RBRACKET) {
    rt_node_t *e;
    if (TOK == RT_TOK_STAR) {
      e = starred(p);
    } else {
      e = test(p);
      if (TOK == RT_TOK_WALRUS && e->kind == RT_N_NAME) {
        next(p);
        e = rt_parse_node2(RT_N_NAMED, 0, e, V(e), V(test(p)));
      }
    }
    if (v.n == 0 && AT_COMP_FOR) {
      rt_node_t *c = comprehension(p, RT_COMP_LIST, e, NULL, pos);
      rt_parse_expect(p, RT_TOK_RBRACKET);
      return c;
    }
    rt_parse_vec_push(&v, V(e));
    if (!accept(p, RT_TOK_COMMA)) break;
  }
  rt_parse_expect(p, RT_TOK_RBRACKET);
  return rt_parse_vec_node(&v, RT_N_LIST, 0, pos->line, pos->col, 0);
}

// '{' ... '}': a dict or set display or comprehension.
static NOINLINE rt_node_t *brace_display(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  next(p);
  vec_t v = {0};
  int kind = -1; // 0 dict, 1 set
  while (TOK != RT_TOK_RBRACE) {
    if (TOK == RT_TOK_DSTAR) {
      if (kind == 1) rt_parse_syntax(p);
      kind = 0;
      next(p);
      rt_parse_vec_push(&v, RT_NULL);
      rt_parse_vec_push(&v, V(expr(p)));
    } else if (TOK == RT_TOK_STAR) {
      if (kind == 0) rt_parse_syntax(p);
      kind = 1;
      rt_parse_vec_push(&v, V(starred(p)));
    } else {
      rt_node_t *k = test(p);
      if (kind != 1 && accept(p, RT_TOK_COLON)) {
        kind = 0;
        rt_node_t *val = test(p);
        if (v.n == 0 && AT_COMP_FOR) {
          rt_node_t *c = comprehension(p, RT_COMP_DICT, k, val, pos);
          rt_parse_expect(p, RT_TOK_RBRACE);
          return c;
        }
        rt_parse_vec_push(&v, V(k));
        rt_parse_vec_push(&v, V(val));
      } else {
        if (kind == 0) rt_parse_syntax(p);
        kind = 1;
        if (v.n == 0 && AT_COMP_FOR) {
          rt_node_t *c = comprehension(p, RT_COMP_SET, k, NULL, pos);
          rt_parse_expect(p, RT_TOK_RBRACE);
          return c;
        }
        rt_parse_vec_push(&v, V(k));
      }
    }
    if (!accept(p, RT_TOK_COMMA)) break;
  }
  rt_parse_expect(p, RT_TOK_RBRACE);
  return rt_parse_vec_node(&v, kind == 1 ? RT_N_SET : RT_N_DICT, 0, pos->line, pos->col, 0);
}

// A name or a literal (not a bracket display).
NOINLINE rt_node_t *rt_parse_plain_atom(rt_parser_t *p) {
  rt_node_kind_t kind = RT_N_CONST;
  rt_val_t v;
  switch (TOK) {
  case RT_TOK_NAME:
    kind = RT_N_NAME;
    v = p->lx.value;
    break;
  case RT_TOK_INT:
  case RT_TOK_FLOAT: v = p->lx.value; break;
  case RT_TOK_STRING:
  case RT_TOK_BYTES:
  case RT_TOK_FSTRING: return strings(p);
  case RT_TOK_KW_NONE: v = RT_NONE; break;
  case RT_TOK_KW_TRUE: v = RT_TRUE; break;
  case RT_TOK_KW_FALSE: v = RT_FALSE; break;
  case RT_TOK_ELLIPSIS: v = rt_val(&rt_ellipsis_obj); break;
  default: rt_parse_syntax(p);
  }
  rt_node_t *x = rt_parse_node_new(kind, 0, 1, p->lx.tok_line, p->lx.tok_col);
  x->kids[0] = v;
  next(p);
  return x;
}

// Trailers after an atom: calls, subscripts, attributes; and 'await'.
static NOINLINE rt_node_t *subscription(rt_parser_t *p, rt_node_t *e) {
  next(p);
  rt_node_t *idx = subscript_item(p);
  if (TOK == RT_TOK_COMMA) {
    vec_t v = {0};
    rt_parse_vec_push(&v, V(idx));
    while (accept(p, RT_TOK_COMMA)) {
      if (TOK == RT_TOK_RBRACKET) break;
      rt_parse_vec_push(&v, V(subscript_item(p)));
    }
    idx = rt_parse_vec_node(&v, RT_N_TUPLE, 0, idx->line, idx->col, 0);
  }
  rt_parse_expect(p, RT_TOK_RBRACKET);
  return rt_parse_node2(RT_N_SUBSCR, 0, e, V(e), V(idx));
}

static rt_node_t *postfix(rt_parser_t *p) {
  rt_node_t *await_pos = NULL;
  if (TOK == RT_TOK_KW_AWAIT) {
    await_pos = node0(p, RT_N_PASS);
    next(p);
  }
  rt_node_t *e;
  switch (TOK) {
  case RT_TOK_LPAREN: e = paren_display(p); break;
  case RT_TOK_LBRACKET: e = list_display(p); break;
  case RT_TOK_LBRACE: e = brace_display(p); break;
  default: e = rt_parse_plain_atom(p); break;
  }
  for (;;) {
    if (TOK == RT_TOK_LPAREN) {
      next(p);
      e = call_args(p, e);
    } else if (TOK == RT_TOK_LBRACKET) {
      e = subscription(p, e);
    } else if (TOK == RT_TOK_DOT) {
      next(p);
      rt_val_t q = rt_parse_expect_name(p);
      e = rt_parse_node2(RT_N_ATTR, 0, e, V(e), q);
    } else {
      return await_pos ? rt_parse_node1(RT_N_AWAIT, 0, await_pos, V(e)) : e;
    }
  }
}

// ---- operators ----

// The operator after an operand: its precedence level and node op, or -1.
// 'not' here can only start 'not in'; 'if' a conditional expression.
static int infix_of(rt_tok_t t, int *op) {
  switch (t) {
  case RT_TOK_KW_IF: return PREC_TEST;
  case RT_TOK_KW_OR: *op = 1; return PREC_OR;
  case RT_TOK_KW_AND: *op = 0; return PREC_AND;
  case RT_TOK_LT:
  case RT_TOK_GT:
  case RT_TOK_EQ:
  case RT_TOK_LE:
  case RT_TOK_GE:
  case RT_TOK_NE:
  case RT_TOK_KW_IN:
  case RT_TOK_KW_NOT:
  case RT_TOK_KW_IS: return PREC_CMP;
  case RT_TOK_PIPE: *op = RT_BINARY_OR; return PREC_BITOR;
  case RT_TOK_CARET: *op = RT_BINARY_XOR; return PREC_XOR;
  case RT_TOK_AMP: *op = RT_BINARY_AND; return PREC_BITAND;
  case RT_TOK_LSHIFT: *op = RT_BINARY_LSHIFT; return PREC_SHIFT;
  case RT_TOK_RSHIFT: *op = RT_BINARY_RSHIFT; return PREC_SHIFT;
  case RT_TOK_PLUS: *op = RT_BINARY_ADD; return PREC_ARITH;
  case RT_TOK_MINUS: *op = RT_BINARY_SUB; return PREC_ARITH;
  case RT_TOK_STAR: *op = RT_BINARY_MUL; return PREC_TERM;
  case RT_TOK_SLASH: *op = RT_BINARY_TRUEDIV; return PREC_TERM;
  case RT_TOK_DSLASH: *op = RT_BINARY_FLOORDIV; return PREC_TERM;
  case RT_TOK_PERCENT: *op = RT_BINARY_MOD; return PREC_TERM;
  case RT_TOK_AT: *op = RT_BINARY_MATMUL; return PREC_TERM;
  default: return -1;
  }
}

static int comp_op(rt_parser_t *p) {
  switch (TOK) {
  case RT_TOK_LT: next(p); return RT_CMP_LT;
  case RT_TOK_GT: next(p); return RT_CMP_GT;
  case RT_TOK_EQ: next(p); return RT_CMP_EQ;
  case RT_TOK_LE: next(p); return RT_CMP_LE;
  case RT_TOK_GE: next(p); return RT_CMP_GE;
  case RT_TOK_NE: next(p); return RT_CMP_NE;
  case RT_TOK_KW_IN: next(p); return RT_CMP_IN;
  case RT_TOK_KW_NOT:
    next(p);
    rt_parse_expect(p, RT_TOK_KW_IN);
    return RT_CMP_NOT_IN;
  case RT_TOK_KW_IS: next(p); return accept(p, RT_TOK_KW_NOT) ? RT_CMP_IS_NOT : RT_CMP_IS;
  default: return -1;
  }
}

// A chain of comparisons after its first operand [e].
static NOINLINE rt_node_t *comparison(rt_parser_t *p, rt_node_t *e) {
  vec_t v = {0};
  rt_parse_vec_push(&v, V(e));
  for (int op; (op = comp_op(p)) >= 0;) {
    rt_parse_vec_push(&v, rt_small(op));
    rt_parse_vec_push(&v, V(expr(p)));
  }
  return rt_parse_vec_node(&v, RT_N_COMPARE, 0, e->line, e->col, 0);
}

// '[then] if cond else other' after [then].
static NOINLINE rt_node_t *conditional(rt_parser_t *p, rt_node_t *then) {
  next(p);
  rt_node_t *c = or_test(p);
  if (TOK != RT_TOK_KW_ELSE) rt_parse_error_at(p, then, "expected 'else' after 'if' expression");
  next(p);
  rt_node_t *o = test(p);
  rt_node_t *x = rt_parse_node_new(RT_N_IFEXP, 0, 3, then->line, then->col);
  x->kids[0] = V(c);
  x->kids[1] = V(then);
  x->kids[2] = V(o);
  return x;
}

static NOINLINE __attribute__((noreturn)) void duplicate_argument(rt_parser_t *p, rt_node_t *at,
                                                                  rt_val_t name) {
  char msg[96];
  size_t len;
  const char *s = rt_qstr_str(name, &len);
  snprintf(msg, sizeof msg, "duplicate argument '%.*s' in function definition", (int)(len > 40 ? 40 : len),
           s);
  rt_parse_error_at(p, at, msg);
}

// Parameter list up to [end] (')' for def, ':' for lambda).
static rt_node_t *parameters(rt_parser_t *p, rt_tok_t end, bool annotations) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  vec_t v = {0};
  int state = RT_ARG_POS; // after '*' parameters are keyword-only
  bool seen_default = false, seen_varkw = false;
  size_t posonly = 0;
  while (TOK != end) {
    if (seen_varkw) rt_parse_syntax(p);
    rt_node_t *ap = node0(p, RT_N_PASS);
    int kind;
    if (accept(p, RT_TOK_STAR)) {
      if (state != RT_ARG_POS) rt_parse_syntax(p);
      state = RT_ARG_KWONLY;
      if (TOK == RT_TOK_COMMA) {
        next(p);
        continue;
      }
      kind = RT_ARG_VARARGS;
    } else if (accept(p, RT_TOK_DSTAR)) {
      kind = RT_ARG_VARKW;
      seen_varkw = true;
    } else if (TOK == RT_TOK_SLASH) {
      // The parameters so far are positional-only (ARGS op counts them).
      if (v.n == 0) rt_parse_error_here(p, "at least one argument must precede /");
      if (posonly) rt_parse_error_here(p, "/ may appear only once");
      if (state != RT_ARG_POS) rt_parse_error_here(p, "/ must be ahead of *");
      next(p);
      posonly = v.n;
      if (!accept(p, RT_TOK_COMMA)) break;
      continue;
    } else {
      kind = state;
    }
    rt_val_t name = rt_parse_expect_name(p);
    if (annotations && accept(p, RT_TOK_COLON)) test(p);
    rt_val_t def = RT_NULL;
    if (kind != RT_ARG_VARARGS && kind != RT_ARG_VARKW && accept(p, RT_TOK_ASSIGN)) {
      def = V(test(p));
      if (kind == RT_ARG_POS) seen_default = true;
    } else if (kind == RT_ARG_POS && seen_default) {
      rt_parse_error_at(p, ap, "non-default argument follows default argument");
    }
    for (size_t i = 0; i < v.n; i++)
      if (((rt_node_t *)v.items[i])->kids[0] == name) duplicate_argument(p, ap, name);
    rt_node_t *a = rt_parse_node2(RT_N_ARG, kind, ap, name, def);
    rt_parse_vec_push(&v, V(a));
    if (!accept(p, RT_TOK_COMMA)) break;
  }
  if (posonly > 255) rt_parse_error_here(p, "too many positional-only parameters");
  return rt_parse_vec_node(&v, RT_N_ARGS, (int)posonly, pos->line, pos->col, 0);
}

static rt_node_t *lambdef(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  next(p);
  rt_node_t *args = parameters(p, RT_TOK_COLON, false);
  rt_parse_expect(p, RT_TOK_COLON);
  rt_node_t *body = test(p);
  rt_node_t *l = rt_parse_node_new(RT_N_LAMBDA, 0, 3, pos->line, pos->col);
  l->kids[0] = V(args);
  l->kids[1] = V(body);
  return l;
}

// A prefix operator [op] (0 -, 1 +, 2 ~, 3 not) applied to [o] at [pos].
static rt_node_t *unary(int op, rt_node_t *o, rt_node_t *pos) {
  // Fold "-literal" so that -5 and big negative literals are constants.
  if (op == 0 && o->kind == RT_N_CONST &&
      (rt_is_small(o->kids[0]) || rt_is_obj(o->kids[0], &rt_int_type) ||
       rt_is_obj(o->kids[0], &rt_float_type))) {
    o->kids[0] = rt_obj_unary(RT_UNARY_NEG, o->kids[0]);
    o->line = pos->line;
    o->col = pos->col;
    return o;
  }
  return rt_parse_node1(RT_N_UNARY, op, pos, V(o));
}

// Every expression level at or above [min] by precedence climbing: an
// operand (with its prefix operators and '**'), then infix operators of
// level >= [min], each right operand parsed one level tighter so that
// they associate to the left. One C frame per operand rather than one per
// grammar rule. Raises SyntaxError; RecursionError when nested too deep.
static rt_node_t *binary(rt_parser_t *p, int min) {
  enter(p);
  rt_node_t *e;
  int op = TOK == RT_TOK_MINUS ? 0 : TOK == RT_TOK_PLUS ? 1 : TOK == RT_TOK_TILDE ? 2 : -1;
  if (TOK == RT_TOK_KW_NOT && min <= PREC_NOT) op = 3;
  if (op >= 0) {
    rt_node_t *pos = node0(p, RT_N_PASS);
    next(p);
    e = unary(op, binary(p, op == 3 ? PREC_NOT : PREC_UNARY), pos);
  } else if (TOK == RT_TOK_KW_LAMBDA && min == PREC_TEST) {
    e = lambdef(p);
  } else {
    e = postfix(p);
    // '**' binds tighter than a prefix on its left, looser on its right.
    if (accept(p, RT_TOK_DSTAR))
      e = rt_parse_node2(RT_N_BINOP, RT_BINARY_POW, e, V(e), V(binary(p, PREC_UNARY)));
  }
  int level;
  while ((level = infix_of(TOK, &op)) >= min) {
    if (level == PREC_TEST) {
      e = conditional(p, e);
    } else if (level == PREC_CMP) {
      e = comparison(p, e);
    } else {
      next(p);
      rt_node_t *r = binary(p, level + 1);
      e = rt_parse_node2(level <= PREC_AND ? RT_N_BOOLOP : RT_N_BINOP, op, e, V(e), V(r));
    }
  }
  leave(p);
  return e;
}

// A comma-separated list of tests (or starred exprs) that becomes a tuple
// when it has a comma; also 'yield' expressions.
rt_node_t *rt_parse_testlist_star(rt_parser_t *p, bool allow_star) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  if (TOK == RT_TOK_KW_YIELD) {
    next(p);
    if (accept(p, RT_TOK_KW_FROM)) return rt_parse_node1(RT_N_YIELD_FROM, 0, pos, V(test(p)));
    if (!starts_expr(TOK)) return rt_parse_node1(RT_N_YIELD, 0, pos, RT_NULL);
    return rt_parse_node1(RT_N_YIELD, 0, pos, V(rt_parse_testlist_star(p, true)));
  }
  vec_t v = {0};
  bool tuple = false;
  for (;;) {
    rt_parse_vec_push(&v, V(TOK == RT_TOK_STAR && allow_star ? starred(p) : test(p)));
    if (TOK != RT_TOK_COMMA) break;
    next(p);
    tuple = true;
    if (!starts_expr(TOK)) break;
  }
  if (!tuple) {
    rt_node_t *e = (rt_node_t *)v.items[0];
    rt_gc_free(v.items);
    return e;
  }
  return rt_parse_vec_node(&v, RT_N_TUPLE, 0, pos->line, pos->col, 0);
}

// ---- f-strings ----

// Parses one expression from [n] bytes at [s] (an f-string field).
static rt_node_t *sub_expression(rt_parser_t *p, const char *s, size_t n, int line, int col) {
  // Blanks before the expression ("{ x }") are not indentation.
  while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) {
    s++;
    n--;
  }
  rt_parser_t sub;
  rt_mem_reader_t m;
  rt_reader_t r;
  rt_reader_mem(&r, &m, s, n);
  sub.depth = p->depth;
  rt_lexer_init(&sub.lx, r, p->lx.filename);
  if (sub.lx.tok == RT_TOK_END || sub.lx.tok == RT_TOK_NEWLINE)
    rt_lexer_error_at(&rt_exc_SyntaxError, p->lx.filename, line, col,
                      "f-string: empty expression not allowed");
  rt_node_t *e = rt_parse_testlist_star(&sub, true);
  if (sub.lx.tok != RT_TOK_END && sub.lx.tok != RT_TOK_NEWLINE)
    rt_lexer_error_at(&rt_exc_SyntaxError, p->lx.filename, line, col, "f-string: invalid syntax");
  rt_lexer_free(&sub.lx);
  return e;
}

// Parses f-string [body] (first byte 'r' or '-' for raw) into FSTRING.
static rt_node_t *fstring_parts(rt_parser_t *p, const char *s, size_t n, bool raw, int line, int col,
                                int depth) {
  vec_t parts = {0};
  rt_vstr_t lit;
  rt_vstr_init_temp(&lit, 16);
  size_t i = 0;
  rt_node_t pos = {0};
  pos.line = (uint32_t)line;
  pos.col = (uint16_t)col;
  while (i < n) {
    char c = s[i];
    if (c == '{' && i + 1 < n && s[i + 1] == '{') {
      rt_vstr_addc(&lit, '{');
      i += 2;
      continue;
    }
    if (c == '}') {
      if (i + 1 < n && s[i + 1] == '}') {
        rt_vstr_addc(&lit, '}');
        i += 2;
        continue;
      }
      rt_lexer_error_at(&rt_exc_SyntaxError, p->lx.filename, line, col,
                        "f-string: single '}' is not allowed");
    }
    if (c != '{') {
      size_t j = i;
      while (j < n && s[j] != '{' && s[j] != '}')
        j++;
      rt_lexer_unescape(&p->lx, s + i, j - i, raw, false, &lit);
      i = j;
      continue;
    }
    // A field: find its end, respecting brackets and quotes.
    size_t start = ++i, expr_end = 0;
    int nest = 0;
    char quote = 0;
    for (; i < n; i++) {
      char d = s[i];
      if (quote) {
        if (d == quote) quote = 0;
        continue;
      }
      if (d == '\'' || d == '"')
        quote = d;
      else if (d == '(' || d == '[' || d == '{')
        nest++;
      else if ((d == ')' || d == ']' || d == '}') && nest > 0)
        nest--;
      else if (nest == 0 && (d == '}' || d == ':' || (d == '!' && i + 1 < n && s[i + 1] != '=')))
        break;
    }
    if (i >= n) rt_lexer_error_at(&rt_exc_SyntaxError, p->lx.filename, line, col, "f-string: expecting '}'");
    expr_end = i;
    // "expr=" debugging form
    bool debug = false;
    size_t e2 = expr_end;
    while (e2 > start && s[e2 - 1] == ' ')
      e2--;
    if (e2 > start && s[e2 - 1] == '=' &&
        (e2 - start < 2 || (s[e2 - 2] != '=' && s[e2 - 2] != '!' && s[e2 - 2] != '<' && s[e2 - 2] != '>'))) {
      debug = true;
      rt_vstr_add(&lit, s + start, expr_end - start);
      e2--;
    } else {
      e2 = expr_end;
    }
    rt_node_t *e = sub_expression(p, s + start, e2 - start, line, col);
    int conv = debug ? 'r' : 0;
    if (s[i] == '!') {
      if (i + 1 >= n)
        rt_lexer_error_at(&rt_exc_SyntaxError, p->lx.filename, line, col, "f-string: expecting '}'");
      conv = s[i + 1];
      if (conv != 's' && conv != 'r' && conv != 'a')
        rt_lexer_error_at(&rt_exc_SyntaxError, p->lx.filename, line, col,
                          "f-string: invalid conversion character");
      i += 2;
    }
    rt_node_t *spec = NULL;
    if (i < n && s[i] == ':') {
      if (debug && conv == 'r') conv = 0;
      size_t ss = ++i;
      int nn = 0;
      for (; i < n; i++) {
        if (s[i] == '{')
          nn++;
        else if (s[i] == '}') {
          if (nn == 0) break;
          nn--;
        }
      }
      if (depth > 1)
        rt_lexer_error_at(&rt_exc_SyntaxError, p->lx.filename, line, col,
                          "f-string: expressions nested too deeply");
      spec = fstring_parts(p, s + ss, i - ss, raw, line, col, depth + 1);
    }
    if (i >= n || s[i] != '}')
      rt_lexer_error_at(&rt_exc_SyntaxError, p->lx.filename, line, col, "f-string: expecting '}'");
    i++;
    if (lit.len) {
      rt_parse_vec_push(&parts, V(rt_parse_node1(RT_N_CONST, 0, &pos, rt_str_new(lit.buf, lit.len))));
      lit.len = 0;
    }
    rt_node_t *f = rt_parse_node_new(RT_N_FORMATTED, 0, 3, line, col);
    f->kids[0] = V(e);
    f->kids[1] = rt_small(conv);
    f->kids[2] = spec ? V(spec) : RT_NULL;
    rt_parse_vec_push(&parts, V(f));
  }
  if (lit.len)
    rt_parse_vec_push(&parts, V(rt_parse_node1(RT_N_CONST, 0, &pos, rt_str_new(lit.buf, lit.len))));
  rt_vstr_free(&lit);
  return rt_parse_vec_node(&parts, RT_N_FSTRING, 0, line, col, 0);
}

static rt_node_t *parse_fstring(rt_parser_t *p, rt_val_t body, int line, int col) {
  size_t n;
  const char *s = rt_str_data(body, &n);
  return fstring_parts(p, s + 1, n - 1, s[0] == 'r', line, col, 0);
}

// ---- statements ----

static rt_node_t *statement(rt_parser_t *p);

// IndentationError for a missing block after [what] (CPython's words,
// e.g. "'if' statement") whose header began on [line].
NOINLINE __attribute__((noreturn)) void rt_parse_expected_block(rt_parser_t *p, const char *what, int line) {
  char msg[96];
  snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what, line);
  rt_lexer_error_at(&rt_exc_IndentationError, p->lx.filename, p->lx.tok_line, p->lx.tok_col, msg);
}

// A suite after ':' of the header [what] on [line]. Returns a SEQ.
rt_node_t *rt_parse_block(rt_parser_t *p, const char *what, int line) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  rt_parse_expect(p, RT_TOK_COLON);
  vec_t v = {0};
  if (TOK != RT_TOK_NEWLINE) {
    // simple statements on the same line
    rt_node_t *s = statement(p);
    if (s->kind == RT_N_SEQ) return s;
    rt_parse_vec_push(&v, V(s));
    return rt_parse_vec_node(&v, RT_N_SEQ, 0, pos->line, pos->col, 0);
  }
  next(p);
  if (TOK != RT_TOK_INDENT) rt_parse_expected_block(p, what, line);
  next(p);
  enter(p);
  while (TOK != RT_TOK_DEDENT && TOK != RT_TOK_END) {
    rt_node_t *s = statement(p);
    if (s->kind == RT_N_SEQ)
      for (size_t i = 0; i < s->n; i++)
        rt_parse_vec_push(&v, s->kids[i]);
    else
      rt_parse_vec_push(&v, V(s));
  }
  leave(p);
  accept(p, RT_TOK_DEDENT);
  return rt_parse_vec_node(&v, RT_N_SEQ, 0, pos->line, pos->col, 0);
}

// The current token is a keyword opening a clause ('else', 'finally'):
// its block, named [what] in errors.
static rt_node_t *keyword_block(rt_parser_t *p, const char *what) {
  int line = p->lx.tok_line;
  next(p);
  return rt_parse_block(p, what, line);
}

static rt_node_t *dotted_name(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  rt_vstr_t v;
  rt_vstr_init_temp(&v, 16);
  size_t n;
  const char *s = rt_qstr_str(rt_parse_expect_name(p), &n);
  rt_vstr_add(&v, s, n);
  while (accept(p, RT_TOK_DOT)) {
    rt_vstr_addc(&v, '.');
    s = rt_qstr_str(rt_parse_expect_name(p), &n);
    rt_vstr_add(&v, s, n);
  }
  rt_val_t q = rt_qstr_from(v.buf, v.len);
  rt_vstr_free(&v);
  return rt_parse_node1(RT_N_NAME, 0, pos, q);
}

static NOINLINE __attribute__((noreturn)) void illegal_augassign(rt_parser_t *p, const rt_node_t *e) {
  char msg[96];
  snprintf(msg, sizeof msg, "'%s' is an illegal expression for augmented assignment", rt_parse_node_desc(e));
  rt_parse_error_at(p, e, msg);
}

static rt_node_t *small_statement(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  switch (TOK) {
  case RT_TOK_KW_PASS: next(p); return rt_parse_node_new(RT_N_PASS, 0, 0, pos->line, pos->col);
  case RT_TOK_KW_BREAK: next(p); return rt_parse_node_new(RT_N_BREAK, 0, 0, pos->line, pos->col);
  case RT_TOK_KW_CONTINUE: next(p); return rt_parse_node_new(RT_N_CONTINUE, 0, 0, pos->line, pos->col);
  case RT_TOK_KW_RETURN:
    next(p);
    return rt_parse_node1(RT_N_RETURN, 0, pos,
                          starts_expr(TOK) ? V(rt_parse_testlist_star(p, true)) : RT_NULL);
  case RT_TOK_KW_RAISE: {
    next(p);
    rt_val_t e = RT_NULL, c = RT_NULL;
    if (starts_expr(TOK)) {
      e = V(test(p));
      if (accept(p, RT_TOK_KW_FROM)) c = V(test(p));
    }
    return rt_parse_node2(RT_N_RAISE, 0, pos, e, c);
  }
  case RT_TOK_KW_GLOBAL:
  case RT_TOK_KW_NONLOCAL: {
    rt_node_kind_t k = TOK == RT_TOK_KW_GLOBAL ? RT_N_GLOBAL : RT_N_NONLOCAL;
    next(p);
    vec_t v = {0};
    do
      rt_parse_vec_push(&v, rt_parse_expect_name(p));
    while (accept(p, RT_TOK_COMMA));
    return rt_parse_vec_node(&v, k, 0, pos->line, pos->col, 0);
  }
  case RT_TOK_KW_DEL: {
    next(p);
    vec_t v = {0};
    do {
      rt_parse_vec_push(&v, V(expr(p)));
    } while (accept(p, RT_TOK_COMMA) && starts_expr(TOK));
    return rt_parse_vec_node(&v, RT_N_DEL, 0, pos->line, pos->col, 0);
  }
  case RT_TOK_KW_ASSERT: {
    next(p);
    rt_node_t *t = test(p);
    rt_val_t m = accept(p, RT_TOK_COMMA) ? V(test(p)) : RT_NULL;
    return rt_parse_node2(RT_N_ASSERT, 0, pos, V(t), m);
  }
  case RT_TOK_KW_IMPORT: {
    next(p);
    vec_t v = {0};
    do {
      rt_node_t *d = dotted_name(p);
      rt_val_t as = accept(p, RT_TOK_KW_AS) ? rt_parse_expect_name(p) : RT_NULL;
      rt_parse_vec_push(&v, V(rt_parse_node2(RT_N_ALIAS, 0, d, d->kids[0], as)));
    } while (accept(p, RT_TOK_COMMA));
    return rt_parse_vec_node(&v, RT_N_IMPORT, 0, pos->line, pos->col, 0);
  }
  case RT_TOK_KW_FROM: {
    next(p);
    int level = 0;
    while (TOK == RT_TOK_DOT || TOK == RT_TOK_ELLIPSIS) {
      level += TOK == RT_TOK_DOT ? 1 : 3;
      next(p);
    }
    rt_val_t mod = RT_NULL;
    if (TOK != RT_TOK_KW_IMPORT) mod = dotted_name(p)->kids[0];
    rt_parse_expect(p, RT_TOK_KW_IMPORT);
    vec_t v = {0};
    rt_parse_vec_push(&v, mod);
    rt_parse_vec_push(&v, rt_small(level));
    if (accept(p, RT_TOK_STAR)) {
      rt_parse_vec_push(&v, V(rt_parse_node2(RT_N_ALIAS, 0, pos, rt_qstr_from("*", 1), RT_NULL)));
    } else {
      bool paren = accept(p, RT_TOK_LPAREN);
      do {
        if (paren && TOK == RT_TOK_RPAREN) break;
        rt_node_t *np = node0(p, RT_N_PASS);
        rt_val_t name = rt_parse_expect_name(p);
        rt_val_t as = accept(p, RT_TOK_KW_AS) ? rt_parse_expect_name(p) : RT_NULL;
        rt_parse_vec_push(&v, V(rt_parse_node2(RT_N_ALIAS, 0, np, name, as)));
      } while (accept(p, RT_TOK_COMMA));
      if (paren) rt_parse_expect(p, RT_TOK_RPAREN);
    }
    return rt_parse_vec_node(&v, RT_N_IMPORTFROM, 0, pos->line, pos->col, 0);
  }
  default: break;
  }
  // Expression statement, assignment or augmented assignment.
  rt_node_t *e = rt_parse_testlist_star(p, true);
  rt_binary_op_t aug;
  switch (TOK) {
  case RT_TOK_PLUS_EQ: aug = RT_BINARY_INPLACE_ADD; break;
  case RT_TOK_MINUS_EQ: aug = RT_BINARY_INPLACE_SUB; break;
  case RT_TOK_STAR_EQ: aug = RT_BINARY_INPLACE_MUL; break;
  case RT_TOK_SLASH_EQ: aug = RT_BINARY_INPLACE_TRUEDIV; break;
  case RT_TOK_DSLASH_EQ: aug = RT_BINARY_INPLACE_FLOORDIV; break;
  case RT_TOK_PERCENT_EQ: aug = RT_BINARY_INPLACE_MOD; break;
  case RT_TOK_DSTAR_EQ: aug = RT_BINARY_INPLACE_POW; break;
  case RT_TOK_LSHIFT_EQ: aug = RT_BINARY_INPLACE_LSHIFT; break;
  case RT_TOK_RSHIFT_EQ: aug = RT_BINARY_INPLACE_RSHIFT; break;
  case RT_TOK_AMP_EQ: aug = RT_BINARY_INPLACE_AND; break;
  case RT_TOK_PIPE_EQ: aug = RT_BINARY_INPLACE_OR; break;
  case RT_TOK_CARET_EQ: aug = RT_BINARY_INPLACE_XOR; break;
  case RT_TOK_AT_EQ: aug = RT_BINARY_INPLACE_MATMUL; break;
  case RT_TOK_COLON: {
    // annotated assignment
    next(p);
    rt_node_t *ann = test(p);
    rt_val_t val = accept(p, RT_TOK_ASSIGN) ? V(rt_parse_testlist_star(p, true)) : RT_NULL;
    rt_node_t *a = rt_parse_node_new(RT_N_ANNASSIGN, 0, 3, e->line, e->col);
    a->kids[0] = V(e);
    a->kids[1] = V(ann);
    a->kids[2] = val;
    return a;
  }
  case RT_TOK_ASSIGN: {
    vec_t v = {0};
    rt_parse_vec_push(&v, V(e));
    while (accept(p, RT_TOK_ASSIGN))
      rt_parse_vec_push(&v, V(rt_parse_testlist_star(p, true)));
    return rt_parse_vec_node(&v, RT_N_ASSIGN, 0, e->line, e->col, 0);
  }
  default: return rt_parse_node1(RT_N_EXPR, 0, e, V(e));
  }
  next(p);
  if (e->kind != RT_N_NAME && e->kind != RT_N_ATTR && e->kind != RT_N_SUBSCR) illegal_augassign(p, e);
  rt_node_t *val = rt_parse_testlist_star(p, false);
  return rt_parse_node2(RT_N_AUGASSIGN, aug, e, V(e), V(val));
}

// simple_stmt: small (';' small)* NEWLINE; returns one node or a SEQ.
static rt_node_t *simple_statement(rt_parser_t *p) {
  rt_node_t *s = small_statement(p);
  if (TOK != RT_TOK_SEMI) {
    if (TOK != RT_TOK_NEWLINE && TOK != RT_TOK_END) {
      // Python 2's print statement gets CPython's hint.
      if (s->kind == RT_N_EXPR && rt_node_kid(s, 0)->kind == RT_N_NAME &&
          rt_node_kid(s, 0)->kids[0] == RT_QV(print) && starts_expr(TOK))
        rt_parse_error_at(p, s, "Missing parentheses in call to 'print'. Did you mean print(...)?");
      rt_parse_syntax(p);
    }
    accept(p, RT_TOK_NEWLINE);
    return s;
  }
  vec_t v = {0};
  rt_parse_vec_push(&v, V(s));
  while (accept(p, RT_TOK_SEMI)) {
    if (TOK == RT_TOK_NEWLINE || TOK == RT_TOK_END) break;
    rt_parse_vec_push(&v, V(small_statement(p)));
  }
  if (TOK != RT_TOK_NEWLINE && TOK != RT_TOK_END) rt_parse_syntax(p);
  accept(p, RT_TOK_NEWLINE);
  return rt_parse_vec_node(&v, RT_N_SEQ, 0, s->line, s->col, 0);
}

static rt_node_t *if_statement(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  const char *what = TOK == RT_TOK_KW_ELIF ? "'elif' statement" : "'if' statement";
  next(p); // 'if' or 'elif'
  rt_node_t *c = test(p);
  if (TOK == RT_TOK_WALRUS && c->kind == RT_N_NAME) {
    next(p);
    c = rt_parse_node2(RT_N_NAMED, 0, c, V(c), V(test(p)));
  }
  rt_node_t *body = rt_parse_block(p, what, (int)pos->line);
  rt_val_t orelse = RT_NULL;
  if (TOK == RT_TOK_KW_ELIF) {
    rt_node_t *e = if_statement(p);
    rt_node_t *seq = rt_parse_node_new(RT_N_SEQ, 0, 1, e->line, e->col);
    seq->kids[0] = V(e);
    orelse = V(seq);
  } else if (TOK == RT_TOK_KW_ELSE) {
    orelse = V(keyword_block(p, "'else' statement"));
  }
  rt_node_t *x = rt_parse_node_new(RT_N_IF, 0, 3, pos->line, pos->col);
  x->kids[0] = V(c);
  x->kids[1] = V(body);
  x->kids[2] = orelse;
  return x;
}

static rt_node_t *funcdef(rt_parser_t *p, rt_node_t *decorators) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  next(p);
  rt_val_t name = rt_parse_expect_name(p);
  rt_parse_expect(p, RT_TOK_LPAREN);
  rt_node_t *args = parameters(p, RT_TOK_RPAREN, true);
  rt_parse_expect(p, RT_TOK_RPAREN);
  if (accept(p, RT_TOK_ARROW)) test(p);
  rt_node_t *body = rt_parse_block(p, "function definition", (int)pos->line);
  rt_node_t *d = rt_parse_node_new(RT_N_DEF, 0, 5, pos->line, pos->col);
  d->kids[0] = name;
  d->kids[1] = V(args);
  d->kids[2] = V(body);
  d->kids[3] = V(decorators);
  return d;
}

static rt_node_t *classdef(rt_parser_t *p, rt_node_t *decorators) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  next(p);
  rt_val_t name = rt_parse_expect_name(p);
  rt_node_t *bases, *kws;
  if (accept(p, RT_TOK_LPAREN)) {
    rt_node_t *c = call_args(p, pos);
    bases = rt_node_kid(c, 1);
    kws = rt_node_kid(c, 2);
  } else {
    bases = rt_parse_node_new(RT_N_SEQ, 0, 0, pos->line, pos->col);
    kws = bases;
  }
  rt_node_t *body = rt_parse_block(p, "class definition", (int)pos->line);
  rt_node_t *c = rt_parse_node_new(RT_N_CLASS, 0, 6, pos->line, pos->col);
  c->kids[0] = name;
  c->kids[1] = V(bases);
  c->kids[2] = V(kws);
  c->kids[3] = V(body);
  c->kids[4] = V(decorators);
  return c;
}

// Each compound statement has its own function, kept out of the
// dispatcher below so that its frame, which every level of block nesting
// adds to the C stack, stays small.
// while cond: ... [else: ...]; the current token is 'while'.
static NOINLINE rt_node_t *while_statement(rt_parser_t *p, rt_node_t *pos) {
  next(p);
  rt_node_t *c = test(p);
  if (TOK == RT_TOK_WALRUS && c->kind == RT_N_NAME) {
    next(p);
    c = rt_parse_node2(RT_N_NAMED, 0, c, V(c), V(test(p)));
  }
  rt_node_t *body = rt_parse_block(p, "'while' statement", (int)pos->line);
  rt_val_t orelse = TOK == RT_TOK_KW_ELSE ? V(keyword_block(p, "'else' statement")) : RT_NULL;
  rt_node_t *w = rt_parse_node_new(RT_N_WHILE, 0, 3, pos->line, pos->col);
  w->kids[0] = V(c);
  w->kids[1] = V(body);
  w->kids[2] = orelse;
  return w;
}

// for targets in iterable: ... [else: ...]; the current token is 'for'.
static NOINLINE rt_node_t *for_statement(rt_parser_t *p, rt_node_t *pos) {
  next(p);
  rt_node_t *target = for_targets(p, pos);
  rt_node_t *iter = rt_parse_testlist_star(p, true);
  rt_node_t *body = rt_parse_block(p, "'for' statement", (int)pos->line);
  rt_val_t orelse = TOK == RT_TOK_KW_ELSE ? V(keyword_block(p, "'else' statement")) : RT_NULL;
  rt_node_t *f = rt_parse_node_new(RT_N_FOR, 0, 4, pos->line, pos->col);
  f->kids[0] = V(target);
  f->kids[1] = V(iter);
  f->kids[2] = V(body);
  f->kids[3] = orelse;
  return f;
}

// try/except/else/finally; the current token is 'try'.
static NOINLINE rt_node_t *try_statement(rt_parser_t *p, rt_node_t *pos) {
  next(p);
  rt_node_t *body = rt_parse_block(p, "'try' statement", (int)pos->line);
  vec_t h = {0};
  while (TOK == RT_TOK_KW_EXCEPT) {
    rt_node_t *hp = node0(p, RT_N_PASS);
    next(p);
    rt_val_t type = RT_NULL, name = RT_NULL;
    if (TOK != RT_TOK_COLON) {
      type = V(test(p));
      if (TOK == RT_TOK_COMMA) {
        // except (A, B) written without parentheses is an error in Python 3
        rt_parse_error_here(p, "multiple exception types must be parenthesized");
      }
      if (accept(p, RT_TOK_KW_AS)) name = rt_parse_expect_name(p);
    }
    rt_node_t *hb = rt_parse_block(p, "'except' statement", (int)hp->line);
    rt_node_t *hn = rt_parse_node_new(RT_N_HANDLER, 0, 3, hp->line, hp->col);
    hn->kids[0] = type;
    hn->kids[1] = name;
    hn->kids[2] = V(hb);
    if (h.n && ((rt_node_t *)h.items[h.n - 1])->kids[0] == RT_NULL)
      rt_parse_error_at(p, hn, "default 'except:' must be last");
    rt_parse_vec_push(&h, V(hn));
  }
  rt_val_t orelse = RT_NULL, fin = RT_NULL;
  if (h.n && TOK == RT_TOK_KW_ELSE) orelse = V(keyword_block(p, "'else' statement"));
  if (TOK == RT_TOK_KW_FINALLY) fin = V(keyword_block(p, "'finally' statement"));
  if (!h.n && !fin) rt_parse_error_here(p, "expected 'except' or 'finally' block");
  rt_node_t *handlers = rt_parse_vec_node(&h, RT_N_SEQ, 0, pos->line, pos->col, 0);
  rt_node_t *t = rt_parse_node_new(RT_N_TRY, 0, 4, pos->line, pos->col);
  t->kids[0] = V(body);
  t->kids[1] = V(handlers);
  t->kids[2] = orelse;
  t->kids[3] = fin;
  return t;
}

// with item [as target], ...: ...; the current token is 'with'.
static NOINLINE rt_node_t *with_statement(rt_parser_t *p, rt_node_t *pos) {
  next(p);
  vec_t items = {0};
  // "with (a as x, b as y):" groups the items in brackets (as does
  // "with (a, b):"); a parenthesised expression followed by more than ':'
  // is not taken apart.
  bool paren = accept(p, RT_TOK_LPAREN);
  do {
    if (paren && TOK == RT_TOK_RPAREN) break;
    rt_node_t *e = test(p);
    rt_val_t target = accept(p, RT_TOK_KW_AS) ? V(expr(p)) : RT_NULL;
    rt_parse_vec_push(&items, V(rt_parse_node2(RT_N_WITHITEM, 0, e, V(e), target)));
  } while (accept(p, RT_TOK_COMMA));
  if (paren) rt_parse_expect(p, RT_TOK_RPAREN);
  if (!items.n) rt_parse_syntax(p);
  rt_node_t *only = (rt_node_t *)items.items[0];
  if (paren && items.n == 1 && !only->kids[1] && accept(p, RT_TOK_KW_AS))
    only->kids[1] = V(expr(p)); // "(e) as x"
  rt_node_t *seq = rt_parse_vec_node(&items, RT_N_SEQ, 0, pos->line, pos->col, 0);
  rt_node_t *body = rt_parse_block(p, "'with' statement", (int)pos->line);
  return rt_parse_node2(RT_N_WITH, 0, pos, V(seq), V(body));
}

// Decorators, then the def or class they apply to.
static NOINLINE rt_node_t *decorated(rt_parser_t *p, rt_node_t *pos) {
  vec_t d = {0};
  while (accept(p, RT_TOK_AT)) {
    rt_parse_vec_push(&d, V(test(p)));
    rt_parse_expect(p, RT_TOK_NEWLINE);
  }
  rt_node_t *decs = rt_parse_vec_node(&d, RT_N_SEQ, 0, pos->line, pos->col, 0);
  if (TOK == RT_TOK_KW_DEF) return funcdef(p, decs);
  if (TOK == RT_TOK_KW_CLASS) return classdef(p, decs);
  if (TOK == RT_TOK_KW_ASYNC) {
    next(p);
    if (TOK != RT_TOK_KW_DEF) rt_parse_syntax(p);
    rt_node_t *x = funcdef(p, decs);
    x->op = 1;
    return x;
  }
  rt_parse_syntax(p);
}

// Whether token [t] after the name 'match' starts a subject rather than
// continuing an expression or assignment that uses a variable named match.
static bool match_subject_start(rt_tok_t t) {
  switch (t) {
  case RT_TOK_PLUS:
  case RT_TOK_STAR: return false; // more likely "match + 1", "match * 2"
  default: return starts_expr(t);
  }
}

static rt_node_t *compound_statement(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  switch (TOK) {
  case RT_TOK_KW_IF: return if_statement(p);
  case RT_TOK_KW_WHILE: return while_statement(p, pos);
  case RT_TOK_KW_FOR: return for_statement(p, pos);
  case RT_TOK_KW_TRY: return try_statement(p, pos);
  case RT_TOK_KW_WITH: return with_statement(p, pos);
  case RT_TOK_AT: return decorated(p, pos);
  case RT_TOK_KW_DEF: return funcdef(p, rt_parse_node_new(RT_N_SEQ, 0, 0, pos->line, pos->col));
  case RT_TOK_KW_CLASS: return classdef(p, rt_parse_node_new(RT_N_SEQ, 0, 0, pos->line, pos->col));
  case RT_TOK_NAME:
    // 'match' starts a match statement when a subject follows it.
    if (p->lx.value == RT_QV(match) && match_subject_start(rt_lexer_peek(&p->lx)))
      return rt_parse_match(p, pos);
    return NULL;
  case RT_TOK_KW_ASYNC: {
    // async def / async for / async with: the plain node with op 1.
    next(p);
    rt_node_t *x;
    if (TOK == RT_TOK_KW_DEF)
      x = funcdef(p, rt_parse_node_new(RT_N_SEQ, 0, 0, pos->line, pos->col));
    else if (TOK == RT_TOK_KW_FOR || TOK == RT_TOK_KW_WITH)
      x = compound_statement(p);
    else
      rt_parse_syntax(p);
    x->op = 1;
    x->line = pos->line;
    x->col = pos->col;
    return x;
  }
  default: return NULL;
  }
}

static rt_node_t *statement(rt_parser_t *p) {
  rt_node_t *s = compound_statement(p);
  if (s) return s;
  if (TOK == RT_TOK_INDENT) rt_parse_syntax(p);
  return simple_statement(p);
}

void rt_parse_init(rt_parser_t *p, rt_reader_t reader, rt_val_t filename) {
  p->depth = 0;
  rt_lexer_init(&p->lx, reader, filename);
}

rt_node_t *rt_parse_next(rt_parser_t *p) {
  while (TOK == RT_TOK_NEWLINE)
    next(p);
  if (TOK == RT_TOK_END) return NULL;
  if (TOK == RT_TOK_DEDENT) rt_parse_syntax(p);
  return statement(p);
}

void rt_parse_free(rt_parser_t *p) {
  rt_lexer_free(&p->lx);
}

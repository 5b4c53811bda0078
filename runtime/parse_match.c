// SPDX-License-Identifier: MIT
// parse_match.c: match statements and their patterns, parsed into MATCH,
// CASE and P* nodes (parse.h) that compile_match.c turns into tests on
// the subject.
//
// 'match' and 'case' are soft keywords: names everywhere else (parse.c
// decides when a line starts a match statement). Besides the grammar this
// makes CPython's compile-time checks: no name bound twice, the same names
// in every alternative, no pattern after one that matches anything.
#include <stdio.h>

#include "parse_int.h"
#include "gc.h"
#include "obj_str.h"
#include "qstr.h"

static rt_node_t *pattern(rt_parser_t *p);

// A capture target: any name but '_'.
static rt_val_t capture_name(rt_parser_t *p) {
  if (TOK == RT_TOK_NAME && p->lx.value == RT_QV(_)) rt_parse_error_here(p, "cannot use '_' as a target");
  return rt_parse_expect_name(p);
}

// NAME ('.' NAME)*: a name or an attribute chain (the current token is NAME).
static rt_node_t *name_or_attr(rt_parser_t *p) {
  rt_node_t *e = rt_parse_plain_atom(p);
  while (accept(p, RT_TOK_DOT))
    e = rt_parse_node2(RT_N_ATTR, 0, e, V(e), rt_parse_expect_name(p));
  return e;
}

// A literal of a pattern or a mapping key: numbers (signed), strings,
// None, True, False, or a dotted name. Returns a PVALUE.
static rt_node_t *pattern_value(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  switch (TOK) {
  case RT_TOK_MINUS: {
    next(p);
    if (TOK != RT_TOK_INT && TOK != RT_TOK_FLOAT) rt_parse_syntax(p);
    rt_val_t v = rt_obj_unary(RT_UNARY_NEG, p->lx.value);
    next(p);
    return rt_parse_node1(RT_N_PVALUE, 0, pos, V(rt_parse_node1(RT_N_CONST, 0, pos, v)));
  }
  case RT_TOK_INT:
  case RT_TOK_FLOAT:
  case RT_TOK_STRING:
  case RT_TOK_BYTES: return rt_parse_node1(RT_N_PVALUE, 0, pos, V(rt_parse_plain_atom(p)));
  case RT_TOK_KW_NONE:
  case RT_TOK_KW_TRUE:
  case RT_TOK_KW_FALSE: return rt_parse_node1(RT_N_PVALUE, 1, pos, V(rt_parse_plain_atom(p)));
  case RT_TOK_NAME: {
    rt_node_t *e = name_or_attr(p);
    if (e->kind == RT_N_NAME) rt_parse_syntax(p); // a bare name is not a value
    return rt_parse_node1(RT_N_PVALUE, 0, pos, V(e));
  }
  default: rt_parse_syntax(p);
  }
}

// A pattern or '*name' inside a sequence pattern.
static rt_node_t *sequence_item(rt_parser_t *p) {
  if (TOK != RT_TOK_STAR) return pattern(p);
  rt_node_t *pos = node0(p, RT_N_PASS);
  next(p);
  if (TOK == RT_TOK_NAME && p->lx.value == RT_QV(_)) {
    next(p);
    return rt_parse_node1(RT_N_PSTAR, 0, pos, RT_NULL);
  }
  return rt_parse_node1(RT_N_PSTAR, 0, pos, rt_parse_expect_name(p));
}

// Items up to [close] (the opening bracket is read) as a PSEQ.
static rt_node_t *sequence_pattern(rt_parser_t *p, rt_node_t *pos, vec_t *v, rt_tok_t close) {
  while (TOK != close) {
    rt_parse_vec_push(v, V(sequence_item(p)));
    if (!accept(p, RT_TOK_COMMA)) break;
  }
  rt_parse_expect(p, close);
  rt_node_t *seq = rt_parse_vec_node(v, RT_N_PSEQ, 0, pos->line, pos->col, 0);
  int stars = 0;
  for (size_t i = 0; i < seq->n; i++)
    stars += rt_node_kid(seq, i)->kind == RT_N_PSTAR;
  if (stars > 1) rt_parse_error_at(p, seq, "multiple starred names in sequence pattern");
  return seq;
}

// '{' (key ':' pattern ',')* ['**' name] '}'; the current token is '{'.
static rt_node_t *mapping_pattern(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS);
  next(p);
  vec_t v = {0};
  rt_val_t rest = RT_NULL;
  while (TOK != RT_TOK_RBRACE) {
    if (accept(p, RT_TOK_DSTAR)) {
      if (TOK == RT_TOK_NAME && p->lx.value == RT_QV(_)) rt_parse_syntax(p); // **_ is not allowed
      rest = capture_name(p);
      accept(p, RT_TOK_COMMA);
      break;
    }
    rt_node_t *key = rt_node_kid(pattern_value(p), 0);
    for (size_t i = 0; key->kind == RT_N_CONST && i < v.n; i += 2) {
      rt_node_t *k = (rt_node_t *)v.items[i];
      if (k->kind == RT_N_CONST && rt_obj_eq(k->kids[0], key->kids[0])) {
        char msg[96];
        size_t len;
        const char *r = rt_str_data(rt_obj_repr(key->kids[0]), &len);
        snprintf(msg, sizeof msg, "mapping pattern checks duplicate key (%.*s)", (int)(len > 60 ? 60 : len),
                 r);
        rt_parse_error_at(p, key, msg);
      }
    }
    rt_parse_vec_push(&v, V(key));
    rt_parse_expect(p, RT_TOK_COLON);
    rt_parse_vec_push(&v, V(pattern(p)));
    if (!accept(p, RT_TOK_COMMA)) break;
  }
  rt_parse_expect(p, RT_TOK_RBRACE);
  if (rest != RT_NULL) rt_parse_vec_push(&v, rest);
  return rt_parse_vec_node(&v, RT_N_PMAP, rest != RT_NULL, pos->line, pos->col, 0);
}

// cls '(' patterns, name=pattern ... ')'; the current token is '('.
static rt_node_t *class_pattern(rt_parser_t *p, rt_node_t *cls) {
  next(p);
  vec_t pos_pats = {0}, names = {0}, kw_pats = {0};
  while (TOK != RT_TOK_RPAREN) {
    if (TOK == RT_TOK_NAME && rt_lexer_peek(&p->lx) == RT_TOK_ASSIGN) {
      rt_val_t name = rt_parse_expect_name(p);
      for (size_t i = 0; i < names.n; i++)
        if (names.items[i] == name) {
          char msg[96];
          size_t len;
          const char *t = rt_qstr_str(name, &len);
          snprintf(msg, sizeof msg, "attribute name repeated in class pattern: %.*s", (int)len, t);
          rt_parse_error_here(p, msg);
        }
      next(p);
      rt_parse_vec_push(&names, name);
      rt_parse_vec_push(&kw_pats, V(pattern(p)));
    } else {
      if (names.n) rt_parse_error_here(p, "positional patterns follow keyword patterns");
      rt_parse_vec_push(&pos_pats, V(pattern(p)));
    }
    if (!accept(p, RT_TOK_COMMA)) break;
  }
  rt_parse_expect(p, RT_TOK_RPAREN);
  rt_node_t *x = rt_parse_node_new(RT_N_PCLASS, 0, 4, cls->line, cls->col);
  x->kids[0] = V(cls);
  x->kids[1] = V(rt_parse_vec_node(&pos_pats, RT_N_SEQ, 0, cls->line, cls->col, 0));
  x->kids[2] = V(rt_parse_vec_node(&names, RT_N_SEQ, 0, cls->line, cls->col, 0));
  x->kids[3] = V(rt_parse_vec_node(&kw_pats, RT_N_SEQ, 0, cls->line, cls->col, 0));
  return x;
}

// One alternative of an or-pattern.
static rt_node_t *closed_pattern(rt_parser_t *p) {
  rt_node_t *pos = node0(p, RT_N_PASS), *x;
  enter(p);
  switch (TOK) {
  case RT_TOK_NAME: {
    if (rt_lexer_peek(&p->lx) != RT_TOK_DOT && rt_lexer_peek(&p->lx) != RT_TOK_LPAREN) {
      rt_val_t name = rt_parse_expect_name(p);
      x = rt_parse_node1(RT_N_PCAPTURE, 0, pos, name == RT_QV(_) ? RT_NULL : name);
      break;
    }
    rt_node_t *e = name_or_attr(p);
    x = TOK == RT_TOK_LPAREN ? class_pattern(p, e) : rt_parse_node1(RT_N_PVALUE, 0, pos, V(e));
    break;
  }
  case RT_TOK_LPAREN: {
    next(p);
    vec_t v = {0};
    if (TOK == RT_TOK_RPAREN) {
      x = sequence_pattern(p, pos, &v, RT_TOK_RPAREN);
      break;
    }
    rt_node_t *first = sequence_item(p);
    if (first->kind != RT_N_PSTAR && accept(p, RT_TOK_RPAREN)) {
      x = first; // a group
      break;
    }
    rt_parse_vec_push(&v, V(first));
    if (TOK != RT_TOK_RPAREN) rt_parse_expect(p, RT_TOK_COMMA);
    x = sequence_pattern(p, pos, &v, RT_TOK_RPAREN);
    break;
  }
  case RT_TOK_LBRACKET: {
    next(p);
    vec_t v = {0};
    x = sequence_pattern(p, pos, &v, RT_TOK_RBRACKET);
    break;
  }
  case RT_TOK_LBRACE: x = mapping_pattern(p); break;
  default:
    x = pattern_value(p);
    if (TOK == RT_TOK_LPAREN) rt_parse_syntax(p);
    break;
  }
  leave(p);
  return x;
}

// Whether pattern [x] matches anything (a capture or the wildcard).
static bool irrefutable(const rt_node_t *x) {
  if (x->kind == RT_N_PAS) return irrefutable(rt_node_kid(x, 0));
  if (x->kind == RT_N_POR) {
    for (size_t i = 0; i < x->n; i++)
      if (irrefutable(rt_node_kid(x, i))) return true;
    return false;
  }
  return x->kind == RT_N_PCAPTURE;
}

// SyntaxError: pattern [x] matches anything, so what follows it never runs.
static NOINLINE __attribute__((noreturn)) void unreachable(rt_parser_t *p, const rt_node_t *x) {
  char msg[96];
  size_t len;
  if (x->kind == RT_N_PCAPTURE && x->kids[0]) {
    const char *t = rt_qstr_str(x->kids[0], &len);
    snprintf(msg, sizeof msg, "name capture '%.*s' makes remaining patterns unreachable", (int)len, t);
  } else {
    snprintf(msg, sizeof msg, "wildcard makes remaining patterns unreachable");
  }
  rt_parse_error_at(p, x, msg);
}

// or_pattern ['as' name].
static rt_node_t *pattern(rt_parser_t *p) {
  rt_node_t *x = closed_pattern(p);
  if (TOK == RT_TOK_PIPE) {
    vec_t v = {0};
    rt_parse_vec_push(&v, V(x));
    while (accept(p, RT_TOK_PIPE))
      rt_parse_vec_push(&v, V(closed_pattern(p)));
    x = rt_parse_vec_node(&v, RT_N_POR, 0, x->line, x->col, 0);
    for (size_t i = 0; i + 1 < x->n; i++)
      if (irrefutable(rt_node_kid(x, i))) unreachable(p, rt_node_kid(x, i));
  }
  if (accept(p, RT_TOK_KW_AS)) x = rt_parse_node2(RT_N_PAS, 0, x, V(x), capture_name(p));
  return x;
}

// Collects the names pattern [x] binds into [v], in CPython's checks:
// no name twice, the same names in every alternative.
static void pattern_names(rt_parser_t *p, const rt_node_t *x, vec_t *v) {
  rt_val_t name = RT_NULL;
  size_t from = 0, to = x->n;
  switch (x->kind) {
  case RT_N_PCAPTURE:
  case RT_N_PSTAR: name = x->kids[0]; break;
  case RT_N_PAS:
    name = x->kids[1];
    to = 1;
    break;
  case RT_N_PMAP:
    // Keys are values: only the patterns at odd places bind.
    for (size_t i = 1; i < (size_t)(x->n - x->op); i += 2)
      pattern_names(p, rt_node_kid(x, i), v);
    if (x->op) name = x->kids[x->n - 1];
    to = 0;
    break;
  case RT_N_PCLASS: from = 1; break; // then the SEQs of patterns (names are qstrs)
  case RT_N_POR: {
    size_t start = v->n;
    pattern_names(p, rt_node_kid(x, 0), v);
    for (size_t i = 1; i < x->n; i++) {
      vec_t alt = {0};
      pattern_names(p, rt_node_kid(x, i), &alt);
      bool same = alt.n == v->n - start;
      for (size_t j = 0; same && j < alt.n; j++) {
        same = false;
        for (size_t k = start; k < v->n; k++)
          same |= v->items[k] == alt.items[j];
      }
      rt_gc_free(alt.items);
      if (!same) rt_parse_error_at(p, x, "alternative patterns bind different names");
    }
    return;
  }
  case RT_N_PSEQ:
  case RT_N_SEQ: break;
  default: return;
  }
  for (size_t i = from; i < to; i++)
    if (rt_is_ptr(x->kids[i])) pattern_names(p, rt_node_kid(x, i), v);
  if (name == RT_NULL) return;
  for (size_t i = 0; i < v->n; i++)
    if (v->items[i] == name) {
      char msg[96];
      size_t len;
      const char *t = rt_qstr_str(name, &len);
      snprintf(msg, sizeof msg, "multiple assignments to name '%.*s' in pattern", (int)len, t);
      rt_parse_error_at(p, x, msg);
    }
  rt_parse_vec_push(v, name);
}

// 'match' subject ':' NEWLINE INDENT case+ DEDENT; the current token is
// the name 'match'. A line that turns out to be a call of a function named
// match, "match(...)", is returned as that expression statement.
rt_node_t *rt_parse_match(rt_parser_t *p, rt_node_t *pos) {
  next(p);
  bool paren = TOK == RT_TOK_LPAREN;
  rt_node_t *subject = rt_parse_testlist_star(p, true);
  if (TOK != RT_TOK_COLON && paren && (TOK == RT_TOK_NEWLINE || TOK == RT_TOK_END)) {
    vec_t args = {0};
    if (subject->kind == RT_N_TUPLE)
      for (size_t i = 0; i < subject->n; i++)
        rt_parse_vec_push(&args, subject->kids[i]);
    else
      rt_parse_vec_push(&args, V(subject));
    rt_node_t *call = rt_parse_node_new(RT_N_CALL, 0, 3, pos->line, pos->col);
    call->kids[0] = V(rt_parse_node1(RT_N_NAME, 0, pos, RT_QV(match)));
    call->kids[1] = V(rt_parse_vec_node(&args, RT_N_SEQ, 0, pos->line, pos->col, 0));
    call->kids[2] = V(rt_parse_node_new(RT_N_SEQ, 0, 0, pos->line, pos->col));
    accept(p, RT_TOK_NEWLINE);
    return rt_parse_node1(RT_N_EXPR, 0, pos, V(call));
  }
  rt_parse_expect(p, RT_TOK_COLON);
  rt_parse_expect(p, RT_TOK_NEWLINE);
  if (TOK != RT_TOK_INDENT) rt_parse_expected_block(p, "'match' statement", (int)pos->line);
  next(p);
  vec_t cases = {0};
  rt_parse_vec_push(&cases, V(subject));
  enter(p);
  while (TOK == RT_TOK_NAME && p->lx.value == RT_QV(case)) {
    rt_node_t *cpos = node0(p, RT_N_PASS);
    next(p);
    rt_node_t *pat = sequence_item(p);
    if (TOK == RT_TOK_COMMA) {
      // An open sequence: case a, *b:
      vec_t v = {0};
      rt_parse_vec_push(&v, V(pat));
      next(p);
      while (TOK != RT_TOK_COLON && TOK != RT_TOK_KW_IF) {
        rt_parse_vec_push(&v, V(sequence_item(p)));
        if (!accept(p, RT_TOK_COMMA)) break;
      }
      pat = rt_parse_vec_node(&v, RT_N_PSEQ, 0, cpos->line, cpos->col, 0);
    } else if (pat->kind == RT_N_PSTAR) {
      rt_parse_error_at(p, pat, "invalid syntax");
    }
    vec_t names = {0};
    pattern_names(p, pat, &names);
    rt_gc_free(names.items);
    rt_val_t guard = accept(p, RT_TOK_KW_IF) ? V(rt_parse_test(p)) : RT_NULL;
    rt_node_t *body = rt_parse_block(p, "'case' statement", (int)cpos->line);
    rt_node_t *c = rt_parse_node_new(RT_N_CASE, 0, 3, cpos->line, cpos->col);
    c->kids[0] = V(pat);
    c->kids[1] = guard;
    c->kids[2] = V(body);
    rt_parse_vec_push(&cases, V(c));
  }
  leave(p);
  if (cases.n < 2) rt_parse_syntax(p);
  accept(p, RT_TOK_DEDENT);
  // Only the last case may match everything unguarded.
  for (size_t i = 1; i + 1 < cases.n; i++) {
    rt_node_t *c = (rt_node_t *)cases.items[i], *pat = rt_node_kid(c, 0);
    if (!c->kids[1] && irrefutable(pat)) unreachable(p, pat);
  }
  return rt_parse_vec_node(&cases, RT_N_MATCH, 0, pos->line, pos->col, 0);
}

// SPDX-License-Identifier: MIT
// parse.h: the parser. It reads tokens from the lexer and builds a syntax
// tree of rt_node_t in the GC heap, one top-level statement at a time, so
// that the compiler can compile and drop each statement's tree before the
// next is read (the whole-module tree of a long program would not fit a
// 38 KB heap).
#ifndef RT_PARSE_H
#define RT_PARSE_H

#include "lexer.h"
#include "obj.h"

// Node kinds and what their kids hold. "seq" is an N_SEQ node; "-" marks an
// optional kid (RT_NULL when absent); q is a qstr value; op is node->op.
#define RT_NODES(X)                                                                                          \
  X(SEQ)        /* kids: items */                                                                            \
  X(NAME)       /* q name */                                                                                 \
  X(CONST)      /* value */                                                                                  \
  X(BINOP)      /* op rt_binary_op_t; left, right */                                                         \
  X(UNARY)      /* op 0 -, 1 +, 2 ~, 3 not; operand */                                                       \
  X(BOOLOP)     /* op 0 and, 1 or; left, right */                                                            \
  X(COMPARE)    /* e0, small cmp, e1, small cmp, e2 ... (cmp: RT_CMP_*) */                                   \
  X(CALL)       /* func, seq args (STARRED allowed), seq keywords (KEYWORD) */                               \
  X(KEYWORD)    /* q name (RT_NULL for **), value */                                                         \
  X(ATTR)       /* obj, q name */                                                                            \
  X(SUBSCR)     /* obj, index */                                                                             \
  X(SLICE)      /* -lower, -upper, -step */                                                                  \
  X(TUPLE)      /* items */                                                                                  \
  X(LIST)       /* items */                                                                                  \
  X(SET)        /* items */                                                                                  \
  X(DICT)       /* k0, v0, k1, v1 ... (k RT_NULL for **v) */                                                 \
  X(IFEXP)      /* cond, then, else */                                                                       \
  X(LAMBDA)     /* args (ARGS), body expr; scope */                                                          \
  X(COMP)       /* op RT_COMP_*; elt/key, -value, COMPFOR...; scope */                                       \
  X(COMPFOR)    /* target, iter, seq ifs */                                                                  \
  X(STARRED)    /* expr */                                                                                   \
  X(YIELD)      /* -value */                                                                                 \
  X(YIELD_FROM) /* value */                                                                                  \
  X(AWAIT)      /* value */                                                                                  \
  X(FSTRING)    /* parts: CONST str or FORMATTED */                                                          \
  X(FORMATTED)  /* expr, small conversion (0, 's', 'r', 'a'), -spec (FSTRING) */                             \
  X(NAMED)      /* NAME target, value (:=) */                                                                \
  X(EXPR)       /* expr statement: value */                                                                  \
  X(ASSIGN)     /* target1, ..., targetN, value */                                                           \
  X(AUGASSIGN)  /* op rt_binary_op_t (in-place); target, value */                                            \
  X(ANNASSIGN)  /* target, annotation, -value */                                                             \
  X(IF)         /* cond, seq body, -orelse (seq) */                                                          \
  X(WHILE)      /* cond, seq body, -seq orelse */                                                            \
  X(FOR)        /* target, iter, seq body, -seq orelse; op 1 async */                                        \
  X(BREAK)      /* - */                                                                                      \
  X(CONTINUE)   /* - */                                                                                      \
  X(PASS)       /* - */                                                                                      \
  X(RETURN)     /* -value */                                                                                 \
  X(DEF)        /* q name, args (ARGS), seq body, seq decorators; scope; op 1 async */                       \
  X(ARGS)       /* ARG...; op: how many are positional-only */                                               \
  X(ARG)        /* op RT_ARG_*; q name, -default */                                                          \
  X(CLASS)      /* q name, seq bases, seq keywords, seq body, seq decorators; scope */                       \
  X(TRY)        /* seq body, seq handlers (HANDLER), -seq orelse, -seq finally */                            \
  X(HANDLER)    /* -type, -q name, seq body */                                                               \
  X(RAISE)      /* -exc, -cause */                                                                           \
  X(IMPORT)     /* ALIAS... */                                                                               \
  X(IMPORTFROM) /* q module (or RT_NULL), small level, ALIAS... (name '*' for star) */                       \
  X(ALIAS)      /* q dotted name, -q asname */                                                               \
  X(GLOBAL)     /* q names */                                                                                \
  X(NONLOCAL)   /* q names */                                                                                \
  X(DEL)        /* targets */                                                                                \
  X(ASSERT)     /* test, -msg */                                                                             \
  X(WITH)       /* seq items (WITHITEM), seq body; op 1 async */                                             \
  X(WITHITEM)   /* expr, -target */                                                                          \
  X(MATCH)      /* subject, CASE... */                                                                       \
  X(CASE)       /* pattern, -guard, seq body */                                                              \
  X(PVALUE)     /* expr; op 0 compares with ==, 1 with is (None, True, False) */                             \
  X(PCAPTURE)   /* -q name (RT_NULL for the wildcard _) */                                                   \
  X(PSTAR)      /* -q name: *name in a sequence pattern */                                                   \
  X(PSEQ)       /* patterns, at most one PSTAR */                                                            \
  X(PMAP)       /* key0, pattern0, key1, pattern1 ...; op 1: then q name of **rest */                        \
  X(PCLASS)     /* class expr, seq positional patterns, seq q keyword names, seq keyword patterns */         \
  X(POR)        /* alternatives */                                                                           \
  X(PAS)        /* pattern, q name */

typedef enum {
#define X(name) RT_N_##name,
  RT_NODES(X)
#undef X
} rt_node_kind_t;

// Comparison operators in COMPARE nodes.
enum {
  RT_CMP_LT,
  RT_CMP_GT,
  RT_CMP_EQ,
  RT_CMP_LE,
  RT_CMP_GE,
  RT_CMP_NE,
  RT_CMP_IN,
  RT_CMP_NOT_IN,
  RT_CMP_IS,
  RT_CMP_IS_NOT
};
// Comprehension kinds.
enum { RT_COMP_LIST, RT_COMP_SET, RT_COMP_DICT, RT_COMP_GEN };
// Parameter kinds.
enum { RT_ARG_POS, RT_ARG_VARARGS, RT_ARG_KWONLY, RT_ARG_VARKW };

typedef struct {
  uint8_t kind;
  uint8_t op;
  uint16_t n;   // number of kids
  uint16_t col; // 1-based column of the first token
  uint16_t pad;
  uint32_t line;
  rt_val_t kids[];
} rt_node_t;

// Extra kid slot for the scope of DEF/CLASS/LAMBDA/COMP nodes: the last kid.
static inline rt_node_t *rt_node_kid(const rt_node_t *n, size_t i) {
  return (rt_node_t *)n->kids[i];
}

typedef struct {
  rt_lexer_t lx;
  int depth; // recursion depth of expressions
} rt_parser_t;

// Starts parsing from [reader]. May raise SyntaxError.
void rt_parse_init(rt_parser_t *p, rt_reader_t reader, rt_val_t filename);
// The next top-level statement, or NULL at the end of input. Raises
// SyntaxError.
rt_node_t *rt_parse_next(rt_parser_t *p);
// Raises SyntaxError at [n]'s position.
__attribute__((noreturn)) void rt_parse_error_at(rt_parser_t *p, const rt_node_t *n, const char *msg);
void rt_parse_free(rt_parser_t *p);
// What CPython calls node [n] in messages ("literal", "function call", ...).
const char *rt_parse_node_desc(const rt_node_t *n);

#endif

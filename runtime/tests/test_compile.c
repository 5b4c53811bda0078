// SPDX-License-Identifier: MIT
// test_compile.c: the parser and compiler: SyntaxError kinds with line and
// column, scopes (locals, cells, free variables) and code layout.
#include <check.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_str.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"
#include "test_util.h"
#include "vm.h"

static void setup(void) {
  tu_init(256 * 1024);
  rt_state->stack_base = (char *)__builtin_frame_address(0) + 2048;
}
static void teardown(void) {
  tu_done();
}

// Compiles [src]; returns the code, or RT_NULL with *exc set.
static rt_code_t *try_compile(const char *src, rt_val_t *exc) {
  rt_mem_reader_t m;
  rt_reader_t r;
  rt_reader_mem(&r, &m, src, strlen(src));
  rt_nlr_t nlr;
  rt_nlr_push(&nlr);
  if (setjmp(nlr.jb) == 0) {
    rt_code_t *c = rt_compile(r, RT_QV(_lt_stdin_gt_), RT_COMPILE_FILE);
    rt_nlr_pop(&nlr);
    *exc = RT_NULL;
    return c;
  }
  *exc = nlr.exc;
  return NULL;
}

static long attr_int(rt_val_t exc, const char *name) {
  rt_dict_t *d = ((rt_exc_t *)exc)->dict;
  rt_val_t v = d ? rt_dict_get(d, rt_qstr_from_cstr(name)) : RT_NULL;
  return v && rt_is_small(v) ? (long)rt_small_get(v) : -1;
}

static const char *msg(rt_val_t exc) {
  return rt_str_data(rt_exc_first_arg(exc), NULL);
}

// Asserts that [src] fails with [type] at [line]/[col] (col < 0: any) and
// a message containing [text].
static void expect_error(const char *src, const rt_type_t *type, long line, long col, const char *text) {
  rt_val_t e;
  rt_code_t *c = try_compile(src, &e);
  ck_assert_msg(c == NULL, "compiled: %s", src);
  ck_assert_msg(rt_obj_isinstance(e, type), "wrong type for: %s", src);
  ck_assert_int_eq(attr_int(e, "lineno"), line);
  if (col >= 0) ck_assert_int_eq(attr_int(e, "offset"), col);
  ck_assert_msg(strstr(msg(e), text) != NULL, "message '%s' lacks '%s'", msg(e), text);
}

START_TEST(syntax_errors) {
  expect_error("x = = 1\n", &rt_exc_SyntaxError, 1, 5, "invalid syntax");
  expect_error("a = 1\nif a\n    pass\n", &rt_exc_SyntaxError, 2, 5, "expected ':'");
  expect_error("return 1\n", &rt_exc_SyntaxError, 1, 1, "'return' outside function");
  expect_error("while 1:\n    pass\nbreak\n", &rt_exc_SyntaxError, 3, 1, "'break' outside loop");
  expect_error("continue\n", &rt_exc_SyntaxError, 1, 1, "'continue' not properly in loop");
  expect_error("for x in y:\nprint(x)\n", &rt_exc_IndentationError, 2, 1, "expected an indented block");
  expect_error("x = 1\n  y = 2\n", &rt_exc_IndentationError, 2, 2, "unexpected indent");
  expect_error("f(1,\n  2\n", &rt_exc_SyntaxError, 1, 2, "'(' was never closed");
  expect_error("a + 1 = 2\n", &rt_exc_SyntaxError, 1, 1, "cannot assign to expression");
  expect_error("def f(a, a):\n    pass\n", &rt_exc_SyntaxError, 1, 10, "duplicate argument");
  expect_error("nonlocal x\n", &rt_exc_SyntaxError, 1, 1, "nonlocal declaration not allowed at module level");
  expect_error("def f():\n    nonlocal q\n", &rt_exc_SyntaxError, 2, 5, "no binding for nonlocal");
  expect_error("x = [1, 2\ny = 3\n", &rt_exc_SyntaxError, 2, 1, "invalid syntax");
  expect_error("f(a=1, 2)\n", &rt_exc_SyntaxError, 1, 8, "positional argument follows keyword argument");
  expect_error("yield 1\n", &rt_exc_SyntaxError, 1, 1, "'yield' outside function");
  expect_error("None = 1\n", &rt_exc_SyntaxError, 1, 1, "cannot assign to None");
  expect_error("print(f'{}')\n", &rt_exc_SyntaxError, 1, -1, "f-string: empty expression not allowed");
}
END_TEST

START_TEST(scopes) {
  rt_val_t e;
  rt_code_t *c = try_compile("def outer(a, b=1, *args, k, **kw):\n"
                             "    x = a\n"
                             "    def inner():\n"
                             "        return x + k\n"
                             "    return inner\n",
                             &e);
  ck_assert_ptr_nonnull(c);
  rt_code_t *outer = NULL;
  for (uint32_t i = 0; i < c->n_consts; i++)
    if (rt_is_obj(c->consts[i], &rt_code_type)) outer = (rt_code_t *)c->consts[i];
  ck_assert_ptr_nonnull(outer);
  ck_assert_int_eq(outer->n_args, 2);
  ck_assert_int_eq(outer->n_kwonly, 1);
  ck_assert(outer->flags & RT_CODE_VARARGS);
  ck_assert(outer->flags & RT_CODE_VARKW);
  ck_assert_int_eq(outer->n_cells, 2);  // x and k are captured
  ck_assert_int_eq(outer->n_locals, 7); // a b k args kw x inner
  rt_code_t *inner = NULL;
  for (uint32_t i = 0; i < outer->n_consts; i++)
    if (rt_is_obj(outer->consts[i], &rt_code_type)) inner = (rt_code_t *)outer->consts[i];
  ck_assert_ptr_nonnull(inner);
  ck_assert_int_eq(inner->n_free, 2);
  ck_assert_int_eq(inner->n_locals, 0);
}
END_TEST

START_TEST(generator_flag_and_lines) {
  rt_val_t e;
  rt_code_t *c = try_compile("x = 1\n\n\ndef g():\n    yield 1\n", &e);
  ck_assert_ptr_nonnull(c);
  rt_code_t *g = NULL;
  for (uint32_t i = 0; i < c->n_consts; i++)
    if (rt_is_obj(c->consts[i], &rt_code_type)) g = (rt_code_t *)c->consts[i];
  ck_assert(g->flags & RT_CODE_GENERATOR);
  ck_assert_int_eq(g->first_line, 4);
  ck_assert_int_eq(rt_code_line(c, 0), 1);
  ck_assert_int_eq(rt_code_line(c, c->code_len - 1), 4);
}
END_TEST

START_TEST(compiles_language_features) {
  static const char *ok[] = {
      "class A(B, metaclass=M):\n    x: int = 1\n    def f(self, /, a, *, b=2): ...\n",
      "with a as b, c as (d, e):\n    pass\n",
      "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    pass\n",
      "x = [i for i in range(3) if i for j in 'ab']\ny = {k: v for k, v in z}\nw = {*a, *b}\n",
      "f(*a, **k, x=1)\nlambda *a, **k: 0\nprint(f'{x!r:>{w}}')\n",
      "del a[1:2], b.c\nglobal q\nassert x, 'm'\nimport a.b as c\nfrom m import (x, y as z)\n",
      "if (n := 3) > 2: pass\na, *b, c = d\nx = y = z = 0\na[1] += 2; o.p **= 3\n",
      "@dec\n@dec2(1)\ndef f(): return\n@cls_dec\nclass K: pass\n",
      "def g():\n    x = yield\n    y = yield from h()\n    return x, y\n",
  };
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    rt_val_t e;
    rt_code_t *c = try_compile(ok[i], &e);
    ck_assert_msg(c != NULL, "failed: %s -> %s", ok[i], e ? msg(e) : "?");
  }
}
END_TEST

// CPython 3.11's wording and positions for common mistakes (the same cases
// run through exec() in conformance/lang/syntax_errors.py).
START_TEST(cpython_messages) {
  expect_error("if 1:\npass\n", &rt_exc_IndentationError, 2, 1,
               "expected an indented block after 'if' statement on line 1");
  expect_error("def f():\n  x\nclass A:\n\ny\n", &rt_exc_IndentationError, 5, 1,
               "expected an indented block after class definition on line 3");
  expect_error("try:\n  x\nfinally:\ny\n", &rt_exc_IndentationError, 4, 1,
               "expected an indented block after 'finally' statement on line 3");
  expect_error("if 1:\n    x = 1\n  y = 2\n", &rt_exc_IndentationError, 3, 8,
               "unindent does not match any outer indentation level");
  expect_error("1 = x\n", &rt_exc_SyntaxError, 1, 1,
               "cannot assign to literal here. Maybe you meant '==' instead of '='?");
  expect_error("(a, f()) = 1\n", &rt_exc_SyntaxError, 1, 5, "cannot assign to function call");
  expect_error("for 1 in x: pass\n", &rt_exc_SyntaxError, 1, 5, "cannot assign to literal");
  expect_error("del f()\n", &rt_exc_SyntaxError, 1, 5, "cannot delete function call");
  expect_error("[x for x in y] += 1\n", &rt_exc_SyntaxError, 1, 1,
               "'list comprehension' is an illegal expression for augmented assignment");
  expect_error("def f(a, b, a): pass\n", &rt_exc_SyntaxError, 1, 13,
               "duplicate argument 'a' in function definition");
  expect_error("def f():\n    nonlocal q\n", &rt_exc_SyntaxError, 2, 5, "no binding for nonlocal 'q' found");
  expect_error("f(x for x in y, 1)\n", &rt_exc_SyntaxError, 1, 3,
               "Generator expression must be parenthesized");
  expect_error("f(**a, *b)\n", &rt_exc_SyntaxError, 1, 8,
               "iterable argument unpacking follows keyword argument unpacking");
  expect_error("a = 1 if 2\n", &rt_exc_SyntaxError, 1, 5, "expected 'else' after 'if' expression");
  expect_error("print 'x'\n", &rt_exc_SyntaxError, 1, 1, "Missing parentheses in call to 'print'");
  expect_error("x = (1, [2\n", &rt_exc_SyntaxError, 1, 9, "'[' was never closed");
  expect_error("x = [1, (2\n\n, 3]\n", &rt_exc_SyntaxError, 3, 4,
               "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
  expect_error("x = 1)\n", &rt_exc_SyntaxError, 1, 6, "unmatched ')'");
  expect_error("s = 'abc\n", &rt_exc_SyntaxError, 1, 5, "unterminated string literal (detected at line 1)");
  expect_error("s = '''a\nb\n", &rt_exc_SyntaxError, 1, 5,
               "unterminated triple-quoted string literal (detected at line 3)");
  expect_error("x = 0b12\n", &rt_exc_SyntaxError, 1, 8, "invalid digit '2' in binary literal");
  expect_error("x = 0x\n", &rt_exc_SyntaxError, 1, 6, "invalid hexadecimal literal");
}
END_TEST

// [n] copies of [open], then [mid], then [n] copies of [close] and "\n".
static char *nested(int n, const char *head, const char *open, const char *mid, const char *close) {
  size_t len = strlen(head) + (size_t)n * (strlen(open) + strlen(close)) + strlen(mid) + 2;
  char *s = malloc(len), *w = s;
  w += sprintf(w, "%s", head);
  for (int i = 0; i < n; i++)
    w += sprintf(w, "%s", open);
  w += sprintf(w, "%s", mid);
  for (int i = 0; i < n; i++)
    w += sprintf(w, "%s", close);
  sprintf(w, "\n");
  return s;
}

// [n] nested 'if' blocks, one indent step each, around a print.
static char *nested_ifs(int n) {
  char *s = malloc((size_t)n * (size_t)(n + 8) + 64), *w = s;
  for (int i = 0; i < n; i++)
    w += sprintf(w, "%*sif %d:\n", i, "", i + 1);
  sprintf(w, "%*sprint(%d)\n", n, "", n);
  return s;
}

// Compiles [src] (then frees it): true when it compiled; false when it
// raised, which must then be RecursionError (or [other], if not NULL).
static bool compiles(char *src, const rt_type_t *other) {
  rt_val_t e;
  rt_code_t *c = try_compile(src, &e);
  if (!c)
    ck_assert_msg(rt_obj_isinstance(e, &rt_exc_RecursionError) || (other && rt_obj_isinstance(e, other)),
                  "unexpected error for %.60s...: %s", src, msg(e));
  ck_assert_int_eq(rt_state->c_depth, 0);
  free(src);
  return c != NULL;
}

// The nesting the ESP8266 build must parse (lang/syntax_nesting.py checks
// it there) parses here too; far deeper nesting raises RecursionError and
// leaves the interpreter usable.
START_TEST(deep_nesting) {
  ck_assert(compiles(nested(20, "x = ", "(", "1", ")"), NULL));
  ck_assert(compiles(nested(20, "x = ", "[", "1", "]"), NULL));
  ck_assert(compiles(nested(20, "x = ", "f(", "1", ")"), NULL));
  ck_assert(compiles(nested(20, "x = ", "{1: ", "1", "}"), NULL));
  ck_assert(compiles(nested(20, "x = ", "-", "1", ""), NULL));
  ck_assert(compiles(nested(15, "", "not ", "x", ""), NULL));
  ck_assert(compiles(nested_ifs(15), NULL));
  ck_assert(!compiles(nested(300, "x = ", "(", "1", ")"), NULL));
  ck_assert(!compiles(nested(300, "x = ", "[", "1", "]"), NULL));
  ck_assert(!compiles(nested(300, "x = ", "f(", "1", ")"), NULL));
  ck_assert(!compiles(nested(3000, "x = ", "-", "1", ""), NULL));
  ck_assert(!compiles(nested(3000, "x = ", "not ", "1", ""), NULL));
  ck_assert(!compiles(nested(3000, "x = 2", " ** 2", "", ""), NULL));
  ck_assert(!compiles(nested(3000, "x = ", "lambda: ", "1", ""), NULL));
  ck_assert(!compiles(nested(3000, "x = ", "1 if 1 else ", "1", ""), NULL));
  // Blocks stop at the lexer's indentation limit if not before.
  ck_assert(!compiles(nested_ifs(100), &rt_exc_SyntaxError));
  // Still fine afterwards.
  ck_assert(compiles(nested(10, "x = ", "(", "1", ")"), NULL));
}
END_TEST

int main(void) {
  Suite *s = suite_create("compile");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, syntax_errors);
  tcase_add_test(tc, scopes);
  tcase_add_test(tc, generator_flag_and_lines);
  tcase_add_test(tc, compiles_language_features);
  tcase_add_test(tc, cpython_messages);
  tcase_add_test(tc, deep_nesting);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

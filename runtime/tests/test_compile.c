// SPDX-License-Identifier: MIT
// test_compile.c: the parser and compiler: SyntaxError kinds with line and
// column, scopes (locals, cells, free variables) and code layout.
#include <check.h>
#include <setjmp.h>
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
  expect_error("x = 1\n  y = 2\n", &rt_exc_IndentationError, 2, 3, "unexpected indent");
  expect_error("f(1,\n  2\n", &rt_exc_SyntaxError, 3, -1, "unexpected EOF");
  expect_error("a + 1 = 2\n", &rt_exc_SyntaxError, 1, 1, "cannot assign to expression");
  expect_error("def f(a, a):\n    pass\n", &rt_exc_SyntaxError, 1, 10, "duplicate argument");
  expect_error("nonlocal x\n", &rt_exc_SyntaxError, 1, 1, "nonlocal declaration not allowed at module level");
  expect_error("def f():\n    nonlocal q\n", &rt_exc_SyntaxError, 1, -1, "no binding for nonlocal");
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

int main(void) {
  Suite *s = suite_create("compile");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, syntax_errors);
  tcase_add_test(tc, scopes);
  tcase_add_test(tc, generator_flag_and_lines);
  tcase_add_test(tc, compiles_language_features);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

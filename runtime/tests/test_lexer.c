// SPDX-License-Identifier: MIT
// test_lexer.c: tokens, indentation, literals and lexical errors.
#include <check.h>
#include <setjmp.h>
#include <string.h>

#include "lexer.h"
#include "obj_exc.h"
#include "obj_dict.h"
#include "obj_float.h"
#include "obj_str.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"
#include "test_util.h"

static void setup(void) {
  tu_init(64 * 1024);
  rt_state->stack_base = (char *)__builtin_frame_address(0) + 2048;
}
static void teardown(void) {
  tu_done();
}

// Lexes [src] into [toks] (at most [max]); returns the count (END included).
static int lex_all(const char *src, rt_tok_t *toks, rt_val_t *vals, int max) {
  rt_lexer_t lx;
  rt_mem_reader_t m;
  rt_reader_t r;
  rt_reader_mem(&r, &m, src, strlen(src));
  rt_lexer_init(&lx, r, RT_QV(_lt_stdin_gt_));
  int n = 0;
  for (;;) {
    if (n < max) {
      toks[n] = lx.tok;
      if (vals) vals[n] = lx.value;
    }
    n++;
    if (lx.tok == RT_TOK_END) break;
    rt_lexer_next(&lx);
  }
  return n;
}

// Lexes [src] expecting a SyntaxError; returns it.
static rt_val_t lex_error(const char *src) {
  rt_nlr_t nlr;
  rt_nlr_push(&nlr);
  if (setjmp(nlr.jb) == 0) {
    rt_tok_t t[64];
    lex_all(src, t, NULL, 64);
    rt_nlr_pop(&nlr);
    return RT_NULL;
  }
  return nlr.exc;
}

static long attr_int(rt_val_t exc, rt_val_t name) {
  rt_val_t v = rt_dict_get(((rt_exc_t *)exc)->dict, name);
  return v && rt_is_small(v) ? (long)rt_small_get(v) : -1;
}

START_TEST(simple_tokens) {
  rt_tok_t t[32];
  int n = lex_all("x = a + 12 * (b - 3.5)\n", t, NULL, 32);
  rt_tok_t want[] = {RT_TOK_NAME,   RT_TOK_ASSIGN,  RT_TOK_NAME, RT_TOK_PLUS,  RT_TOK_INT,
                     RT_TOK_STAR,   RT_TOK_LPAREN,  RT_TOK_NAME, RT_TOK_MINUS, RT_TOK_FLOAT,
                     RT_TOK_RPAREN, RT_TOK_NEWLINE, RT_TOK_END};
  ck_assert_int_eq(n, 13);
  for (int i = 0; i < n; i++)
    ck_assert_int_eq(t[i], want[i]);
}
END_TEST

START_TEST(operators_longest_match) {
  rt_tok_t t[32];
  int n = lex_all("a **= b // c >>= d != e := f -> ...", t, NULL, 32);
  rt_tok_t want[] = {RT_TOK_NAME,      RT_TOK_DSTAR_EQ, RT_TOK_NAME,     RT_TOK_DSLASH,  RT_TOK_NAME,
                     RT_TOK_RSHIFT_EQ, RT_TOK_NAME,     RT_TOK_NE,       RT_TOK_NAME,    RT_TOK_WALRUS,
                     RT_TOK_NAME,      RT_TOK_ARROW,    RT_TOK_ELLIPSIS, RT_TOK_NEWLINE, RT_TOK_END};
  ck_assert_int_eq(n, 15);
  for (int i = 0; i < n; i++)
    ck_assert_int_eq(t[i], want[i]);
}
END_TEST

START_TEST(indentation) {
  rt_tok_t t[64];
  int n = lex_all("if a:\n    b\n    if c:\n\n        d\n# comment\ne\n", t, NULL, 64);
  rt_tok_t want[] = {RT_TOK_KW_IF,   RT_TOK_NAME,    RT_TOK_COLON,   RT_TOK_NEWLINE, RT_TOK_INDENT,
                     RT_TOK_NAME,    RT_TOK_NEWLINE, RT_TOK_KW_IF,   RT_TOK_NAME,    RT_TOK_COLON,
                     RT_TOK_NEWLINE, RT_TOK_INDENT,  RT_TOK_NAME,    RT_TOK_NEWLINE, RT_TOK_DEDENT,
                     RT_TOK_DEDENT,  RT_TOK_NAME,    RT_TOK_NEWLINE, RT_TOK_END};
  ck_assert_int_eq(n, (int)(sizeof want / sizeof want[0]));
  for (int i = 0; i < n; i++)
    ck_assert_int_eq(t[i], want[i]);
}
END_TEST

START_TEST(brackets_join_lines) {
  rt_tok_t t[32];
  int n = lex_all("f(1,\n  2)\nx = 1 + \\\n 2\n", t, NULL, 32);
  ck_assert_int_eq(n, 14);
  ck_assert_int_eq(t[6], RT_TOK_NEWLINE);
  ck_assert_int_eq(t[7], RT_TOK_NAME);
}
END_TEST

START_TEST(crlf_and_no_final_newline) {
  rt_tok_t t[32];
  int n = lex_all("a\r\n  \r\nb", t, NULL, 32);
  rt_tok_t want[] = {RT_TOK_NAME, RT_TOK_NEWLINE, RT_TOK_NAME, RT_TOK_NEWLINE, RT_TOK_END};
  ck_assert_int_eq(n, 5);
  for (int i = 0; i < n; i++)
    ck_assert_int_eq(t[i], want[i]);
}
END_TEST

START_TEST(literals) {
  rt_tok_t t[32];
  rt_val_t v[32];
  lex_all("0x1F 0o17 0b101 1_000 1e3 .5 'a\\tb' r'a\\tb' \"\"\"x\ny\"\"\" 99999999999999999999999", t, v, 32);
  ck_assert(v[0] == rt_small(31));
  ck_assert(v[1] == rt_small(15));
  ck_assert(v[2] == rt_small(5));
  ck_assert(v[3] == rt_small(1000));
  ck_assert(t[4] == RT_TOK_FLOAT && rt_float_get(v[4]) == 1000.0);
  ck_assert(t[5] == RT_TOK_FLOAT && rt_float_get(v[5]) == 0.5);
  ck_assert_str_eq(rt_str_data(v[6], NULL), "a\tb");
  ck_assert_str_eq(rt_str_data(v[7], NULL), "a\\tb");
  ck_assert_str_eq(rt_str_data(v[8], NULL), "x\ny");
  ck_assert(t[9] == RT_TOK_INT && rt_is_obj(v[9], &rt_int_type));
}
END_TEST

START_TEST(string_escapes) {
  rt_tok_t t[8];
  rt_val_t v[8];
  lex_all("'\\x41\\101\\u00e9\\n\\\\'", t, v, 8);
  ck_assert_str_eq(rt_str_data(v[0], NULL), "AA\xc3\xa9\n\\");
}
END_TEST

START_TEST(keywords_and_names) {
  rt_tok_t t[16];
  rt_val_t v[16];
  lex_all("def lambda_ None nonlocal x_1", t, v, 16);
  ck_assert_int_eq(t[0], RT_TOK_KW_DEF);
  ck_assert_int_eq(t[1], RT_TOK_NAME);
  ck_assert_str_eq(rt_qstr_str(v[1], NULL), "lambda_");
  ck_assert_int_eq(t[2], RT_TOK_KW_NONE);
  ck_assert_int_eq(t[3], RT_TOK_KW_NONLOCAL);
  ck_assert(v[4] == rt_qstr_from_cstr("x_1"));
}
END_TEST

START_TEST(error_unterminated_string) {
  rt_val_t e = lex_error("x = 1\ny = 'abc\n");
  ck_assert(e != RT_NULL);
  ck_assert(rt_obj_isinstance(e, &rt_exc_SyntaxError));
  ck_assert_int_eq(attr_int(e, RT_QV(lineno)), 2);
  // CPython points at the opening quote and names the line it reached.
  ck_assert_int_eq(attr_int(e, RT_QV(offset)), 5);
  ck_assert_str_eq(rt_str_data(rt_exc_first_arg(e), NULL),
                   "unterminated string literal (detected at line 2)");
}
END_TEST

START_TEST(error_bad_dedent) {
  rt_val_t e = lex_error("if a:\n    b\n  c\n");
  ck_assert(e != RT_NULL);
  ck_assert(rt_obj_isinstance(e, &rt_exc_IndentationError));
  ck_assert_int_eq(attr_int(e, RT_QV(lineno)), 3);
}
END_TEST

START_TEST(error_bad_number) {
  rt_val_t e = lex_error("x = 12abc\n");
  ck_assert(e != RT_NULL);
  ck_assert_int_eq(attr_int(e, RT_QV(lineno)), 1);
  e = lex_error("x = 0123\n");
  ck_assert(e != RT_NULL);
}
END_TEST

int main(void) {
  Suite *s = suite_create("lexer");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, simple_tokens);
  tcase_add_test(tc, operators_longest_match);
  tcase_add_test(tc, indentation);
  tcase_add_test(tc, brackets_join_lines);
  tcase_add_test(tc, crlf_and_no_final_newline);
  tcase_add_test(tc, literals);
  tcase_add_test(tc, string_escapes);
  tcase_add_test(tc, keywords_and_names);
  tcase_add_test(tc, error_unterminated_string);
  tcase_add_test(tc, error_bad_dedent);
  tcase_add_test(tc, error_bad_number);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

// SPDX-License-Identifier: MIT
// test_repl.c: REPL byte streams, compared byte for byte with
// PROTOCOLS.md section 1.
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "runtime.h"
#include "test_util.h"

#define BANNER                                                                                               \
  "Pyrite v" PYRITE_VERSION " on " PYRITE_BUILD_DATE                                                         \
  "; ESP module (fake) with ESP8266\r\nType \"help()\" for more information.\r\n"
#define RAW_BANNER "raw REPL; CTRL-B to exit\r\n"

static void setup(void) {
  tu_init(128 * 1024);
}
static void teardown(void) {
  tu_done();
}

// Runs the REPL in [mode] over [in] ([n] bytes) and compares the output
// with [want] ([wn] bytes).
static rt_repl_result_t check_stream(rt_repl_mode_t *mode, const char *in, size_t n, const char *want,
                                     size_t wn) {
  const char *out;
  size_t len;
  rt_repl_result_t r = tu_repl(mode, in, n, &out, &len);
  if (len != wn || memcmp(out, want, wn) != 0) {
    fprintf(stderr, "want: ");
    for (size_t i = 0; i < wn; i++)
      fprintf(stderr, (unsigned char)want[i] < 32 ? "\\x%02x" : "%c", want[i]);
    fprintf(stderr, "\ngot:  ");
    for (size_t i = 0; i < len; i++)
      fprintf(stderr, (unsigned char)out[i] < 32 ? "\\x%02x" : "%c", out[i]);
    fprintf(stderr, "\n");
  }
  ck_assert_uint_eq(len, wn);
  ck_assert(memcmp(out, want, wn) == 0);
  return r;
}

#define STREAM(mode, in, want) check_stream(mode, in, sizeof(in) - 1, want, sizeof(want) - 1)

START_TEST(raw_entry_from_friendly) {
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  ck_assert_int_eq(STREAM(&m, "\x01", BANNER ">>> \r\n" RAW_BANNER ">"), RT_REPL_EOF);
  ck_assert_int_eq(m, RT_REPL_RAW);
}
END_TEST

START_TEST(raw_successful_run) {
  rt_repl_mode_t m = RT_REPL_RAW;
  STREAM(&m, "print(1)\nprint('a\\nb')\x04", RAW_BANNER ">OK1\r\na\r\nb\r\n\x04\x04>");
}
END_TEST

START_TEST(raw_failing_run) {
  rt_repl_mode_t m = RT_REPL_RAW;
  STREAM(&m, "print('x')\n1/0\x04",
         RAW_BANNER
         ">OKx\r\n\x04Traceback (most recent call last):\r\n  File \"<stdin>\", line 2, in <module>\r\n"
         "ZeroDivisionError: division by zero\r\n\x04>");
}
END_TEST

START_TEST(raw_paste_documented_example) {
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  STREAM(&m,
         "\x01\x05"
         "A\x01print(123)\x04",
         BANNER ">>> \r\nraw REPL; CTRL-B to exit\r\n>R\x01\x80\x00\x01\x04"
                "123\r\n\x04\x04>");
}
END_TEST

START_TEST(raw_paste_flow_control) {
  // 300 bytes of code: the device grants a new window after each 128.
  char in[400];
  size_t k = 0;
  in[k++] = 5;
  in[k++] = 'A';
  in[k++] = 1;
  for (int i = 0; i < 30; i++)
    k += (size_t)sprintf(in + k, "x = %5d\n", i); // 10 bytes each
  in[k++] = 4;
  const char *out;
  size_t len;
  rt_repl_mode_t m = RT_REPL_RAW;
  tu_repl(&m, in, k, &out, &len);
  const char *want = RAW_BANNER ">R\x01\x80\x00\x01\x01\x01\x04\x04\x04>";
  ck_assert_uint_eq(len, strlen(RAW_BANNER) + 12);
  ck_assert(memcmp(out, want, len) == 0);
}
END_TEST

START_TEST(raw_paste_refused_variant) {
  rt_repl_mode_t m = RT_REPL_RAW;
  STREAM(&m,
         "\x05"
         "B\x01print(2)\x04",
         RAW_BANNER ">R\x00OK2\r\n\x04\x04>");
}
END_TEST

START_TEST(raw_paste_compile_error) {
  rt_repl_mode_t m = RT_REPL_RAW;
  STREAM(&m,
         "\x05"
         "A\x01x = = 1\nprint(1)\nprint(2)\nprint(3)\x04",
         RAW_BANNER
         ">R\x01\x80\x00\x01\x04\x04Traceback (most recent call last):\r\n  File \"<stdin>\", line 1\r\n"
         "SyntaxError: invalid syntax\r\n\x04>");
}
END_TEST

START_TEST(raw_soft_reset) {
  rt_repl_mode_t m = RT_REPL_RAW;
  ck_assert_int_eq(STREAM(&m, "\x04", RAW_BANNER ">OK\r\n"), RT_REPL_SOFT_RESET);
  ck_assert_int_eq(m, RT_REPL_RAW);
}
END_TEST

START_TEST(raw_ctrl_c_clears_and_ctrl_a_resets) {
  rt_repl_mode_t m = RT_REPL_RAW;
  STREAM(&m, "junk\x03print(7)\x04\x01", RAW_BANNER ">OK7\r\n\x04\x04>" RAW_BANNER ">");
}
END_TEST

START_TEST(raw_system_exit) {
  rt_repl_mode_t m = RT_REPL_RAW;
  ck_assert_int_eq(STREAM(&m, "print(1)\nraise SystemExit\x04", RAW_BANNER ">OK1\r\n\x04\x04"),
                   RT_REPL_SOFT_RESET);
}
END_TEST

START_TEST(ctrl_b_to_friendly) {
  rt_repl_mode_t m = RT_REPL_RAW;
  STREAM(&m, "\x02", RAW_BANNER ">\r\n" BANNER ">>> ");
  ck_assert_int_eq(m, RT_REPL_FRIENDLY);
}
END_TEST

START_TEST(friendly_expression_and_errors) {
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  STREAM(&m, "1+1\r\nx = 5\r\nx * 2\r\nNone\r\n1/0\r\n",
         BANNER ">>> 1+1\r\n2\r\n>>> x = 5\r\n>>> x * 2\r\n10\r\n>>> None\r\n>>> 1/0\r\n"
                "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
                "ZeroDivisionError: division by zero\r\n>>> ");
}
END_TEST

START_TEST(friendly_control_keys) {
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  STREAM(&m, "\x03\x02", BANNER ">>> \r\n>>> \r\n" BANNER ">>> ");
  m = RT_REPL_FRIENDLY;
  ck_assert_int_eq(STREAM(&m, "ab\x08\x08\x04", BANNER ">>> ab\b \b\b \b\r\n"), RT_REPL_SOFT_RESET);
  m = RT_REPL_FRIENDLY;
  STREAM(&m,
         "12\x03"
         "3\r",
         BANNER ">>> 12\r\n>>> 3\r\n3\r\n>>> ");
}
END_TEST

START_TEST(friendly_compound_auto_indent) {
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  STREAM(&m, "for i in range(2):\rprint(i)\r\r\r\r",
         BANNER
         ">>> for i in range(2):\r\n...     print(i)\r\n...     \r\n...     \r\n... \r\n0\r\n1\r\n>>> ");
}
END_TEST

START_TEST(friendly_brackets_continue) {
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  STREAM(&m, "[1,\r2]\r", BANNER ">>> [1,\r\n... 2]\r\n[1, 2]\r\n>>> ");
}
END_TEST

START_TEST(paste_mode) {
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  STREAM(&m,
         "\x05"
         "for i in range(2):\r    print(i)\r\x04",
         BANNER ">>> \r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== for i in range(2):\r\n=== "
                "    print(i)\r\n=== \r\n0\r\n1\r\n>>> ");
  m = RT_REPL_FRIENDLY;
  STREAM(&m,
         "\x05"
         "x\x03",
         BANNER ">>> \r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== x\r\n>>> ");
}
END_TEST

int main(void) {
  Suite *s = suite_create("repl");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, raw_entry_from_friendly);
  tcase_add_test(tc, raw_successful_run);
  tcase_add_test(tc, raw_failing_run);
  tcase_add_test(tc, raw_paste_documented_example);
  tcase_add_test(tc, raw_paste_flow_control);
  tcase_add_test(tc, raw_paste_refused_variant);
  tcase_add_test(tc, raw_paste_compile_error);
  tcase_add_test(tc, raw_soft_reset);
  tcase_add_test(tc, raw_ctrl_c_clears_and_ctrl_a_resets);
  tcase_add_test(tc, raw_system_exit);
  tcase_add_test(tc, ctrl_b_to_friendly);
  tcase_add_test(tc, friendly_expression_and_errors);
  tcase_add_test(tc, friendly_control_keys);
  tcase_add_test(tc, friendly_compound_auto_indent);
  tcase_add_test(tc, friendly_brackets_continue);
  tcase_add_test(tc, paste_mode);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

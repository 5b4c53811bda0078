// SPDX-License-Identifier: MIT
// test_modules.c: library-module behaviour the conformance tests cannot
// reach from a board: select.poll on sys.stdin with console input waiting
// (scripted through the fake HAL), and limits that must raise instead of
// crashing on a board-sized heap (re backtracking, deep patterns).
#include <check.h>
#include <string.h>

#include "fake_hal.h"
#include "test_util.h"

static void setup(void) {
  tu_init(128 * 1024);
}
static void teardown(void) {
  fake_hal_set_input("", 0);
  tu_done();
}

START_TEST(stdin_is_pollable) {
  const char *out;
  const char *prog = "import select, sys\n"
                     "p = select.poll()\n"
                     "p.register(sys.stdin, select.POLLIN)\n"
                     "print(p.poll(0))\n"
                     "print(sys.stdin.read(2))\n"
                     "print(p.poll(0))\n"
                     "print(p.poll(20))\n";
  fake_hal_set_input("ab", 2);
  ck_assert_int_eq(tu_run(prog, &out), RT_EXEC_OK);
  ck_assert_str_eq(out, "[(<io.TextIOWrapper 0>, 1)]\nab\n[]\n[]\n");
}
END_TEST

START_TEST(poll_wait_is_interruptible) {
  const char *out;
  fake_hal_interrupt_after(5);
  rt_exec_status_t st = tu_run("import select, sys\n"
                               "p = select.poll()\n"
                               "p.register(sys.stdin, select.POLLIN)\n"
                               "p.poll()\n",
                               &out);
  ck_assert_int_eq(st, RT_EXEC_EXCEPTION);
  ck_assert_ptr_nonnull(strstr(out, "KeyboardInterrupt"));
}
END_TEST

START_TEST(re_limits_raise) {
  tu_init(38 * 1024);
  const char *out;
  // Backtracking deeper than the bounded stack: an exception, not a crash.
  ck_assert_int_eq(tu_run("import re\n"
                          "try:\n"
                          "    re.match('(a|b)*c', 'ab' * 3000 + 'c')\n"
                          "except (RuntimeError, MemoryError) as e:\n"
                          "    print(type(e).__name__)\n",
                          &out),
                   RT_EXEC_OK);
  ck_assert(strcmp(out, "RuntimeError\n") == 0 || strcmp(out, "MemoryError\n") == 0);
  // Deep nesting is refused while parsing, within the C stack budget.
  ck_assert_int_eq(tu_run("import re\n"
                          "try:\n"
                          "    re.compile('(' * 500 + ')' * 500)\n"
                          "except Exception as e:\n"
                          "    print(type(e).__name__)\n",
                          &out),
                   RT_EXEC_OK);
  ck_assert(strcmp(out, "RecursionError\n") == 0 || strcmp(out, "error\n") == 0);
  // Simple loops take one stack entry however long the subject.
  ck_assert_int_eq(tu_run("import re\nprint(len(re.match('.*x', 'y' * 5000 + 'x').group()))\n", &out),
                   RT_EXEC_OK);
  ck_assert_str_eq(out, "5001\n");
}
END_TEST

int main(void) {
  Suite *s = suite_create("modules");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, stdin_is_pollable);
  tcase_add_test(tc, poll_wait_is_interruptible);
  tcase_add_test(tc, re_limits_raise);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

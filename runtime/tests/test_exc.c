// SPDX-License-Identifier: MIT
// test_exc.c: exceptions at the embedding edge: traceback text in
// CPython's format, chaining, SystemExit codes, KeyboardInterrupt.
#include <check.h>
#include <string.h>

#include "fake_hal.h"
#include "obj_dict.h"
#include "obj_func.h"
#include "qstr.h"
#include "state.h"
#include "test_util.h"

static void setup(void) {
  tu_init(128 * 1024);
}
static void teardown(void) {
  tu_done();
}

START_TEST(traceback_format) {
  const char *out;
  rt_exec_status_t st = tu_run("def f():\n    raise ValueError('bad')\n\ndef g():\n    f()\n\ng()\n", &out);
  ck_assert_int_eq(st, RT_EXEC_EXCEPTION);
  ck_assert_str_eq(out, "Traceback (most recent call last):\n"
                        "  File \"<stdin>\", line 7, in <module>\n"
                        "  File \"<stdin>\", line 5, in g\n"
                        "  File \"<stdin>\", line 2, in f\n"
                        "ValueError: bad\n");
}
END_TEST

START_TEST(messages_match_cpython) {
  const char *out;
  tu_run("print(x)\n", &out);
  ck_assert_str_eq(out, "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
                        "NameError: name 'x' is not defined\n");
  tu_run("raise KeyboardInterrupt\n", &out);
  ck_assert_ptr_nonnull(strstr(out, "\nKeyboardInterrupt\n"));
  tu_run("{}['k']\n", &out);
  ck_assert_ptr_nonnull(strstr(out, "\nKeyError: 'k'\n"));
  tu_run("[].pop()\n", &out);
  ck_assert_ptr_nonnull(strstr(out, "\nIndexError: pop from empty list\n"));
  tu_run("1 + 'a'\n", &out);
  ck_assert_ptr_nonnull(strstr(out, "TypeError: unsupported operand type(s) for +: 'int' and 'str'\n"));
  tu_run("def f(a): pass\nf()\n", &out);
  ck_assert_ptr_nonnull(strstr(out, "TypeError: f() missing 1 required positional argument: 'a'\n"));
  tu_run("x = = 1\n", &out);
  ck_assert_str_eq(
      out, "Traceback (most recent call last):\n  File \"<stdin>\", line 1\nSyntaxError: invalid syntax\n");
}
END_TEST

START_TEST(chained_traceback) {
  const char *out;
  tu_run("try:\n    1/0\nexcept ZeroDivisionError:\n    raise ValueError('x')\n", &out);
  ck_assert_str_eq(out, "Traceback (most recent call last):\n"
                        "  File \"<stdin>\", line 2, in <module>\n"
                        "ZeroDivisionError: division by zero\n"
                        "\nDuring handling of the above exception, another exception occurred:\n\n"
                        "Traceback (most recent call last):\n"
                        "  File \"<stdin>\", line 4, in <module>\n"
                        "ValueError: x\n");
  tu_run("try:\n    1/0\nexcept ZeroDivisionError as e:\n    raise ValueError('y') from e\n", &out);
  ck_assert_ptr_nonnull(
      strstr(out, "\nThe above exception was the direct cause of the following exception:\n\n"));
}
END_TEST

START_TEST(system_exit_codes) {
  int code = -1;
  const char *src = "import sys\nsys.exit(5)\n";
  ck_assert_int_eq(rt_exec_source(src, strlen(src), "<stdin>", &code), RT_EXEC_SYSTEM_EXIT);
  ck_assert_int_eq(code, 5);
  src = "raise SystemExit\n";
  ck_assert_int_eq(rt_exec_source(src, strlen(src), "<stdin>", &code), RT_EXEC_SYSTEM_EXIT);
  ck_assert_int_eq(code, 0);
}
END_TEST

START_TEST(keyboard_interrupt_stops_loop) {
  const char *out;
  fake_hal_interrupt_after(3);
  rt_exec_status_t st = tu_run("n = 0\nwhile True:\n    n += 1\n", &out);
  ck_assert_int_eq(st, RT_EXEC_EXCEPTION);
  ck_assert_ptr_nonnull(strstr(out, "KeyboardInterrupt\n"));
  ck_assert_int_eq(fake_hal_interrupt_char(), -1);
  ck_assert_int_gt(fake_hal_polls(), 2);
  // Catchable, and the interpreter goes on afterwards.
  fake_hal_interrupt_after(2);
  ck_assert_int_eq(
      tu_run("try:\n    while True: pass\nexcept KeyboardInterrupt:\n    print('stopped')\n", &out),
      RT_EXEC_OK);
  ck_assert_str_eq(out, "stopped\n");
  // Loops inside builtins are interruptible too.
  fake_hal_interrupt_after(2);
  ck_assert_int_eq(tu_run("sum(range(10 ** 12))\n", &out), RT_EXEC_EXCEPTION);
  ck_assert_ptr_nonnull(strstr(out, "KeyboardInterrupt\n"));
}
END_TEST

START_TEST(sys_module) {
  const char *out;
  ck_assert_int_eq(
      tu_run("import sys\nprint(sys.platform, sys.implementation.name, sys.implementation._machine)\n"
             "print(type(sys.implementation.version), sys.version_info[0])\n",
             &out),
      RT_EXEC_OK);
  ck_assert_str_eq(out, "esp8266 pyrite ESP module (fake) with ESP8266\n<class 'tuple'> 3\n");
}
END_TEST

// A port module made through the registration API.
static rt_val_t twice(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return rt_small(2 * rt_small_get(args[0]));
}

static void board_init(void *ns) {
  rt_dict_set(ns, rt_qstr_from_cstr("twice"), rt_builtin_new("twice", twice, 1, 1, 0));
  rt_dict_set(ns, rt_qstr_from_cstr("ANSWER"), rt_small(42));
}

static const rt_port_module_t port_mods[] = {{"board", board_init}, {NULL, NULL}};

START_TEST(port_modules) {
  rt_register_modules(port_mods);
  tu_init(128 * 1024);
  const char *out;
  ck_assert_int_eq(tu_run("import board\nprint(board.twice(21), board.ANSWER, board.twice)\n", &out),
                   RT_EXEC_OK);
  ck_assert_str_eq(out, "42 42 <built-in function twice>\n");
  ck_assert_int_eq(tu_run("import nosuch\n", &out), RT_EXEC_EXCEPTION);
  ck_assert_ptr_nonnull(strstr(out, "ModuleNotFoundError: No module named 'nosuch'\n"));
}
END_TEST

int main(void) {
  Suite *s = suite_create("exc");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, traceback_format);
  tcase_add_test(tc, messages_match_cpython);
  tcase_add_test(tc, chained_traceback);
  tcase_add_test(tc, system_exit_codes);
  tcase_add_test(tc, keyboard_interrupt_stops_loop);
  tcase_add_test(tc, sys_module);
  tcase_add_test(tc, port_modules);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

// SPDX-License-Identifier: MIT
// test_frozen.c: modules frozen by cmake/freeze.cmake (the tables of
// tests/frozen/*.py generated at build time) import and run; the import
// order puts C modules first; failures while importing raise and leave
// sys.modules clean.
#include <check.h>
#include <string.h>

#include "frozen.h"
#include "test_util.h"

// Generated from tests/frozen/*.py by pyrite_freeze.
extern const rt_frozen_module_t test_frozen_modules[];

static void setup(void) {
  rt_register_frozen(test_frozen_modules);
  tu_init(128 * 1024);
}
static void teardown(void) {
  rt_register_frozen(NULL);
  tu_done();
}

START_TEST(table_is_generated) {
  // Every source is 4-byte aligned and NUL-terminated (the reader relies on it).
  int n = 0;
  for (const rt_frozen_module_t *m = test_frozen_modules; m->name; m++, n++) {
    ck_assert_uint_eq((uintptr_t)m->source % 4, 0);
    ck_assert_ptr_nonnull(strstr(m->source, "\n"));
  }
  ck_assert_int_eq(n, 5);
}
END_TEST

START_TEST(frozen_module_imports_and_runs) {
  const char *out;
  ck_assert_int_eq(tu_run("import frozen_probe\n"
                          "print(frozen_probe.GREETING)\n"
                          "print(frozen_probe.bump(), frozen_probe.bump())\n"
                          "print(frozen_probe.Box(21).twice())\n"
                          "import frozen_helper, sys\n"
                          "print(frozen_helper.probe_name(), 'frozen_probe' in sys.modules)\n"
                          "import frozen_probe as again\n"
                          "print(again is frozen_probe, again.bump())\n"
                          "from frozen_helper import double\n"
                          "print(double('ab'))\n",
                          &out),
                   RT_EXEC_OK);
  ck_assert_str_eq(out, "hello from frozen_probe\n1 2\n42\nfrozen_probe True\nTrue 3\nabab\n");
}
END_TEST

START_TEST(c_modules_come_first) {
  const char *out;
  ck_assert_int_eq(tu_run("import json\nprint(hasattr(json, 'shadowed'), json.dumps([1]))\n", &out),
                   RT_EXEC_OK);
  ck_assert_str_eq(out, "False [1]\n");
}
END_TEST

START_TEST(failing_import_raises_each_time) {
  const char *out;
  ck_assert_int_eq(tu_run("import sys\n"
                          "for i in range(2):\n"
                          "    try:\n"
                          "        import frozen_broken\n"
                          "    except ValueError as e:\n"
                          "        print(i, e, 'frozen_broken' in sys.modules)\n",
                          &out),
                   RT_EXEC_OK);
  ck_assert_str_eq(out, "0 broken at import False\n1 broken at import False\n");
  ck_assert_int_eq(tu_run("import frozen_broken\n", &out), RT_EXEC_EXCEPTION);
  ck_assert_ptr_nonnull(strstr(out, "File \"<frozen frozen_broken>\", line 4, in <module>\n"));
  ck_assert_ptr_nonnull(strstr(out, "ValueError: broken at import\n"));
  ck_assert_int_eq(tu_run("import frozen_badsyntax\n", &out), RT_EXEC_EXCEPTION);
  ck_assert_ptr_nonnull(strstr(out, "File \"<frozen frozen_badsyntax>\", line 2\n"));
  ck_assert_ptr_nonnull(strstr(out, "SyntaxError"));
  ck_assert_int_eq(tu_run("import frozen_nosuch\n", &out), RT_EXEC_EXCEPTION);
  ck_assert_ptr_nonnull(strstr(out, "ModuleNotFoundError: No module named 'frozen_nosuch'\n"));
}
END_TEST

START_TEST(survives_soft_reset) {
  // The registration is configuration: a fresh rt_init keeps it.
  tu_init(64 * 1024);
  const char *out;
  ck_assert_int_eq(tu_run("import frozen_probe\nprint(frozen_probe.bump())\n", &out), RT_EXEC_OK);
  ck_assert_str_eq(out, "1\n");
}
END_TEST

START_TEST(without_port_table) {
  rt_register_frozen(NULL);
  const char *out;
  ck_assert_int_eq(tu_run("import frozen_probe\n", &out), RT_EXEC_EXCEPTION);
  ck_assert_ptr_nonnull(strstr(out, "ModuleNotFoundError: No module named 'frozen_probe'\n"));
}
END_TEST

int main(void) {
  Suite *s = suite_create("frozen");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, table_is_generated);
  tcase_add_test(tc, frozen_module_imports_and_runs);
  tcase_add_test(tc, c_modules_come_first);
  tcase_add_test(tc, failing_import_raises_each_time);
  tcase_add_test(tc, survives_soft_reset);
  tcase_add_test(tc, without_port_table);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

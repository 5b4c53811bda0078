// SPDX-License-Identifier: MIT
// test_gc.c: the collector under small heaps: MemoryError instead of a
// crash, recovery afterwards, conservative roots, stress collection.
#include <check.h>
#include <string.h>

#include "gc.h"
#include "obj_list.h"
#include "state.h"
#include "test_util.h"

static void teardown(void) {
  tu_done();
}

START_TEST(init_fits_small_heap) {
  tu_init(16 * 1024);
  const char *out;
  ck_assert_int_eq(tu_run("print(1 + 1)\n", &out), RT_EXEC_OK);
  ck_assert_str_eq(out, "2\n");
}
END_TEST

START_TEST(big_list_gives_memory_error) {
  tu_init(24 * 1024);
  const char *out;
  rt_exec_status_t st =
      tu_run("def grow():\n    x = []\n    while True:\n        x.append([1, 2, 3])\ngrow()\n", &out);
  ck_assert_int_eq(st, RT_EXEC_EXCEPTION);
  ck_assert_str_eq(out, "Traceback (most recent call last):\n  File \"<stdin>\", line 5, in <module>\n"
                        "  File \"<stdin>\", line 4, in grow\nMemoryError\n");
  // The interpreter survives and runs code again, even in the same heap.
  ck_assert_int_eq(tu_run("print(sum(range(10)))\n", &out), RT_EXEC_OK);
  ck_assert_str_eq(out, "45\n");
  ck_assert_int_eq(tu_run("y = [0] * 100000\n", &out), RT_EXEC_EXCEPTION);
  ck_assert_ptr_nonnull(strstr(out, "MemoryError"));
  ck_assert_int_eq(tu_run("print('ok', len(str(2 ** 100)))\n", &out), RT_EXEC_OK);
  ck_assert_str_eq(out, "ok 31\n");
  // A global that holds the heap: MemoryError; del (an input of its own,
  // since compiling needs heap too) lets small programs run again. (A
  // stale register copy may keep the list itself alive for a while: the
  // collector is conservative.)
  ck_assert_int_eq(tu_run("g = []\nwhile True:\n    g.append('abcdefgh' * 4)\n", &out), RT_EXEC_EXCEPTION);
  ck_assert_int_eq(tu_run("del g\n", &out), RT_EXEC_OK);
  ck_assert_int_eq(tu_run("print(7)\n", &out), RT_EXEC_OK);
  ck_assert_str_eq(out, "7\n");
}
END_TEST

START_TEST(memory_error_is_catchable) {
  tu_init(24 * 1024);
  const char *out;
  ck_assert_int_eq(tu_run("try:\n    s = 'ab' * 1000000\nexcept MemoryError:\n    print('caught')\n", &out),
                   RT_EXEC_OK);
  ck_assert_str_eq(out, "caught\n");
}
END_TEST

START_TEST(deep_recursion_small_heap) {
  tu_init(20 * 1024);
  const char *out;
  rt_exec_status_t st = tu_run("def f(n):\n    return f(n + 1) + 1\nf(0)\n", &out);
  ck_assert_int_eq(st, RT_EXEC_EXCEPTION);
  ck_assert(strstr(out, "RecursionError") || strstr(out, "MemoryError"));
  ck_assert_int_eq(tu_run("print('alive')\n", &out), RT_EXEC_OK);
  ck_assert_str_eq(out, "alive\n");
}
END_TEST

START_TEST(garbage_is_reclaimed) {
  tu_init(48 * 1024);
  const char *out;
  // Each round allocates far more than the heap in total.
  ck_assert_int_eq(tu_run("for i in range(200):\n    l = [str(j) for j in range(50)]\nprint(len(l))\n", &out),
                   RT_EXEC_OK);
  ck_assert_str_eq(out, "50\n");
  ck_assert(rt_state->gc_collections > 0);
}
END_TEST

START_TEST(conservative_stack_roots) {
  tu_init(32 * 1024);
  rt_state->stack_base = (char *)__builtin_frame_address(0) + 2048;
  rt_val_t l = rt_list_new(3);
  rt_list_append(l, rt_small(7));
  char *raw = rt_gc_alloc(100, RT_GC_LEAF);
  memset(raw, 'x', 100);
  rt_gc_collect();
  // Still allocated: the C locals above keep them alive.
  ck_assert_uint_gt(rt_gc_size((void *)l), 0);
  ck_assert_uint_ge(rt_gc_size(raw), 100);
  ck_assert_uint_eq(rt_obj_len(l), 4);
  ck_assert_int_eq(raw[99], 'x');
  rt_state->stack_base = NULL;
}
END_TEST

START_TEST(stress_collection_runs_programs) {
  tu_init(96 * 1024);
  rt_state->gc_stress = true;
  const char *out;
  rt_exec_status_t st = tu_run("class P:\n    def __init__(self, v):\n        self.v = v\n"
                               "d = {}\n"
                               "for i in range(30):\n    d[str(i)] = P([i, i * 2])\n"
                               "def mk(k):\n    return lambda: k * 2\n"
                               "fs = [mk(i) for i in range(5)]\n"
                               "print(sum(p.v[1] for p in d.values()), [f() for f in fs], 2 ** 80)\n",
                               &out);
  ck_assert_int_eq(st, RT_EXEC_OK);
  ck_assert_str_eq(out, "870 [0, 2, 4, 6, 8] 1208925819614629174706176\n");
  rt_state->gc_stress = false;
}
END_TEST

int main(void) {
  Suite *s = suite_create("gc");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, NULL, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, init_fits_small_heap);
  tcase_add_test(tc, big_list_gives_memory_error);
  tcase_add_test(tc, memory_error_is_catchable);
  tcase_add_test(tc, deep_recursion_small_heap);
  tcase_add_test(tc, garbage_is_reclaimed);
  tcase_add_test(tc, conservative_stack_roots);
  tcase_add_test(tc, stress_collection_runs_programs);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

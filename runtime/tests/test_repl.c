// SPDX-License-Identifier: MIT
// test_repl.c: REPL byte streams, compared byte for byte with
// PROTOCOLS.md section 1.
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "fake_hal.h"
#include "hal.h"
#include "repl.h"
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

#define KBD_INTR_TB                                                                                          \
  "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nKeyboardInterrupt\r\n"

START_TEST(ctrl_c_stops_a_tight_loop) {
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  fake_hal_interrupt_after(50);
  STREAM(&m, "while 1: pass\r\r1\r", BANNER ">>> while 1: pass\r\n... \r\n" KBD_INTR_TB ">>> 1\r\n1\r\n>>> ");
  // The interrupt character is data again at the prompt.
  ck_assert_int_eq(fake_hal_interrupt_char(), -1);
}
END_TEST

START_TEST(ctrl_c_stops_a_sleep) {
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  fake_hal_interrupt_after(5);
  STREAM(&m, "import time\rtime.sleep(1000)\r",
         BANNER ">>> import time\r\n>>> time.sleep(1000)\r\n" KBD_INTR_TB ">>> ");
  fake_hal_interrupt_after(5);
  STREAM(&m, "import time\rtime.sleep_ms(10**6)\r",
         BANNER ">>> import time\r\n>>> time.sleep_ms(10**6)\r\n" KBD_INTR_TB ">>> ");
  // The fake clock shows both sleeps stopped after a few 10 ms slices.
  ck_assert_uint_lt(hal_ticks_us(), 1000000);
}
END_TEST

START_TEST(heap_left_locked_is_unlocked) {
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  STREAM(&m, "import micropython\rmicropython.heap_lock()\r[1, 2]\rmicropython.heap_locked()\r",
         BANNER ">>> import micropython\r\n>>> micropython.heap_lock()\r\n>>> [1, 2]\r\n[1, 2]\r\n"
                ">>> micropython.heap_locked()\r\n0\r\n>>> ");
}
END_TEST

START_TEST(scheduled_call_runs_before_the_prompt) {
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  STREAM(&m, "import micropython\rmicropython.schedule(print, 'ran'); print('first')\r",
         BANNER ">>> import micropython\r\n>>> micropython.schedule(print, 'ran'); print('first')\r\n"
                "first\r\nran\r\n>>> ");
}
END_TEST

START_TEST(soft_reset_clears_the_heap) {
  // Ctrl-D at the prompt hands control back to the port; after rt_init
  // (what the port does) names defined before are gone.
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  ck_assert_int_eq(STREAM(&m, "x = 1\r\x04", BANNER ">>> x = 1\r\n>>> \r\n"), RT_REPL_SOFT_RESET);
  tu_init(128 * 1024);
  STREAM(&m, "x\r",
         BANNER ">>> x\r\nTraceback (most recent call last):\r\n  File \"<stdin>\", line 1, in "
                "<module>\r\nNameError: name 'x' is not defined\r\n>>> ");
}
END_TEST

START_TEST(stdin_reads_the_console) {
  rt_repl_mode_t m = RT_REPL_FRIENDLY;
  STREAM(&m, "import sys\rsys.stdin.read(2)\rabsys.stdin.readline()\rxy\nsys.stdin.read()\rq\x03",
         BANNER ">>> import sys\r\n>>> sys.stdin.read(2)\r\n'ab'\r\n>>> sys.stdin.readline()\r\n'xy\\n'\r\n"
                ">>> sys.stdin.read()\r\n" KBD_INTR_TB ">>> ");
}
END_TEST

START_TEST(mem_info_and_qstr_info_report) {
  const char *out;
  ck_assert_int_eq(
      tu_run("import micropython\nzq_made_at_run_time = 1\nmicropython.mem_info()\nmicropython.qstr_info()\n",
             &out),
      RT_EXEC_OK);
  unsigned long total, used, free_bytes, peak, n_qstr;
  const char *gc = strstr(out, "GC: total: ");
  ck_assert_ptr_nonnull(strstr(out, "stack: "));
  ck_assert_ptr_nonnull(gc);
  ck_assert_int_eq(
      sscanf(gc, "GC: total: %lu, used: %lu, free: %lu, peak: %lu", &total, &used, &free_bytes, &peak), 4);
  ck_assert_uint_eq(used + free_bytes, total);
  ck_assert_uint_ge(peak, used);
  ck_assert_uint_le(total, 128 * 1024);
  const char *q = strstr(out, "qstr pool: ");
  ck_assert_ptr_nonnull(q);
  ck_assert_int_eq(sscanf(q, "qstr pool: n_builtin=%*u, n_qstr=%lu", &n_qstr), 1);
  ck_assert_uint_gt(n_qstr, 0); // zq_made_at_run_time
}
END_TEST

// A first line ending in ':' opens a block, so the soft keyword match
// continues while match(...) as a call does not.
START_TEST(continuation_rules) {
  static const struct {
    const char *code;
    bool more;
  } cases[] = {
      {"match x:", true},
      {"match x:  # cases follow", true},
      {"match(x)", false},
      {"match = 3", false},
      {"d = {1:", true},
      {"x = y[1:]", false},
      {"s = 'a:'", false},
      {"if x:", true},
      {"if x:\n    pass\n", false},
      {"match x:\n    case 1:\n        pass", true},
      {"print(1)  # a:", false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    ck_assert_msg(rt_repl_continue(cases[i].code, strlen(cases[i].code)) == cases[i].more, "%s",
                  cases[i].code);
}
END_TEST

int main(void) {
  Suite *s = suite_create("repl");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, raw_entry_from_friendly);
  tcase_add_test(tc, continuation_rules);
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
  tcase_add_test(tc, ctrl_c_stops_a_tight_loop);
  tcase_add_test(tc, ctrl_c_stops_a_sleep);
  tcase_add_test(tc, heap_left_locked_is_unlocked);
  tcase_add_test(tc, scheduled_call_runs_before_the_prompt);
  tcase_add_test(tc, soft_reset_clears_the_heap);
  tcase_add_test(tc, mem_info_and_qstr_info_report);
  tcase_add_test(tc, stdin_reads_the_console);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

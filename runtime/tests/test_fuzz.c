// SPDX-License-Identifier: MIT
// test_fuzz.c: robustness. Thousands of random and mutated snippets go
// through compile + exec in a small heap; every one must end in a normal
// status (an exception at worst), never a crash or a hang. Endless loops
// are stopped by the fake HAL's keyboard interrupt.
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_hal.h"
#include "state.h"
#include "test_util.h"

static const char *const seeds[] = {
    "x = [1, 2, 3]\nfor i in x:\n    print(i * 2)\n",
    "def f(a, b=2, *c, **d):\n    return a + b\nprint(f(1), f(1, 2, 3, k=4))\n",
    "class A:\n    def __init__(self):\n        self.v = 1\n    def __repr__(self):\n        return "
    "'A'\nprint(A(), A().v)\n",
    "try:\n    1/0\nexcept ZeroDivisionError as e:\n    print(e)\nfinally:\n    print('f')\n",
    "d = {'a': 1}\nd['b'] = [1, (2, 3)]\nprint(d, d.get('c', 0), list(d.items()))\n",
    "s = 'hello'\nprint(s[1:3], s.upper(), s.split('l'), '%s-%d' % (s, 3), f'{s!r:>9}')\n",
    "g = (i * i for i in range(5))\nprint(sum(g), [x for x in range(10) if x % 3 == 0])\n",
    "while True:\n    n = 1\n",
    "def r(n):\n    return r(n + 1)\nr(0)\n",
    "import sys\nprint(sys.platform)\nwith open('x') as f:\n    pass\n",
    "a, *b = range(5)\nprint(a, b, 2 ** 100 // 3, -7 // 2, 7.5 % 2)\n",
    "x = 1\ndef outer():\n    y = 2\n    def inner():\n        nonlocal y\n        y += x\n        return "
    "y\n    return inner()\nprint(outer())\n",
    "print(sorted([3, 1, 2], key=lambda v: -v), {1, 2} | {3}, max('abc'), min([], default=0))\n",
    "l = []\nwhile True:\n    l.append('x' * 100)\n",
};

static const char *const fragments[] = {
    "(",        ")",      "[",          "]",        "{",       "}",     ":",     ",",     ".",       "=",
    "+",        "-",      "*",          "**",       "/",       "//",    "%",     "<",     ">",       "==",
    "!=",       "if",     "else",       "elif",     "for",     "in",    "while", "def",   "class",   "return",
    "yield",    "lambda", "try",        "except",   "finally", "raise", "with",  "as",    "import",  "from",
    "not",      "and",    "or",         "is",       "None",    "True",  "False", "x",     "y",       "f",
    "print",    "len",    "range",      "1",        "0",       "-1",    "2.5",   "'s'",   "\"t\"",   "f'{x}'",
    "\n",       "\n    ", "\n        ", " ",        "\\",      "#",     "@",     "...",   "del",     "global",
    "nonlocal", "pass",   "break",      "continue", "assert",  "*x",    "**k",   "1e308", "10**100", "'''",
    "\t",       ":=",     "->",         "async",    "await",
};

static unsigned long rng = 12345;
static unsigned rnd(unsigned n) {
  rng = rng * 6364136223846793005ul + 1442695040888963407ul;
  return (unsigned)((rng >> 33) % n);
}

// One snippet: a seed, mutated by deleting, duplicating or inserting
// random fragments and bytes; or pure fragment soup.
static size_t make_snippet(char *buf, size_t cap) {
  size_t n = 0;
  if (rnd(4) == 0) {
    int k = 1 + (int)rnd(40);
    for (int i = 0; i < k; i++) {
      const char *f = fragments[rnd(sizeof fragments / sizeof fragments[0])];
      size_t l = strlen(f);
      if (n + l + 2 >= cap) break;
      memcpy(buf + n, f, l);
      n += l;
      buf[n++] = rnd(3) ? ' ' : '\n';
    }
    return n;
  }
  const char *s = seeds[rnd(sizeof seeds / sizeof seeds[0])];
  n = strlen(s);
  memcpy(buf, s, n);
  int edits = (int)rnd(6);
  for (int e = 0; e < edits && n > 2; e++) {
    size_t at = rnd((unsigned)n);
    switch (rnd(4)) {
    case 0: { // delete a span
      size_t len = 1 + rnd(8);
      if (at + len > n) len = n - at;
      memmove(buf + at, buf + at + len, n - at - len);
      n -= len;
      break;
    }
    case 1: { // insert a fragment
      const char *f = fragments[rnd(sizeof fragments / sizeof fragments[0])];
      size_t l = strlen(f);
      if (n + l >= cap) break;
      memmove(buf + at + l, buf + at, n - at);
      memcpy(buf + at, f, l);
      n += l;
      break;
    }
    case 2: // flip a byte to anything
      buf[at] = (char)rnd(256);
      break;
    default: { // duplicate a span
      size_t len = 1 + rnd(16);
      if (at + len > n) len = n - at;
      if (n + len >= cap) break;
      memmove(buf + at + len, buf + at, n - at);
      n += len;
      break;
    }
    }
  }
  return n;
}

START_TEST(random_snippets_never_crash) {
  tu_init(48 * 1024);
  char buf[2048];
  int statuses[3] = {0, 0, 0};
  int runs = getenv("FUZZ_RUNS") ? atoi(getenv("FUZZ_RUNS")) : 3000;
  if (getenv("FUZZ_SEED")) rng = strtoul(getenv("FUZZ_SEED"), NULL, 0);
  for (int i = 0; i < runs; i++) {
    size_t n = make_snippet(buf, sizeof buf);
    fake_hal_interrupt_after(20);
    fake_hal_clear_output();
    if (getenv("FUZZ_VERBOSE")) fprintf(stderr, "--- %d\n%.*s\n", i, (int)n, buf);
    rt_exec_status_t st = rt_exec_source(buf, n, "<stdin>", NULL);
    ck_assert(st == RT_EXEC_OK || st == RT_EXEC_EXCEPTION || st == RT_EXEC_SYSTEM_EXIT);
    statuses[st]++;
    ck_assert_int_eq(rt_state->depth, 0);
    ck_assert_ptr_null(rt_state->nlr_top);
    // Restart now and then so that one bad heap state cannot hide others.
    if (i % 500 == 499) tu_init(48 * 1024);
  }
  fake_hal_interrupt_after(0);
  ck_assert_int_gt(statuses[RT_EXEC_OK], 0);
  ck_assert_int_gt(statuses[RT_EXEC_EXCEPTION], 0);
  tu_done();
}
END_TEST

START_TEST(deep_nesting_is_an_error_not_a_crash) {
  tu_init(64 * 1024);
  static char buf[40000];
  size_t n = 0;
  buf[n++] = 'x';
  buf[n++] = '=';
  for (int i = 0; i < 5000; i++)
    buf[n++] = '(';
  buf[n++] = '1';
  for (int i = 0; i < 5000; i++)
    buf[n++] = ')';
  buf[n++] = '\n';
  ck_assert_int_eq(rt_exec_source(buf, n, "<stdin>", NULL), RT_EXEC_EXCEPTION);
  n = 0;
  for (int i = 0; i < 3000; i++)
    n += (size_t)sprintf(buf + n, "-");
  buf[n++] = '1';
  buf[n++] = '\n';
  ck_assert(rt_exec_source(buf, n, "<stdin>", NULL) != RT_EXEC_SYSTEM_EXIT);
  n = (size_t)sprintf(buf, "l = [1]\nfor i in range(20000):\n    l = [l]\nprint(len(str(l)))\n");
  ck_assert(rt_exec_source(buf, n, "<stdin>", NULL) != RT_EXEC_SYSTEM_EXIT);
  tu_done();
}
END_TEST

int main(void) {
  Suite *s = suite_create("fuzz");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, random_snippets_never_crash);
  tcase_add_test(tc, deep_nesting_is_an_error_not_a_crash);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

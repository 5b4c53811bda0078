// SPDX-License-Identifier: MIT
// test_py.c: runs every tests/py/NAME.py and compares its output with
// NAME.exp (produced by CPython 3.11). Also reruns the corpus with a
// collection before every allocation, and in the board's 38 KB heap.
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "test_util.h"

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  size_t got = fread(b, 1, (size_t)n, f);
  b[got] = 0;
  fclose(f);
  return b;
}

// Runs the corpus with [heap] bytes; [stress] collects on every allocation.
static int run_corpus(size_t heap, bool stress) {
  DIR *d = opendir(RT_TEST_PY_DIR);
  ck_assert_ptr_nonnull(d);
  struct dirent *e;
  int failures = 0, count = 0;
  while ((e = readdir(d))) {
    size_t n = strlen(e->d_name);
    if (n < 4 || strcmp(e->d_name + n - 3, ".py") != 0) continue;
    char path[1024], exp[1024];
    snprintf(path, sizeof path, "%s/%s", RT_TEST_PY_DIR, e->d_name);
    snprintf(exp, sizeof exp, "%s/%.*s.exp", RT_TEST_PY_DIR, (int)(n - 3), e->d_name);
    char *src = slurp(path), *want = slurp(exp);
    if (!src || !want) continue;
    tu_init(heap);
    rt_state->gc_stress = stress;
    const char *out;
    tu_run(src, &out);
    count++;
    if (strcmp(out, want) != 0) {
      failures++;
      fprintf(stderr, "MISMATCH %s (heap %zu%s)\n--- got ---\n%s--- want ---\n%s", e->d_name, heap,
              stress ? ", stress" : "", out, want);
    }
    free(src);
    free(want);
    tu_done();
  }
  closedir(d);
  ck_assert_int_gt(count, 0);
  return failures;
}

START_TEST(corpus) {
  ck_assert_int_eq(run_corpus(512 * 1024, false), 0);
}
END_TEST

// The board's 38 KB heap holds 32-bit words; on a 64-bit host the same
// objects take about twice the room, so the host test scales the heap.
START_TEST(corpus_board_heap) {
  ck_assert_int_eq(run_corpus(38 * 1024 * sizeof(void *) / 4, false), 0);
}
END_TEST

START_TEST(corpus_gc_stress) {
  ck_assert_int_eq(run_corpus(96 * 1024, true), 0);
}
END_TEST

int main(void) {
  Suite *s = suite_create("py");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, corpus);
  tcase_add_test(tc, corpus_board_heap);
  tcase_add_test(tc, corpus_gc_stress);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}

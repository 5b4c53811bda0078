// SPDX-License-Identifier: MIT
// test_util.c: shared helpers of the runtime's Check tests.
#include <stdlib.h>
#include <string.h>

#include "fake_hal.h"
#include "test_util.h"

static void *heap;
static char *cooked;

void tu_init(size_t size) {
  free(heap);
  heap = aligned_alloc(16, (size + 15) & ~(size_t)15);
  rt_init(heap, size);
  fake_hal_clear_output();
  fake_hal_set_input("", 0);
}

void tu_done(void) {
  free(heap);
  heap = NULL;
}

rt_exec_status_t tu_run(const char *src, const char **out) {
  fake_hal_clear_output();
  rt_exec_status_t st = rt_exec_source(src, strlen(src), "<stdin>", NULL);
  size_t len;
  const char *raw = fake_hal_output(&len);
  free(cooked);
  cooked = malloc(len + 1);
  size_t k = 0;
  for (size_t i = 0; i < len; i++)
    if (!(raw[i] == '\r' && i + 1 < len && raw[i + 1] == '\n')) cooked[k++] = raw[i];
  cooked[k] = 0;
  if (out) *out = cooked;
  return st;
}

rt_repl_result_t tu_repl(rt_repl_mode_t *mode, const char *in, size_t len, const char **out,
                         size_t *out_len) {
  fake_hal_clear_output();
  fake_hal_set_input(in, len);
  rt_repl_result_t r = rt_repl(mode);
  *out = fake_hal_output(out_len);
  return r;
}

// SPDX-License-Identifier: MIT
// pyrun.c: a developer tool, not a test: runs a Python file through the
// runtime with the fake HAL and copies the console output to stdout
// ("\r\n" turned back into "\n"), so results can be compared with CPython.
//   pyrun FILE [HEAP_BYTES]
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_hal.h"
#include "runtime.h"
#include "compile.h"
#include "disasm.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

static size_t census_bytes[64];
static const void *census_type[64];
static size_t census_raw, census_leaf, census_n;
static size_t census_total;
static void census_cb(void *p, size_t bytes, bool leaf, void *ctx) {
  (void)ctx;
  census_total += bytes;
  if (leaf) {
    census_leaf += bytes;
    return;
  }
  const void *t = *(const void **)p;
  if (!t || rt_gc_in_heap(t) || ((uintptr_t)t & 7)) {
    census_raw += bytes;
    return;
  }
  size_t i = 0;
  while (i < census_n && census_type[i] != t)
    i++;
  if (i == census_n) {
    if (census_n == 64) return;
    census_type[census_n++] = t;
  }
  census_bytes[i] += bytes;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: pyrun FILE [HEAP_BYTES]\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  static char src[1 << 20];
  size_t n = fread(src, 1, sizeof src, f);
  fclose(f);
  size_t heap_size = argc > 2 ? (size_t)strtoul(argv[2], NULL, 0) : 4u << 20;
  void *heap = aligned_alloc(16, (heap_size + 15) & ~(size_t)15);
  rt_init(heap, heap_size);
  if (getenv("PYRUN_DIS")) {
    rt_mem_reader_t m;
    rt_reader_t r;
    rt_reader_mem(&r, &m, src, n);
    rt_nlr_t nlr;
    rt_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
      rt_state->stack_base = __builtin_frame_address(0);
      disasm(rt_compile(r, rt_qstr_from_cstr("<stdin>"), RT_COMPILE_FILE), 0);
      rt_nlr_pop(&nlr);
    }
    rt_state->stack_base = NULL;
  }
  if (getenv("PYRUN_STRESS")) rt_state->gc_stress = true;
  int code = 0;
  rt_exec_status_t st = rt_exec_source(src, n, "<stdin>", &code);
  size_t len;
  const char *out = fake_hal_output(&len);
  for (size_t i = 0; i < len; i++)
    if (!(out[i] == '\r' && i + 1 < len && out[i + 1] == '\n')) putchar(out[i]);
  if (getenv("PYRUN_CENSUS")) {
    fprintf(stderr, "globals %u used before collect %zu\n", (unsigned)rt_state->main_globals->used,
            rt_gc_used());
    rt_gc_collect();
    fprintf(stderr, "globals %u used after collect %zu\n", (unsigned)rt_state->main_globals->used,
            rt_gc_used());
    rt_gc_walk(census_cb, NULL);
    fprintf(stderr, "total %zu leaf %zu raw %zu\n", census_total, census_leaf, census_raw);
    for (size_t i = 0; i < census_n; i++)
      fprintf(stderr, "%s %zu\n", rt_qstr_cstr(((const rt_type_t *)census_type[i])->name), census_bytes[i]);
  }
  if (getenv("PYRUN_MEM")) fprintf(stderr, "heap peak %zu used %zu\n", rt_gc_peak(), rt_gc_used());
  free(heap);
  return st == RT_EXEC_OK ? 0 : st == RT_EXEC_SYSTEM_EXIT ? code : 1;
}

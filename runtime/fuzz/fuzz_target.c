// SPDX-License-Identifier: MIT
// fuzz_target.c: one fuzz input is one Python program. Its bytes go
// through the lexer, parser, compiler and VM of a freshly initialised
// interpreter over a fixed, board-sized heap. Any outcome a Python program
// can have (normal end, exception, SystemExit, out of budget) is fine; a
// sanitizer report, an abort or a broken interpreter invariant afterwards
// is a finding.
//
// libFuzzer drives LLVMFuzzerTestOneInput directly; fuzz_replay.c calls it
// for the kept regression inputs in any build.
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_hal.h"
#include "runtime.h"
#include "state.h"

// 64 KiB on a 64-bit host holds about what the chip's 38 KiB holds (values
// are twice as wide), so MemoryError paths are met often.
#define FUZZ_HEAP_BYTES (64 * 1024)
// VM polls per run before KeyboardInterrupt (a poll is about 1024 jumps or
// calls): enough for nearly every conformance test, short enough for speed.
#define FUZZ_POLL_BUDGET 500L
// Longer inputs only slow the search down.
#define FUZZ_MAX_INPUT 8192

static _Alignas(16) unsigned char heap[FUZZ_HEAP_BYTES];

static void check(int ok, const char *what) {
  if (ok) return;
  fprintf(stderr, "fuzz_target: invariant broken after the run: %s\n", what);
  abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > FUZZ_MAX_INPUT) return 0;
  rt_init(heap, sizeof heap);
  // volatile: read after the longjmp out of an abandoned run.
  static jmp_buf escape;
  volatile int abandoned = 0;
  fuzz_hal_arm(FUZZ_POLL_BUDGET, &escape);
  if (setjmp(escape) == 0) {
    int code = 0;
    rt_exec_status_t st = rt_exec_source((const char *)data, size, "<fuzz>", &code);
    check(st == RT_EXEC_OK || st == RT_EXEC_EXCEPTION || st == RT_EXEC_SYSTEM_EXIT, "status");
  } else {
    abandoned = 1;
  }
  fuzz_hal_disarm();
  if (!abandoned) {
    // What rt_exec_source promises its caller: no handler left pushed, no
    // Python frame or C recursion level left counted.
    check(rt_state->nlr_top == NULL, "nlr_top is NULL");
    check(rt_state->depth == 0, "Python depth is 0");
    check(rt_state->c_depth == 0, "C depth is 0");
    check(rt_state->stack_base == NULL, "stack base cleared");
  }
  return 0;
}

// SPDX-License-Identifier: MIT
// runtime.c: interpreter initialisation and the small parts of the
// embedding API (runtime.h) that are not the REPL or code execution.
#include <string.h>

#include "runtime.h"
#include "builtins.h"
#include "gc.h"
#include "hal.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

rt_state_t *rt_state;

void rt_init(void *heap, size_t heap_size) {
  uintptr_t a = ((uintptr_t)heap + 15) & ~(uintptr_t)15;
  size_t lost = a - (uintptr_t)heap;
  size_t st = (sizeof(rt_state_t) + 15) & ~(size_t)15;
  if (heap_size < lost + st + 4096) hal_fatal("rt_init: heap too small");
  rt_state = (rt_state_t *)a;
  memset(rt_state, 0, sizeof *rt_state);
  rt_state->stack_base = __builtin_frame_address(0);
  rt_gc_init((char *)a + st, heap_size - lost - st);
  size_t depth = heap_size / (sizeof(void *) * 48);
  rt_state->max_depth = depth < 20 ? 20 : depth > RT_MAX_DEPTH ? RT_MAX_DEPTH : (int)depth;
  rt_state->poll_countdown = RT_POLL_INTERVAL;
  // Nothing can catch an exception during initialisation; a heap that
  // cannot hold the base objects is a port bug.
  rt_nlr_t nlr;
  rt_nlr_push(&nlr);
  if (setjmp(nlr.jb) != 0) hal_fatal("rt_init: heap too small for the interpreter");
  rt_qstr_init();
  rt_state->memory_error = rt_exc_new(&rt_exc_MemoryError, 0, NULL);
  // Room for a traceback, since there is none to allocate when it is raised.
  rt_exc_t *me = (rt_exc_t *)rt_state->memory_error;
  me->tb_cap = 8;
  me->traceback = rt_gc_alloc(me->tb_cap * 2 * sizeof(rt_val_t), 0);
  rt_builtins_init();
  rt_state->modules = rt_dict_new(4);
  rt_state->main_globals = rt_dict_new(8);
  rt_dict_set(rt_state->main_globals, RT_QV(__name__), RT_QV(__main__));
  rt_dict_set(rt_state->main_globals, RT_QV(__builtins__), rt_val(rt_state->builtins));
  rt_nlr_pop(&nlr);
  rt_state->stack_base = NULL;
  hal_set_interrupt_char(-1);
}

void rt_keyboard_interrupt(void) {
  if (rt_state) rt_state->interrupt = 1;
}

void rt_print_banner(void) {
  const char *board = hal_board_name();
  rt_print_raw(RT_FIRMWARE_NAME " v" PYRITE_VERSION " on " PYRITE_BUILD_DATE "; ",
               sizeof(RT_FIRMWARE_NAME " v" PYRITE_VERSION " on " PYRITE_BUILD_DATE "; ") - 1);
  rt_print_raw(board, strlen(board));
  static const char hint[] = "\r\nType \"help()\" for more information.\r\n";
  rt_print_raw(hint, sizeof hint - 1);
}

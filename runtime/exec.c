// SPDX-License-Identifier: MIT
// exec.c: running code from the embedding API and the REPLs.
#include "exec.h"
#include "gc.h"
#include "hal.h"
#include "obj_exc.h"
#include "obj_int.h"
#include "obj_str.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"
#include "vm.h"

// Resets the per-run interpreter state after an exception reached the top.
static void reset_run_state(void) {
  rt_state->frame = NULL;
  rt_state->depth = 0;
  rt_state->c_depth = 0;
  rt_state->cur_exc = RT_NULL;
  rt_state->reraise = false;
}

rt_val_t rt_exec_run(rt_reader_t reader, rt_val_t filename, rt_compile_mode_t mode) {
  rt_gc_scrub_stack();
  rt_nlr_t nlr;
  rt_nlr_push(&nlr);
  if (setjmp(nlr.jb) == 0) {
    rt_code_t *code = rt_compile(reader, filename, mode);
    rt_state->interrupt = 0;
    hal_set_interrupt_char(3);
    rt_vm_run_module(code, rt_state->main_globals);
    hal_set_interrupt_char(-1);
    rt_nlr_pop(&nlr);
    // A Ctrl-C that arrived after the last check is dropped.
    rt_state->interrupt = 0;
    return RT_NULL;
  }
  hal_set_interrupt_char(-1);
  rt_state->interrupt = 0;
  reset_run_state();
  return nlr.exc;
}

static rt_val_t print_line(rt_val_t v, rt_val_t unused) {
  (void)unused;
  rt_obj_print(&rt_print_console, v, false);
  rt_print_str(&rt_print_console, "\n", 1);
  return RT_NONE;
}

static rt_val_t print_exc(rt_val_t exc, rt_val_t unused) {
  (void)unused;
  rt_exc_print(&rt_print_console, exc);
  return RT_NONE;
}

rt_exec_status_t rt_exec_report(rt_val_t exc, int *exit_code) {
  if (!exc) return RT_EXEC_OK;
  if (rt_obj_isinstance(exc, &rt_exc_SystemExit)) {
    rt_val_t code = rt_exc_first_arg(exc);
    int c = 0;
    if (rt_is_small(code))
      c = (int)rt_small_get(code);
    else if (code == RT_TRUE)
      c = 1;
    else if (code != RT_NONE && code != RT_FALSE) {
      // sys.exit("message"): CPython prints the message and exits with 1.
      rt_val_t ignored;
      rt_nlr_try(print_line, code, RT_NULL, &ignored);
      c = 1;
    }
    if (exit_code) *exit_code = c;
    return RT_EXEC_SYSTEM_EXIT;
  }
  rt_val_t ignored;
  if (!rt_nlr_try(print_exc, exc, RT_NULL, &ignored))
    rt_print_cstr(&rt_print_console, "MemoryError: while printing an exception\n");
  reset_run_state();
  return RT_EXEC_EXCEPTION;
}

static rt_val_t intern_name(rt_val_t cstr_ptr, rt_val_t unused) {
  (void)unused;
  return rt_qstr_from_cstr((const char *)cstr_ptr);
}

rt_exec_status_t rt_exec_source(const char *src, size_t len, const char *filename, int *exit_code) {
  void *here = __builtin_frame_address(0), *saved = rt_state->stack_base;
  if (!saved || (uintptr_t)here > (uintptr_t)saved) rt_state->stack_base = here;
  rt_exec_status_t st;
  rt_val_t fname;
  if (!rt_nlr_try(intern_name, (rt_val_t)(filename ? filename : "<string>"), RT_NULL, &fname)) {
    st = rt_exec_report(fname, exit_code);
  } else {
    rt_mem_reader_t m;
    rt_reader_t r;
    rt_reader_mem(&r, &m, src, len);
    st = rt_exec_report(rt_exec_run(r, fname, RT_COMPILE_FILE), exit_code);
  }
  rt_state->stack_base = saved;
  return st;
}

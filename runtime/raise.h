// SPDX-License-Identifier: MIT
// raise.h: the one error mechanism inside the runtime, a chain of setjmp
// buffers. Code that must catch pushes a rt_nlr_t, calls setjmp on it and
// pops it on the normal path; rt_raise pops the innermost one and jumps
// there with the exception in ->exc. No longjmp leaves the runtime: every
// entry point in runtime.h catches.
//
//   rt_nlr_t nlr;
//   rt_nlr_push(&nlr);
//   if (setjmp(nlr.jb) == 0) { ...; rt_nlr_pop(&nlr); }
//   else { ... nlr.exc ... }
#ifndef RT_RAISE_H
#define RT_RAISE_H

#include <setjmp.h>
#include <stdarg.h>

#include "obj.h"

struct rt_nlr {
  struct rt_nlr *prev;
  rt_val_t exc;    // the exception, once caught
  int c_depth;     // rt_state->c_depth at push, restored on catch
  int print_depth; // rt_state->print_depth at push, restored on catch
  jmp_buf jb;
};
typedef struct rt_nlr rt_nlr_t;

void rt_nlr_push(rt_nlr_t *n);
// Pops [n], which must be the innermost handler.
void rt_nlr_pop(rt_nlr_t *n);

// Calls fn(a, b), catching any exception: returns true with the result in
// *out, or false with the exception in *out. Keeps setjmp out of callers.
bool rt_nlr_try(rt_val_t (*fn)(rt_val_t a, rt_val_t b), rt_val_t a, rt_val_t b, rt_val_t *out);

// Raises exception instance (or class) [exc]. Never returns.
__attribute__((noreturn)) void rt_raise(rt_val_t exc);
// Raises a new [type] instance whose message is formatted from [fmt] (see
// print.h for the conversions).
__attribute__((noreturn)) void rt_raise_msg(const rt_type_t *type, const char *fmt, ...);
// Raises the preallocated MemoryError.
__attribute__((noreturn)) void rt_raise_memory_error(void);
// Enters / leaves one level of C recursion, raising RecursionError when
// RT_MAX_C_DEPTH levels or RT_C_STACK_MAX bytes of C stack are passed.
void rt_c_enter(void);
static inline void rt_c_leave(void);

#include "state.h"
static inline void rt_c_leave(void) {
  rt_state->c_depth--;
}

#endif

// SPDX-License-Identifier: MIT
// raise.c: the setjmp chain and the raise helpers.
#include "raise.h"
#include "hal.h"
#include "obj_exc.h"
#include "print.h"
#include "state.h"

void rt_nlr_push(rt_nlr_t *n) {
  n->prev = rt_state->nlr_top;
  n->exc = RT_NULL;
  n->c_depth = rt_state->c_depth;
  n->print_depth = rt_state->print_depth;
  rt_state->nlr_top = n;
}

void rt_nlr_pop(rt_nlr_t *n) {
  rt_state->nlr_top = n->prev;
}

void rt_raise(rt_val_t exc) {
  rt_nlr_t *n = rt_state->nlr_top;
  if (!n) hal_fatal("uncaught exception outside the runtime");
  if (rt_is_type(exc)) exc = rt_obj_call((rt_val_t)exc, 0, NULL, NULL);
  if (!rt_obj_isinstance(exc, &rt_exc_BaseException))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("exceptions must derive from BaseException"));
  rt_state->nlr_top = n->prev;
  rt_state->c_depth = n->c_depth;
  rt_state->print_depth = n->print_depth;
  n->exc = exc;
  longjmp(n->jb, 1);
}

void rt_raise_msg(const rt_type_t *type, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rt_val_t msg = rt_print_vformat_str(fmt, ap);
  va_end(ap);
  rt_raise(rt_exc_new1(type, msg));
}

void rt_raise_memory_error(void) {
  rt_exc_t *e = (rt_exc_t *)rt_state->memory_error;
  e->tb_len = 0; // keeps its preallocated traceback room (see rt_init)
  e->context = RT_NULL;
  e->cause = RT_NULL;
  rt_raise(rt_state->memory_error);
}

void rt_c_enter(void) {
  char *sp = __builtin_frame_address(0), *base = rt_state->stack_base;
  if (++rt_state->c_depth > RT_MAX_C_DEPTH || (base && (size_t)(base - sp) > RT_C_STACK_MAX)) {
    rt_state->c_depth -= 8; // room to build and raise the error
    rt_raise_msg(&rt_exc_RecursionError, RT_MSG("maximum recursion depth exceeded"));
  }
}

__attribute__((noinline)) bool rt_nlr_try(rt_val_t (*fn)(rt_val_t a, rt_val_t b), rt_val_t a, rt_val_t b,
                                          rt_val_t *out) {
  rt_nlr_t nlr;
  rt_nlr_push(&nlr);
  if (setjmp(nlr.jb) == 0) {
    *out = fn(a, b);
    rt_nlr_pop(&nlr);
    return true;
  }
  *out = nlr.exc;
  return false;
}

// SPDX-License-Identifier: MIT
// obj_gen.c: the generator type (iteration, send, throw, close) and the
// resume/close machinery it shares with coroutines and async generators.
#include "obj_gen.h"
#include "gc.h"
#include "obj_str.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "vm.h"

rt_val_t rt_gen_new(rt_frame_t *frame) {
  rt_gen_t *g = rt_gc_alloc(sizeof *g, 0);
  unsigned flags = frame->code->flags;
  g->type = (flags & RT_CODE_COROUTINE)   ? &rt_coro_type
            : (flags & RT_CODE_ASYNC_GEN) ? &rt_async_gen_type
                                          : &rt_gen_type;
  g->frame = frame;
  g->state = RT_GEN_CREATED;
  return rt_val(g);
}

// The word messages use for [g]'s kind.
static const char *kind_name(const rt_gen_t *g) {
  return g->type == &rt_coro_type        ? "coroutine"
         : g->type == &rt_async_gen_type ? "async generator"
                                         : "generator";
}

// PEP 479: StopIteration (and, from an async generator, StopAsyncIteration)
// escaping the frame becomes RuntimeError, with the original as cause.
static rt_val_t convert_stop(rt_gen_t *g, rt_val_t err) {
  const char *what;
  if (rt_obj_isinstance(err, &rt_exc_StopIteration))
    what = "StopIteration";
  else if (g->type == &rt_async_gen_type && rt_obj_isinstance(err, &rt_exc_StopAsyncIteration))
    what = "StopAsyncIteration";
  else
    return err;
  rt_vstr_t v;
  rt_printer_t p;
  rt_print_buffer(&p, &v);
  rt_print_format(&p, "%s raised %s", kind_name(g), what);
  rt_val_t e = rt_exc_new1(&rt_exc_RuntimeError, rt_print_buffer_str(&p));
  ((rt_exc_t *)e)->cause = err;
  return e;
}

rt_val_t rt_gen_resume(rt_val_t gen, rt_val_t v, rt_val_t exc, rt_val_t *ret) {
  rt_gen_t *g = (rt_gen_t *)gen;
  if (g->state == RT_GEN_RUNNING)
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("%s already executing"), kind_name(g));
  if (g->state == RT_GEN_DONE) {
    if (g->type == &rt_coro_type)
      rt_raise_msg(&rt_exc_RuntimeError, RT_MSG("cannot reuse already awaited coroutine"));
    if (exc) rt_raise(exc);
    *ret = RT_NONE;
    return RT_NULL;
  }
  if (g->state == RT_GEN_CREATED && v != RT_NONE && !exc)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("can't send non-None value to a just-started %s"), kind_name(g));
  rt_val_t send = g->state == RT_GEN_CREATED ? RT_NULL : v;
  bool done = false;
  rt_val_t err, r = rt_vm_resume(gen, send, exc, &done, &err);
  if (!err) {
    if (done) {
      g->state = RT_GEN_DONE;
      g->frame = NULL;
      *ret = r;
      return RT_NULL;
    }
    g->state = RT_GEN_SUSPENDED;
    return r;
  }
  g->state = RT_GEN_DONE;
  g->frame = NULL;
  rt_raise(convert_stop(g, err));
}

rt_val_t rt_gen_send(rt_val_t gen, rt_val_t v, rt_val_t *ret) {
  return rt_gen_resume(gen, v, RT_NULL, ret);
}

bool rt_gen_in_delegate(rt_val_t gen) {
  rt_gen_t *g = (rt_gen_t *)gen;
  return g->frame && g->frame->yielded == 2;
}

void rt_gen_close(rt_val_t gen) {
  rt_gen_t *g = (rt_gen_t *)gen;
  if (g->state == RT_GEN_CREATED || g->state == RT_GEN_DONE) {
    g->state = RT_GEN_DONE;
    g->frame = NULL;
    return;
  }
  rt_nlr_t nlr;
  rt_nlr_push(&nlr);
  if (setjmp(nlr.jb) == 0) {
    rt_val_t ret = RT_NONE, r = rt_gen_resume(gen, RT_NONE, rt_exc_new(&rt_exc_GeneratorExit, 0, NULL), &ret);
    rt_nlr_pop(&nlr);
    if (r) rt_raise_msg(&rt_exc_RuntimeError, RT_MSG("%s ignored GeneratorExit"), kind_name(g));
    return;
  }
  if (rt_obj_isinstance(nlr.exc, &rt_exc_GeneratorExit) || rt_obj_isinstance(nlr.exc, &rt_exc_StopIteration))
    return;
  rt_raise(nlr.exc);
}

static rt_val_t gen_iternext(rt_val_t self) {
  rt_val_t ret;
  return rt_gen_resume(self, RT_NONE, RT_NULL, &ret);
}

// The methods below serve generators and coroutines alike.

static rt_val_t m_send(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_val_t ret = RT_NONE, r = rt_gen_resume(args[0], args[1], RT_NULL, &ret);
  if (!r) rt_raise(rt_exc_new(&rt_exc_StopIteration, ret == RT_NONE ? 0 : 1, &ret));
  return r;
}

static rt_val_t m_throw(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  rt_val_t exc = args[1];
  if (rt_is_type(exc)) exc = rt_obj_call(exc, n > 2 && args[2] != RT_NONE ? 1 : 0, args + 2, NULL);
  if (!rt_obj_isinstance(exc, &rt_exc_BaseException))
    rt_raise_msg(&rt_exc_TypeError,
                 RT_MSG("exceptions must be classes or instances deriving from BaseException, not %t"), exc);
  rt_val_t ret = RT_NONE, r = rt_gen_resume(args[0], RT_NONE, exc, &ret);
  if (!r) rt_raise(rt_exc_new(&rt_exc_StopIteration, ret == RT_NONE ? 0 : 1, &ret));
  return r;
}

static rt_val_t m_close(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_gen_close(args[0]);
  return RT_NONE;
}

void rt_gen_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_gen_t *g = (rt_gen_t *)self;
  const char *name = g->frame ? rt_qstr_cstr(g->frame->code->name) : "generator";
  rt_print_format(p, "<%q object %s at %p>", rt_qstr_val(g->type->name), name, (void *)self);
}

RT_BUILTIN(rt_gen_send_obj, send, 2, 2, 0, m_send);
RT_BUILTIN(rt_gen_throw_obj, throw, 2, 4, 0, m_throw);
RT_BUILTIN(rt_gen_close_obj, close, 1, 1, 0, m_close);
static const rt_method_t gen_methods[] = {{RT_Q_send, &rt_gen_send_obj},
                                          {RT_Q_throw, &rt_gen_throw_obj},
                                          {RT_Q_close, &rt_gen_close_obj},
                                          {0, NULL}};

const rt_type_t rt_gen_type = {
    .type = &rt_type_type,
    .name = RT_Q_generator,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .methods = gen_methods,
    .print = rt_gen_print,
    .iternext = gen_iternext,
};

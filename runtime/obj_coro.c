// SPDX-License-Identifier: MIT
// obj_coro.c: coroutines, async generators and the await / async for /
// async with protocol (see obj_coro.h).
//
// Coroutines and async generators are generators underneath (obj_gen.c):
// the frame suspends at YIELD_FROM while an await passes a value up from
// its delegate, and at YIELD_VALUE for an async generator's own yield. The
// frame records which (rt_gen_in_delegate), so an asend/athrow awaitable
// knows whether a value is for the event loop or the result of __anext__.
#include "obj_coro.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_gen.h"
#include "obj_type.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

static const rt_type_t wrapper_type, asend_type, athrow_type;

// ---- helpers ----

static bool is_awaitable_iter(rt_val_t v) {
  const rt_type_t *t = rt_typeof(v);
  return t == &rt_coro_type || t == &wrapper_type || t == &asend_type || t == &athrow_type;
}

static bool is_iterator(rt_val_t v) {
  const rt_type_t *t = rt_typeof(v);
  if (t->flags & RT_TYPE_USER) return rt_type_lookup(t, RT_QV(__next__)) != RT_NULL;
  return t->iternext != NULL;
}

// Calls m(args...) turning StopIteration into RT_NULL with *ret = its value.
static rt_val_t call_until_stop(const rt_val_t m[2], size_t n, const rt_val_t *args, rt_val_t *ret) {
  rt_nlr_t nlr;
  rt_nlr_push(&nlr);
  if (setjmp(nlr.jb) == 0) {
    rt_val_t r = rt_obj_call_method(m, n, args);
    rt_nlr_pop(&nlr);
    return r;
  }
  if (!rt_obj_isinstance(nlr.exc, &rt_exc_StopIteration)) rt_raise(nlr.exc);
  *ret = rt_exc_first_arg(nlr.exc);
  return RT_NULL;
}

// An exception instance from throw()'s (type, value) arguments.
static rt_val_t make_thrown(size_t n, const rt_val_t *args) {
  rt_val_t exc = args[0];
  if (rt_is_type(exc)) exc = rt_obj_call(exc, n > 1 && args[1] != RT_NONE ? 1 : 0, args + 1, NULL);
  if (!rt_obj_isinstance(exc, &rt_exc_BaseException))
    rt_raise_msg(&rt_exc_TypeError,
                 RT_MSG("exceptions must be classes or instances deriving from BaseException, not %t"), exc);
  return exc;
}

static rt_val_t stop_iteration(rt_val_t ret) {
  return rt_exc_new(&rt_exc_StopIteration, ret == RT_NONE ? 0 : 1, &ret);
}

// ---- coroutine ----

// What coro.__await__() returns: an iterator over the coroutine.
typedef struct {
  const rt_type_t *type; // &wrapper_type
  rt_val_t coro;
} wrapper_t;

static rt_val_t m_coro_await(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  wrapper_t *w = rt_gc_alloc(sizeof *w, 0);
  w->type = &wrapper_type;
  w->coro = args[0];
  return rt_val(w);
}

static RT_BUILTIN(coro_await_obj, __await__, 1, 1, 0, m_coro_await);
static const rt_method_t coro_methods[] = {{RT_Q_send, &rt_gen_send_obj},
                                           {RT_Q_throw, &rt_gen_throw_obj},
                                           {RT_Q_close, &rt_gen_close_obj},
                                           {RT_Q___await__, &coro_await_obj},
                                           {0, NULL}};

const rt_type_t rt_coro_type = {
    .type = &rt_type_type,
    .name = RT_Q_coroutine,
    .base = &rt_object_type,
    .methods = coro_methods,
    .print = rt_gen_print,
};

static rt_val_t wrapper_iternext(rt_val_t self) {
  rt_val_t ret = RT_NONE, r = rt_gen_resume(((wrapper_t *)self)->coro, RT_NONE, RT_NULL, &ret);
  if (!r && ret != RT_NONE) rt_raise(stop_iteration(ret));
  return r;
}

// send/throw/close of the wrapper: the coroutine's, with self replaced.
static rt_val_t wrapper_forward(const rt_builtin_t *b, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_val_t a[4];
  for (size_t i = 0; i < n && i < 4; i++)
    a[i] = args[i];
  a[0] = ((wrapper_t *)args[0])->coro;
  return b->fn(n, a, kw);
}
static rt_val_t m_wrapper_send(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  return wrapper_forward(&rt_gen_send_obj, n, args, kw);
}
static rt_val_t m_wrapper_throw(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  return wrapper_forward(&rt_gen_throw_obj, n, args, kw);
}
static rt_val_t m_wrapper_close(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  return wrapper_forward(&rt_gen_close_obj, n, args, kw);
}

static RT_BUILTIN(wrapper_send_obj, send, 2, 2, 0, m_wrapper_send);
static RT_BUILTIN(wrapper_throw_obj, throw, 2, 4, 0, m_wrapper_throw);
static RT_BUILTIN(wrapper_close_obj, close, 1, 1, 0, m_wrapper_close);
static const rt_method_t wrapper_methods[] = {{RT_Q_send, &wrapper_send_obj},
                                              {RT_Q_throw, &wrapper_throw_obj},
                                              {RT_Q_close, &wrapper_close_obj},
                                              {0, NULL}};

static const rt_type_t wrapper_type = {
    .type = &rt_type_type,
    .name = RT_Q_coroutine_wrapper,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .methods = wrapper_methods,
    .iternext = wrapper_iternext,
};

// ---- async generator ----

// The awaitable that asend()/__anext__() (mode SEND), athrow() (THROW) and
// aclose() (CLOSE) return. [value] is what the first step sends (SEND) or
// throws (THROW, CLOSE).
typedef struct {
  const rt_type_t *type; // &asend_type or &athrow_type
  rt_val_t gen;
  rt_val_t value;
  uint8_t mode;
  uint8_t state;
} asend_t;

enum { A_SEND, A_THROW, A_CLOSE };
enum { A_INIT, A_ITER, A_DONE };

static rt_val_t asend_new(rt_val_t gen, int mode, rt_val_t value) {
  asend_t *a = rt_gc_alloc(sizeof *a, 0);
  a->type = mode == A_SEND ? &asend_type : &athrow_type;
  a->gen = gen;
  a->value = value;
  a->mode = (uint8_t)mode;
  a->state = A_INIT;
  return rt_val(a);
}

static __attribute__((noreturn)) void raise_stop_async(void) {
  rt_raise(rt_exc_new(&rt_exc_StopAsyncIteration, 0, NULL));
}

// rt_gen_resume, catching: *err is the exception raised, or RT_NULL.
static rt_val_t try_resume(rt_val_t gen, rt_val_t v, rt_val_t exc, rt_val_t *ret, rt_val_t *err) {
  rt_nlr_t nlr;
  rt_nlr_push(&nlr);
  if (setjmp(nlr.jb) == 0) {
    rt_val_t r = rt_gen_resume(gen, v, exc, ret);
    rt_nlr_pop(&nlr);
    *err = RT_NULL;
    return r;
  }
  *err = nlr.exc;
  return RT_NULL;
}

// Resumes the async generator of [a] (sending [v] or throwing [exc]).
// Returns the value its awaits pass up, or RT_NULL with *ret set to the
// result of the asend/athrow (the value the generator yielded). Raises
// StopAsyncIteration when the generator finished.
static rt_val_t asend_step(asend_t *a, rt_val_t v, rt_val_t exc, rt_val_t *ret) {
  if (a->state == A_DONE)
    rt_raise_msg(&rt_exc_RuntimeError, a->mode == A_SEND
                                           ? RT_MSG("cannot reuse already awaited __anext__()/asend()")
                                           : RT_MSG("cannot reuse already awaited aclose()/athrow()"));
  rt_gen_t *g = (rt_gen_t *)a->gen;
  if (a->state == A_INIT) {
    a->state = A_ITER;
    if (!exc) {
      if (a->mode == A_SEND)
        v = v == RT_NONE ? a->value : v;
      else
        exc = a->value;
    }
    if (g->state == RT_GEN_DONE || (g->state == RT_GEN_CREATED && a->mode == A_CLOSE)) {
      a->state = A_DONE;
      g->state = RT_GEN_DONE;
      g->frame = NULL;
      if (a->mode != A_CLOSE) raise_stop_async();
      *ret = RT_NONE;
      return RT_NULL;
    }
  }
  rt_val_t err, r = try_resume(a->gen, v, exc, ret, &err);
  if (err) {
    a->state = A_DONE;
    if (a->mode == A_CLOSE && (rt_obj_isinstance(err, &rt_exc_GeneratorExit) ||
                               rt_obj_isinstance(err, &rt_exc_StopAsyncIteration))) {
      *ret = RT_NONE;
      return RT_NULL;
    }
    rt_raise(err);
  }
  if (!r) {
    a->state = A_DONE;
    if (a->mode != A_CLOSE) raise_stop_async();
    *ret = RT_NONE;
    return RT_NULL;
  }
  if (rt_gen_in_delegate(a->gen)) return r;
  a->state = A_DONE;
  if (a->mode == A_CLOSE) rt_raise_msg(&rt_exc_RuntimeError, RT_MSG("async generator ignored GeneratorExit"));
  *ret = r;
  return RT_NULL;
}

static rt_val_t asend_iternext(rt_val_t self) {
  rt_val_t ret = RT_NONE, r = asend_step((asend_t *)self, RT_NONE, RT_NULL, &ret);
  if (!r) rt_raise(stop_iteration(ret));
  return r;
}

static rt_val_t m_asend_send(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  rt_val_t ret = RT_NONE, r = asend_step((asend_t *)args[0], args[1], RT_NULL, &ret);
  if (!r) rt_raise(stop_iteration(ret));
  return r;
}

static rt_val_t m_asend_throw(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  rt_val_t exc = make_thrown(n - 1, args + 1);
  rt_val_t ret = RT_NONE, r = asend_step((asend_t *)args[0], RT_NONE, exc, &ret);
  if (!r) rt_raise(stop_iteration(ret));
  return r;
}

static rt_val_t m_asend_close(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  ((asend_t *)args[0])->state = A_DONE;
  return RT_NONE;
}

static rt_val_t m_self(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return args[0];
}

static RT_BUILTIN(asend_send_obj, send, 2, 2, 0, m_asend_send);
static RT_BUILTIN(asend_throw_obj, throw, 2, 4, 0, m_asend_throw);
static RT_BUILTIN(asend_close_obj, close, 1, 1, 0, m_asend_close);
static RT_BUILTIN(asend_await_obj, __await__, 1, 1, 0, m_self);
static const rt_method_t asend_methods[] = {{RT_Q_send, &asend_send_obj},
                                            {RT_Q_throw, &asend_throw_obj},
                                            {RT_Q_close, &asend_close_obj},
                                            {RT_Q___await__, &asend_await_obj},
                                            {0, NULL}};

static const rt_type_t asend_type = {
    .type = &rt_type_type,
    .name = RT_Q_async_generator_asend,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .methods = asend_methods,
    .iternext = asend_iternext,
};

static const rt_type_t athrow_type = {
    .type = &rt_type_type,
    .name = RT_Q_async_generator_athrow,
    .flags = RT_TYPE_ITER_SELF,
    .base = &rt_object_type,
    .methods = asend_methods,
    .iternext = asend_iternext,
};

static rt_val_t m_agen_anext(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return asend_new(args[0], A_SEND, RT_NONE);
}

static rt_val_t m_agen_asend(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return asend_new(args[0], A_SEND, args[1]);
}

static rt_val_t m_agen_athrow(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  return asend_new(args[0], A_THROW, make_thrown(n - 1, args + 1));
}

static rt_val_t m_agen_aclose(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  return asend_new(args[0], A_CLOSE, rt_exc_new(&rt_exc_GeneratorExit, 0, NULL));
}

static RT_BUILTIN(agen_aiter_obj, __aiter__, 1, 1, 0, m_self);
static RT_BUILTIN(agen_anext_obj, __anext__, 1, 1, 0, m_agen_anext);
static RT_BUILTIN(agen_asend_obj, asend, 2, 2, 0, m_agen_asend);
static RT_BUILTIN(agen_athrow_obj, athrow, 2, 4, 0, m_agen_athrow);
static RT_BUILTIN(agen_aclose_obj, aclose, 1, 1, 0, m_agen_aclose);
static const rt_method_t agen_methods[] = {
    {RT_Q___aiter__, &agen_aiter_obj}, {RT_Q___anext__, &agen_anext_obj}, {RT_Q_asend, &agen_asend_obj},
    {RT_Q_athrow, &agen_athrow_obj},   {RT_Q_aclose, &agen_aclose_obj},   {0, NULL}};

const rt_type_t rt_async_gen_type = {
    .type = &rt_type_type,
    .name = RT_Q_async_generator,
    .base = &rt_object_type,
    .methods = agen_methods,
    .print = rt_gen_print,
};

// ---- the protocol the VM uses ----

rt_val_t rt_coro_get_awaitable(rt_val_t v) {
  if (is_awaitable_iter(v)) return v;
  rt_val_t m[2];
  if (!rt_obj_load_method_maybe(v, RT_QV(__await__), m))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("object %t can't be used in 'await' expression"), v);
  rt_val_t r = rt_obj_call_method(m, 0, NULL);
  if (rt_is_obj(r, &rt_coro_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("__await__() returned a coroutine"));
  if (!is_iterator(r))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("__await__() returned non-iterator of type '%t'"), r);
  return r;
}

// The awaitable iterator of [v], or TypeError [msg] (with v's type name)
// when v has no __await__.
static rt_val_t awaitable_or(rt_val_t v, const char *msg) {
  rt_val_t m[2];
  if (!is_awaitable_iter(v) && !rt_obj_load_method_maybe(v, RT_QV(__await__), m))
    rt_raise_msg(&rt_exc_TypeError, msg, v);
  return rt_coro_get_awaitable(v);
}

rt_val_t rt_coro_delegate(rt_val_t it, rt_val_t v, rt_val_t exc, rt_val_t *ret) {
  const rt_type_t *t = rt_typeof(it);
  bool closing = exc && rt_obj_isinstance(exc, &rt_exc_GeneratorExit);
  if (t == &wrapper_type) {
    it = ((wrapper_t *)it)->coro;
    t = &rt_coro_type;
  }
  if (t == &rt_gen_type || t == &rt_coro_type) {
    if (closing) {
      // PEP 380: close the delegate, then raise GeneratorExit here.
      rt_gen_close(it);
      rt_raise(exc);
    }
    return rt_gen_resume(it, v, exc, ret);
  }
  if (t == &asend_type || t == &athrow_type) {
    if (closing) {
      ((asend_t *)it)->state = A_DONE;
      rt_raise(exc);
    }
    return asend_step((asend_t *)it, v, exc, ret);
  }
  rt_val_t m[2];
  if (exc) {
    if (closing) {
      if (rt_obj_load_method_maybe(it, RT_QV(close), m)) rt_obj_call_method(m, 0, NULL);
      rt_raise(exc);
    }
    if (!rt_obj_load_method_maybe(it, RT_QV(throw), m)) rt_raise(exc);
    return call_until_stop(m, 1, &exc, ret);
  }
  if (v == RT_NONE) {
    if (!(t->flags & RT_TYPE_USER)) {
      rt_val_t r = rt_obj_iternext(it);
      if (!r) *ret = RT_NONE;
      return r;
    }
    // A Python __next__ may finish with StopIteration(value).
    rt_obj_load_method(it, RT_QV(__next__), m);
    return call_until_stop(m, 0, NULL, ret);
  }
  rt_obj_load_method(it, RT_QV(send), m);
  return call_until_stop(m, 1, &v, ret);
}

rt_val_t rt_coro_aiter(rt_val_t v) {
  if (rt_is_obj(v, &rt_async_gen_type)) return v;
  rt_val_t m[2];
  if (!rt_obj_load_method_maybe(v, RT_QV(__aiter__), m))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'async for' requires an object with __aiter__ method, got %t"),
                 v);
  rt_val_t it = rt_obj_call_method(m, 0, NULL);
  if (!rt_is_obj(it, &rt_async_gen_type) && !rt_obj_load_method_maybe(it, RT_QV(__anext__), m))
    rt_raise_msg(
        &rt_exc_TypeError,
        RT_MSG("'async for' received an object from __aiter__ that does not implement __anext__: %t"), it);
  return it;
}

rt_val_t rt_coro_anext(rt_val_t it) {
  if (rt_is_obj(it, &rt_async_gen_type)) return asend_new(it, A_SEND, RT_NONE);
  rt_val_t m[2];
  rt_obj_load_method(it, RT_QV(__anext__), m);
  rt_val_t r = rt_obj_call_method(m, 0, NULL);
  return awaitable_or(r, RT_MSG("'async for' received an invalid object from __anext__: %t"));
}

rt_val_t rt_coro_aenter(rt_val_t ctx, rt_val_t *aexit) {
  rt_val_t m[2];
  if (!rt_obj_load_method_maybe(ctx, RT_QV(__aenter__), m) ||
      !(*aexit = rt_obj_getattr_maybe(ctx, RT_QV(__aexit__))))
    rt_raise_msg(&rt_exc_TypeError,
                 RT_MSG("'%t' object does not support the asynchronous context manager protocol"), ctx);
  rt_val_t r = rt_obj_call_method(m, 0, NULL);
  return awaitable_or(
      r, RT_MSG("'async with' received an object from __aenter__ that does not implement __await__: %t"));
}

rt_val_t rt_coro_aexit(rt_val_t aexit, rt_val_t exc) {
  rt_val_t args[3] = {RT_NONE, RT_NONE, RT_NONE};
  if (exc) {
    args[0] = rt_val(rt_typeof(exc));
    args[1] = exc;
  }
  rt_val_t r = rt_obj_call(aexit, 3, args, NULL);
  return awaitable_or(
      r, RT_MSG("'async with' received an object from __aexit__ that does not implement __await__: %t"));
}

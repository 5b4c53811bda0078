// SPDX-License-Identifier: MIT
// vm.c: the bytecode interpreter.
//
// Frames are GC allocations holding the fast slots, the value stack and
// the block stack. rt_state->frame is always the innermost running frame;
// a Python-to-Python call pushes a frame and continues the same dispatch
// loop, so only calls from C (rt_vm_call, generators, class bodies) nest
// C stack frames. Exceptions are raised with rt_raise; execute() catches
// them, records the traceback line, unwinds the block stacks of the
// frames it owns and either resumes at a handler or re-raises to C.
//
// Invariants: f->last_ip is the start of the instruction being executed;
// a block's level is a value-stack index; an ACTIVE block (a running
// except/finally handler) has the previously handled exception at
// stack[level - 1]. Frames are freed when they return unless a
// generator owns them.
#include <string.h>

#include "vm.h"
#include "builtins.h"
#include "gc.h"
#include "hal.h"
#include "obj_coro.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_gen.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_module.h"
#include "mod_micropython.h"
#include "obj_range.h"
#include "obj_set.h"
#include "obj_slice.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "obj_type.h"
#include "format.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

const char *const rt_vm_op_names[] = {
#define OP(name, effect) #name,
#include "opcodes.h"
#undef OP
};

const signed char rt_vm_op_effects[] = {
#define OP(name, effect) effect,
#include "opcodes.h"
#undef OP
};

// ---- frames ----

// Allocates a frame for [code]; it counts towards the depth only once
// activated. Freed frames wait in lists by size (linked through ->back)
// for reuse, which spares the allocator in deep recursion; a cached frame
// is zero apart from its link and size, and each collection drops the
// lists, so the cache never holds memory a program needs.
static rt_frame_t *frame_new(rt_code_t *code, rt_dict_t *globals, rt_val_t func) {
  size_t nslots = (size_t)code->n_locals + code->n_free;
  size_t size = sizeof(rt_frame_t) + (nslots + code->stack_size) * sizeof(rt_val_t) +
                code->max_blocks * sizeof(rt_block_t);
  size_t nb = (size + RT_GC_BLOCK - 1) / RT_GC_BLOCK;
  rt_frame_t **slot = &rt_state->frame_cache[nb & 15], *f = *slot;
  if (f && f->blocks_used == nb) {
    *slot = f->back;
    f->back = NULL;
  } else {
    f = rt_gc_alloc(size, 0);
    f->blocks_used = nb > 0xffff ? 0 : (uint16_t)nb;
  }
  f->code = code;
  f->globals = globals;
  f->func = func;
  f->ip = code->bytecode;
  f->last_ip = code->bytecode;
  f->sp = f->slots + nslots;
  f->blocks = (rt_block_t *)(f->slots + nslots + code->stack_size);
  return f;
}

// Makes [f] the innermost running frame, called from the current one.
static void frame_push(rt_frame_t *f) {
  if (rt_state->depth >= rt_state->max_depth)
    rt_raise_msg(&rt_exc_RecursionError, RT_MSG("maximum recursion depth exceeded"));
  rt_state->depth++;
  f->back = rt_state->frame;
  rt_state->frame = f;
}

static void frame_pop(rt_frame_t *f) {
  rt_state->depth--;
  if (f->is_gen) return;
  size_t nb = f->blocks_used;
  rt_frame_t **slot = &rt_state->frame_cache[nb & 15];
  if (nb && (!*slot || (*slot)->blocks_used == nb)) {
    memset(f, 0, nb * RT_GC_BLOCK);
    f->blocks_used = (uint16_t)nb;
    f->back = *slot;
    *slot = f;
  } else {
    rt_gc_free(f);
  }
}

static __attribute__((noreturn)) void arg_error(rt_func_t *fn, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rt_vstr_t v;
  rt_printer_t p;
  rt_print_buffer(&p, &v);
  rt_print_format(&p, "%q() ", fn->name);
  rt_print_vformat(&p, fmt, ap);
  va_end(ap);
  rt_raise(rt_exc_new1(&rt_exc_TypeError, rt_print_buffer_str(&p)));
}

// Reports missing parameters among slots [from, to) of [f].
static __attribute__((noreturn)) void missing(rt_func_t *fn, rt_frame_t *f, size_t from, size_t to,
                                              const char *kind) {
  size_t n = 0;
  for (size_t i = from; i < to; i++)
    n += f->slots[i] == RT_NULL;
  rt_vstr_t v;
  rt_printer_t p;
  rt_print_buffer(&p, &v);
  rt_print_format(&p, "%q() missing %z required %s argument%s: ", fn->name, n, kind, n == 1 ? "" : "s");
  size_t k = 0;
  for (size_t i = from; i < to; i++) {
    if (f->slots[i] != RT_NULL) continue;
    if (k) rt_print_cstr(&p, k + 1 == n ? (n > 2 ? ", and " : " and ") : ", ");
    rt_print_format(&p, "'%q'", fn->code->local_names[i]);
    k++;
  }
  rt_raise(rt_exc_new1(&rt_exc_TypeError, rt_print_buffer_str(&p)));
}

// Reports [n] positional arguments to [fn], which takes fewer, in
// CPython's words (keyword-only arguments given by name are counted).
static __attribute__((noreturn)) void too_many(rt_func_t *fn, size_t n, const rt_kw_t *kw) {
  rt_code_t *code = fn->code;
  size_t na = code->n_args, nd = fn->defaults ? rt_tuple_len(fn->defaults) : 0, k = 0;
  for (size_t i = 0; kw && i < kw->n; i++)
    for (size_t j = na; j < (size_t)na + code->n_kwonly; j++)
      k += code->local_names[j] == kw->names[i];
  rt_vstr_t v;
  rt_printer_t p;
  rt_print_buffer(&p, &v);
  rt_print_format(&p, "%q() takes ", fn->name);
  if (nd)
    rt_print_format(&p, "from %z to %z positional arguments", na - nd, na);
  else
    rt_print_format(&p, "%z positional argument%s", na, na == 1 ? "" : "s");
  if (k)
    rt_print_format(&p, " but %z positional argument%s (and %z keyword-only argument%s) were given", n,
                    n == 1 ? "" : "s", k, k == 1 ? "" : "s");
  else
    rt_print_format(&p, " but %z %s given", n, n == 1 ? "was" : "were");
  rt_raise(rt_exc_new1(&rt_exc_TypeError, rt_print_buffer_str(&p)));
}

// Fills the parameters, cells and free variables of new frame [f].
static void bind_args(rt_frame_t *f, rt_func_t *fn, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_code_t *code = fn->code;
  rt_val_t *s = f->slots;
  size_t na = code->n_args, nk = code->n_kwonly;
  size_t vi = na + nk, ki = vi + ((code->flags & RT_CODE_VARARGS) ? 1 : 0);
  if (n == na && !kw && !(code->flags & (RT_CODE_VARARGS | RT_CODE_VARKW)) && nk == 0) {
    if (n) rt_memcpy(s, args, n * sizeof(rt_val_t));
  } else {
    size_t take = n < na ? n : na;
    if (take) rt_memcpy(s, args, take * sizeof(rt_val_t));
    if (n > na) {
      if (!(code->flags & RT_CODE_VARARGS)) too_many(fn, n, kw);
      s[vi] = rt_tuple_new(n - na, args + na);
    } else if (code->flags & RT_CODE_VARARGS) {
      s[vi] = rt_tuple_new(0, NULL);
    }
    if (code->flags & RT_CODE_VARKW) s[ki] = rt_val(rt_dict_new(0));
    if (kw)
      for (size_t i = 0; i < kw->n; i++) {
        rt_val_t name = kw->names[i];
        size_t j = code->n_posonly; // positional-only parameters take no keyword
        while (j < na + nk && code->local_names[j] != name)
          j++;
        if (j < na + nk) {
          if (s[j] != RT_NULL) arg_error(fn, RT_MSG("got multiple values for argument '%q'"), name);
          s[j] = kw->values[i];
        } else if (code->flags & RT_CODE_VARKW) {
          rt_dict_set((rt_dict_t *)s[ki], name, kw->values[i]);
        } else {
          for (j = 0; j < code->n_posonly; j++)
            if (code->local_names[j] == name)
              arg_error(fn, RT_MSG("got some positional-only arguments passed as keyword arguments: '%q'"),
                        name);
          arg_error(fn, RT_MSG("got an unexpected keyword argument '%q'"), name);
        }
      }
    if (n < na) {
      size_t nd = fn->defaults ? rt_tuple_len(fn->defaults) : 0;
      for (size_t j = n; j < na; j++)
        if (s[j] == RT_NULL && j >= na - nd) s[j] = rt_tuple_items(fn->defaults)[j - (na - nd)];
      for (size_t j = n; j < na; j++)
        if (s[j] == RT_NULL) missing(fn, f, 0, na, "positional");
    }
    for (size_t j = na; j < na + nk; j++)
      if (s[j] == RT_NULL && fn->kwdefaults) s[j] = rt_dict_get(fn->kwdefaults, code->local_names[j]);
    for (size_t j = na; j < na + nk; j++)
      if (s[j] == RT_NULL) missing(fn, f, na, na + nk, "keyword-only");
  }
  for (size_t i = 0; i < code->n_cells; i++) {
    unsigned short slot = code->cell_slots[i];
    s[slot] = rt_cell_new(s[slot]);
  }
  if (code->n_free) {
    rt_val_t *cells = rt_tuple_items(fn->closure);
    rt_memcpy(s + code->n_locals, cells, code->n_free * sizeof(rt_val_t));
  }
}

// ---- helpers used by the dispatch loop ----

// Every RT_POLL_INTERVAL instructions: lets the port run, and zeroes the
// C stack below the dispatch loop, where builtins that returned left
// pointers (an iterator over a big list) that the conservative collector
// would otherwise take for live.
static __attribute__((noinline)) void scrub_below(void) {
  char area[1024];
  memset(area, 0, sizeof area);
  __asm__ volatile("" : : "r"(area) : "memory"); // keeps the stores
}

static void poll(void) {
  rt_state->poll_countdown = RT_POLL_INTERVAL;
  hal_poll();
  // micropython.schedule'd calls run here too, so a busy loop does not hold
  // them back until it sleeps.
  if (rt_state->sched_queue) rt_micropython_run_scheduled();
  // Only near the entry point: deep in C recursion the chip's 8 KiB stack
  // has no kilobyte to spare.
  if (rt_state->c_depth <= 2) scrub_below();
}

static __attribute__((noreturn)) void raise_interrupt(void) {
  rt_state->interrupt = 0;
  rt_raise(rt_exc_new(&rt_exc_KeyboardInterrupt, 0, NULL));
}

static rt_val_t load_global(rt_frame_t *f, rt_val_t name, uint16_t *hint) {
  rt_val_t v = rt_dict_get_hint(f->globals, name, hint);
  if (v) return v;
  v = rt_builtins_lookup(name);
  if (v) return v;
  rt_raise_msg(&rt_exc_NameError, RT_MSG("name '%q' is not defined"), name);
}

static bool exc_match(rt_val_t exc, rt_val_t type) {
  if (rt_is_obj(type, &rt_tuple_type)) {
    for (size_t i = 0; i < rt_tuple_len(type); i++)
      if (exc_match(exc, rt_tuple_items(type)[i])) return true;
    return false;
  }
  if (!rt_is_type(type) || !rt_obj_subtype((const rt_type_t *)type, &rt_exc_BaseException))
    rt_raise_msg(&rt_exc_TypeError,
                 RT_MSG("catching classes that do not inherit from BaseException is not allowed"));
  return rt_obj_isinstance(exc, (const rt_type_t *)type);
}

static rt_val_t make_exc(rt_val_t v) {
  if (rt_is_type(v) && rt_obj_subtype((const rt_type_t *)v, &rt_exc_BaseException)) return rt_obj_call0(v);
  if (!rt_obj_isinstance(v, &rt_exc_BaseException))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("exceptions must derive from BaseException"));
  return v;
}

// Pushes the items of [seq] for UNPACK_SEQUENCE/UNPACK_EX; returns new sp.
static rt_val_t *unpack(rt_val_t *sp, rt_val_t seq, size_t before, size_t after, bool star) {
  rt_val_t *items;
  size_t n;
  rt_val_t lst = RT_NULL;
  if (rt_is_obj(seq, &rt_tuple_type) || rt_is_obj(seq, &rt_list_type)) {
    n = rt_obj_get_items(seq, &items);
  } else {
    const rt_type_t *t = rt_typeof(seq);
    if (!t->getiter && !t->iternext)
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("cannot unpack non-iterable %t object"), seq);
    if (!star) {
      // Collect at most before+1 items so that infinite iterators fail fast.
      rt_val_t it = rt_obj_getiter(seq), v;
      lst = rt_list_new(0);
      while ((v = rt_obj_iternext(it)) != RT_NULL) {
        rt_list_append(lst, v);
        if (rt_obj_len(lst) > before) break;
      }
    } else {
      lst = rt_list_from_iter(seq);
    }
    n = rt_obj_get_items(lst, &items);
  }
  if (!star) {
    if (n != before) {
      if (n < before)
        rt_raise_msg(&rt_exc_ValueError, RT_MSG("not enough values to unpack (expected %z, got %z)"), before,
                     n);
      rt_raise_msg(&rt_exc_ValueError, RT_MSG("too many values to unpack (expected %z)"), before);
    }
    for (size_t i = n; i-- > 0;)
      *sp++ = items[i];
    return sp;
  }
  if (n < before + after)
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("not enough values to unpack (expected at least %z, got %z)"),
                 before + after, n);
  rt_val_t mid = rt_list_from_items(n - before - after, items + before);
  rt_obj_get_items(lst ? lst : seq, &items);
  for (size_t i = 0; i < after; i++)
    *sp++ = items[n - 1 - i];
  *sp++ = mid;
  for (size_t i = before; i-- > 0;)
    *sp++ = items[i];
  return sp;
}

static rt_val_t import_from(rt_val_t mod, rt_val_t name) {
  rt_val_t v = rt_obj_getattr_maybe(mod, name);
  if (!v) {
    rt_val_t mn = rt_obj_getattr_maybe(mod, RT_QV(__name__));
    rt_raise_msg(&rt_exc_ImportError, RT_MSG("cannot import name '%q' from '%S'"), name,
                 mn ? mn : RT_QV(_empty));
  }
  return v;
}

static rt_val_t format_field(rt_val_t v, unsigned flags, rt_val_t spec) {
  switch (flags & 3) {
  case 1: v = rt_obj_str(v); break;
  case 2: v = rt_obj_repr(v); break;
  case 3: v = rt_obj_call1(rt_builtins_lookup(RT_QV(ascii)), v); break;
  default: break;
  }
  if (!spec && rt_is_str(v)) return v;
  return rt_format_value(v, spec ? spec : RT_QV(_empty));
}

// True for a class made by a class statement whose instances are plain
// objects with a dict and which has no attribute hooks (property,
// __setattr__, __getattribute__) anywhere in its MRO.
static inline bool plain_class(const rt_type_t *t) {
  return (t->flags & (RT_TYPE_USER | RT_TYPE_DESCR | RT_TYPE_EXC)) == RT_TYPE_USER &&
         ((const rt_class_t *)t)->native == &rt_object_type;
}

// The attribute dict of an instance of a plain class (made if missing),
// or NULL for any other value.
static inline rt_dict_t *plain_instance_dict(rt_val_t o) {
  if (!rt_is_ptr(o) || !plain_class(rt_ptr(o)->type)) return NULL;
  rt_instance_t *in = (rt_instance_t *)o;
  if (!in->dict) in->dict = rt_dict_new(0);
  return in->dict;
}

// The function [name] of class [t] (found along its MRO), through the
// method cache: a Python function for a class statement's class, a builtin
// for a builtin type (str.upper); RT_NULL when it is something else or
// absent.
static rt_val_t cached_method(const rt_type_t *t, rt_val_t name) {
  size_t i = (((uintptr_t)t >> 4) ^ (name >> 3)) & 15;
  if (rt_state->method_cache[i].cls == t && rt_state->method_cache[i].name == name &&
      rt_state->method_cache[i].version == rt_state->class_version)
    return rt_state->method_cache[i].value;
  rt_val_t m = rt_type_lookup(t, name);
  if (!m || !rt_is_obj(m, (t->flags & RT_TYPE_USER) ? &rt_func_type : &rt_builtin_type)) return RT_NULL;
  rt_state->method_cache[i].cls = t;
  rt_state->method_cache[i].name = name;
  rt_state->method_cache[i].value = m;
  rt_state->method_cache[i].version = rt_state->class_version;
  return m;
}

// The __init__ to run when class [t] is called, if the call can happen
// inside the dispatch loop: [t] is a class statement's class whose
// instances are plain objects, it has no metaclass, no class along its MRO
// defines __new__, and __init__ is a plain Python function. RT_NULL
// otherwise. Kept in the method cache under a key no name can take.
static rt_val_t plain_init(const rt_type_t *t) {
  const rt_val_t key = rt_small(0);
  size_t i = (((uintptr_t)t >> 4) ^ (key >> 3)) & 15;
  if (rt_state->method_cache[i].cls == t && rt_state->method_cache[i].name == key &&
      rt_state->method_cache[i].version == rt_state->class_version)
    return rt_state->method_cache[i].value;
  rt_val_t init = RT_NULL;
  const rt_class_t *c = (const rt_class_t *)t;
  if ((t->flags & (RT_TYPE_USER | RT_TYPE_EXC)) == RT_TYPE_USER && c->native == &rt_object_type &&
      !rt_type_metaclass(t)) {
    bool has_new = false;
    for (size_t k = 0; k < rt_tuple_len(c->mro); k++) {
      const rt_type_t *b = (const rt_type_t *)rt_tuple_items(c->mro)[k];
      if ((b->flags & RT_TYPE_USER) && rt_dict_get(((const rt_class_t *)b)->dict, RT_QV(__new__)))
        has_new = true;
    }
    rt_val_t m = has_new ? RT_NULL : rt_type_lookup(t, RT_QV(__init__));
    if (m && rt_is_obj(m, &rt_func_type) && !(((rt_func_t *)m)->code->flags & RT_CODE_GENERATOR)) init = m;
  }
  rt_state->method_cache[i].cls = t;
  rt_state->method_cache[i].name = key;
  rt_state->method_cache[i].value = init;
  rt_state->method_cache[i].version = rt_state->class_version;
  return init;
}

// ---- the dispatch loop ----

#define FETCH_ARG() (ip += 2, (unsigned)ip[-2] | ((unsigned)ip[-1] << 8))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SAVE() (f->ip = ip, f->sp = sp)
#define LOAD_FRAME()                                                                                         \
  do {                                                                                                       \
    code = f->code;                                                                                          \
    ip = f->ip;                                                                                              \
    sp = f->sp;                                                                                              \
    slots = f->slots;                                                                                        \
    base = slots + code->n_locals + code->n_free;                                                            \
  } while (0)
#define DISPATCH()                                                                                           \
  do {                                                                                                       \
    f->last_ip = ip;                                                                                         \
    goto *labels[*ip++];                                                                                     \
  } while (0)
#define CHECK_POLL()                                                                                         \
  do {                                                                                                       \
    if (rt_state->interrupt) {                                                                               \
      SAVE();                                                                                                \
      raise_interrupt();                                                                                     \
    }                                                                                                        \
    if (--rt_state->poll_countdown <= 0) poll();                                                             \
  } while (0)

// Runs from rt_state->frame until [entry] returns (or yields). Raises.
static rt_val_t dispatch(rt_frame_t *entry) {
  static const void *const labels[] = {
#define OP(name, effect) &&L_##name,
#include "opcodes.h"
#undef OP
  };
  rt_frame_t *f = rt_state->frame;
  rt_code_t *code;
  const uint8_t *ip;
  rt_val_t *sp, *slots, *base;
  unsigned arg;
  LOAD_FRAME();
  if (f->pending) {
    rt_val_t e = f->pending;
    f->pending = RT_NULL;
    if (*ip != RT_OP_YIELD_FROM) rt_raise(e);
    // Thrown while delegating (yield from / await): the delegate gets the
    // exception first (PEP 380). Drop the None the resume pushed.
    sp--;
    f->last_ip = ip;
    rt_val_t ret = RT_NONE, r = rt_coro_delegate(TOP(), RT_NONE, e, &ret);
    if (r) {
      f->sp = sp;
      f->yielded = 2;
      rt_state->frame = f->back;
      rt_state->depth--;
      return r;
    }
    TOP() = ret;
    ip++;
  }
  DISPATCH();

L_NOP:
L_SETUP_ANNOTATIONS:
L_COPY_FREE_VARS:
  DISPATCH();
L_POP_TOP:
  *--sp = RT_NULL; // a dropped result must not stay visible to the collector
  DISPATCH();
L_ROT_TWO : {
  rt_val_t t = sp[-1];
  sp[-1] = sp[-2];
  sp[-2] = t;
  DISPATCH();
}
L_ROT_THREE : {
  rt_val_t t = sp[-1];
  sp[-1] = sp[-2];
  sp[-2] = sp[-3];
  sp[-3] = t;
  DISPATCH();
}
L_ROT_FOUR : {
  rt_val_t t = sp[-1];
  sp[-1] = sp[-2];
  sp[-2] = sp[-3];
  sp[-3] = sp[-4];
  sp[-4] = t;
  DISPATCH();
}
L_DUP_TOP:
  sp[0] = sp[-1];
  sp++;
  DISPATCH();
L_DUP_TOP_TWO:
  sp[0] = sp[-2];
  sp[1] = sp[-1];
  sp += 2;
  DISPATCH();
L_LOAD_NONE:
  PUSH(RT_NONE);
  DISPATCH();
L_LOAD_TRUE:
  PUSH(RT_TRUE);
  DISPATCH();
L_LOAD_FALSE:
  PUSH(RT_FALSE);
  DISPATCH();
L_UNARY_NOT : {
  rt_val_t v = TOP();
  TOP() = v == RT_TRUE ? RT_FALSE : v == RT_FALSE ? RT_TRUE : rt_bool(!rt_obj_truthy(v));
  DISPATCH();
}
L_BINARY_SUBSCR : {
  rt_val_t i = POP(), o = TOP();
  if (rt_is_obj(o, &rt_list_type) && rt_is_small(i)) {
    rt_list_t *l = (rt_list_t *)o;
    intptr_t k = rt_small_get(i);
    if (k < 0) k += (intptr_t)l->len;
    if (k >= 0 && (size_t)k < l->len) {
      TOP() = l->items[k];
      DISPATCH();
    }
  }
  TOP() = rt_obj_subscr(o, i);
  DISPATCH();
}
L_STORE_SUBSCR : {
  rt_val_t i = sp[-1], o = sp[-2], v = sp[-3];
  sp -= 3;
  if (rt_is_obj(o, &rt_list_type) && rt_is_small(i)) {
    rt_list_t *l = (rt_list_t *)o;
    intptr_t k = rt_small_get(i);
    if (k < 0) k += (intptr_t)l->len;
    if (k >= 0 && (size_t)k < l->len) {
      l->items[k] = v;
      DISPATCH();
    }
  }
  rt_obj_store_subscr(o, i, v);
  DISPATCH();
}
L_DELETE_SUBSCR : {
  rt_val_t i = sp[-1], o = sp[-2];
  sp -= 2;
  rt_obj_del_subscr(o, i);
  DISPATCH();
}
L_GET_ITER:
  TOP() = rt_obj_getiter(TOP());
  DISPATCH();
L_RETURN_VALUE : {
  rt_val_t v = POP();
  if (f == entry) {
    f->yielded = 0;
    rt_state->frame = f->back;
    frame_pop(f);
    return v;
  }
  rt_frame_t *caller = f->back;
  bool init = f->is_init;
  frame_pop(f);
  f = caller;
  rt_state->frame = f;
  LOAD_FRAME();
  if (init) {
    // The instance is already in place of the call's result.
    if (v != RT_NONE) rt_raise_msg(&rt_exc_TypeError, RT_MSG("__init__() should return None, not '%t'"), v);
    DISPATCH();
  }
  PUSH(v);
  DISPATCH();
}
L_YIELD_VALUE : {
  rt_val_t v = POP();
  SAVE();
  f->yielded = 1;
  rt_state->frame = f->back;
  rt_state->depth--;
  return v;
}
L_YIELD_FROM : {
  rt_val_t v = POP(), it = TOP(), r, ret = RT_NONE;
  if (rt_is_obj(it, &rt_gen_type))
    r = rt_gen_send(it, v, &ret);
  else
    r = rt_coro_delegate(it, v, RT_NULL, &ret);
  if (r) {
    // Suspend so that resuming re-executes YIELD_FROM with the sent value;
    // yielded 2 tells a delegate's value from the frame's own yield.
    f->ip = ip - 1;
    f->sp = sp;
    f->yielded = 2;
    rt_state->frame = f->back;
    rt_state->depth--;
    return r;
  }
  TOP() = ret;
  DISPATCH();
}
L_GET_AWAITABLE:
  SAVE();
  TOP() = rt_coro_get_awaitable(TOP());
  DISPATCH();
L_GET_AITER:
  SAVE();
  TOP() = rt_coro_aiter(TOP());
  DISPATCH();
L_GET_ANEXT : {
  SAVE();
  rt_val_t a = rt_coro_anext(TOP());
  PUSH(a);
  DISPATCH();
}
L_END_ASYNC_FOR : {
  rt_val_t e = POP();
  if (!rt_obj_isinstance(e, &rt_exc_StopAsyncIteration)) {
    SAVE();
    rt_state->reraise = true;
    rt_raise(e);
  }
  // As POP_EXCEPT, then drop the iterator below the handler's values.
  rt_block_t *b = &f->blocks[--f->n_blocks];
  rt_val_t prev = base[b->level - 1];
  sp = base + b->level - 2;
  rt_state->cur_exc = prev == RT_NONE ? RT_NULL : prev;
  DISPATCH();
}
L_BEFORE_ASYNC_WITH : {
  SAVE();
  rt_val_t aexit, a = rt_coro_aenter(TOP(), &aexit);
  TOP() = aexit;
  PUSH(a);
  DISPATCH();
}
L_ASYNC_WITH_EXIT:
  SAVE();
  TOP() = rt_coro_aexit(TOP(), RT_NULL);
  DISPATCH();
L_ASYNC_WITH_EXCEPT : {
  rt_val_t e = TOP(), ex = sp[-3];
  SAVE();
  rt_val_t a = rt_coro_aexit(ex, e);
  PUSH(a);
  DISPATCH();
}
L_GET_YIELD_FROM_ITER : {
  rt_val_t v = TOP();
  if (!rt_is_obj(v, &rt_gen_type)) TOP() = rt_obj_getiter(v);
  DISPATCH();
}
L_POP_BLOCK:
  f->n_blocks--;
  DISPATCH();
L_RERAISE : {
  rt_val_t e = POP();
  SAVE();
  rt_state->reraise = true;
  rt_raise(e);
}
L_CHECK_EXC_MATCH : {
  rt_val_t t = POP();
  rt_val_t m = rt_bool(exc_match(TOP(), t));
  PUSH(m);
  DISPATCH();
}
L_PRINT_EXPR : {
  rt_val_t v = POP();
  if (v != RT_NONE) {
    rt_obj_print(&rt_print_console, v, true);
    rt_print_str(&rt_print_console, "\n", 1);
    rt_dict_set(rt_state->builtins, rt_qstr_from("_", 1), v);
  }
  DISPATCH();
}
L_LOAD_BUILD_CLASS:
  PUSH(rt_val(&rt_builtins_build_class_obj));
  DISPATCH();
L_LOAD_ASSERTION_ERROR:
  PUSH(rt_val(&rt_exc_AssertionError));
  DISPATCH();
L_WITH_EXCEPT : {
  rt_val_t e = TOP(), ex = sp[-3];
  rt_val_t args[3] = {rt_val(rt_typeof(e)), e, RT_NONE};
  rt_val_t r = rt_obj_call(ex, 3, args, NULL);
  PUSH(rt_bool(rt_obj_truthy(r)));
  DISPATCH();
}
L_WITH_EXIT : {
  rt_val_t ex = POP();
  rt_val_t args[3] = {RT_NONE, RT_NONE, RT_NONE};
  rt_obj_call(ex, 3, args, NULL);
  DISPATCH();
}
L_IMPORT_STAR : {
  rt_val_t m = POP();
  rt_dict_t *d = rt_module_dict(m);
  size_t pos = 0;
  rt_dict_entry_t *e;
  while ((e = rt_dict_next(d, &pos))) {
    size_t n;
    const char *s = rt_str_data(e->key, &n);
    if (n && s[0] != '_') rt_dict_set(f->globals, e->key, e->value);
  }
  DISPATCH();
}
L_LIST_TO_TUPLE : {
  rt_list_t *l = (rt_list_t *)TOP();
  TOP() = rt_tuple_new(l->len, l->items);
  DISPATCH();
}
L_LOAD_CONST:
  arg = FETCH_ARG();
  PUSH(code->consts[arg]);
  DISPATCH();
L_LOAD_SMALL_INT:
  arg = FETCH_ARG();
  PUSH(rt_small((intptr_t)arg - 32768));
  DISPATCH();
L_LOAD_FAST : {
  arg = FETCH_ARG();
  rt_val_t v = slots[arg];
  if (!v)
    rt_raise_msg(&rt_exc_UnboundLocalError,
                 RT_MSG("cannot access local variable '%q' where it is not associated with a value"),
                 code->local_names[arg]);
  PUSH(v);
  DISPATCH();
}
L_STORE_FAST:
  arg = FETCH_ARG();
  slots[arg] = POP();
  DISPATCH();
L_DELETE_FAST:
  arg = FETCH_ARG();
  if (!slots[arg])
    rt_raise_msg(&rt_exc_UnboundLocalError,
                 RT_MSG("cannot access local variable '%q' where it is not associated with a value"),
                 code->local_names[arg]);
  slots[arg] = RT_NULL;
  DISPATCH();
L_LOAD_DEREF : {
  arg = FETCH_ARG();
  rt_val_t v = ((rt_cell_t *)slots[arg])->value;
  if (!v) {
    if (arg < code->n_locals)
      rt_raise_msg(&rt_exc_UnboundLocalError,
                   RT_MSG("cannot access local variable '%q' where it is not associated with a value"),
                   code->local_names[arg]);
    rt_raise_msg(
        &rt_exc_NameError,
        RT_MSG("cannot access free variable '%q' where it is not associated with a value in enclosing scope"),
        code->local_names[arg]);
  }
  PUSH(v);
  DISPATCH();
}
L_STORE_DEREF:
  arg = FETCH_ARG();
  ((rt_cell_t *)slots[arg])->value = POP();
  DISPATCH();
L_DELETE_DEREF:
  arg = FETCH_ARG();
  ((rt_cell_t *)slots[arg])->value = RT_NULL;
  DISPATCH();
L_LOAD_CLOSURE:
  arg = FETCH_ARG();
  PUSH(slots[arg]);
  DISPATCH();
L_LOAD_GLOBAL : {
  arg = FETCH_ARG();
  uint16_t hint = (uint16_t)(ip[0] | (ip[1] << 8));
  rt_dict_t *g = f->globals;
  if (hint < g->fill && g->entries[hint].key == code->names[arg]) {
    // The inline cache still names the entry: no call at all.
    ip += 2;
    PUSH(g->entries[hint].value);
    DISPATCH();
  }
  rt_val_t v = load_global(f, code->names[arg], &hint);
  ((uint8_t *)ip)[0] = (uint8_t)hint;
  ((uint8_t *)ip)[1] = (uint8_t)(hint >> 8);
  ip += 2;
  PUSH(v);
  DISPATCH();
}
L_STORE_GLOBAL:
  arg = FETCH_ARG();
  rt_dict_set(f->globals, code->names[arg], POP());
  DISPATCH();
L_DELETE_GLOBAL:
  arg = FETCH_ARG();
  if (!rt_dict_pop(f->globals, code->names[arg]))
    rt_raise_msg(&rt_exc_NameError, RT_MSG("name '%q' is not defined"), code->names[arg]);
  DISPATCH();
L_LOAD_NAME : {
  arg = FETCH_ARG();
  rt_val_t name = code->names[arg], v = RT_NULL;
  if (f->locals) v = rt_dict_get(f->locals, name);
  if (!v) v = rt_dict_get(f->globals, name);
  if (!v) v = rt_builtins_lookup(name);
  if (!v) rt_raise_msg(&rt_exc_NameError, RT_MSG("name '%q' is not defined"), name);
  PUSH(v);
  DISPATCH();
}
L_STORE_NAME:
  arg = FETCH_ARG();
  rt_dict_set(f->locals ? f->locals : f->globals, code->names[arg], POP());
  DISPATCH();
L_DELETE_NAME:
  arg = FETCH_ARG();
  if (!rt_dict_pop(f->locals ? f->locals : f->globals, code->names[arg]))
    rt_raise_msg(&rt_exc_NameError, RT_MSG("name '%q' is not defined"), code->names[arg]);
  DISPATCH();
L_LOAD_ATTR : {
  arg = FETCH_ARG();
  rt_val_t o = TOP();
  if (rt_is_ptr(o) &&
      (rt_ptr(o)->type->flags & (RT_TYPE_USER | RT_TYPE_DESCR | RT_TYPE_EXC)) == RT_TYPE_USER) {
    // An instance attribute of a plain class: the inline cache holds the
    // entry index in the instance dict where the name was last found.
    rt_dict_t *d =
        plain_class(rt_ptr(o)->type) ? ((rt_instance_t *)o)->dict : rt_type_instance_dict(o, false);
    uint16_t hint = (uint16_t)(ip[0] | (ip[1] << 8));
    rt_val_t v = RT_NULL;
    if (d && hint < d->fill && d->entries[hint].key == code->names[arg])
      v = d->entries[hint].value; // the inline cache names the entry
    else if (d)
      v = rt_dict_get_hint(d, code->names[arg], &hint);
    if (v) {
      ((uint8_t *)ip)[0] = (uint8_t)hint;
      ((uint8_t *)ip)[1] = (uint8_t)(hint >> 8);
      ip += 2;
      TOP() = v;
      DISPATCH();
    }
  }
  ip += 2;
  TOP() = rt_obj_getattr(o, code->names[arg]);
  DISPATCH();
}
L_STORE_ATTR : {
  arg = FETCH_ARG();
  rt_val_t o = sp[-1], v = sp[-2];
  sp -= 2;
  rt_dict_t *d = plain_instance_dict(o);
  if (d) {
    // Replacing an existing attribute: the inline cache holds its entry.
    uint16_t hint = (uint16_t)(ip[0] | (ip[1] << 8));
    rt_val_t name = code->names[arg];
    if (hint < d->fill && d->entries[hint].key == name) {
      d->entries[hint].value = v;
      ip += 2;
      DISPATCH();
    }
    rt_dict_set(d, name, v);
    if (rt_dict_get_hint(d, name, &hint)) {
      ((uint8_t *)ip)[0] = (uint8_t)hint;
      ((uint8_t *)ip)[1] = (uint8_t)(hint >> 8);
    }
    ip += 2;
    DISPATCH();
  }
  ip += 2;
  rt_obj_setattr(o, code->names[arg], v);
  DISPATCH();
}
L_DELETE_ATTR:
  arg = FETCH_ARG();
  rt_obj_delattr(POP(), code->names[arg]);
  DISPATCH();
L_LOAD_METHOD : {
  arg = FETCH_ARG();
  ip += 2;
  {
    // A method of a plain class not shadowed by the instance dict: through
    // the method cache.
    rt_val_t o = TOP();
    const rt_type_t *t = rt_typeof(o);
    if (plain_class(t)) {
      rt_dict_t *d = ((rt_instance_t *)o)->dict;
      rt_val_t name = code->names[arg];
      uint16_t miss = UINT16_MAX; // no entry to try first: a plain probe by the name's hash
      if (!d || !d->used || !rt_dict_get_hint(d, name, &miss)) {
        rt_val_t m = cached_method(t, name);
        if (m) {
          sp[-1] = m;
          sp[0] = o;
          sp++;
          DISPATCH();
        }
      }
    } else if (!(t->flags & (RT_TYPE_USER | RT_TYPE_EXC)) && !t->attr && t != &rt_type_type &&
               t != &rt_super_type) {
      // A builtin type without instance dicts or attribute hooks: its
      // method table is all there is (list.append, str.join).
      rt_val_t m = cached_method(t, code->names[arg]);
      if (m) {
        sp[-1] = m;
        sp[0] = o;
        sp++;
        DISPATCH();
      }
    }
  }
  // Written straight into the value stack (no C temporaries that would
  // keep the object alive for the conservative collector).
  rt_obj_load_method(TOP(), code->names[arg], sp - 1);
  sp++;
  DISPATCH();
}

  // ---- calls: [callable] [args...] -> result; Python functions get a frame ----
  {
    rt_val_t callee, *cargs;
    size_t cn;
    rt_kw_t kwbuf, *kw;
    rt_val_t *result_slot;

  L_CALL_METHOD:
    arg = FETCH_ARG();
    kw = NULL;
    cn = arg;
    if (sp[-(int)arg - 1]) {
      cargs = sp - arg - 1;
      cn++;
    } else {
      cargs = sp - arg;
    }
    callee = sp[-(int)arg - 2];
    result_slot = sp - arg - 2;
    goto do_call;
  L_CALL_METHOD_KW : {
    arg = FETCH_ARG();
    rt_val_t names = POP();
    size_t nk = rt_tuple_len(names);
    kwbuf.n = nk;
    kwbuf.names = rt_tuple_items(names);
    kwbuf.values = sp - nk;
    kw = &kwbuf;
    cn = arg - nk;
    if (sp[-(int)arg - 1]) {
      cargs = sp - arg - 1;
      cn++;
    } else {
      cargs = sp - arg;
    }
    callee = sp[-(int)arg - 2];
    result_slot = sp - arg - 2;
    goto do_call;
  }
  L_CALL_FUNCTION:
    arg = FETCH_ARG();
    kw = NULL;
    cn = arg;
    cargs = sp - arg;
    callee = sp[-(int)arg - 1];
    result_slot = sp - arg - 1;
    goto do_call;
  L_CALL_FUNCTION_KW : {
    arg = FETCH_ARG();
    rt_val_t names = POP();
    size_t nk = rt_tuple_len(names);
    kwbuf.n = nk;
    kwbuf.names = rt_tuple_items(names);
    kwbuf.values = sp - nk;
    kw = &kwbuf;
    cn = arg - nk;
    cargs = sp - arg;
    callee = sp[-(int)arg - 1];
    result_slot = sp - arg - 1;
    goto do_call;
  }
  L_CALL_FUNCTION_EX : {
    arg = FETCH_ARG();
    rt_dict_t *kd = (arg & 1) ? (rt_dict_t *)POP() : NULL;
    rt_val_t t = POP();
    callee = TOP();
    result_slot = sp - 1;
    cargs = rt_tuple_items(t);
    cn = rt_tuple_len(t);
    kw = NULL;
    if (kd && kd->used) {
      // Flatten the dict into parallel arrays kept in a tuple.
      rt_val_t buf = rt_tuple_new(2 * kd->used, NULL);
      size_t pos = 0, i = 0;
      rt_dict_entry_t *e;
      while ((e = rt_dict_next(kd, &pos))) {
        if (!rt_is_str(e->key)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("keywords must be strings"));
        size_t len;
        const char *s = rt_str_data(e->key, &len);
        rt_tuple_items(buf)[i] = rt_qstr_from(s, len);
        rt_tuple_items(buf)[kd->used + i] = e->value;
        i++;
      }
      kwbuf.n = kd->used;
      kwbuf.names = rt_tuple_items(buf);
      kwbuf.values = rt_tuple_items(buf) + kd->used;
      kw = &kwbuf;
    }
    goto do_call;
  }
  do_call:
    CHECK_POLL();
    SAVE();
    if (rt_is_obj(callee, &rt_bound_type) && rt_is_obj(((rt_bound_t *)callee)->func, &rt_func_type) &&
        cargs > base && cargs - 1 == result_slot) {
      // Bound Python method called with CALL_FUNCTION: self replaces the callable slot.
      rt_bound_t *b = (rt_bound_t *)callee;
      *result_slot = b->self;
      callee = b->func;
      cargs = result_slot;
      cn++;
    }
    if (rt_is_obj(callee, &rt_type_type) && (((const rt_type_t *)callee)->flags & RT_TYPE_USER) &&
        cargs - 1 == result_slot && cargs > base) {
      // Calling a plain class: the new instance takes the class's slot,
      // which stays on the caller's stack as the call's result, and
      // __init__ runs as a frame of this loop.
      rt_val_t init = plain_init((const rt_type_t *)callee);
      if (init) {
        rt_func_t *fn = (rt_func_t *)init;
        rt_instance_t *o = rt_gc_alloc(sizeof(rt_instance_t), 0);
        o->type = (const rt_type_t *)callee;
        *result_slot = rt_val(o);
        rt_frame_t *nf = frame_new(fn->code, fn->globals, init);
        bind_args(nf, fn, cn + 1, result_slot, kw);
        nf->is_init = 1;
        while (sp > result_slot + 1)
          *--sp = RT_NULL;
        f->sp = sp;
        frame_push(nf);
        f = nf;
        LOAD_FRAME();
        DISPATCH();
      }
    }
    if (rt_is_obj(callee, &rt_func_type)) {
      rt_func_t *fn = (rt_func_t *)callee;
      rt_frame_t *nf = frame_new(fn->code, fn->globals, callee);
      rt_code_t *c = fn->code;
      if (!kw && cn == c->n_args && !c->n_kwonly && !c->n_cells && !c->n_free &&
          !(c->flags & (RT_CODE_VARARGS | RT_CODE_VARKW))) {
        for (size_t i = 0; i < cn; i++) // the common call: positional arguments only
          nf->slots[i] = cargs[i];
      } else {
        bind_args(nf, fn, cn, cargs, kw);
      }
      if (fn->code->flags & RT_CODE_GENERATOR) {
        nf->is_gen = 1;
        sp = result_slot;
        PUSH(rt_gen_new(nf));
        DISPATCH();
      }
      f->sp = result_slot; // the caller's stack without callable and arguments
      frame_push(nf);
      f = nf;
      LOAD_FRAME();
      DISPATCH();
    }
    {
      rt_val_t r = rt_obj_call(callee, cn, cargs, kw);
      // Arguments left above the stack top would pin garbage (see FOR_ITER).
      while (sp > result_slot + 1)
        *--sp = RT_NULL;
      sp = result_slot;
      PUSH(r);
    }
    DISPATCH();
  }

L_MAKE_FUNCTION : {
  arg = FETCH_ARG();
  rt_code_t *c = (rt_code_t *)POP();
  rt_val_t closure = (arg & 8) ? POP() : RT_NULL;
  rt_dict_t *kwd = (arg & 2) ? (rt_dict_t *)POP() : NULL;
  rt_val_t defs = (arg & 1) ? POP() : RT_NULL;
  PUSH(rt_func_new(c, f->globals, defs, kwd, closure));
  DISPATCH();
}
L_BUILD_TUPLE : {
  arg = FETCH_ARG();
  if (ip[0] == RT_OP_UNPACK_SEQUENCE && (unsigned)(ip[1] | (ip[2] << 8)) == arg) {
    // "a, b = b, a": unpacking the tuple just built only reverses the
    // items, so no tuple is made.
    for (rt_val_t *lo = sp - arg, *hi = sp - 1; lo < hi; lo++, hi--) {
      rt_val_t t = *lo;
      *lo = *hi;
      *hi = t;
    }
    ip += 3;
    DISPATCH();
  }
  rt_val_t t = rt_tuple_new(arg, sp - arg);
  sp -= arg;
  PUSH(t);
  DISPATCH();
}
L_BUILD_LIST : {
  arg = FETCH_ARG();
  rt_val_t l = rt_list_from_items(arg, sp - arg);
  sp -= arg;
  PUSH(l);
  DISPATCH();
}
L_BUILD_SET : {
  arg = FETCH_ARG();
  rt_val_t s = rt_set_new(arg, sp - arg);
  sp -= arg;
  PUSH(s);
  DISPATCH();
}
L_BUILD_MAP : {
  arg = FETCH_ARG();
  rt_dict_t *d = rt_dict_new(arg);
  for (unsigned i = 0; i < arg; i++)
    rt_dict_set(d, sp[-2 * (int)arg + 2 * (int)i], sp[-2 * (int)arg + 2 * (int)i + 1]);
  sp -= 2 * arg;
  PUSH(rt_val(d));
  DISPATCH();
}
L_BUILD_STRING : {
  arg = FETCH_ARG();
  size_t total = 0;
  for (unsigned i = 0; i < arg; i++) {
    size_t n;
    rt_str_data(sp[-(int)arg + (int)i], &n);
    total += n;
  }
  char *d;
  rt_val_t s = rt_str_new_uninit(total, &d);
  for (unsigned i = 0; i < arg; i++) {
    size_t n;
    const char *t = rt_str_data(sp[-(int)arg + (int)i], &n);
    rt_memcpy(d, t, n);
    d += n;
  }
  sp -= arg;
  PUSH(s);
  DISPATCH();
}
L_BUILD_SLICE : {
  arg = FETCH_ARG();
  rt_val_t st = arg == 3 ? POP() : RT_NONE;
  rt_val_t hi = POP(), lo = TOP();
  TOP() = rt_slice_new(lo, hi, st);
  DISPATCH();
}
L_LIST_APPEND : {
  arg = FETCH_ARG();
  rt_val_t v = POP();
  rt_list_append(sp[-(int)arg], v);
  DISPATCH();
}
L_SET_ADD : {
  arg = FETCH_ARG();
  rt_val_t v = POP();
  rt_set_add(sp[-(int)arg], v);
  DISPATCH();
}
L_MAP_ADD : {
  arg = FETCH_ARG();
  rt_val_t v = POP(), k = POP();
  rt_dict_set((rt_dict_t *)sp[-(int)arg], k, v);
  DISPATCH();
}
L_LIST_EXTEND : {
  arg = FETCH_ARG();
  rt_val_t v = POP();
  rt_list_extend(sp[-(int)arg], v);
  DISPATCH();
}
L_SET_UPDATE : {
  arg = FETCH_ARG();
  rt_val_t v = POP();
  rt_set_update(sp[-(int)arg], v);
  DISPATCH();
}
L_DICT_UPDATE : {
  arg = FETCH_ARG();
  rt_val_t v = POP();
  rt_dict_update((rt_dict_t *)sp[-(int)arg], v);
  DISPATCH();
}
L_DICT_MERGE : {
  arg = FETCH_ARG();
  rt_val_t v = POP();
  rt_dict_t *d = (rt_dict_t *)sp[-(int)arg];
  if (!rt_is_obj(v, &rt_dict_type))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("argument after ** must be a mapping, not %t"), v);
  size_t pos = 0;
  rt_dict_entry_t *e;
  while ((e = rt_dict_next((rt_dict_t *)v, &pos))) {
    if (rt_dict_get(d, e->key))
      rt_raise_msg(&rt_exc_TypeError, RT_MSG("got multiple values for keyword argument '%S'"), e->key);
    rt_dict_set(d, e->key, e->value);
  }
  DISPATCH();
}
L_UNPACK_SEQUENCE : {
  arg = FETCH_ARG();
  rt_val_t seq = POP();
  if (rt_is_obj(seq, &rt_tuple_type) && rt_tuple_len(seq) == arg) {
    rt_val_t *it = rt_tuple_items(seq);
    for (unsigned i = arg; i-- > 0;)
      PUSH(it[i]);
    DISPATCH();
  }
  sp = unpack(sp, seq, arg, 0, false);
  DISPATCH();
}
L_UNPACK_EX : {
  arg = FETCH_ARG();
  rt_val_t seq = POP();
  sp = unpack(sp, seq, arg & 0xff, arg >> 8, true);
  DISPATCH();
}
L_UNARY_OP : {
  arg = FETCH_ARG();
  rt_val_t v = TOP();
  if (arg == RT_UNARY_NEG && rt_is_small(v) && rt_small_get(v) != RT_SMALL_MIN) {
    TOP() = rt_small(-rt_small_get(v));
    DISPATCH();
  }
  if (arg == RT_UNARY_NEG && rt_is_obj(v, &rt_float_type)) {
    TOP() = rt_float_new(-rt_float_get(v));
    DISPATCH();
  }
  TOP() = rt_obj_unary((rt_unary_op_t)arg, v);
  DISPATCH();
}
L_BINARY_OP : {
  arg = FETCH_ARG();
  rt_val_t b = POP(), a = TOP();
  if (rt_is_small(a) && rt_is_small(b)) {
    intptr_t x = rt_small_get(a), y = rt_small_get(b), r;
    unsigned op =
        arg > RT_BINARY_INPLACE_FIRST && arg < RT_BINARY_LT ? arg - RT_BINARY_INPLACE_FIRST - 1 : arg;
    switch (op) {
    case RT_BINARY_ADD:
      r = x + y;
      if (rt_small_fits(r)) {
        TOP() = rt_small(r);
        DISPATCH();
      }
      break;
    case RT_BINARY_SUB:
      r = x - y;
      if (rt_small_fits(r)) {
        TOP() = rt_small(r);
        DISPATCH();
      }
      break;
    case RT_BINARY_MUL:
      if (!__builtin_mul_overflow(x, y, &r) && rt_small_fits(r)) {
        TOP() = rt_small(r);
        DISPATCH();
      }
      break;
    case RT_BINARY_FLOORDIV:
      if (y > 0) {
        r = x / y;
        if (x % y && x < 0) r--;
        TOP() = rt_small(r);
        DISPATCH();
      }
      break;
    case RT_BINARY_MOD:
      if (y > 0) {
        // A power of two (x % 2, x % 8) is a mask, and far cheaper than
        // a division; masking also gives the floor result for x < 0.
        r = (y & (y - 1)) == 0 ? x & (y - 1) : x % y;
        if (r < 0) r += y;
        TOP() = rt_small(r);
        DISPATCH();
      }
      break;
    case RT_BINARY_AND: TOP() = rt_small(x & y); DISPATCH();
    case RT_BINARY_OR: TOP() = rt_small(x | y); DISPATCH();
    case RT_BINARY_XOR: TOP() = rt_small(x ^ y); DISPATCH();
    default: break;
    }
  } else if ((rt_is_obj(a, &rt_float_type) && (rt_is_obj(b, &rt_float_type) || rt_is_small(b))) ||
             (rt_is_small(a) && rt_is_obj(b, &rt_float_type))) {
    // A float with a float or a small int (exact as a double up to 2**53;
    // beyond that the int is rounded as CPython's float(int) would).
    double x = rt_is_small(a) ? (double)rt_small_get(a) : rt_float_get(a);
    double y = rt_is_small(b) ? (double)rt_small_get(b) : rt_float_get(b);
    unsigned op =
        arg > RT_BINARY_INPLACE_FIRST && arg < RT_BINARY_LT ? arg - RT_BINARY_INPLACE_FIRST - 1 : arg;
    switch (op) {
    case RT_BINARY_ADD: TOP() = rt_float_new(x + y); DISPATCH();
    case RT_BINARY_SUB: TOP() = rt_float_new(x - y); DISPATCH();
    case RT_BINARY_MUL: TOP() = rt_float_new(x * y); DISPATCH();
    case RT_BINARY_TRUEDIV:
      if (y != 0) {
        TOP() = rt_float_new(x / y);
        DISPATCH();
      }
      break;
    default: break;
    }
  }
  TOP() = rt_obj_binary((rt_binary_op_t)arg, a, b);
  DISPATCH();
}
L_COMPARE_OP : {
  arg = FETCH_ARG();
  rt_val_t b = POP(), a = TOP();
  if (rt_is_small(a) && rt_is_small(b)) {
    intptr_t x = (intptr_t)a, y = (intptr_t)b;
    bool r;
    switch (arg) {
    case RT_BINARY_LT: r = x < y; break;
    case RT_BINARY_LE: r = x <= y; break;
    case RT_BINARY_GT: r = x > y; break;
    case RT_BINARY_GE: r = x >= y; break;
    case RT_BINARY_EQ: r = x == y; break;
    default: r = x != y; break;
    }
    TOP() = rt_bool(r);
    DISPATCH();
  }
  if (rt_is_obj(a, &rt_float_type) && (rt_is_obj(b, &rt_float_type) || rt_is_small(b))) {
    double x = rt_float_get(a), y = rt_is_small(b) ? (double)rt_small_get(b) : rt_float_get(b);
    bool r;
    switch (arg) {
    case RT_BINARY_LT: r = x < y; break;
    case RT_BINARY_LE: r = x <= y; break;
    case RT_BINARY_GT: r = x > y; break;
    case RT_BINARY_GE: r = x >= y; break;
    case RT_BINARY_EQ: r = x == y; break;
    default: r = x != y; break;
    }
    // Small ints beyond 2**53 do not convert exactly: leave them to the
    // exact comparison.
    if (!rt_is_small(b) || rt_small_fits_double(b)) {
      TOP() = rt_bool(r);
      DISPATCH();
    }
  }
  if (arg == RT_BINARY_EQ && rt_is_str(a) && rt_is_str(b))
    TOP() = rt_bool(rt_str_eq(a, b));
  else
    TOP() = rt_obj_compare((rt_binary_op_t)arg, a, b);
  DISPATCH();
}
L_IS_OP : {
  arg = FETCH_ARG();
  rt_val_t b = POP(), a = TOP();
  TOP() = rt_bool((a == b) != (arg != 0));
  DISPATCH();
}
L_CONTAINS_OP : {
  arg = FETCH_ARG();
  rt_val_t b = POP(), a = TOP();
  TOP() = rt_bool(rt_obj_contains(b, a) != (arg != 0));
  DISPATCH();
}
L_JUMP:
  arg = FETCH_ARG();
  if (code->bytecode + arg < ip) CHECK_POLL();
  ip = code->bytecode + arg;
  DISPATCH();
L_POP_JUMP_IF_FALSE : {
  arg = FETCH_ARG();
  rt_val_t v = POP();
  if (v == RT_FALSE || (v != RT_TRUE && !rt_obj_truthy(v))) ip = code->bytecode + arg;
  DISPATCH();
}
L_POP_JUMP_IF_TRUE : {
  arg = FETCH_ARG();
  rt_val_t v = POP();
  if (v == RT_TRUE || (v != RT_FALSE && rt_obj_truthy(v))) ip = code->bytecode + arg;
  DISPATCH();
}
L_JUMP_IF_FALSE_OR_POP : {
  arg = FETCH_ARG();
  if (!rt_obj_truthy(TOP()))
    ip = code->bytecode + arg;
  else
    sp--;
  DISPATCH();
}
L_JUMP_IF_TRUE_OR_POP : {
  arg = FETCH_ARG();
  if (rt_obj_truthy(TOP()))
    ip = code->bytecode + arg;
  else
    sp--;
  DISPATCH();
}
L_FOR_ITER : {
  arg = FETCH_ARG();
  rt_val_t it = TOP(), v;
  const rt_type_t *t = rt_typeof(it);
  if (t == &rt_range_iter_type) {
    rt_range_iter_t *r = (rt_range_iter_t *)it;
    if (r->step > 0 ? r->cur < r->stop : r->cur > r->stop) {
      v = rt_range_value(r->cur);
      r->cur += r->step;
      PUSH(v);
      DISPATCH();
    }
    v = RT_NULL;
  } else if (t == &rt_list_iter_type) {
    rt_list_iter_t *li = (rt_list_iter_t *)it;
    rt_list_t *l = (rt_list_t *)li->list;
    v = li->pos < l->len ? l->items[li->pos++] : RT_NULL;
  } else {
    SAVE();
    v = t->iternext ? t->iternext(it) : rt_obj_iternext(it);
  }
  if (v) {
    PUSH(v);
  } else {
    // Clear the slot: the collector scans whole frames, and a stale
    // iterator would keep its container alive after the loop.
    *--sp = RT_NULL;
    ip = code->bytecode + arg;
  }
  DISPATCH();
}
L_SETUP_EXCEPT : {
  arg = FETCH_ARG();
  rt_block_t *b = &f->blocks[f->n_blocks++];
  b->kind = RT_BLOCK_EXCEPT;
  b->handler = (uint16_t)arg;
  b->level = (uint16_t)(sp - base);
  DISPATCH();
}
L_SETUP_WITH : {
  arg = FETCH_ARG();
  rt_val_t ctx = POP();
  rt_val_t enter[2];
  if (!rt_obj_load_method_maybe(ctx, RT_QV(__enter__), enter))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object does not support the context manager protocol"), ctx);
  rt_val_t ex = rt_obj_getattr_maybe(ctx, RT_QV(__exit__));
  if (!ex)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%t' object does not support the context manager protocol"), ctx);
  PUSH(ex);
  SAVE();
  rt_val_t r = rt_obj_call_method(enter, 0, NULL);
  rt_block_t *b = &f->blocks[f->n_blocks++];
  b->kind = RT_BLOCK_EXCEPT;
  b->handler = (uint16_t)arg;
  b->level = (uint16_t)(sp - base);
  PUSH(r);
  DISPATCH();
}
L_SETUP_ASYNC_WITH : {
  arg = FETCH_ARG();
  rt_val_t r = POP();
  rt_block_t *b = &f->blocks[f->n_blocks++];
  b->kind = RT_BLOCK_EXCEPT;
  b->handler = (uint16_t)arg;
  b->level = (uint16_t)(sp - base);
  PUSH(r);
  DISPATCH();
}
L_POP_EXCEPT : {
  arg = FETCH_ARG();
  rt_block_t *b = &f->blocks[--f->n_blocks];
  rt_val_t keep = arg ? sp[-1] : RT_NULL;
  rt_val_t prev = base[b->level - 1];
  sp = base + b->level - 1;
  rt_state->cur_exc = prev == RT_NONE ? RT_NULL : prev;
  if (arg) PUSH(keep);
  DISPATCH();
}
L_RAISE_VARARGS : {
  arg = FETCH_ARG();
  SAVE();
  if (arg == 0) {
    if (!rt_state->cur_exc) rt_raise_msg(&rt_exc_RuntimeError, RT_MSG("No active exception to reraise"));
    rt_state->reraise = true;
    rt_raise(rt_state->cur_exc);
  }
  rt_val_t cause = arg == 2 ? POP() : RT_NULL;
  rt_val_t e = make_exc(POP());
  if (arg == 2) {
    rt_exc_t *x = (rt_exc_t *)e;
    if (cause == RT_NONE) {
      x->cause = RT_NULL;
    } else {
      cause = make_exc(cause);
      x->cause = cause;
    }
    x->suppress_context = true;
  }
  rt_raise(e);
}
L_IMPORT_NAME : {
  arg = FETCH_ARG();
  SAVE();
  TOP() = rt_module_import(code->names[arg]);
  DISPATCH();
}
L_IMPORT_FROM : {
  arg = FETCH_ARG();
  rt_val_t v = import_from(TOP(), code->names[arg]);
  PUSH(v);
  DISPATCH();
}
L_FORMAT_VALUE : {
  arg = FETCH_ARG();
  rt_val_t spec = (arg & 4) ? POP() : RT_NULL;
  TOP() = format_field(TOP(), arg, spec);
  DISPATCH();
}
}

// ---- exception handling around dispatch ----

// Runs [entry] (already the innermost frame, its C level entered with
// rt_c_enter) until it returns or yields, and leaves that C level. An
// exception escaping [entry] is raised again, or returned in *err when
// [err] is given (the result is then RT_NULL): generators catch that way
// without a second handler.
static rt_val_t execute(rt_frame_t *entry, rt_val_t *err) {
  for (;;) {
    rt_nlr_t nlr;
    rt_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
      rt_val_t r = dispatch(entry);
      rt_nlr_pop(&nlr);
      rt_c_leave();
      return r;
    }
    rt_val_t exc = nlr.exc;
    rt_exc_t *x = (rt_exc_t *)exc;
    if (rt_state->cur_exc && rt_state->cur_exc != exc && !x->context && exc != rt_state->memory_error)
      x->context = rt_state->cur_exc;
    rt_frame_t *f = rt_state->frame;
    bool handled = false;
    for (;;) {
      if (!rt_state->reraise)
        rt_exc_add_traceback(exc, rt_val(f->code),
                             rt_code_line(f->code, (size_t)(f->last_ip - f->code->bytecode)));
      rt_state->reraise = false;
      rt_val_t *base = f->slots + f->code->n_locals + f->code->n_free;
      while (f->n_blocks) {
        rt_block_t b = f->blocks[--f->n_blocks];
        if (b.kind == RT_BLOCK_ACTIVE) {
          rt_val_t prev = base[b.level - 1];
          rt_state->cur_exc = prev == RT_NONE ? RT_NULL : prev;
          continue;
        }
        rt_val_t *sp = base + b.level;
        // Clear the abandoned part of the value stack: the collector scans
        // whole frames, and stale values there would keep garbage alive.
        memset(sp, 0, (size_t)(base + f->code->stack_size - sp) * sizeof(rt_val_t));
        *sp++ = rt_state->cur_exc ? rt_state->cur_exc : RT_NONE;
        rt_block_t *a = &f->blocks[f->n_blocks++];
        a->kind = RT_BLOCK_ACTIVE;
        a->level = (uint16_t)(sp - base);
        a->handler = 0;
        *sp++ = exc;
        f->sp = sp;
        f->ip = f->code->bytecode + b.handler;
        rt_state->cur_exc = exc;
        handled = true;
        break;
      }
      if (handled) break;
      if (f == entry) {
        rt_state->frame = entry->back;
        frame_pop(entry);
        rt_c_leave();
        if (!err) rt_raise(exc);
        *err = exc;
        return RT_NULL;
      }
      rt_frame_t *caller = f->back;
      frame_pop(f);
      f = caller;
    }
    rt_state->frame = f;
  }
}

// ---- entry points ----

// Enters a C level and makes [f] the innermost frame (either may raise
// RecursionError, before anything changed), then runs it. Raises. Always
// inlined: calls from C into Python take no extra C frame (the chip's
// stack is small, and the collector scans it).
static inline __attribute__((always_inline)) rt_val_t run_entry(rt_frame_t *f) {
  f->entry = 1;
  rt_c_enter();
  frame_push(f);
  return execute(f, NULL);
}

rt_val_t rt_vm_call(rt_val_t func, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_func_t *fn = (rt_func_t *)func;
  rt_frame_t *f = frame_new(fn->code, fn->globals, func);
  bind_args(f, fn, n, args, kw);
  if (fn->code->flags & RT_CODE_GENERATOR) {
    f->is_gen = 1;
    return rt_gen_new(f);
  }
  return run_entry(f);
}

rt_val_t rt_vm_run_module(rt_code_t *code, rt_dict_t *globals) {
  return run_entry(frame_new(code, globals, RT_NULL));
}

rt_val_t rt_vm_run_code(rt_code_t *code, rt_dict_t *globals, rt_dict_t *locals) {
  rt_frame_t *f = frame_new(code, globals, RT_NULL);
  f->locals = locals == globals ? NULL : locals;
  return run_entry(f);
}

rt_val_t rt_vm_run_class_body(rt_val_t func, rt_dict_t *ns) {
  rt_func_t *fn = (rt_func_t *)func;
  rt_frame_t *f = frame_new(fn->code, fn->globals, func);
  bind_args(f, fn, 0, NULL, NULL);
  f->locals = ns;
  return run_entry(f);
}

rt_val_t rt_vm_resume(rt_val_t gen, rt_val_t send, rt_val_t throw, bool *done, rt_val_t *err) {
  rt_gen_t *g = (rt_gen_t *)gen;
  rt_frame_t *frame = g->frame;
  // A RecursionError on entry leaves the generator finished, as in CPython.
  g->state = RT_GEN_DONE;
  g->frame = NULL;
  rt_c_enter();
  frame_push(frame);
  g->state = RT_GEN_RUNNING;
  g->frame = frame;
  frame->entry = 1;
  frame->yielded = 0;
  if (send) *frame->sp++ = send;
  if (throw) frame->pending = throw;
  *err = RT_NULL;
  rt_val_t r = execute(frame, err);
  *done = !frame->yielded;
  return r;
}

bool rt_vm_super_args(rt_val_t *cls, rt_val_t *obj) {
  rt_frame_t *f = rt_state->frame;
  if (!f || f->code->n_args == 0) return false;
  rt_code_t *c = f->code;
  rt_val_t self = f->slots[0];
  for (size_t i = 0; i < c->n_cells; i++)
    if (c->cell_slots[i] == 0) self = ((rt_cell_t *)self)->value;
  for (size_t i = c->n_locals; i < (size_t)c->n_locals + c->n_free; i++)
    if (c->local_names[i] == RT_QV(__class__)) {
      rt_val_t k = ((rt_cell_t *)f->slots[i])->value;
      if (!k) return false;
      *cls = k;
      *obj = self;
      return self != RT_NULL;
    }
  return false;
}

rt_dict_t *rt_vm_globals(void) {
  return rt_state->frame ? rt_state->frame->globals : rt_state->main_globals;
}

// SPDX-License-Identifier: MIT
// mod_gc.c: the gc module (MicroPython's API over gc.c).
//
// gc.disable() turns off automatic collection: allocation then fails with
// MemoryError when the heap is full instead of collecting, as on
// MicroPython; gc.collect() still works. gc.threshold(n) asks for a
// collection once n more bytes have been allocated; -1 turns that off.
// Both settings live in the interpreter state, so a soft reset restores
// the defaults.
#include "mod_gc.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_func.h"
#include "obj_int.h"
#include "qstr.h"
#include "state.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

static rt_val_t f_collect(ARGS) {
  (void)n, (void)args, (void)kw;
  rt_gc_collect();
  return RT_NONE;
}

static rt_val_t f_mem_free(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_int_from((intptr_t)rt_gc_free_bytes());
}

static rt_val_t f_mem_alloc(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_int_from((intptr_t)rt_gc_used());
}

static rt_val_t f_enable(ARGS) {
  (void)n, (void)args, (void)kw;
  rt_state->gc_auto_off = false;
  return RT_NONE;
}

static rt_val_t f_disable(ARGS) {
  (void)n, (void)args, (void)kw;
  rt_state->gc_auto_off = true;
  return RT_NONE;
}

static rt_val_t f_isenabled(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_bool(!rt_state->gc_auto_off);
}

// threshold() -> the current threshold in bytes, or -1 when none is set;
// threshold(n) sets it (n < 0: none).
static rt_val_t f_threshold(ARGS) {
  (void)kw;
  if (n == 0) return rt_state->gc_threshold ? rt_int_from((intptr_t)rt_state->gc_threshold) : rt_small(-1);
  intptr_t v = rt_obj_get_int(args[0]);
  rt_state->gc_threshold = v < 0 ? 0 : (size_t)v;
  return RT_NONE;
}

static RT_BUILTIN(collect_obj, collect, 0, 1, 0, f_collect);
static RT_BUILTIN(mem_free_obj, mem_free, 0, 0, 0, f_mem_free);
static RT_BUILTIN(mem_alloc_obj, mem_alloc, 0, 0, 0, f_mem_alloc);
static RT_BUILTIN(enable_obj, enable, 0, 0, 0, f_enable);
static RT_BUILTIN(disable_obj, disable, 0, 0, 0, f_disable);
static RT_BUILTIN(isenabled_obj, isenabled, 0, 0, 0, f_isenabled);
static RT_BUILTIN(threshold_obj, threshold, 0, 1, 0, f_threshold);

static const rt_method_t gc_table[] = {
    {RT_Q_collect, &collect_obj},     {RT_Q_mem_free, &mem_free_obj},
    {RT_Q_mem_alloc, &mem_alloc_obj}, {RT_Q_enable, &enable_obj},
    {RT_Q_disable, &disable_obj},     {RT_Q_isenabled, &isenabled_obj},
    {RT_Q_threshold, &threshold_obj}, {0, NULL},
};

void rt_gc_module_init(rt_dict_t *g) {
  for (const rt_method_t *m = gc_table; m->name; m++)
    rt_dict_set(g, rt_qstr_val(m->name), rt_val(m->value));
}

// SPDX-License-Identifier: MIT
// mod_gc.c: the gc module.
#include "mod_gc.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_func.h"
#include "qstr.h"

static rt_val_t f_collect(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  rt_gc_collect();
  return RT_NONE;
}
static rt_val_t f_mem_free(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return rt_small((intptr_t)rt_gc_free_bytes());
}
static rt_val_t f_mem_alloc(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return rt_small((intptr_t)rt_gc_used());
}
static rt_val_t f_noop(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return RT_NONE;
}
static rt_val_t f_isenabled(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return RT_TRUE;
}

static RT_BUILTIN(collect_obj, collect, 0, 1, 0, f_collect);
static RT_BUILTIN(mem_free_obj, mem_free, 0, 0, 0, f_mem_free);
static RT_BUILTIN(mem_alloc_obj, mem_alloc, 0, 0, 0, f_mem_alloc);
static RT_BUILTIN(enable_obj, enable, 0, 0, 0, f_noop);
static RT_BUILTIN(disable_obj, disable, 0, 0, 0, f_noop);
static RT_BUILTIN(isenabled_obj, isenabled, 0, 0, 0, f_isenabled);

void rt_gc_module_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(collect), rt_val(&collect_obj));
  rt_dict_set(g, RT_QV(mem_free), rt_val(&mem_free_obj));
  rt_dict_set(g, RT_QV(mem_alloc), rt_val(&mem_alloc_obj));
  rt_dict_set(g, RT_QV(enable), rt_val(&enable_obj));
  rt_dict_set(g, RT_QV(disable), rt_val(&disable_obj));
  rt_dict_set(g, RT_QV(isenabled), rt_val(&isenabled_obj));
}

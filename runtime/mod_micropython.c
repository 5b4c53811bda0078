// SPDX-License-Identifier: MIT
// mod_micropython.c: MicroPython-compatibility helpers.
#include "mod_micropython.h"
#include "gc.h"
#include "hal.h"
#include "obj_dict.h"
#include "obj_func.h"
#include "print.h"
#include "qstr.h"
#include "state.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

static rt_val_t f_const(ARGS) {
  (void)n, (void)kw;
  return args[0];
}

static rt_val_t f_mem_info(ARGS) {
  (void)n, (void)args, (void)kw;
  rt_print_format(&rt_print_console, "heap: total: %z, used: %z, free: %z, peak: %z\n",
                  rt_gc_used() + rt_gc_free_bytes(), rt_gc_used(), rt_gc_free_bytes(), rt_gc_peak());
  return RT_NONE;
}

static rt_val_t f_opt_level(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_small(0);
}

static rt_val_t f_kbd_intr(ARGS) {
  (void)n, (void)kw;
  hal_set_interrupt_char((int)rt_obj_get_int(args[0]));
  return RT_NONE;
}

static rt_val_t f_noop(ARGS) {
  (void)n, (void)args, (void)kw;
  return RT_NONE;
}

static RT_BUILTIN(const_obj, const_, 1, 1, 0, f_const);
static RT_BUILTIN(mem_info_obj, mem_info, 0, 1, 0, f_mem_info);
static RT_BUILTIN(opt_level_obj, opt_level, 0, 1, 0, f_opt_level);
static RT_BUILTIN(kbd_intr_obj, kbd_intr, 1, 1, 0, f_kbd_intr);
static RT_BUILTIN(heap_lock_obj, heap_lock, 0, 0, 0, f_noop);
static RT_BUILTIN(heap_unlock_obj, heap_unlock, 0, 0, 0, f_noop);

void rt_micropython_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(const_), rt_val(&const_obj));
  rt_dict_set(g, RT_QV(mem_info), rt_val(&mem_info_obj));
  rt_dict_set(g, RT_QV(opt_level), rt_val(&opt_level_obj));
  rt_dict_set(g, RT_QV(kbd_intr), rt_val(&kbd_intr_obj));
  rt_dict_set(g, RT_QV(heap_lock), rt_val(&heap_lock_obj));
  rt_dict_set(g, RT_QV(heap_unlock), rt_val(&heap_unlock_obj));
}

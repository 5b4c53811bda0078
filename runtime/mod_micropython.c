// SPDX-License-Identifier: MIT
// mod_micropython.c: MicroPython's own module.
//
// heap_lock() makes every allocation fail (gc.c checks
// rt_state->gc_lock_depth), so code that must not allocate can prove it;
// the REPL unlocks the heap after each input. schedule() queues a call for
// a safe point: the next sleep or the REPL's return to the prompt.
// alloc_emergency_exception_buf() has nothing to do: the MemoryError
// raised on a full heap is preallocated with room for its traceback.
// opt_level() is kept and reported; the compiler still keeps asserts.
#include <string.h>

#include "mod_micropython.h"
#include "gc.h"
#include "hal.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

// Calls micropython.schedule may queue before they run (MicroPython's
// default depth).
#define SCHEDULE_DEPTH 4

static rt_val_t f_const(ARGS) {
  (void)n, (void)kw;
  return args[0];
}

// Counts allocations by size for mem_info.
typedef struct {
  size_t one_block, two_blocks, largest;
} block_stats_t;

static void count_block(void *p, size_t bytes, bool leaf, void *ctx) {
  (void)p, (void)leaf;
  block_stats_t *s = ctx;
  if (bytes <= RT_GC_BLOCK)
    s->one_block++;
  else if (bytes <= 2 * RT_GC_BLOCK)
    s->two_blocks++;
  if (bytes > s->largest) s->largest = bytes;
}

// mem_info([verbose]): C stack in use, the heap's totals and peak, and how
// many allocations are 1 or 2 blocks long.
static rt_val_t f_mem_info(ARGS) {
  (void)n, (void)args, (void)kw;
  char here;
  size_t stack = rt_state->stack_base ? (size_t)((char *)rt_state->stack_base - &here) : 0;
  block_stats_t st = {0, 0, 0};
  rt_gc_walk(count_block, &st);
  size_t used = rt_gc_used(), free_bytes = rt_gc_free_bytes();
  rt_print_format(&rt_print_console, "stack: %z out of %z\n", stack, (size_t)RT_C_STACK_MAX);
  rt_print_format(&rt_print_console, "GC: total: %z, used: %z, free: %z, peak: %z\n", used + free_bytes, used,
                  free_bytes, rt_gc_peak());
  rt_print_format(&rt_print_console, " No. of 1-blocks: %z, 2-blocks: %z, max blk sz: %z\n", st.one_block,
                  st.two_blocks, st.largest / RT_GC_BLOCK);
  return RT_NONE;
}

// qstr_info([verbose]): how many names are interned and the bytes of
// those made at run time; verbose lists the run-time ones.
static rt_val_t f_qstr_info(ARGS) {
  (void)kw;
  size_t dyn = rt_state->qstr_dyn_len, bytes = 0;
  for (size_t i = 0; i < dyn; i++) {
    size_t len;
    rt_qstr_str(rt_qstr_val((unsigned)(RT_Q_COUNT + i)), &len);
    bytes += len;
  }
  rt_print_format(&rt_print_console, "qstr pool: n_builtin=%z, n_qstr=%z, n_str_data_bytes=%z\n",
                  (size_t)RT_Q_COUNT, dyn, bytes);
  if (n > 0 && rt_obj_truthy(args[0]))
    for (size_t i = 0; i < dyn; i++)
      rt_print_format(&rt_print_console, "Q(%q)\n", rt_qstr_val((unsigned)(RT_Q_COUNT + i)));
  return RT_NONE;
}

static rt_val_t f_opt_level(ARGS) {
  (void)kw;
  if (n == 0) return rt_small(rt_state->opt_level);
  intptr_t v = rt_obj_get_int(args[0]);
  rt_state->opt_level = v < 0 ? 0 : v > 3 ? 3 : (int)v;
  return RT_NONE;
}

static rt_val_t f_kbd_intr(ARGS) {
  (void)n, (void)kw;
  hal_set_interrupt_char((int)rt_obj_get_int(args[0]));
  return RT_NONE;
}

static rt_val_t f_heap_lock(ARGS) {
  (void)n, (void)args, (void)kw;
  rt_state->gc_lock_depth++;
  return RT_NONE;
}

// heap_unlock() -> the lock depth left.
static rt_val_t f_heap_unlock(ARGS) {
  (void)n, (void)args, (void)kw;
  if (rt_state->gc_lock_depth > 0) rt_state->gc_lock_depth--;
  return rt_small(rt_state->gc_lock_depth);
}

static rt_val_t f_heap_locked(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_small(rt_state->gc_lock_depth);
}

static rt_val_t f_alloc_emergency_exception_buf(ARGS) {
  (void)n, (void)kw;
  rt_obj_get_int(args[0]); // checked, as MicroPython does
  return RT_NONE;
}

static rt_val_t f_schedule(ARGS) {
  (void)n, (void)kw;
  if (!rt_state->sched_queue) rt_state->sched_queue = rt_list_new(0);
  rt_list_t *q = (rt_list_t *)rt_state->sched_queue;
  if (q->len >= SCHEDULE_DEPTH) rt_raise_msg(&rt_exc_RuntimeError, RT_MSG("schedule queue full"));
  rt_val_t pair[2] = {args[0], args[1]};
  rt_list_append(rt_state->sched_queue, rt_tuple_new(2, pair));
  return RT_NONE;
}

void rt_micropython_run_scheduled(void) {
  rt_list_t *q = (rt_list_t *)rt_state->sched_queue;
  // Scheduled calls do not interrupt each other (the VM's poll may come
  // round while one runs).
  if (!q || q->len == 0 || rt_state->sched_running) return;
  rt_state->sched_running = true;
  rt_nlr_t nlr;
  rt_nlr_push(&nlr);
  if (setjmp(nlr.jb) != 0) { // the exception goes on, into the interrupted code
    rt_state->sched_running = false;
    rt_raise(nlr.exc);
  }
  while (q->len > 0) {
    rt_val_t call = q->items[0];
    memmove(q->items, q->items + 1, (q->len - 1) * sizeof(rt_val_t));
    q->len--;
    rt_obj_call1(rt_tuple_items(call)[0], rt_tuple_items(call)[1]);
  }
  rt_nlr_pop(&nlr);
  rt_state->sched_running = false;
}

static RT_BUILTIN(const_obj, const_, 1, 1, 0, f_const);
static RT_BUILTIN(mem_info_obj, mem_info, 0, 1, 0, f_mem_info);
static RT_BUILTIN(qstr_info_obj, qstr_info, 0, 1, 0, f_qstr_info);
static RT_BUILTIN(opt_level_obj, opt_level, 0, 1, 0, f_opt_level);
static RT_BUILTIN(kbd_intr_obj, kbd_intr, 1, 1, 0, f_kbd_intr);
static RT_BUILTIN(heap_lock_obj, heap_lock, 0, 0, 0, f_heap_lock);
static RT_BUILTIN(heap_unlock_obj, heap_unlock, 0, 0, 0, f_heap_unlock);
static RT_BUILTIN(heap_locked_obj, heap_locked, 0, 0, 0, f_heap_locked);
static RT_BUILTIN(alloc_emergency_exception_buf_obj, alloc_emergency_exception_buf, 1, 1, 0,
                  f_alloc_emergency_exception_buf);
static RT_BUILTIN(schedule_obj, schedule, 2, 2, 0, f_schedule);

static const rt_method_t micropython_table[] = {
    {RT_Q_const_, &const_obj},
    {RT_Q_mem_info, &mem_info_obj},
    {RT_Q_qstr_info, &qstr_info_obj},
    {RT_Q_opt_level, &opt_level_obj},
    {RT_Q_kbd_intr, &kbd_intr_obj},
    {RT_Q_heap_lock, &heap_lock_obj},
    {RT_Q_heap_unlock, &heap_unlock_obj},
    {RT_Q_heap_locked, &heap_locked_obj},
    {RT_Q_alloc_emergency_exception_buf, &alloc_emergency_exception_buf_obj},
    {RT_Q_schedule, &schedule_obj},
    {0, NULL},
};

void rt_micropython_init(rt_dict_t *g) {
  for (const rt_method_t *m = micropython_table; m->name; m++)
    rt_dict_set(g, rt_qstr_val(m->name), rt_val(m->value));
}

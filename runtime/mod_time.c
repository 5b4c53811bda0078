// SPDX-License-Identifier: MIT
// mod_time.c: the time module. Ticks wrap at 2**30 like MicroPython's, so
// they stay small ints on the 32-bit target; ticks_diff gives the signed
// difference modulo that period. Sleeps wait in slices through
// hal_delay_us and raise KeyboardInterrupt when Ctrl-C arrives.
#include "mod_time.h"
#include "hal.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_func.h"
#include "obj_int.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw
#define TICKS_PERIOD (1u << 30)
#define TICKS_MASK (TICKS_PERIOD - 1)

// Waits [us] microseconds, waking at least every 10 ms for Ctrl-C.
static void wait_us(uint64_t us) {
  while (us > 0) {
    uint32_t slice = us > 10000 ? 10000 : (uint32_t)us;
    hal_delay_us(slice);
    hal_poll();
    us -= slice;
    if (rt_state->interrupt) {
      rt_state->interrupt = 0;
      rt_raise(rt_exc_new(&rt_exc_KeyboardInterrupt, 0, NULL));
    }
  }
}

static rt_val_t f_sleep(ARGS) {
  (void)n, (void)kw;
  double s = rt_obj_get_float(args[0]);
  if (s < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("sleep length must be non-negative"));
  wait_us((uint64_t)(s * 1e6));
  return RT_NONE;
}

static rt_val_t f_sleep_ms(ARGS) {
  (void)n, (void)kw;
  intptr_t ms = rt_obj_get_int(args[0]);
  if (ms > 0) wait_us((uint64_t)ms * 1000);
  return RT_NONE;
}

static rt_val_t f_sleep_us(ARGS) {
  (void)n, (void)kw;
  intptr_t us = rt_obj_get_int(args[0]);
  if (us > 0) wait_us((uint64_t)us);
  return RT_NONE;
}

static rt_val_t f_ticks_ms(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_small((intptr_t)(hal_ticks_ms() & TICKS_MASK));
}

static rt_val_t f_ticks_us(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_small((intptr_t)(hal_ticks_us() & TICKS_MASK));
}

static rt_val_t f_ticks_diff(ARGS) {
  (void)n, (void)kw;
  intptr_t a = rt_obj_get_int(args[0]), b = rt_obj_get_int(args[1]);
  intptr_t d =
      (intptr_t)(((uintptr_t)(a - b) + TICKS_PERIOD / 2) & TICKS_MASK) - (intptr_t)(TICKS_PERIOD / 2);
  return rt_small(d);
}

static rt_val_t f_ticks_add(ARGS) {
  (void)n, (void)kw;
  intptr_t a = rt_obj_get_int(args[0]), b = rt_obj_get_int(args[1]);
  return rt_small((intptr_t)((uintptr_t)(a + b) & TICKS_MASK));
}

static rt_val_t f_time(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_int_from((intptr_t)(hal_ticks_ms() / 1000));
}

static rt_val_t f_time_ns(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_int_from_ll((long long)(hal_ticks_us() * 1000));
}

static RT_BUILTIN(sleep_obj, sleep, 1, 1, 0, f_sleep);
static RT_BUILTIN(sleep_ms_obj, sleep_ms, 1, 1, 0, f_sleep_ms);
static RT_BUILTIN(sleep_us_obj, sleep_us, 1, 1, 0, f_sleep_us);
static RT_BUILTIN(ticks_ms_obj, ticks_ms, 0, 0, 0, f_ticks_ms);
static RT_BUILTIN(ticks_us_obj, ticks_us, 0, 0, 0, f_ticks_us);
static RT_BUILTIN(ticks_cpu_obj, ticks_cpu, 0, 0, 0, f_ticks_us);
static RT_BUILTIN(ticks_diff_obj, ticks_diff, 2, 2, 0, f_ticks_diff);
static RT_BUILTIN(ticks_add_obj, ticks_add, 2, 2, 0, f_ticks_add);
static RT_BUILTIN(time_obj, time, 0, 0, 0, f_time);
static RT_BUILTIN(time_ns_obj, time_ns, 0, 0, 0, f_time_ns);

static const rt_method_t time_table[] = {
    {RT_Q_sleep, &sleep_obj},
    {RT_Q_sleep_ms, &sleep_ms_obj},
    {RT_Q_sleep_us, &sleep_us_obj},
    {RT_Q_ticks_ms, &ticks_ms_obj},
    {RT_Q_ticks_us, &ticks_us_obj},
    {RT_Q_ticks_cpu, &ticks_cpu_obj},
    {RT_Q_ticks_diff, &ticks_diff_obj},
    {RT_Q_ticks_add, &ticks_add_obj},
    {RT_Q_time, &time_obj},
    {RT_Q_time_ns, &time_ns_obj},
    {0, NULL},
};

void rt_time_init(rt_dict_t *g) {
  for (const rt_method_t *m = time_table; m->name; m++)
    rt_dict_set(g, rt_qstr_val(m->name), rt_val(m->value));
}

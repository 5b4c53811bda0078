// SPDX-License-Identifier: MIT
// mod_time.c: the time module.
//
// Ticks wrap at 2**30 like MicroPython's, so they stay small ints on the
// 32-bit target; ticks_diff gives the signed difference modulo that
// period. Sleeps wait in slices through hal_delay_us, raise
// KeyboardInterrupt when Ctrl-C arrives and run what micropython.schedule
// queued. ticks_cpu counts microseconds too: the HAL offers no cycle
// counter.
//
// Calendar time counts seconds from 2000-01-01 00:00:00, the ESP8266
// port's epoch, with no time zone (localtime is gmtime). The board has no
// battery clock: time() starts at the epoch at boot. Dates are proleptic
// Gregorian; days are counted from 0001-01-01, a Monday, so that weekday
// is that count modulo 7.
#include "mod_time.h"
#include "hal.h"
#include "mod_micropython.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_tuple.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw
#define TICKS_PERIOD (1u << 30)
#define TICKS_MASK (TICKS_PERIOD - 1)

// Waits [us] microseconds, waking at least every 10 ms for Ctrl-C and for
// scheduled calls.
static void wait_us(uint64_t us) {
  rt_micropython_run_scheduled();
  while (us > 0) {
    uint32_t slice = us > 10000 ? 10000 : (uint32_t)us;
    hal_delay_us(slice);
    hal_poll();
    us -= slice;
    if (rt_state->interrupt) {
      rt_state->interrupt = 0;
      rt_raise(rt_exc_new(&rt_exc_KeyboardInterrupt, 0, NULL));
    }
    rt_micropython_run_scheduled();
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
  wait_us(ms > 0 ? (uint64_t)ms * 1000 : 0);
  return RT_NONE;
}

static rt_val_t f_sleep_us(ARGS) {
  (void)n, (void)kw;
  intptr_t us = rt_obj_get_int(args[0]);
  wait_us(us > 0 ? (uint64_t)us : 0);
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

// ---- calendar ----

static long long floor_div(long long a, long long b) {
  long long q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static bool is_leap(long long y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Days from 0001-01-01 to January 1st of year [y].
static long long days_before_year(long long y) {
  long long p = y - 1;
  return 365 * p + floor_div(p, 4) - floor_div(p, 100) + floor_div(p, 400);
}

static const short month_start[13] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

// Days from the start of year [y] to the first of month [m] (1..12).
static long long days_before_month(long long y, int m) {
  return month_start[m - 1] + (m > 2 && is_leap(y));
}

#define EPOCH_DAYS 730119 // days_before_year(2000)

// Seconds since the epoch -> (year, month, mday, hour, minute, second,
// weekday 0=Monday, yearday 1..366).
static rt_val_t broken_down(long long secs) {
  long long days = floor_div(secs, 86400), rem = secs - days * 86400;
  long long d = days + EPOCH_DAYS;
  long long y = 1 + floor_div(d * 400, 146097);
  while (days_before_year(y) > d)
    y--;
  while (days_before_year(y + 1) <= d)
    y++;
  long long yday = d - days_before_year(y);
  int m = 1;
  while (m < 12 && days_before_month(y, m + 1) <= yday)
    m++;
  rt_val_t t[8] = {
      rt_int_from_ll(y),
      rt_small(m),
      rt_small((intptr_t)(yday - days_before_month(y, m) + 1)),
      rt_small((intptr_t)(rem / 3600)),
      rt_small((intptr_t)(rem / 60 % 60)),
      rt_small((intptr_t)(rem % 60)),
      rt_small((intptr_t)(d - floor_div(d, 7) * 7)),
      rt_small((intptr_t)(yday + 1)),
  };
  return rt_tuple_new(8, t);
}

// The seconds argument of localtime/gmtime: now when absent or None; a
// float is truncated toward minus infinity.
static long long seconds_arg(size_t n, const rt_val_t *args) {
  if (n == 0 || args[0] == RT_NONE) return (long long)(hal_ticks_ms() / 1000);
  if (rt_is_obj(args[0], &rt_float_type)) {
    double s = rt_obj_get_float(args[0]);
    long long k = (long long)s;
    return (double)k > s ? k - 1 : k;
  }
  return rt_obj_get_ll(args[0]);
}

static rt_val_t f_localtime(ARGS) {
  (void)kw;
  return broken_down(seconds_arg(n, args));
}

// mktime((year, month, mday, hour, minute, second, weekday, yearday[, ...]))
// -> seconds since the epoch. Weekday and yearday are ignored; other
// fields out of their range carry into the next larger one.
static rt_val_t f_mktime(ARGS) {
  (void)n, (void)kw;
  rt_val_t *items;
  size_t len = rt_obj_get_items(args[0], &items);
  if (len < 8 || len > 9)
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("mktime(): tuple of 8 or 9 items expected, got %z"), len);
  long long f[6];
  for (int i = 0; i < 6; i++)
    f[i] = rt_obj_get_int(items[i]);
  long long m0 = f[1] - 1;
  long long y = f[0] + floor_div(m0, 12);
  m0 -= floor_div(m0, 12) * 12;
  long long days = days_before_year(y) + days_before_month(y, (int)m0 + 1) + f[2] - 1 - EPOCH_DAYS;
  return rt_int_from_ll(days * 86400 + f[3] * 3600 + f[4] * 60 + f[5]);
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
static RT_BUILTIN(localtime_obj, localtime, 0, 1, 0, f_localtime);
static RT_BUILTIN(gmtime_obj, gmtime, 0, 1, 0, f_localtime);
static RT_BUILTIN(mktime_obj, mktime, 1, 1, 0, f_mktime);

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
    {RT_Q_localtime, &localtime_obj},
    {RT_Q_gmtime, &gmtime_obj},
    {RT_Q_mktime, &mktime_obj},
    {0, NULL},
};

void rt_time_init(rt_dict_t *g) {
  for (const rt_method_t *m = time_table; m->name; m++)
    rt_dict_set(g, rt_qstr_val(m->name), rt_val(m->value));
}

// SPDX-License-Identifier: MIT
// mod_machine_devices.c: machine.ADC, RTC, WDT, Timer and PWM.
#include "board_hal.h"
#include "mod_machine.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "obj_tuple.h"
#include "port_sched.h"
#include "raise.h"

#include <string.h>

typedef struct {
  const rt_type_t *type;
  int id; // timer slot, PWM pin
  uint32_t freq, duty;
} dev_obj_t;

static rt_val_t new_obj(const rt_type_t *t, int id) {
  dev_obj_t *o = rt_gc_alloc(sizeof *o, 0);
  o->type = t;
  o->id = id;
  return rt_val(o);
}

// ---- ADC(0): the TOUT pin, 10 bits ----

static rt_val_t adc_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (n != 1 || rt_obj_get_int(args[0]) != 0)
    rt_raise_msg(&rt_exc_ValueError, "not a valid ADC Channel: 0 only");
  return new_obj(t, 0);
}

static rt_val_t adc_read(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return rt_small(board_adc_read());
}

static rt_val_t adc_read_u16(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  uint32_t v = (uint32_t)board_adc_read();
  return rt_small((intptr_t)(v >= 1024 ? 65535 : v * 64));
}

static const port_def_t adc_defs[] = {PORT_FN("read", adc_read, 1, 1),
                                      PORT_FN("read_u16", adc_read_u16, 1, 1)};
PORT_CLASS(adc_cls, adc_defs);

// ---- RTC: datetime kept as seconds since 2000-01-01 at a tick count ----

static struct {
  int64_t base_s;    // the datetime set, in seconds since 2000-01-01
  uint64_t base_us;  // board_ticks_us when it was set
  uint32_t base_sub; // microseconds of the datetime set
} rtc;

static int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 730425; // days since 2000-01-01
}

static void civil_from_days(int64_t z, int *y, int *m, int *d) {
  z += 730425;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

static rt_val_t rtc_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return new_obj(t, 0);
}

// datetime((year, month, day, weekday, hours, minutes, seconds, subseconds))
static rt_val_t rtc_datetime(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (n == 2) {
    rt_val_t *f;
    size_t len = rt_obj_get_items(args[1], &f);
    if (len < 7 || len > 8) rt_raise_msg(&rt_exc_ValueError, "datetime takes an 8-tuple");
    int64_t days =
        days_from_civil(rt_obj_get_int(f[0]), (int)rt_obj_get_int(f[1]), (int)rt_obj_get_int(f[2]));
    rtc.base_s =
        days * 86400 + rt_obj_get_int(f[4]) * 3600 + rt_obj_get_int(f[5]) * 60 + rt_obj_get_int(f[6]);
    rtc.base_sub = len == 8 ? (uint32_t)rt_obj_get_int(f[7]) : 0;
    rtc.base_us = board_ticks_us();
    return RT_NONE;
  }
  uint64_t us = board_ticks_us() - rtc.base_us + rtc.base_sub;
  int64_t s = rtc.base_s + (int64_t)(us / 1000000u);
  int64_t days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
  int64_t rem = s - days * 86400;
  int y, m, d;
  civil_from_days(days, &y, &m, &d);
  int weekday = (int)(((days % 7) + 7 + 5) % 7); // 2000-01-01 was a Saturday (5)
  rt_val_t items[8] = {rt_small(y),
                       rt_small(m),
                       rt_small(d),
                       rt_small(weekday),
                       rt_small((intptr_t)(rem / 3600)),
                       rt_small((intptr_t)(rem / 60 % 60)),
                       rt_small((intptr_t)(rem % 60)),
                       rt_small((intptr_t)(us % 1000000u))};
  return rt_tuple_new(8, items);
}

// memory([data]): up to 492 bytes that survive every reset but power-on;
// the first two bytes of the RTC area hold the length.
static rt_val_t rtc_memory(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  size_t cap;
  uint8_t *mem = board_rtc_memory(&cap);
  if (n == 2) {
    size_t len;
    const uint8_t *data = port_buffer(args[1], &len);
    if (len > 492 || len + 2 > cap) rt_raise_msg(&rt_exc_ValueError, "buffer too long");
    mem[0] = (uint8_t)len;
    mem[1] = (uint8_t)(len >> 8);
    memcpy(mem + 2, data, len);
    return RT_NONE;
  }
  size_t len = (size_t)mem[0] | (size_t)mem[1] << 8;
  if (len > 492) len = 0;
  return rt_bytes_new((const char *)mem + 2, len);
}

static const port_def_t rtc_defs[] = {PORT_FN("datetime", rtc_datetime, 1, 2),
                                      PORT_FN("memory", rtc_memory, 1, 2)};
PORT_CLASS(rtc_cls, rtc_defs);

// ---- WDT(id=0, timeout=5000) ----

static rt_val_t wdt_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  if (n > 0 && rt_obj_get_int(args[0]) != 0) rt_raise_msg(&rt_exc_ValueError, "WDT(0) only");
  intptr_t ms = rt_obj_get_int(port_kw(kw, "timeout", n > 1 ? args[1] : rt_small(5000)));
  if (ms < 1) rt_raise_msg(&rt_exc_ValueError, "invalid timeout");
  port_sched_wdt_start((uint32_t)ms);
  return new_obj(t, 0);
}

static rt_val_t wdt_feed(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  port_sched_wdt_feed();
  return RT_NONE;
}

static const port_def_t wdt_defs[] = {PORT_FN("feed", wdt_feed, 1, 1)};
PORT_CLASS(wdt_cls, wdt_defs);

// ---- Timer(id): software timers run by the scheduler ----

enum { ONE_SHOT = 0, PERIODIC = 1 };

// init(*, mode=PERIODIC, period=-1, freq=-1, callback=None)
static rt_val_t timer_init(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n;
  dev_obj_t *o = (dev_obj_t *)args[0];
  intptr_t mode = rt_obj_get_int(port_kw(kw, "mode", rt_small(PERIODIC)));
  intptr_t period = rt_obj_get_int(port_kw(kw, "period", rt_small(-1)));
  rt_val_t freq = port_kw(kw, "freq", RT_NONE);
  rt_val_t cb = port_kw(kw, "callback", RT_NONE);
  uint64_t us;
  if (freq != RT_NONE) {
    double hz = rt_obj_get_float(freq);
    if (!(hz > 0)) rt_raise_msg(&rt_exc_ValueError, "invalid freq");
    us = (uint64_t)(1e6 / hz);
  } else {
    if (period < 0) rt_raise_msg(&rt_exc_ValueError, "period or freq needed");
    us = (uint64_t)period * 1000u;
  }
  if (mode != ONE_SHOT && mode != PERIODIC) rt_raise_msg(&rt_exc_ValueError, "invalid mode");
  if (us > UINT32_MAX) rt_raise_msg(&rt_exc_ValueError, "period too long");
  port_sched_timer(o->id, cb == RT_NONE ? RT_NULL : cb, rt_val(o), (uint32_t)us, mode == PERIODIC);
  return RT_NONE;
}

static rt_val_t timer_deinit(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  port_sched_timer(((dev_obj_t *)args[0])->id, RT_NULL, RT_NONE, 0, false);
  return RT_NONE;
}

static port_class_t *timer_class(void);

static rt_val_t timer_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  intptr_t id = n ? rt_obj_get_int(args[0]) : -1;
  if (id < -1 || id >= PORT_SCHED_TIMERS - 1) rt_raise_msg(&rt_exc_ValueError, "Timer id -1..2");
  rt_val_t o = new_obj(t, (int)(id + 1));
  if (kw) {
    rt_val_t self[1] = {o};
    timer_init(1, self, kw);
  }
  return o;
}

static const port_def_t timer_defs[] = {
    PORT_FN_KW("init", timer_init, 1, 1),
    PORT_FN("deinit", timer_deinit, 1, 1),
    PORT_CONST("ONE_SHOT", ONE_SHOT),
    PORT_CONST("PERIODIC", PERIODIC),
};
PORT_CLASS(timer_cls, timer_defs);

static port_class_t *timer_class(void) {
  return &timer_cls;
}

rt_val_t port_devices_setup(void *ns) {
  (void)timer_class;
  adc_cls.type.make_new = adc_make_new;
  port_class_setup(&adc_cls, "ADC");
  port_ns_set(ns, "ADC", rt_val(&adc_cls.type));
  rtc_cls.type.make_new = rtc_make_new;
  port_class_setup(&rtc_cls, "RTC");
  port_ns_set(ns, "RTC", rt_val(&rtc_cls.type));
  wdt_cls.type.make_new = wdt_make_new;
  port_class_setup(&wdt_cls, "WDT");
  port_ns_set(ns, "WDT", rt_val(&wdt_cls.type));
  timer_cls.type.make_new = timer_make_new;
  port_class_setup(&timer_cls, "Timer");
  port_ns_set(ns, "Timer", rt_val(&timer_cls.type));
  return RT_NONE;
}

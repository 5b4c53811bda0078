// SPDX-License-Identifier: MIT
// mod_machine_pwm.c: machine.PWM over the PWM engine (port_pwm.h).
//
// PWM(pin, freq=500, duty=512, *, duty_u16, duty_ns): freq 1..1000 Hz as
// on the ESP8266; duty 0..1023 (10 bits), duty_u16 0..65535, duty_ns the
// high time. freq(), duty(), duty_u16(), duty_ns() read or set.
#include "mod_machine.h"
#include "obj_exc.h"
#include "port_pwm.h"
#include "print.h"
#include "raise.h"

#define FREQ_MAX 1000
#define DUTY_MAX 1024 // duty counts in a period: duty(1023) is not quite 100 %

typedef struct {
  const rt_type_t *type;
  int pin;
  uint32_t freq;
  uint32_t high_ns; // high time per period
  bool running;
} pwm_obj_t;

static uint32_t period_ns(const pwm_obj_t *o) {
  return 1000000000u / o->freq;
}

static void apply(pwm_obj_t *o) {
  uint32_t period_us = 1000000u / o->freq, high_us = (o->high_ns + 500) / 1000;
  if (!port_pwm_set(o->pin, period_us, high_us)) rt_raise_msg(&rt_exc_ValueError, "all PWM channels in use");
  o->running = true;
}

static void set_freq(pwm_obj_t *o, rt_val_t v) {
  intptr_t f = rt_obj_get_int(v);
  if (f < 1 || f > FREQ_MAX) rt_raise_msg(&rt_exc_ValueError, "freq must be 1..1000 Hz");
  uint64_t fraction = o->freq ? (uint64_t)o->high_ns * 65536u / period_ns(o) : 32768u;
  o->freq = (uint32_t)f;
  o->high_ns = (uint32_t)(fraction * period_ns(o) / 65536u); // the duty cycle stays
}

static void set_u16(pwm_obj_t *o, intptr_t u16) {
  if (u16 < 0 || u16 > 65535) rt_raise_msg(&rt_exc_ValueError, "duty_u16 must be 0..65535");
  o->high_ns = (uint32_t)((uint64_t)u16 * period_ns(o) / 65536u);
}

static void set_duty(pwm_obj_t *o, intptr_t duty) {
  if (duty < 0 || duty > DUTY_MAX - 1) rt_raise_msg(&rt_exc_ValueError, "duty must be 0..1023");
  o->high_ns = (uint32_t)((uint64_t)duty * period_ns(o) / DUTY_MAX);
}

// The settings after self (and the pin for the constructor).
static void configure(pwm_obj_t *o, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_val_t v;
  if ((v = port_kw(kw, "freq", n > 0 ? args[0] : RT_NULL))) set_freq(o, v);
  if ((v = port_kw(kw, "duty", n > 1 ? args[1] : RT_NULL))) set_duty(o, rt_obj_get_int(v));
  if ((v = port_kw(kw, "duty_u16", RT_NULL))) set_u16(o, rt_obj_get_int(v));
  if ((v = port_kw(kw, "duty_ns", RT_NULL))) {
    intptr_t ns = rt_obj_get_int(v);
    if (ns < 0 || (uint64_t)ns > period_ns(o))
      rt_raise_msg(&rt_exc_ValueError, "duty_ns longer than the period");
    o->high_ns = (uint32_t)ns;
  }
  apply(o);
}

static rt_val_t pwm_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  if (n < 1) rt_raise_msg(&rt_exc_TypeError, "PWM() needs a pin");
  pwm_obj_t *o = rt_gc_alloc(sizeof *o, 0);
  o->type = t;
  o->pin = port_pin_id(args[0]);
  o->freq = 500;
  o->high_ns = period_ns(o) / 2;
  configure(o, n - 1, args + 1, kw);
  return rt_val(o);
}

static pwm_obj_t *self(rt_val_t v) {
  return (pwm_obj_t *)v;
}

static rt_val_t pwm_init(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  configure(self(args[0]), n - 1, args + 1, kw);
  return RT_NONE;
}

static rt_val_t pwm_deinit(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  port_pwm_stop(self(args[0])->pin);
  self(args[0])->running = false;
  return RT_NONE;
}

static rt_val_t pwm_freq(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  pwm_obj_t *o = self(args[0]);
  if (n == 1) return rt_small((intptr_t)o->freq);
  set_freq(o, args[1]);
  apply(o);
  return RT_NONE;
}

static rt_val_t pwm_duty(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  pwm_obj_t *o = self(args[0]);
  if (n == 1)
    return rt_small((intptr_t)(((uint64_t)o->high_ns * DUTY_MAX + period_ns(o) / 2) / period_ns(o)));
  set_duty(o, rt_obj_get_int(args[1]));
  apply(o);
  return RT_NONE;
}

static rt_val_t pwm_duty_u16(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  pwm_obj_t *o = self(args[0]);
  if (n == 1) {
    uint64_t u = ((uint64_t)o->high_ns * 65536u + period_ns(o) / 2) / period_ns(o);
    return rt_small((intptr_t)(u > 65535 ? 65535 : u));
  }
  set_u16(o, rt_obj_get_int(args[1]));
  apply(o);
  return RT_NONE;
}

static rt_val_t pwm_duty_ns(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  pwm_obj_t *o = self(args[0]);
  if (n == 1) return rt_small((intptr_t)o->high_ns);
  (void)kw;
  intptr_t ns = rt_obj_get_int(args[1]);
  if (ns < 0 || (uint64_t)ns > period_ns(o))
    rt_raise_msg(&rt_exc_ValueError, "duty_ns longer than the period");
  o->high_ns = (uint32_t)ns;
  apply(o);
  return RT_NONE;
}

static void pwm_print(rt_printer_t *p, rt_val_t v, bool repr) {
  (void)repr;
  pwm_obj_t *o = self(v);
  rt_print_format(p, "PWM(Pin(%d), freq=%u, duty_ns=%u)", o->pin, (unsigned)o->freq, (unsigned)o->high_ns);
}

static const port_def_t pwm_defs[] = {
    PORT_FN_KW("init", pwm_init, 1, 3),      PORT_FN("deinit", pwm_deinit, 1, 1),
    PORT_FN("freq", pwm_freq, 1, 2),         PORT_FN("duty", pwm_duty, 1, 2),
    PORT_FN("duty_u16", pwm_duty_u16, 1, 2), PORT_FN("duty_ns", pwm_duty_ns, 1, 2),
};
PORT_CLASS(pwm_cls, pwm_defs);

void port_pwm_class_setup(void *ns) {
  pwm_cls.type.make_new = pwm_make_new;
  pwm_cls.type.print = pwm_print;
  port_class_setup(&pwm_cls, "PWM");
  port_ns_set(ns, "PWM", rt_val(&pwm_cls.type));
}

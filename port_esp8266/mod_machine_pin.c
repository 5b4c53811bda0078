// SPDX-License-Identifier: MIT
// mod_machine_pin.c: machine.Pin over board_hal.h's pins.
//
// Pin(id, mode=-1, pull=-1, *, value=None): mode IN, OUT or OPEN_DRAIN;
// pull None or PULL_UP (the ESP8266 has no pull-down). GPIO6..11 hold the
// SPI flash and are refused, as on the chip. irq(handler, trigger) runs
// handler(pin) from the scheduler after a rising and/or falling edge.
#include "mod_machine.h"
#include "board_hal.h"
#include "obj_exc.h"
#include "port_sched.h"
#include "print.h"
#include "raise.h"

enum { MODE_IN = 0, MODE_OUT = 1, MODE_OPEN_DRAIN = 2 };
enum { PULL_NONE = -1, PULL_UP = 1 };

typedef struct {
  const rt_type_t *type;
  int id;
  int mode, pull;
} pin_obj_t;

static port_class_t *pin_class(void);

static void apply_mode(pin_obj_t *p) {
  int hal;
  if (p->mode == MODE_OUT)
    hal = BOARD_PIN_OUTPUT;
  else if (p->mode == MODE_OPEN_DRAIN)
    hal = p->pull == PULL_UP ? BOARD_PIN_OPEN_DRAIN_PULLUP : BOARD_PIN_OPEN_DRAIN;
  else
    hal = p->pull == PULL_UP ? BOARD_PIN_INPUT_PULLUP : BOARD_PIN_INPUT;
  if (board_pin_mode(p->id, hal) < 0) rt_raise_msg(&rt_exc_ValueError, "invalid pin");
}

int port_pin_id(rt_val_t v) {
  if (rt_is_obj(v, &pin_class()->type)) return ((pin_obj_t *)v)->id;
  intptr_t id = rt_obj_get_int(v);
  if (id < 0 || id >= BOARD_PIN_COUNT || (id >= 6 && id <= 11))
    rt_raise_msg(&rt_exc_ValueError, "invalid pin");
  return (int)id;
}

// init(mode=-1, pull=-1, *, value=None): the arguments after self.
static void pin_configure(pin_obj_t *p, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_val_t mode = port_kw(kw, "mode", n > 0 ? args[0] : rt_small(-1));
  rt_val_t pull = port_kw(kw, "pull", n > 1 ? args[1] : rt_small(-1));
  rt_val_t value = port_kw(kw, "value", RT_NONE);
  if (mode != RT_NONE && rt_obj_get_int(mode) != -1) {
    intptr_t m = rt_obj_get_int(mode);
    if (m < MODE_IN || m > MODE_OPEN_DRAIN) rt_raise_msg(&rt_exc_ValueError, "invalid pin mode");
    p->mode = (int)m;
  }
  if (pull == RT_NONE) {
    p->pull = PULL_NONE;
  } else if (rt_obj_get_int(pull) != -1) {
    if (rt_obj_get_int(pull) != PULL_UP) rt_raise_msg(&rt_exc_ValueError, "invalid pull");
    p->pull = PULL_UP;
  }
  // The latch first, so that an output starts at the level asked for.
  if (value != RT_NONE) board_pin_write(p->id, rt_obj_truthy(value));
  apply_mode(p);
}

static rt_val_t pin_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  if (n < 1) rt_raise_msg(&rt_exc_TypeError, "Pin() needs an id");
  int id = port_pin_id(args[0]);
  pin_obj_t *p = rt_gc_alloc(sizeof *p, 0);
  p->type = t;
  p->id = id;
  p->mode = MODE_IN;
  p->pull = PULL_NONE;
  if (n > 1 || kw) pin_configure(p, n - 1, args + 1, kw);
  return rt_val(p);
}

static rt_val_t pin_init(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  pin_configure((pin_obj_t *)args[0], n - 1, args + 1, kw);
  return RT_NONE;
}

static rt_val_t pin_value(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  pin_obj_t *p = (pin_obj_t *)args[0];
  if (n == 1) return rt_small(board_pin_read(p->id));
  board_pin_write(p->id, rt_obj_truthy(args[1]));
  return RT_NONE;
}

static rt_val_t pin_call(rt_val_t self, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_val_t all[2] = {self, n ? args[0] : RT_NONE};
  if (n > 1) rt_raise_msg(&rt_exc_TypeError, "Pin() takes at most 1 argument");
  return pin_value(n + 1, all, kw);
}

static rt_val_t pin_on(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  board_pin_write(((pin_obj_t *)args[0])->id, 1);
  return RT_NONE;
}

static rt_val_t pin_off(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  board_pin_write(((pin_obj_t *)args[0])->id, 0);
  return RT_NONE;
}

static rt_val_t pin_mode(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  pin_obj_t *p = (pin_obj_t *)args[0];
  if (n == 1) return rt_small(p->mode);
  rt_val_t a[1] = {args[1]};
  pin_configure(p, 1, a, NULL);
  return RT_NONE;
}

static rt_val_t pin_pull(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  pin_obj_t *p = (pin_obj_t *)args[0];
  if (n == 1) return p->pull == PULL_UP ? rt_small(PULL_UP) : RT_NONE;
  rt_val_t a[2] = {rt_small(-1), args[1]};
  pin_configure(p, 2, a, NULL);
  return RT_NONE;
}

// irq(handler=None, trigger=IRQ_FALLING | IRQ_RISING)
static rt_val_t pin_irq(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  pin_obj_t *p = (pin_obj_t *)args[0];
  rt_val_t handler = port_kw(kw, "handler", n > 1 ? args[1] : RT_NONE);
  intptr_t trigger = rt_obj_get_int(
      port_kw(kw, "trigger", n > 2 ? args[2] : rt_small(BOARD_IRQ_RISING | BOARD_IRQ_FALLING)));
  if (trigger & ~(intptr_t)(BOARD_IRQ_RISING | BOARD_IRQ_FALLING))
    rt_raise_msg(&rt_exc_ValueError, "invalid trigger");
  port_sched_pin(p->id, handler, rt_val(p));
  board_pin_irq(p->id, handler == RT_NONE ? 0 : (int)trigger);
  return RT_NONE;
}

static void pin_print(rt_printer_t *pr, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_format(pr, "Pin(%d)", ((pin_obj_t *)self)->id);
}

static const port_def_t pin_defs[] = {
    PORT_FN_KW("init", pin_init, 1, 3),
    PORT_FN("value", pin_value, 1, 2),
    PORT_FN("on", pin_on, 1, 1),
    PORT_FN("off", pin_off, 1, 1),
    PORT_FN("mode", pin_mode, 1, 2),
    PORT_FN("pull", pin_pull, 1, 2),
    PORT_FN_KW("irq", pin_irq, 1, 3),
    PORT_CONST("IN", MODE_IN),
    PORT_CONST("OUT", MODE_OUT),
    PORT_CONST("OPEN_DRAIN", MODE_OPEN_DRAIN),
    PORT_CONST("PULL_UP", PULL_UP),
    PORT_CONST("IRQ_RISING", BOARD_IRQ_RISING),
    PORT_CONST("IRQ_FALLING", BOARD_IRQ_FALLING),
};
PORT_CLASS(pin_cls, pin_defs);

static port_class_t *pin_class(void) {
  return &pin_cls;
}

rt_val_t port_pin_class(void) {
  pin_cls.type.make_new = pin_make_new;
  pin_cls.type.call = pin_call;
  pin_cls.type.print = pin_print;
  port_class_setup(&pin_cls, "Pin");
  return rt_val(&pin_cls.type);
}

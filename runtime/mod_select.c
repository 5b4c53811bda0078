// SPDX-License-Identifier: MIT
// mod_select.c: select.poll over stream-like objects, as on MicroPython.
//
// An object is pollable when it has an ioctl(request, arg) method: poll
// calls obj.ioctl(3, events) (MicroPython's MP_STREAM_POLL) and takes the
// returned mask of ready events. The console streams (sys.stdin,
// sys.stdout, sys.stderr, or the numbers 0, 1, 2) are pollable without
// that: stdin is readable when hal_console_pending() says bytes wait,
// output is always writable. poll() returns (object, events) pairs; it
// waits in short sleeps, serving the port (hal_poll) and Ctrl-C meanwhile.
#include "mod_select.h"
#include "gc.h"
#include "hal.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_list.h"
#include "obj_module.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

#define POLL_IN 0x01
#define POLL_PRI 0x02
#define POLL_OUT 0x04
#define POLL_ERR 0x08
#define POLL_HUP 0x10
#define POLL_NVAL 0x20
#define STREAM_POLL 3 // the ioctl request

typedef struct {
  const rt_type_t *type;
  rt_dict_t *entries; // object -> registered event mask (small int)
} poll_obj_t;

extern const rt_type_t poll_type;
#define PO(v) ((poll_obj_t *)(v))

// Which console stream [obj] is (0, 1, 2), or -1 when it is none.
static int console_stream(rt_val_t obj) {
  if (rt_is_small(obj) && rt_small_get(obj) >= 0 && rt_small_get(obj) <= 2) return (int)rt_small_get(obj);
  rt_val_t sys_module = rt_dict_get(rt_state->modules, RT_QV(sys));
  if (!sys_module) return -1; // never imported: nobody holds its streams
  rt_dict_t *sys = rt_module_dict(sys_module);
  static const unsigned short names[3] = {RT_Q_stdin, RT_Q_stdout, RT_Q_stderr};
  for (int k = 0; k < 3; k++)
    if (rt_dict_get(sys, rt_qstr_val(names[k])) == obj) return k;
  return -1;
}

static void check_pollable(rt_val_t obj) {
  rt_val_t m[2];
  if (console_stream(obj) < 0 && !rt_obj_load_method_maybe(obj, RT_QV(ioctl), m))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("object with stream.ioctl required"));
}

// The events of [mask] (plus errors and hang-up, always reported) that
// [obj] has ready now.
static int ready_events(rt_val_t obj, int mask) {
  int stream = console_stream(obj), ready;
  if (stream == 0) {
    ready = hal_console_pending() > 0 ? POLL_IN : 0;
  } else if (stream > 0) {
    ready = POLL_OUT;
  } else {
    rt_val_t m[2];
    if (!rt_obj_load_method_maybe(obj, RT_QV(ioctl), m)) return POLL_NVAL;
    rt_val_t call_args[2] = {rt_small(STREAM_POLL), rt_small(mask)};
    rt_val_t r = rt_obj_call_method(m, 2, call_args);
    ready = r == RT_NONE ? 0 : (int)rt_obj_get_int(r);
  }
  return ready & (mask | POLL_ERR | POLL_HUP | POLL_NVAL);
}

static rt_val_t p_register(ARGS) {
  (void)kw;
  check_pollable(args[1]);
  int mask = n > 2 ? (int)rt_obj_get_int(args[2]) : POLL_IN | POLL_OUT;
  rt_dict_set(PO(args[0])->entries, args[1], rt_small(mask));
  return RT_NONE;
}

static rt_val_t p_unregister(ARGS) {
  (void)n, (void)kw;
  if (!rt_dict_pop(PO(args[0])->entries, args[1])) rt_raise(rt_exc_new1(&rt_exc_KeyError, args[1]));
  return RT_NONE;
}

static rt_val_t p_modify(ARGS) {
  (void)n, (void)kw;
  rt_dict_t *d = PO(args[0])->entries;
  if (!rt_dict_get(d, args[1])) {
    rt_val_t e[2] = {rt_small(2), rt_str_new_cstr("No such file or directory")}; // ENOENT
    rt_raise(rt_exc_new(&rt_exc_OSError, 2, e));
  }
  rt_dict_set(d, args[1], rt_small(rt_obj_get_int(args[2])));
  return RT_NONE;
}

// The timeout argument in ms: negative (or None, or absent) waits forever.
static intptr_t timeout_ms(size_t n, const rt_val_t *args) {
  if (n < 2 || args[1] == RT_NONE) return -1;
  return rt_obj_get_int(args[1]);
}

// Waits until some registered object is ready or [timeout] ms passed;
// returns a list of (object, events). With [one_shot], a reported entry's
// mask is cleared until modify() sets it again.
static rt_val_t poll_wait(poll_obj_t *po, intptr_t timeout, bool one_shot) {
  uint32_t start = hal_ticks_ms();
  for (;;) {
    rt_val_t list = rt_list_new(0);
    size_t pos = 0;
    rt_dict_entry_t *e;
    while ((e = rt_dict_next(po->entries, &pos))) {
      int mask = (int)rt_small_get(e->value);
      int ready = ready_events(e->key, mask);
      if (!ready) continue;
      rt_val_t pair[2] = {e->key, rt_small(ready)};
      rt_list_append(list, rt_tuple_new(2, pair));
      if (one_shot) e->value = rt_small(0);
    }
    if (rt_obj_len(list) || (timeout >= 0 && (intptr_t)(hal_ticks_ms() - start) >= timeout)) return list;
    hal_poll();
    if (rt_state->interrupt) {
      rt_state->interrupt = 0;
      rt_raise(rt_exc_new(&rt_exc_KeyboardInterrupt, 0, NULL));
    }
    hal_delay_us(1000);
  }
}

static rt_val_t p_poll(ARGS) {
  (void)kw;
  return poll_wait(PO(args[0]), timeout_ms(n, args), false);
}

static rt_val_t p_ipoll(ARGS) {
  (void)kw;
  bool one_shot = n > 2 && (rt_obj_get_int(args[2]) & 1);
  return rt_obj_getiter(poll_wait(PO(args[0]), timeout_ms(n, args), one_shot));
}

static void poll_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_format(p, "<poll object at %p>", (void *)self);
}

static RT_BUILTIN(register_obj, register, 2, 3, 0, p_register);
static RT_BUILTIN(unregister_obj, unregister, 2, 2, 0, p_unregister);
static RT_BUILTIN(modify_obj, modify, 3, 3, 0, p_modify);
static RT_BUILTIN(poll_method_obj, poll, 1, 2, 0, p_poll);
static RT_BUILTIN(ipoll_obj, ipoll, 1, 3, 0, p_ipoll);
static const rt_method_t poll_methods[] = {
    {RT_Q_register, &register_obj}, {RT_Q_unregister, &unregister_obj}, {RT_Q_modify, &modify_obj},
    {RT_Q_poll, &poll_method_obj},  {RT_Q_ipoll, &ipoll_obj},           {0, NULL},
};

const rt_type_t poll_type = {
    .type = &rt_type_type,
    .name = RT_Q_poll,
    .base = &rt_object_type,
    .methods = poll_methods,
    .print = poll_print,
};

static rt_val_t f_poll(ARGS) {
  (void)n, (void)args, (void)kw;
  poll_obj_t *po = rt_gc_alloc(sizeof *po, 0);
  po->type = &poll_type;
  po->entries = rt_dict_new(4);
  return rt_val(po);
}

static RT_BUILTIN(poll_obj, poll, 0, 0, 0, f_poll);

void rt_select_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(poll), rt_val(&poll_obj));
  rt_dict_set(g, RT_QV(POLLIN), rt_small(POLL_IN));
  rt_dict_set(g, RT_QV(POLLPRI), rt_small(POLL_PRI));
  rt_dict_set(g, RT_QV(POLLOUT), rt_small(POLL_OUT));
  rt_dict_set(g, RT_QV(POLLERR), rt_small(POLL_ERR));
  rt_dict_set(g, RT_QV(POLLHUP), rt_small(POLL_HUP));
  rt_dict_set(g, RT_QV(POLLNVAL), rt_small(POLL_NVAL));
}
